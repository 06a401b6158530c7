// Bulk results into the caller's memory (include/normdoc/normdoc.h "bulk into"): what a managed
// binding needs to copy no strings per query. A binding keeps a corpus's ids and numbers once (in
// byte order of ids: nd_status_list_columns) and then takes, per query, only numbers: the status
// of every document written straight into its own arrays, and each clean-up item's or impact
// entry's document as its rank (position in byte order of ids). docs/bindings-java-csharp.md.
#include "capi/capi.hpp"
#include "capi/results.hpp"

#include "normdoc/detail/corpus_data.hpp"
#include "normdoc/detail/status_at.hpp"
#include "normdoc/status.hpp"

using namespace normdoc;
using namespace normdoc::capi;

namespace {

void check_count(std::size_t given, std::size_t expected, const char* what) {
    if (given != expected)
        fail(ND_E_INVALID_ARGUMENT, std::string(what) + ": room for " + std::to_string(given) + " elements, " +
                                        std::to_string(expected) + " needed");
}

std::uint32_t rank(const Corpus& corpus, DocumentId d) {
    return detail::rank_of(detail::data_of(corpus), d).index();
}

}  // namespace

extern "C" {

nd_status nd_status_all_into(const nd_corpus* corpus, const char* as_of, int32_t* status, int32_t* last_day,
                             int32_t* ended, uint8_t* amended, size_t count, nd_error* err) {
    return guard(err, [&] {
        const CorpusImpl* c = live(corpus, "corpus");
        const Date day = date_arg(as_of, "as_of");
        const Corpus& k = c->corpus;
        const std::size_t n = k.document_count();
        check_count(count, n, "count");
        const auto& data = detail::data_of(k);
        const detail::Day d = detail::to_day(day);
        // SPEC §5, by rank: the rows of nd_status_all, in byte order of ids.
        for (std::size_t i = 0; i < n; ++i) {
            const DocumentStatus s = detail::status_at(data, detail::Rank(static_cast<std::uint32_t>(i)), d);
            if (status != nullptr) status[i] = static_cast<int32_t>(s.status);
            if (last_day != nullptr) last_day[i] = day_number(s.last_day);
            if (ended != nullptr) ended[i] = day_number(s.ended);
            if (amended != nullptr) amended[i] = s.amended ? 1 : 0;
        }
    });
}

nd_status nd_cleanup_ranks(const nd_cleanup* cleanup, uint32_t* ranks, size_t count, nd_error* err) {
    return guard(err, [&] {
        const CleanupImpl* c = live(cleanup, "clean-up");
        out_param(ranks, "ranks");
        const auto& items = c->result.items();
        check_count(count, items.size(), "count");
        for (std::size_t i = 0; i < items.size(); ++i) ranks[i] = rank(c->result.corpus(), items[i].document);
    });
}

nd_status nd_impact_ranks(const nd_impact* impact, uint32_t* ranks, size_t count, nd_error* err) {
    return guard(err, [&] {
        const ImpactImpl* c = live(impact, "impact");
        out_param(ranks, "ranks");
        check_count(count, c->entries.size(), "count");
        for (std::size_t i = 0; i < c->entries.size(); ++i) ranks[i] = rank(c->corpus, c->entries[i].document);
    });
}

}  // extern "C"
