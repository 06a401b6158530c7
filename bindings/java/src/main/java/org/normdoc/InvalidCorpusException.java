package org.normdoc;

import java.util.List;

/** A corpus (or plan) that did not validate, with every problem (SPEC §7; CLI exit 1). */
public class InvalidCorpusException extends Exception {
    private static final long serialVersionUID = 1L;
    private final List<Problem> problems;

    public InvalidCorpusException(String message, List<Problem> problems) {
        super(message);
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() { return problems; }
}
