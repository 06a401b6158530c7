package org.normdoc;

import com.sun.jna.Memory;
import com.sun.jna.Pointer;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** What every call across the C ABI needs: strings in, errors out, columns copied in bulk. */
final class Abi {
    private Abi() {}

    // One nd_error per thread, reused by every call of that thread: nothing allocated per call.
    private static final ThreadLocal<Memory> ERROR = ThreadLocal.withInitial(() -> new Memory(Lib.ERROR_SIZE));

    static Pointer err() {
        Memory m = ERROR.get();
        m.setInt(0, 0);
        return m;
    }

    static String message(Pointer err) { return err.getString(4, "UTF-8"); }

    /** Throws what a failed call means in Java; ND_E_IO as an IOException. */
    static void checkIo(int status, Pointer err) throws IOException {
        if (status == Lib.ND_OK) return;
        if (ErrorCode.of(status) == ErrorCode.IO) throw new IOException(message(err));
        check(status, err);
    }

    /** Throws what a failed call means in Java (an I/O failure unchecked). */
    static void check(int status, Pointer err) {
        if (status == Lib.ND_OK) return;
        ErrorCode code = ErrorCode.of(status);
        String message = message(err);
        if (message.isEmpty()) message = Lib.nd_status_name(status);
        switch (code) {
            case IO:
                throw new java.io.UncheckedIOException(new IOException(message));
            case INVALID_HANDLE:
                throw new IllegalStateException(message);
            case INVALID_ARGUMENT: case BAD_DATE: case BAD_UTF8: case UNKNOWN_ID: case AMBIGUOUS_ID:
            case UNKNOWN_SCOPE: case WRONG_CORPUS:
                throw new NormDocArgumentException(code, message);
            default:
                throw new NormDocException(code, message);
        }
    }

    /**
     * NUL-terminated UTF-8; null stays null. A string with an unpaired surrogate has no UTF-8 form:
     * refused here as the C ABI refuses ill-formed UTF-8 (ND_E_BAD_UTF8).
     */
    static byte[] utf8z(String s) {
        if (s == null) return null;
        int n = s.length();
        boolean ascii = true;
        for (int i = 0; i < n; ++i) {
            char c = s.charAt(i);
            if (c >= 0x80) ascii = false;
            if (Character.isHighSurrogate(c)) {
                if (i + 1 < n && Character.isLowSurrogate(s.charAt(i + 1))) {
                    ++i;
                    continue;
                }
                throw badUtf(s, i);
            }
            if (Character.isLowSurrogate(c)) throw badUtf(s, i);
            if (c == 0) throw new NormDocArgumentException(ErrorCode.INVALID_ARGUMENT,
                    "a string holds a NUL character at index " + i + ", which C strings cannot carry");
        }
        if (ascii) {
            byte[] out = new byte[n + 1];
            for (int i = 0; i < n; ++i) out[i] = (byte) s.charAt(i);
            return out;
        }
        byte[] b = s.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[b.length + 1];
        System.arraycopy(b, 0, out, 0, b.length);
        return out;
    }

    private static NormDocArgumentException badUtf(String s, int i) {
        return new NormDocArgumentException(ErrorCode.BAD_UTF8,
                "not well-formed Unicode: an unpaired surrogate at index " + i + " (no UTF-8 form)");
    }

    /** YYYY-MM-DD and a NUL; a year outside 0–9999 as LocalDate writes it (the library refuses it). */
    static byte[] date(LocalDate d) {
        if (d == null) throw new NullPointerException("date");
        int y = d.getYear(), m = d.getMonthValue(), day = d.getDayOfMonth();
        if (y < 0 || y > 9999) return utf8z(d.toString());
        return new byte[] {(byte) ('0' + y / 1000), (byte) ('0' + y / 100 % 10), (byte) ('0' + y / 10 % 10),
                (byte) ('0' + y % 10), '-', (byte) ('0' + m / 10), (byte) ('0' + m % 10), '-', (byte) ('0' + day / 10),
                (byte) ('0' + day % 10), 0};
    }

    static byte[] optionalDate(LocalDate d) { return d == null ? null : utf8z(d.toString()); }

