// SPEC §10 impact: a breadth-first search over the corpus's dependents index.
//
// The search runs in id order (ranks), so the result comes in id order from one front-to-back pass
// over the depths, reading each document's dates and modifications in the same order: no string
// comparisons, and memory read mostly in sequence.
#include "normdoc/impact.hpp"

#include "normdoc/status.hpp"
#include "normdoc/detail/status_at.hpp"

#include <algorithm>
#include <memory>

namespace normdoc {

std::vector<ImpactEntry> impact(const Corpus& corpus, DocumentId doc, Date as_of) {
    using detail::Rank;
    const detail::CorpusData& data = detail::data_of(corpus);
    const std::size_t n = corpus.document_count();
    const std::uint32_t root = detail::rank_of(data, corpus.document(doc).document_id()).index();
    // Seen ranks as bits (128 KB per million documents: the test on every edge stays in cache);
    // a depth is written only for a rank reached.
    std::vector<std::uint64_t> seen((n + 63) / 64, 0);
    std::unique_ptr<std::uint32_t[]> depth(new std::uint32_t[static_cast<std::uint32_t>(n)]);  // ids are 32-bit
    std::vector<std::uint32_t> queue;          // ranks in breadth-first order
    std::vector<std::size_t> per_depth{0, 0};  // per_depth[k + 1]: how many at depth k
    auto expand = [&](std::uint32_t v, std::uint32_t d) {
        for (const Rank dependent : detail::dependents_at(data, Rank(v))) {
            const std::uint32_t u = dependent.index();
            std::uint64_t& word = seen[u >> 6];
            const std::uint64_t bit = std::uint64_t{1} << (u & 63);
            if (word & bit) continue;
            word |= bit;
            depth[u] = d;
            queue.push_back(u);
        }
    };
    seen[root >> 6] |= std::uint64_t{1} << (root & 63);
    expand(root, 1);
    for (std::uint32_t d = 1, head = 0; head < queue.size(); ++d) {
        const std::size_t end = queue.size();
        per_depth.push_back(end - head);
        for (; head < end; ++head) expand(queue[head], d + 1);
    }
    std::vector<ImpactEntry> out(queue.size());
    if (queue.empty()) return out;
    const detail::Day day = detail::to_day(as_of);
    auto entry = [&](std::uint32_t r) {
        return ImpactEntry{detail::document_at(data, Rank(r)), depth[r], detail::status_kind_at(data, Rank(r), day)};
    };
    // Each depth's run in rank order: one pass over the seen bits when many were reached, else a
    // sort of each run of the queue (already in depth order).
    if (queue.size() * 32 >= n) {
        std::vector<std::size_t>& start = per_depth;  // start[k]: where depth k begins
        for (std::size_t k = 1; k < start.size(); ++k) start[k] += start[k - 1];
        for (std::size_t w = 0; w < seen.size(); ++w) {
            for (std::uint64_t bits = seen[w]; bits != 0; bits &= bits - 1) {
                const auto r = static_cast<std::uint32_t>(w * 64 + static_cast<std::size_t>(__builtin_ctzll(bits)));
                if (r != root) out[start[depth[r]]++] = entry(r);
            }
        }
    } else {
        for (auto first = queue.begin(); first != queue.end();) {
            const auto last = std::find_if(first, queue.end(), [&](std::uint32_t r) { return depth[r] != depth[*first]; });
            std::sort(first, last);
            first = last;
        }
        for (std::size_t i = 0; i < queue.size(); ++i) out[i] = entry(queue[i]);
    }
    return out;
}

}  // namespace normdoc
