package org.normdoc;

import java.util.Objects;

/** A clean-up finding (SPEC §6): its code, the action it calls for, and what was found, in English. */
public record Finding(FindingCode code, Action action, String detail) {
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(detail, "detail");
    }
}
