package org.normdoc;

import java.util.Objects;

/** A document that depends on the one asked about: its id, its depth (1 = direct) and its status. */
public record ImpactEntry(String id, int depth, Status status) {
    public ImpactEntry {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(status, "status");
    }
}
