// Who may end or change a document (SPEC §2 Competence, 制定机关的权限): the one rule, used by the
// validator (NOT_COMPETENT), by applying a plan (SPEC §6) and by the clean-up report.
//
// An authority A is competent for a document T on day X when A is an issuer of T, or A is reached
// from an issuer of T by following `successor` links of authorities abolished on or before X, or A
// is an ancestor by `parent` (transitively) of one of those. A department may propose ending its
// government's document; only the government (or a body above it) may end it.
//
//   if (!is_competent(corpus, *corpus.find_authority("jy-kjj"), target, day)) …
//   for (AuthorityId a : competent_bodies(corpus, target, day)) …  // "or a body above them"
#pragma once

#include "normdoc/corpus.hpp"
#include "normdoc/date.hpp"
#include "normdoc/detail/corpus_data.hpp"
#include "normdoc/id.hpp"
#include "normdoc/span.hpp"

#include <vector>

namespace normdoc {

namespace detail {

// The authorities as competence needs them: their records (parent, successor, abolished) and their
// places in the parent forest. The validator makes one for a draft, a corpus keeps one.
struct AuthorityTable {
    Span<AuthorityRecord> authorities;
    Span<AuthorityTreeRecord> tree;

    // `above` is `below`, or an ancestor of it by parent (transitively).
    bool covers(AuthorityId above, AuthorityId below) const noexcept {
        auto nested = [this](AuthorityId a, AuthorityId b) {
            const AuthorityTreeRecord &ta = tree[a.index()], &tb = tree[b.index()];
            return ta.enter <= tb.enter && tb.leave <= ta.leave;
        };
        if (nested(above, below)) return true;
        const AuthorityTreeRecord& t = tree[above.index()];
        return t.in_cycle && nested(t.top, below);
    }

    // Calls f(a) for `issuer` and each successor reached from it on `day` (SPEC §2: through
    // authorities abolished on or before the day), in chain order. Stops on a repeated authority
    // (a successor cycle is an error, but the validator asks before it has refused the corpus).
    template <class F>
    void for_each_reached(AuthorityId issuer, Day day, F&& f) const {
        AuthorityId a = issuer;
        for (std::size_t steps = 0; a.valid() && steps <= authorities.size(); ++steps) {
            f(a);
            const AuthorityRecord& r = authorities[a.index()];
            if (r.abolished == k_no_day || r.abolished > day) return;
            a = r.successor;
            if (a == issuer) return;
        }
    }

    // SPEC §2: some authority of `deciders` is competent on `day` for a document issued by
    // `target_issuers` (a joint source is competent when one of its issuers is).
    template <class Deciders, class Issuers>
    bool competent(const Deciders& deciders, const Issuers& target_issuers, Day day) const {
        for (const AuthorityId issuer : target_issuers) {
            bool found = false;
            for_each_reached(issuer, day, [&](AuthorityId reached) {
                if (found) return;
                for (const AuthorityId d : deciders)
                    if (d.valid() && covers(d, reached)) { found = true; return; }
            });
            if (found) return true;
        }
        return false;
    }
};

// The places of the authorities in the parent forest (AuthorityTreeRecord), iteratively.
std::vector<AuthorityTreeRecord> build_authority_tree(Span<AuthorityRecord> authorities);

inline AuthorityTable authority_table(const Corpus& corpus) noexcept {
    const CorpusData& d = data_of(corpus);
    return {d.columns.authorities, d.columns.authority_tree};
}

}  // namespace detail

// SPEC §2: whether `authority` is competent for `target` on `day`.
inline bool is_competent(const Corpus& corpus, AuthorityId authority, DocumentId target, Date day) {
    const AuthorityId one[] = {authority};
    return detail::authority_table(corpus).competent(Span<AuthorityId>(one, 1), corpus.document(target).issuers(),
                                                     detail::to_day(day));
}

// SPEC §2/§6: whether some of `authorities` (the issuers of a joint decision) is competent.
inline bool is_competent(const Corpus& corpus, Span<AuthorityId> authorities, DocumentId target, Date day) {
    return detail::authority_table(corpus).competent(authorities, corpus.document(target).issuers(), detail::to_day(day));
}

// SPEC §2: the issuers of `target` and the successors reached from them on `day`, each once, in
// the order met: the bodies competent for it, together with every body above them by parent.
inline std::vector<AuthorityId> competent_bodies(const Corpus& corpus, DocumentId target, Date day) {
    std::vector<AuthorityId> out;
    const auto table = detail::authority_table(corpus);
    for (const AuthorityId issuer : corpus.document(target).issuers())
        table.for_each_reached(issuer, detail::to_day(day), [&](AuthorityId a) {
            for (AuthorityId seen : out)
                if (seen == a) return;
            out.push_back(a);
        });
    return out;
}

// SPEC §2: whether a modifying relation is competent (some issuer of its source is competent for
// its target on the source's publication day); a relation from a draft is not checked (true).
inline bool is_competent(const Corpus& corpus, const Relation& r) {
    const auto published = corpus.document(r.source).published();
    if (!published) return true;
    return is_competent(corpus, corpus.document(r.source).issuers(), r.target, *published);
}

}  // namespace normdoc
