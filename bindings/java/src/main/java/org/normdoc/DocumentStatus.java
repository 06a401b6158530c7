package org.normdoc;

import java.time.LocalDate;
import java.util.Objects;
import java.util.Optional;

/**
 * The status of one document as of a day (SPEC §5) and the last day of its term as of that day
 * (SPEC §4, extensions included, whatever its status), or none when it has no term.
 */
public final class DocumentStatus {
    private final String id;
    private final Status status;
    private final LocalDate lastDay;  // null: no last day
    private final boolean amended;

    public DocumentStatus(String id, Status status, LocalDate lastDay, boolean amended) {
        this.id = Objects.requireNonNull(id, "id");
        this.status = Objects.requireNonNull(status, "status");
        this.lastDay = lastDay;
        this.amended = amended;
    }

    public String id() { return id; }
    public Status status() { return status; }
    public Optional<LocalDate> lastDay() { return Optional.ofNullable(lastDay); }
    public boolean amended() { return amended; }

    @Override
    public boolean equals(Object o) {
        return o instanceof DocumentStatus s && id.equals(s.id) && status == s.status
                && Objects.equals(lastDay, s.lastDay) && amended == s.amended;
    }

    @Override
    public int hashCode() { return Objects.hash(id, status, lastDay, amended); }

    @Override
    public String toString() {
        return id + " " + status + (lastDay != null ? " until " + lastDay : "") + (amended ? " (amended)" : "");
    }
}
