package org.normdoc;

/** The status of a document as of a day (SPEC §5), in the C ABI's order. */
public enum Status {
    DRAFT("draft"),
    PENDING("pending"),
    IN_FORCE("in-force"),
    REPEALED("repealed"),
    INVALID("invalid"),
    EXPIRED("expired");

    private final String text;

    Status(String text) { this.text = text; }

    /** The name the CLI and the corpus format use ({@code in-force}). */
    public String text() { return text; }

    @Override
    public String toString() { return text; }

    /** Whether the document has ended (repealed, invalid or expired). */
    public boolean hasEnded() { return this == REPEALED || this == INVALID || this == EXPIRED; }

    private static final Status[] VALUES = values();

    static Status of(int code) { return Enums.at(VALUES, code, "status"); }

    /** The status of that name ({@code "in-force"}); an unknown name is an IllegalArgumentException. */
    public static Status parse(String text) { return Enums.parse(values(), text, Status::text, "status"); }
}
