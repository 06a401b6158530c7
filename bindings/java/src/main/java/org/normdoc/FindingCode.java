package org.normdoc;

/** The clean-up findings of SPEC §6, in the order of its table. */
public enum FindingCode {
    EXPIRED,
    EXPIRING,
    BASIS_TERMINATED,
    BASIS_TO_BE_TERMINATED,
    BASIS_AMENDED,
    ISSUER_ABOLISHED,
    TERM_TOO_LONG,
    NO_LEGALITY_REVIEW,
    NO_COLLECTIVE_DECISION,
    NO_CONSULTATION,
    SHORT_CONSULTATION,
    FILING_OVERDUE;

    /** The code as the CLI prints it (the constant's name). */
    public String text() { return name(); }

    private static final FindingCode[] VALUES = values();

    static FindingCode of(int code) { return Enums.at(VALUES, code, "finding code"); }

    public static FindingCode parse(String text) { return Enums.parse(values(), text, FindingCode::text, "finding code"); }
}
