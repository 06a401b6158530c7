package org.normdoc;

import java.time.LocalDate;
import java.util.AbstractList;
import java.util.RandomAccess;

/**
 * The status of every document as of a day, by id in byte order: in Java arrays (one column per
 * field, copied from the library in one call), each {@link DocumentStatus} made when it is asked
 * for. {@link #status(int)}, {@link #lastDay(int)}, {@link #amended(int)} and {@link #id(int)} read
 * the columns without making one. Immutable.
 */
public final class StatusList extends AbstractList<DocumentStatus> implements RandomAccess {
    private final String[] ids;
    private final int[] status;
    private final int[] lastDay;
    private final byte[] amended;

    StatusList(String[] ids, int[] status, int[] lastDay, byte[] amended) {
        this.ids = ids;
        this.status = status;
        this.lastDay = lastDay;
        this.amended = amended;
    }

    @Override
    public DocumentStatus get(int i) {
        return new DocumentStatus(ids[i], Status.of(status[i]), Abi.day(lastDay[i]), amended[i] != 0);
    }

    @Override
    public int size() { return status.length; }

    public String id(int i) { return ids[i]; }
    public Status status(int i) { return Status.of(status[i]); }
    /** The last day of its term as of the day; null when it has none. */
    public LocalDate lastDay(int i) { return Abi.day(lastDay[i]); }
    public boolean amended(int i) { return amended[i] != 0; }
}
