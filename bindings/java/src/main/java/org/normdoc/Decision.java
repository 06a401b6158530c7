package org.normdoc;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The decision document that applying a plan creates (SPEC §6): its id, number, title, issuers
 * (several for a joint decision), date (published = effective = the relations' date) and kind
 * (null for {@code other}).
 */
public record Decision(String id, String number, String title, List<String> issuers, LocalDate date, String kind) {
    public Decision {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(number, "number");
        Objects.requireNonNull(title, "title");
        issuers = List.copyOf(issuers);
        Objects.requireNonNull(date, "date");
    }

    public Decision(String id, String number, String title, List<String> issuers, LocalDate date) {
        this(id, number, title, issuers, date, null);
    }
}
