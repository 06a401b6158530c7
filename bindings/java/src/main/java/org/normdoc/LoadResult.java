package org.normdoc;

import java.util.List;
import java.util.Optional;

/**
 * What opening, building or applying gives: a corpus when it validated (maybe with warnings), and
 * every problem (SPEC §7) in line order. An invalid corpus is a result, not an exception.
 */
public final class LoadResult {
    private final Corpus corpus;  // null when there are errors
    private final List<Problem> problems;

    LoadResult(Corpus corpus, List<Problem> problems) {
        this.corpus = corpus;
        this.problems = problems;
    }

    /** The corpus; empty when it has errors. The caller closes it. */
    public Optional<Corpus> corpus() { return Optional.ofNullable(corpus); }
    public List<Problem> problems() { return problems; }
    public boolean isValid() { return corpus != null; }

    public long errorCount() { return problems.stream().filter(Problem::isError).count(); }

    /** The corpus, or an InvalidCorpusException with the problems. */
    public Corpus orElseThrow() throws InvalidCorpusException {
        if (corpus != null) return corpus;
        throw new InvalidCorpusException(errorCount() + " error(s); first: "
                + problems.stream().filter(Problem::isError).findFirst().map(Problem::toString).orElse("?"), problems);
    }

    /** Every problem as the CLI prints it on standard error, one per line. */
    public String problemsText() {
        StringBuilder b = new StringBuilder();
        for (Problem p : problems) b.append(p).append('\n');
        return b.toString();
    }
}
