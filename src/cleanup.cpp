// The clean-up run (SPEC §6) and the findings that depend on one document alone.
#include "normdoc/cleanup.hpp"

#include "normdoc/competence.hpp"
#include "normdoc/status.hpp"
#include "normdoc/detail/status_at.hpp"
#include "normdoc/term.hpp"

#include <algorithm>
#include <limits>
#include <stdexcept>

namespace normdoc {

// ---- the scope --------------------------------------------------------------------------------

CleanupScope CleanupScope::of(AuthorityId authority) {
    if (!authority.valid()) throw std::invalid_argument("normdoc::CleanupScope::of: no authority (use CleanupScope::all() for all)");
    return CleanupScope(authority);
}

std::optional<CleanupScope> CleanupScope::of(const Corpus& corpus, std::string_view authority_id) {
    if (const auto a = corpus.find_authority(authority_id)) return CleanupScope(*a);
    return std::nullopt;
}

// SPEC §6: an issuer or the drafter is exactly the scope authority.
bool CleanupScope::contains(const Document& doc) const noexcept {
    if (is_all() || doc.drafter() == authority_) return true;
    const Span<AuthorityId> issuers = doc.issuers();
    return std::find(issuers.begin(), issuers.end(), authority_) != issuers.end();
}

// ---- the findings of one document ------------------------------------------------------------

bool check_expiring(const Profile& profile, const DocumentStatus& s, Date day) {
    return s.status == Status::in_force && s.last_day && review_window_opens(*s.last_day, profile.review_months()) <= day &&
           day <= *s.last_day;
}

AuthorityId living_successor(const Corpus& corpus, AuthorityId a, Date day) {
    for (std::size_t steps = 0; a.valid() && steps <= corpus.authority_count(); ++steps) {
        const Authority auth = corpus.authority(a);
        if (!auth.abolished_by(day)) return a;
        a = auth.successor();
    }
    return AuthorityId();
}

namespace {
// ISSUER_ABOLISHED over the living successors of every authority, computed once per run.
std::optional<Action> issuer_abolished(const Corpus& corpus, const Document& doc, Date day, const std::vector<AuthorityId>& living) {
    bool all_succeeded = true;
    for (AuthorityId issuer : doc.issuers()) {
        if (!corpus.authority(issuer).abolished_by(day)) return std::nullopt;
        if (!living[issuer.index()].valid()) all_succeeded = false;
    }
    return all_succeeded ? Action::amend : Action::declare_invalid;
}
}  // namespace

std::optional<Action> check_issuer_abolished(const Corpus& corpus, const Document& doc, Date day) {
    std::vector<AuthorityId> living(corpus.authority_count());
    for (AuthorityId issuer : doc.issuers()) living[issuer.index()] = living_successor(corpus, issuer, day);
    return issuer_abolished(corpus, doc, day, living);
}

bool check_term_too_long(const Profile& profile, const Document& doc) {
    const auto allowed = profile_last_day(profile, doc.trial(), doc.effective());
    return doc.expires() && allowed && *doc.expires() > *allowed;
}

std::optional<Date> first_adoption(const Document& doc) {
    std::optional<Date> first;
    const auto published = doc.published();
    for (const CollectiveDecision c : doc.procedure().collective_decisions())
        if (c.outcome == DecisionOutcome::adopted && published && c.date <= *published && (!first || c.date < *first)) first = c.date;
    return first;
}

namespace {
// NO_LEGALITY_REVIEW's cut-off: the first adoption, else publication.
std::optional<Date> legality_cutoff(const Document& doc) {
    const auto adopted = first_adoption(doc);
    return adopted ? adopted : doc.published();
}
}  // namespace

bool check_no_legality_review(const Document& doc) {
    const std::optional<Date> cutoff = legality_cutoff(doc);
    if (!cutoff) return true;
    for (const LegalityReview r : doc.procedure().legality_reviews())
        if ((r.outcome == LegalityOutcome::lawful || r.outcome == LegalityOutcome::lawful_with_changes) && r.date <= *cutoff)
            return false;
    return true;
}

bool check_no_collective_decision(const Document& doc) { return !first_adoption(doc); }

bool check_no_consultation(const Document& doc) { return !doc.procedure().consultation(); }

bool check_short_consultation(const Profile& profile, const Document& doc) {
    const auto c = doc.procedure().consultation();
    return c && consultation_days(c->from, c->to) < profile.consultation_minimum();
}

bool check_filing_overdue(const Profile& profile, const Document& doc, Date day) {
    if (!doc.published()) return false;
    const Date deadline = filing_deadline(*doc.published(), profile.filing_within());
    if (!(deadline < day)) return false;
    const auto f = doc.procedure().filing();
    return !f || f->date > deadline;
}

// ---- the run ----------------------------------------------------------------------------------

namespace {
constexpr std::uint16_t bit(FindingCode c) noexcept { return static_cast<std::uint16_t>(1u << static_cast<unsigned>(c)); }
constexpr std::uint32_t k_none = std::numeric_limits<std::uint32_t>::max();

// SPEC §2/§6: who decides a proposed ending: the scope's authority when it is competent, else the
// first living body among the competent ones (the issuers and the successors reached), else the
// nearest living body above them, else the first issuer.
AuthorityId deciding_body(const Corpus& corpus, const Document& doc, Date day, const CleanupScope& scope) {
    if (!scope.is_all() && is_competent(corpus, scope.authority(), doc.document_id(), day)) return scope.authority();
    const std::vector<AuthorityId> bodies = competent_bodies(corpus, doc.document_id(), day);
    for (AuthorityId a : bodies)
        if (!corpus.authority(a).abolished_by(day)) return a;
    for (AuthorityId a : bodies) {
        AuthorityId up = corpus.authority(a).parent();
        for (std::size_t steps = 0; up.valid() && steps <= corpus.authority_count(); ++steps, up = corpus.authority(up).parent())
            if (!corpus.authority(up).abolished_by(day)) return up;
    }
    return doc.issuers().front();
}
}  // namespace

// In phases over flat per-document arrays, each phase walking documents or edges in storage
// order (a million documents do not fit in cache; a walk in graph order would miss on each):
//   1. one pass over the modifying relations: the latest amendment in effect of each document;
//   2. every document's status, once; who is looked at;
//   3. every looked-at document's findings, except the cascade, and its bases counted;
//   4. the cascade (SPEC §6): from each document this plan ends to its dependents, a worklist
//      over the based-on/implements in-edges. A document's BASIS_* action only grows as more of
//      its bases are to be ended, and the graph is acyclic, so this reaches the same fixed point
//      as judging in topological order, touching only the documents that change;
//   5. the items, by id, with their findings in the order of the table and what each decided.
CleanupResult cleanup(const Corpus& corpus, Date as_of, const CleanupScope& scope) {
    CleanupResult out(corpus, as_of, scope);
    const std::size_t n = corpus.document_count();
    const Profile& profile = corpus.profile();
    const detail::CorpusData& data = detail::data_of(corpus);
    const detail::Day day = detail::to_day(as_of);

    // 1. The latest amendment by relation in effect of each document.
    constexpr std::uint8_t k_looked_at = 2, k_ended = 4, k_amended = 8;
    std::vector<std::uint8_t> flags(n, 0);
    std::vector<Date> amended_on(n, Date(boost::gregorian::not_a_date_time));  // latest amendment ≤ D
    for (std::uint32_t rank = 0; rank < n; ++rank) {
        for (const detail::ModificationRecord& m : detail::modifications_at(data, detail::Rank(rank))) {
            if (static_cast<RelationKind>(m.kind) != RelationKind::amends || !m.in_effect(day)) continue;
            const std::size_t target = detail::document_at(data, detail::Rank(rank)).index();
            Date& latest = amended_on[target];
            if (latest.is_special() || detail::to_date(m.date) > latest) latest = detail::to_date(m.date);
            flags[target] |= k_amended;
        }
    }

    // 2. Statuses, once each; who is looked at.
    out.statuses_.resize(n);
    for (DocumentId id : corpus.documents()) {
        const Document doc = corpus.document(id);
        std::uint8_t& f = flags[id.index()];
        const detail::Rank rank = detail::rank_of(data, id);
        const bool plain = detail::dates_at(data, rank).plain;
        const DocumentStatus& s = out.statuses_[id.index()] = detail::status_at(data, rank, day);
        if (!plain) {
            for (const Event e : doc.events()) {
                Date& latest = amended_on[id.index()];
                if (e.type == EventType::amendment && e.date <= as_of && (latest.is_special() || e.date > latest)) {
                    latest = e.date;
                    f |= k_amended;
                }
            }
        }
        if (is_ended(s.status)) f |= k_ended;
        const bool candidate = s.status == Status::in_force || s.status == Status::pending ||
                               (s.status == Status::expired && (plain || !detail::formally_ended_at(data, rank, day)));
        if (candidate && scope.contains(doc)) f |= k_looked_at;
    }

    // 3. Findings but the cascade. Bases are counted once each (SPEC §6): a document's bases are
    // gathered and made unique in a small reused buffer (not a per-document array: a random access
    // into an array of a million entries per basis is what a run at that size would wait on).
    std::vector<AuthorityId> living(corpus.authority_count());
    for (AuthorityId a : corpus.authorities()) living[a.index()] = living_successor(corpus, a, as_of);
    std::vector<std::uint16_t> found(n, 0);                 // bit per FindingCode, but the BASIS_ pair
    std::vector<Action> other(n, Action::retain);           // strongest action of those findings
    std::vector<Action> issuer_action(n, Action::retain);   // ISSUER_ABOLISHED's
    std::vector<std::uint32_t> bases(n, 0), ended_bases(n, 0), doomed_bases(n, 0);
    std::vector<std::uint32_t> unique_bases;
    for (DocumentId id : corpus.documents()) {
        if (!(flags[id.index()] & k_looked_at)) continue;
        const std::size_t i = id.index();
        const Document doc = corpus.document(id);
        const DocumentStatus& s = out.statuses_[i];
        std::uint16_t codes = 0;
        Action strongest = Action::retain;
        auto add = [&](FindingCode c, Action a) {
            codes = static_cast<std::uint16_t>(codes | bit(c));
            strongest = std::max(strongest, a);
        };
        if (s.status == Status::expired) {
            add(FindingCode::expired, Action::declare_invalid);  // the only finding checked
        } else {
            if (check_expiring(profile, s, as_of)) add(FindingCode::expiring, Action::evaluate);
            unique_bases.clear();
            for (const Relation r : corpus.relations_from(id))
                if (is_dependency(r.kind)) unique_bases.push_back(r.target.index());
            if (unique_bases.size() > 1) {
                std::sort(unique_bases.begin(), unique_bases.end());
                unique_bases.erase(std::unique(unique_bases.begin(), unique_bases.end()), unique_bases.end());
            }
            bool basis_amended = false;
            const Date published = *doc.published();
            for (const std::uint32_t b : unique_bases) {
                ++bases[i];
                if (flags[b] & k_ended) ++ended_bases[i];
                // SPEC §6 BASIS_AMENDED: strictly after this document's publication, on or before D.
                if ((flags[b] & k_amended) && amended_on[b] > published) basis_amended = true;
            }
            if (basis_amended) add(FindingCode::basis_amended, Action::evaluate);
            if (auto a = issuer_abolished(corpus, doc, as_of, living)) {
                add(FindingCode::issuer_abolished, *a);
                issuer_action[i] = *a;
            }
            // SPEC §6: the procedural codes apply to normative and party-normative documents only.
            if (is_normative(doc.kind())) {
                if (check_term_too_long(profile, doc)) add(FindingCode::term_too_long, Action::amend);
                if (check_no_legality_review(doc)) add(FindingCode::no_legality_review, Action::amend);
                if (check_no_collective_decision(doc)) add(FindingCode::no_collective_decision, Action::amend);
                if (check_no_consultation(doc)) add(FindingCode::no_consultation, Action::evaluate);
                if (check_short_consultation(profile, doc)) add(FindingCode::short_consultation, Action::evaluate);
                if (check_filing_overdue(profile, doc, as_of)) add(FindingCode::filing_overdue, Action::evaluate);
            }
        }
        found[i] = codes;
        other[i] = strongest;
    }

    // SPEC §6: repeal when every basis has ended or is to be ended by this plan, else amend.
    auto basis_action = [&](std::size_t i) {
        return ended_bases[i] + doomed_bases[i] == bases[i] ? Action::repeal : Action::amend;
    };
    auto action_of = [&](std::size_t i) {
        return ended_bases[i] + doomed_bases[i] > 0 ? std::max(other[i], basis_action(i)) : other[i];
    };

    // 4. The cascade. Only a looked-at document that has not ended is "to be ended" by the plan
    // (SPEC §6: documents outside the scope never are; an expired one has ended already).
    std::vector<std::uint32_t> doomed;
    for (DocumentId id : corpus.documents()) {
        const std::size_t i = id.index();
        if ((flags[i] & (k_looked_at | k_ended)) == k_looked_at && is_ending(action_of(i))) doomed.push_back(static_cast<std::uint32_t>(i));
    }
    std::vector<std::uint32_t> seen(doomed.empty() ? 0 : n, k_none);  // the basis a dependent last counted
    for (std::size_t head = 0; head < doomed.size(); ++head) {
        const std::uint32_t b = doomed[head];
        for (const DocumentId dependent : corpus.dependents_of(DocumentId(b))) {
            const std::size_t u = dependent.index();
            if (seen[u] == b) continue;  // a dependent counts each basis once
            seen[u] = b;
            if ((flags[u] & (k_looked_at | k_ended)) != k_looked_at) continue;
            const bool was_ending = is_ending(action_of(u));
            ++doomed_bases[u];
            if (!was_ending && is_ending(action_of(u))) doomed.push_back(static_cast<std::uint32_t>(u));
        }
    }
    // A basis "to be ended" by this plan: looked at, not ended, and its action ends it.
    auto to_be_ended = [&](std::size_t b) { return (flags[b] & (k_looked_at | k_ended)) == k_looked_at && is_ending(action_of(b)); };

    // 5. Items by string id (byte order), findings in the order of SPEC §6's table, each with what
    // it decided.
    out.item_of_.assign(n, k_none);
    std::vector<DocumentId> ordered_bases;
    for (DocumentId id : corpus.documents_by_id()) {
        const std::size_t i = id.index();
        if (!(flags[i] & k_looked_at)) continue;
        const Document doc = corpus.document(id);
        const DocumentStatus& s = out.statuses_[i];
        CleanupItem item;
        item.document = id;
        item.status = s.status;
        item.action = action_of(i);
        if (is_ending(item.action)) item.decided_by = deciding_body(corpus, doc, as_of, scope);
        item.first_finding = static_cast<std::uint32_t>(out.findings_.size());
        std::uint16_t codes = found[i];
        if (ended_bases[i] > 0) codes = static_cast<std::uint16_t>(codes | bit(FindingCode::basis_terminated));
        if (doomed_bases[i] > 0) codes = static_cast<std::uint16_t>(codes | bit(FindingCode::basis_to_be_terminated));
        constexpr std::uint16_t k_basis_codes =
            bit(FindingCode::basis_terminated) | bit(FindingCode::basis_to_be_terminated) | bit(FindingCode::basis_amended);
        if (codes & k_basis_codes) {  // the bases once each, in the order of the document's relations
            ordered_bases.clear();
            for (const Relation r : corpus.relations_from(id))
                if (is_dependency(r.kind) && std::find(ordered_bases.begin(), ordered_bases.end(), r.target) == ordered_bases.end())
                    ordered_bases.push_back(r.target);
        }
        for (std::size_t c = 0; c < k_finding_code_count; ++c) {
            const auto code = static_cast<FindingCode>(c);
            if (!(codes & bit(code))) continue;
            Finding f;
            f.code = code;
            f.action = finding_action(code, basis_action(i), issuer_action[i]);
            f.first_note = static_cast<std::uint32_t>(out.notes_.size());
            switch (code) {
            case FindingCode::expired:
                f.day = s.last_day;
                break;
            case FindingCode::expiring:
                f.day = s.last_day;
                f.other = review_window_opens(*s.last_day, profile.review_months());
                break;
            case FindingCode::basis_terminated:
            case FindingCode::basis_to_be_terminated:
            case FindingCode::basis_amended:
                f.bases = bases[i];
                f.bases_left = bases[i] - ended_bases[i] - doomed_bases[i];
                if (code == FindingCode::basis_amended) f.day = doc.published();
                for (const DocumentId b : ordered_bases) {
                    const DocumentStatus& bs = out.statuses_[b.index()];
                    FindingNote note;
                    note.basis = b;
                    note.status = bs.status;
                    if (code == FindingCode::basis_terminated && is_ended(bs.status)) {
                        note.date = bs.ended;
                    } else if (code == FindingCode::basis_to_be_terminated && !is_ended(bs.status) && to_be_ended(b.index())) {
                        note.action = action_of(b.index());
                    } else if (code == FindingCode::basis_amended && (flags[b.index()] & k_amended) &&
                               amended_on[b.index()] > *doc.published()) {
                        note.date = amended_on[b.index()];
                    } else {
                        continue;
                    }
                    out.notes_.push_back(note);
                }
                break;
            case FindingCode::issuer_abolished:
                for (AuthorityId issuer : doc.issuers()) {
                    FindingNote note;
                    note.issuer = issuer;
                    note.successor = living[issuer.index()];
                    note.date = corpus.authority(issuer).abolished();
                    out.notes_.push_back(note);
                }
                break;
            case FindingCode::term_too_long:
                f.day = doc.expires();
                f.other = profile_last_day(profile, doc.trial(), doc.effective());
                break;
            case FindingCode::no_legality_review:
                f.day = legality_cutoff(doc);
                f.other = first_adoption(doc);
                break;
            case FindingCode::no_collective_decision:
                f.day = doc.published();
                break;
            case FindingCode::no_consultation:
                break;
            case FindingCode::short_consultation: {
                const auto consultation = doc.procedure().consultation();
                f.day = consultation->from;
                f.other = consultation->to;
                break;
            }
            case FindingCode::filing_overdue: {
                f.day = filing_deadline(*doc.published(), profile.filing_within());
                if (const auto filing = doc.procedure().filing()) f.other = filing->date;
                break;
            }
            }
            f.note_count = static_cast<std::uint32_t>(out.notes_.size()) - f.first_note;
            out.findings_.push_back(f);
        }
        item.finding_count = static_cast<std::uint32_t>(out.findings_.size()) - item.first_finding;
        out.item_of_[i] = static_cast<std::uint32_t>(out.items_.size());
        out.items_.push_back(item);
    }
    return out;
}

// ---- queries ----------------------------------------------------------------------------------

const CleanupItem* CleanupResult::find(DocumentId d) const noexcept {
    if (!d.valid() || d.index() >= item_of_.size() || item_of_[d.index()] == k_none) return nullptr;
    return &items_[item_of_[d.index()]];
}

const Finding* CleanupResult::finding(const CleanupItem& item, FindingCode code) const noexcept {
    for (const Finding& f : findings(item))
        if (f.code == code) return &f;
    return nullptr;
}

std::size_t CleanupResult::count(Action a) const noexcept {
    return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(), [a](const CleanupItem& i) { return i.action == a; }));
}

