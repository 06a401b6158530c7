package org.normdoc;

/** The C ABI's status codes (nd_status), each with the CLI's exit code for it (SPEC §10). */
public enum ErrorCode {
    OK(0),
    INVALID_ARGUMENT(2),
    INVALID_HANDLE(4),
    NOMEM(4),
    IO(3),
    INVALID_CORPUS(1),
    INVALID_PLAN(1),
    BAD_DATE(2),
    BAD_UTF8(2),
    UNKNOWN_ID(2),
    AMBIGUOUS_ID(2),
    UNKNOWN_SCOPE(2),
    WRONG_CORPUS(2),
    INTERNAL(4);

    private final int exitCode;

    ErrorCode(int exitCode) { this.exitCode = exitCode; }

    /** SPEC §10: 1 invalid corpus or plan, 2 usage, 3 I/O, 4 internal. */
    public int exitCode() { return exitCode; }

    static ErrorCode of(int code) {
        ErrorCode[] all = values();
        return code >= 0 && code < all.length ? all[code] : INTERNAL;
    }
}
