package org.normdoc;

import java.util.Objects;

/** A clean-up finding (SPEC §6): its code, the action it calls for, and what was found, in English. */
public record Finding(FindingCode code, Action action, String detail) {
    public Finding {
        Objects.requireNonNull(code, "code");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(detail, "detail");
    }

    // The findings of a clean-up without details: one shared object per (code, action).
    private static final Finding[][] PLAIN = new Finding[FindingCode.values().length][Action.values().length];

    static {
        for (FindingCode c : FindingCode.values())
            for (Action a : Action.values()) PLAIN[c.ordinal()][a.ordinal()] = new Finding(c, a, "");
    }

    static Finding of(FindingCode code, Action action) { return PLAIN[code.ordinal()][action.ordinal()]; }
}
