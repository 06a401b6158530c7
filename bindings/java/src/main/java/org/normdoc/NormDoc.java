package org.normdoc;

import com.sun.jna.Pointer;

import java.time.LocalDate;

/** The library as a whole: its version and its calendar (SPEC §4). */
public final class NormDoc {
    private NormDoc() {}

    /** The loaded libnormdoc_c's version ("0.1.0"). */
    public static String version() { return Lib.nd_version(); }

    /** The loaded library's C ABI version (ND_ABI_VERSION). */
    public static int abiVersion() { return Lib.nd_abi_version(); }

    /**
     * SPEC §4: exactly {@code YYYY-MM-DD}, a real day of 1900–2199, as the CLI reads dates; a
     * NormDocArgumentException (BAD_DATE) naming what is wrong otherwise.
     */
    public static LocalDate parseDate(String text) {
        byte[] t = Abi.utf8z(text);
        Pointer err = Abi.err();
        int[] day = new int[1];
        Abi.check(Lib.nd_date_parse(t, day, err), err);
        return Abi.day(day[0]);
    }

    /** Today (local time): the CLI's default --as-of. */
    public static LocalDate today() { return Abi.day(Lib.nd_today()); }
}
