package org.normdoc;

import java.util.List;
import java.util.Objects;

/**
 * A document the clean-up looked at (SPEC §6): its id, its number (发文字号, "" when none), its
 * status as of the day, the action proposed (the strongest of its findings'; retain when none) and
 * its findings in the order of SPEC §6's table.
 */
public record CleanupItem(String id, String number, Status status, Action action, List<Finding> findings) {
    public CleanupItem {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(action, "action");
        Objects.requireNonNull(findings, "findings");
    }

    /** Whether it has a finding with this code. */
    public boolean has(FindingCode code) {
        for (Finding f : findings)
            if (f.code() == code) return true;
        return false;
    }
}
