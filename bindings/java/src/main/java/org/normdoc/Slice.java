package org.normdoc;

import java.util.AbstractList;
import java.util.RandomAccess;

/** An unmodifiable view of part of an array: a million items' finding lists cost one object each. */
final class Slice<T> extends AbstractList<T> implements RandomAccess {
    private final T[] array;
    private final int from;
    private final int size;

    Slice(T[] array, int from, int size) {
        if (from < 0 || size < 0 || from + size > array.length) throw new IndexOutOfBoundsException(from + "+" + size);
        this.array = array;
        this.from = from;
        this.size = size;
    }

    Slice(T[] array) { this(array, 0, array.length); }

    @Override
    public T get(int index) {
        if (index < 0 || index >= size) throw new IndexOutOfBoundsException(index);
        return array[from + index];
    }

    @Override
    public int size() { return size; }
}
