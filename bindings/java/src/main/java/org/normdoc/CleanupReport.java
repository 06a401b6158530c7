package org.normdoc;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/**
 * The clean-up as of a day (SPEC §6), all in Java: every document looked at, by id in byte order
 * (retain ones included), and the summary by issuing authority. Holds nothing native.
 */
public final class CleanupReport {
    private final LocalDate asOf;
    private final String scope;  // null: all
    private final List<CleanupItem> items;
    private final List<IssuerSummary> summary;
    private final int[] counts = new int[Action.values().length];

    CleanupReport(LocalDate asOf, String scope, List<CleanupItem> items, List<IssuerSummary> summary) {
        this.asOf = asOf;
        this.scope = scope;
        this.items = items;
        this.summary = summary;
        for (CleanupItem item : items) ++counts[item.action().ordinal()];
    }

    public LocalDate asOf() { return asOf; }
    /** The scope authority's id; empty when the clean-up is of all documents. */
    public Optional<String> scope() { return Optional.ofNullable(scope); }
    public List<CleanupItem> items() { return items; }
    /** Per issuing authority in the corpus's order, then the total ({@link IssuerSummary#isTotal()}). */
    public List<IssuerSummary> summaryByIssuer() { return summary; }
    /** How many items have action {@code a}. */
    public int count(Action a) { return counts[a.ordinal()]; }
}
