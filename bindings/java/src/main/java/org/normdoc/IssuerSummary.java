package org.normdoc;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/**
 * The clean-up's counts for one issuing authority (the report's 拟废止 N 份 …; a jointly issued
 * document counts for each issuer), or the total (each document once) when {@link #isTotal()}.
 */
public final class IssuerSummary {
    private final String authorityId;
    private final String authorityName;
    private final Map<Action, Integer> counts;
    private final int total;

    IssuerSummary(String authorityId, String authorityName, int[] counts) {
        this.authorityId = authorityId;
        this.authorityName = authorityName;
        EnumMap<Action, Integer> m = new EnumMap<>(Action.class);
        int t = 0;
        for (Action a : Action.values()) {
            m.put(a, counts[a.ordinal()]);
            t += counts[a.ordinal()];
        }
        this.counts = Collections.unmodifiableMap(m);
        this.total = t;
    }

    /** The authority's id; "" for the total. */
    public String authorityId() { return authorityId; }
    /** The authority's name; "" for the total. */
    public String authorityName() { return authorityName; }
    public boolean isTotal() { return authorityId.isEmpty(); }
    public int count(Action a) { return counts.get(a); }
    public Map<Action, Integer> counts() { return counts; }
    public int total() { return total; }

    @Override
    public String toString() { return (isTotal() ? "total" : authorityId) + " " + counts; }
}