namespace {
template <class Authorities>
std::vector<ActionCounts> summary(const Corpus& corpus, const std::vector<CleanupItem>& items, Authorities authorities_of) {
    std::vector<ActionCounts> per(corpus.authority_count());
    ActionCounts total;
    bool any = false;
    for (const CleanupItem& item : items) {
        const auto a = static_cast<std::size_t>(item.action);
        bool counted = false;
        authorities_of(item, [&](AuthorityId who) {
            ++per[who.index()].count[a];
            counted = true;
        });
        if (counted) {
            ++total.count[a];
            any = true;
        }
    }
    std::vector<ActionCounts> out;
    for (AuthorityId a : corpus.authorities()) {
        if (per[a.index()].total() == 0) continue;
        per[a.index()].authority = a;
        out.push_back(per[a.index()]);
    }
    (void)any;
    out.push_back(total);
    return out;
}
}  // namespace

std::vector<ActionCounts> CleanupResult::summary_by_issuer() const {
    return summary(corpus_, items_, [this](const CleanupItem& item, auto&& count) {
        for (AuthorityId issuer : corpus_.document(item.document).issuers()) count(issuer);
    });
}

std::vector<ActionCounts> CleanupResult::summary_by_decider() const {
    return summary(corpus_, items_, [](const CleanupItem& item, auto&& count) {
        if (item.decided_by.valid()) count(item.decided_by);
    });
}

}  // namespace normdoc
