package org.normdoc;

/**
 * A failure inside the library that the caller could not prevent: out of memory or a broken
 * invariant (SPEC §10 exit 4). Bad arguments are {@link NormDocArgumentException}, I/O failures
 * {@link java.io.IOException}, invalid corpora and plans results with problems.
 */
public class NormDocException extends RuntimeException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public NormDocException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() { return code; }

    /** The CLI's exit code for this failure. */
    public int exitCode() { return code.exitCode(); }
}
