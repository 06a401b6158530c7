// build_corpus: the checks, then (when there is no error) the assembly and the indexes.
#include "validate.hpp"

#include "normdoc/corpus.hpp"
#include "normdoc/draft.hpp"

namespace normdoc {

LoadResult build_corpus(draft::Corpus draft, std::vector<Problem> problems) {
    for (auto& p : problems)
        if (p.file.empty()) p.file = draft.file;
    detail::Resolved resolved = detail::check_draft(draft, problems);
    sort_by_line(problems);
    LoadResult result;
    if (!has_errors(problems)) {
        detail::CorpusVectors columns = detail::assemble(draft, std::move(resolved));
        detail::index_corpus(draft.profile, columns);
        result.corpus = detail::make_corpus(detail::own_corpus(draft.profile, std::move(columns)));
    }
    result.problems = std::move(problems);
    return result;
}

}  // namespace normdoc
