package org.normdoc;

import java.util.function.Function;

/** Mapping the C ABI's enum numbers and the spec's names onto Java enums. */
final class Enums {
    private Enums() {}

    static <E extends Enum<E>> E at(E[] values, int code, String what) {
        if (code < 0 || code >= values.length)
            throw new IllegalStateException("normdoc: the library gave an unknown " + what + " " + code
                    + " (a libnormdoc_c newer than this binding?)");
        return values[code];
    }

    static <E extends Enum<E>> E parse(E[] values, String text, Function<E, String> name, String what) {
        for (E e : values)
            if (name.apply(e).equals(text)) return e;
        throw new IllegalArgumentException("no " + what + " '" + text + "'");
    }
}
