package org.normdoc;

/** Whether a validation problem stops the corpus from being used (SPEC §7). */
public enum Severity {
    ERROR("error"),
    WARNING("warning");

    private final String text;

    Severity(String text) { this.text = text; }

    public String text() { return text; }

    @Override
    public String toString() { return text; }

    static Severity of(int code) { return Enums.at(values(), code, "severity"); }
}
