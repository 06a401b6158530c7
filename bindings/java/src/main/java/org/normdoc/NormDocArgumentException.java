package org.normdoc;

/**
 * An argument the library refused (SPEC §10 usage error, exit 2): a bad date, a string that is not
 * well-formed Unicode, a document id or 发文字号 the corpus does not hold (or holds several times),
 * an unknown scope authority. {@link #code()} says which.
 */
public class NormDocArgumentException extends IllegalArgumentException {
    private static final long serialVersionUID = 1L;
    private final ErrorCode code;

    public NormDocArgumentException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ErrorCode code() { return code; }

    public int exitCode() { return code.exitCode(); }
}
