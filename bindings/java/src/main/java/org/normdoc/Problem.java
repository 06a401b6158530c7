package org.normdoc;

import java.util.Objects;

/**
 * A validation problem (SPEC §7): where it is (file and line; line 0 when there is no source line,
 * file empty for a corpus built in code), how bad, its code ({@code UNKNOWN_REF}) and a message.
 * {@link #toString()} is the CLI's line {@code FILE:LINE: error: CODE: message}.
 */
public record Problem(String file, long line, Severity severity, String code, String message) {
    public Problem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(message, "message");
    }

    public boolean isError() { return severity == Severity.ERROR; }

    @Override
    public String toString() {
        return file + ":" + line + ": " + severity.text() + ": " + code + ": " + message;
    }
}
