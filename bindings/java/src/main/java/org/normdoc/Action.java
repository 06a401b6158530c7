package org.normdoc;

/** What a clean-up proposes for a document (SPEC §6), weakest first: the strongest is the maximum. */
public enum Action {
    RETAIN("retain"),
    EVALUATE("evaluate"),
    AMEND("amend"),
    DECLARE_INVALID("declare-invalid"),
    REPEAL("repeal");

    private final String text;

    Action(String text) { this.text = text; }

    /** The name the CLI and the plan XML use ({@code declare-invalid}). */
    public String text() { return text; }

    @Override
    public String toString() { return text; }

    /** Whether the action ends the document (repeal or declare invalid). */
    public boolean isEnding() { return this == REPEAL || this == DECLARE_INVALID; }

    private static final Action[] VALUES = values();

    static Action of(int code) { return Enums.at(VALUES, code, "action"); }

    public static Action parse(String text) { return Enums.parse(values(), text, Action::text, "action"); }
}