    // ---- days ------------------------------------------------------------------------------
    static final int NO_DAY = Integer.MIN_VALUE;  // ND_NO_DAY
    // Every day of 1900-2199 the library can give, made once: a million statuses share ~40,000 dates.
    private static final long FIRST_DAY = LocalDate.of(1900, 1, 1).toEpochDay();
    private static final LocalDate[] DAYS = new LocalDate[(int) (LocalDate.of(2200, 1, 1).toEpochDay() - FIRST_DAY)];

    static LocalDate day(int day) {
        if (day == NO_DAY) return null;
        long i = day - FIRST_DAY;
        if (i < 0 || i >= DAYS.length) return LocalDate.ofEpochDay(day);
        LocalDate d = DAYS[(int) i];
        if (d == null) DAYS[(int) i] = d = LocalDate.ofEpochDay(day);  // a benign race: equal values
        return d;
    }

    // ---- strings the caller owns (char** out) ---------------------------------------------------
    static String takeString(long address, long size) {
        if (address == 0) return "";
        Pointer p = new Pointer(address);
        try {
            if (size > Integer.MAX_VALUE - 16) throw new NormDocException(ErrorCode.NOMEM, "a text of " + size + " bytes");
            return new String(p.getByteArray(0, (int) size), StandardCharsets.UTF_8);
        } finally {
            Lib.nd_string_free(p);
        }
    }

    // ---- columns ---------------------------------------------------------------------------
    /** The nd_string_column at `offset` inside `struct`, decoded. */
    static String[] strings(Pointer struct, long offset) {
        long data = struct.getLong(offset);
        long offsets = struct.getLong(offset + 8);
        long count = struct.getLong(offset + 16);
        long size = struct.getLong(offset + 24);
        if (count == 0) return new String[0];
        if (count > Integer.MAX_VALUE - 16 || size > Integer.MAX_VALUE - 16)
            throw new NormDocException(ErrorCode.NOMEM, "a column of " + count + " strings, " + size + " bytes");
        byte[] bytes = new Pointer(data).getByteArray(0, (int) size);
        long[] o = new Pointer(offsets).getLongArray(0, (int) count + 1);
        String[] out = new String[(int) count];
        for (int i = 0; i < out.length; ++i) {
            int start = (int) o[i], length = (int) (o[i + 1] - o[i] - 1);
            out[i] = length == 0 ? "" : new String(bytes, start, length, StandardCharsets.UTF_8);
        }
        return out;
    }

    static int[] ints(Pointer struct, long offset, int count) {
        if (count == 0) return new int[0];
        return new Pointer(struct.getLong(offset)).getIntArray(0, count);
    }

    static byte[] bytes(Pointer struct, long offset, int count) {
        if (count == 0) return new byte[0];
        return new Pointer(struct.getLong(offset)).getByteArray(0, count);
    }

    static int count(long n) {
        if (n < 0 || n > Integer.MAX_VALUE - 16) throw new NormDocException(ErrorCode.NOMEM, "a result of " + n + " rows");
        return (int) n;
    }

    // ---- problems ----------------------------------------------------------------------------
    /** Reads and frees an nd_problems handle (0: none). */
    static List<Problem> takeProblems(long handle) {
        if (handle == 0) return List.of();
        try {
            Pointer err = err();
            long[] n = new long[1];
            check(Lib.nd_problems_count(handle, n, err), err);
            List<Problem> out = new ArrayList<>(count(n[0]));
            Memory p = new Memory(Lib.PROBLEM_SIZE);
            for (long i = 0; i < n[0]; ++i) {
                check(Lib.nd_problems_get(handle, i, p, err), err);
                out.add(new Problem(string(p, 0), p.getLong(8), Severity.of(p.getInt(16)), string(p, 24), string(p, 32)));
            }
            return List.copyOf(out);
        } finally {
            Lib.nd_problems_free(handle);
        }
    }

    /** The NUL-terminated UTF-8 string whose address is at `offset` inside `struct`. */
    static String string(Pointer struct, long offset) {
        Pointer s = struct.getPointer(offset);
        return s == null ? "" : s.getString(0, "UTF-8");
    }
}
