package org.normdoc;

import java.io.IOException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * The CLI's CSV (SPEC §10), written from the binding's result objects: RFC 4180 with minimal
 * quoting (a field is quoted only when it holds a comma, a quote, CR or LF), lines ending in
 * {@code \n}, header first, rows in the result's order (by document id; impact by depth, then id),
 * lists joined with {@code ;} in sorted (byte) order.
 */
public final class Csv {
    private Csv() {}

    /** {@code normdoc status --format csv}: id,status,last_day,amended. */
    public static void status(List<DocumentStatus> statuses, Appendable out) throws IOException {
        StringBuilder row = new StringBuilder(64);
        out.append("id,status,last_day,amended\n");
        for (DocumentStatus s : statuses) {
            row.setLength(0);
            field(row, s.id()).append(',').append(s.status().text()).append(',');
            s.lastDay().ifPresent(d -> row.append(date(d)));
            row.append(',').append(s.amended() ? "yes" : "no").append('\n');
            out.append(row);
        }
    }

    /** {@code normdoc cleanup --format csv}: id,number,status,action,findings. */
    public static void cleanup(CleanupReport report, Appendable out) throws IOException {
        StringBuilder row = new StringBuilder(96);
        List<String> codes = new ArrayList<>();
        out.append("id,number,status,action,findings\n");
        for (CleanupItem item : report.items()) {
            row.setLength(0);
            field(row, item.id()).append(',');
            field(row, item.number()).append(',').append(item.status().text()).append(',').append(item.action().text()).append(',');
            codes.clear();
            for (Finding f : item.findings()) codes.add(f.code().text());
            codes.sort(Csv::compareBytes);
            field(row, String.join(";", codes)).append('\n');
            out.append(row);
        }
    }

    /** {@code normdoc impact --format csv}: id,depth,status. */
    public static void impact(List<ImpactEntry> entries, Appendable out) throws IOException {
        StringBuilder row = new StringBuilder(48);
        out.append("id,depth,status\n");
        for (ImpactEntry e : entries) {
            row.setLength(0);
            field(row, e.id()).append(',').append(e.depth()).append(',').append(e.status().text()).append('\n');
            out.append(row);
        }
    }

    /** Appends one field, quoted only when it holds a comma, a quote, CR or LF. */
    public static StringBuilder field(StringBuilder out, String value) {
        boolean quote = false;
        for (int i = 0; i < value.length() && !quote; ++i) {
            char c = value.charAt(i);
            quote = c == ',' || c == '"' || c == '\r' || c == '\n';
        }
        if (!quote) return out.append(value);
        out.append('"');
        for (int i = 0; i < value.length(); ++i) {
            char c = value.charAt(i);
            if (c == '"') out.append('"');
            out.append(c);
        }
        return out.append('"');
    }

    /** YYYY-MM-DD (years are 1900–2199, so always four digits). */
    static String date(LocalDate d) { return d.toString(); }

    /** The byte order of the UTF-8 encodings, which the CLI sorts by (not UTF-16 order). */
    static int compareBytes(String a, String b) {
        // Code point order is UTF-8 byte order; String.compareTo compares UTF-16 units, which
        // differs only for characters above U+FFFF against U+E000..U+FFFF.
        int i = 0, j = 0;
        while (i < a.length() && j < b.length()) {
            int ca = a.codePointAt(i), cb = b.codePointAt(j);
            if (ca != cb) return Integer.compare(ca, cb);
            i += Character.charCount(ca);
            j += Character.charCount(cb);
        }
        return Integer.compare(a.length() - i, b.length() - j);
    }
}
