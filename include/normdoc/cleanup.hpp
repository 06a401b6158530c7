// The clean-up (清理) as of a day (SPEC §6): which documents to retain, amend, repeal or declare
// invalid, and why. This is where a clean-up finding is decided: one function per rule of the
// §6 table (detail::check_*), the cascade over the based-on/implements graph in `cleanup`.
//
//   const CleanupResult r = cleanup(corpus, d("2018-11-30"), corpus.find_authority("jy-kjj"));
//   for (const CleanupItem& item : r.items())
//       for (const Finding& f : r.findings(item)) std::cout << f.code << ": " << r.detail(item, f);
//
// The run computes the status of each document it needs once, into an array, and keeps the
// findings of all documents in one flat array (no allocation per document). A CleanupResult is
// immutable: query it from many threads.
#pragma once

#include "normdoc/corpus.hpp"
#include "normdoc/date.hpp"
#include "normdoc/enum_names.hpp"
#include "normdoc/status.hpp"

#include <algorithm>
#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace normdoc {

// SPEC §6: weakest first, so that the strongest of several is their maximum
// (repeal > declare-invalid > amend > evaluate > retain).
enum class Action : std::uint8_t { retain, evaluate, amend, declare_invalid, repeal };
inline constexpr std::size_t k_action_count = 5;

// SPEC §6, in the order of its table.
enum class FindingCode : std::uint8_t {
    expired, expiring, basis_terminated, basis_to_be_terminated, basis_amended, issuer_abolished,
    term_too_long, no_legality_review, no_collective_decision, no_consultation, short_consultation,
    filing_overdue,
};
inline constexpr std::size_t k_finding_code_count = 12;

namespace detail {
inline constexpr std::string_view k_action_names[] = {"retain", "evaluate", "amend", "declare-invalid", "repeal"};
inline constexpr std::string_view k_finding_code_names[] = {
    "EXPIRED", "EXPIRING", "BASIS_TERMINATED", "BASIS_TO_BE_TERMINATED", "BASIS_AMENDED", "ISSUER_ABOLISHED",
    "TERM_TOO_LONG", "NO_LEGALITY_REVIEW", "NO_COLLECTIVE_DECISION", "NO_CONSULTATION", "SHORT_CONSULTATION",
    "FILING_OVERDUE"};
// The words of the seed report (拟废止 …) and of a legal officer, for the text report.
inline constexpr std::string_view k_action_words[] = {"继续有效", "需评估", "拟修改", "拟宣布失效", "拟废止"};
inline constexpr std::string_view k_finding_words[] = {
    "有效期已届满", "有效期即将届满", "上位依据已失效", "上位依据拟废止或宣布失效", "上位依据已修改",
    "制定机关已撤销", "有效期超过规定", "未经合法性审核", "未经集体讨论决定", "未公开征求意见",
    "征求意见时间不足", "未按期备案"};
}  // namespace detail

constexpr std::string_view to_string(Action a) noexcept { return detail::enum_name(detail::k_action_names, a); }
constexpr std::string_view to_string(FindingCode c) noexcept { return detail::enum_name(detail::k_finding_code_names, c); }
constexpr std::optional<Action> parse_action(std::string_view s) noexcept {
    return detail::enum_parse<Action>(detail::k_action_names, s);
}
constexpr std::optional<FindingCode> parse_finding_code(std::string_view s) noexcept {
    return detail::enum_parse<FindingCode>(detail::k_finding_code_names, s);
}
// 拟废止, 拟宣布失效, 拟修改, 需评估, 继续有效.
constexpr std::string_view action_words(Action a) noexcept { return detail::enum_name(detail::k_action_words, a); }
// What the code means, in the words of a clean-up report (上位依据已失效 …).
constexpr std::string_view finding_words(FindingCode c) noexcept { return detail::enum_name(detail::k_finding_words, c); }
inline std::ostream& operator<<(std::ostream& os, Action a) { return os << to_string(a); }
inline std::ostream& operator<<(std::ostream& os, FindingCode c) { return os << to_string(c); }

// SPEC §6: ending the document (repeal or declare invalid).
constexpr bool is_ending(Action a) noexcept { return a == Action::repeal || a == Action::declare_invalid; }

// One finding: its code and the action it calls for. What it is about (which basis, which
// issuer, which dates) is recomputed by CleanupResult::detail, so a run allocates nothing per
// finding.
struct Finding {
    FindingCode code = FindingCode::expired;
    Action action = Action::retain;

    friend bool operator==(Finding a, Finding b) noexcept { return a.code == b.code && a.action == b.action; }
    friend std::ostream& operator<<(std::ostream& os, Finding f) { return os << f.code << "→" << f.action; }
};

// A document looked at by the clean-up.
struct CleanupItem {
    DocumentId document;
    Status status = Status::in_force;  // as of the clean-up day
    Action action = Action::retain;    // the strongest of its findings' actions; retain when none
    std::uint32_t first_finding = 0;   // into CleanupResult's flat array of findings
    std::uint32_t finding_count = 0;
};

// Counts of actions for one issuing authority (the report's 拟废止 N 份 …).
struct ActionCounts {
    AuthorityId authority;  // none for the total
    std::array<std::uint32_t, k_action_count> count{};  // indexed by Action

    std::uint32_t operator[](Action a) const noexcept { return count[static_cast<std::size_t>(a)]; }
    std::uint32_t total() const noexcept {
        std::uint32_t n = 0;
        for (auto c : count) n += c;
        return n;
    }
};

class CleanupResult;
CleanupResult cleanup(const Corpus& corpus, Date as_of, std::optional<AuthorityId> scope = std::nullopt);

class CleanupResult {
public:
    // A run of findings of one item, in the order of SPEC §6's table, each code at most once.
    class FindingRange {
    public:
        FindingRange(const Finding* b, const Finding* e) noexcept : begin_(b), end_(e) {}
        const Finding* begin() const noexcept { return begin_; }
        const Finding* end() const noexcept { return end_; }
        std::size_t size() const noexcept { return static_cast<std::size_t>(end_ - begin_); }
        bool empty() const noexcept { return begin_ == end_; }
        bool contains(FindingCode c) const noexcept {
            return std::any_of(begin_, end_, [c](Finding f) { return f.code == c; });
        }
        std::optional<Action> action_of(FindingCode c) const noexcept {
            for (const Finding* f = begin_; f != end_; ++f)
                if (f->code == c) return f->action;
            return std::nullopt;
        }

    private:
        const Finding *begin_, *end_;
    };

    const Corpus& corpus() const noexcept { return corpus_; }
    Date as_of() const noexcept { return as_of_; }
    std::optional<AuthorityId> scope() const noexcept { return scope_; }

    // Every document looked at (SPEC §6), retain ones included, by string id in byte order.
    const std::vector<CleanupItem>& items() const noexcept { return items_; }
    FindingRange findings(const CleanupItem& item) const noexcept {
        const Finding* b = findings_.data() + item.first_finding;
        return {b, b + item.finding_count};
    }
    // The item of a document, or null when the clean-up did not look at it.
    const CleanupItem* find(DocumentId d) const noexcept {
        if (!d.valid() || d.index() >= item_of_.size() || item_of_[d.index()] == k_no_item) return nullptr;
        return &items_[item_of_[d.index()]];
    }
    // How many items have action `a`.
    std::size_t count(Action a) const noexcept {
        return static_cast<std::size_t>(std::count_if(items_.begin(), items_.end(),
                                                      [a](const CleanupItem& i) { return i.action == a; }));
    }

    // What the finding is about, for a person to act on ("basis 澄政发〔2016〕7号 repealed
    // 2018-07-01", "filing due 2018-06-09, none recorded").
    std::string detail(const CleanupItem& item, Finding finding) const;

    // The report's summary: per issuing authority (a jointly issued document counts for each of
    // its issuers), in authority file order, then the total (each document once, authority none).
    std::vector<ActionCounts> summary_by_issuer() const;

private:
    friend CleanupResult cleanup(const Corpus&, Date, std::optional<AuthorityId>);
    static constexpr std::uint32_t k_no_item = std::numeric_limits<std::uint32_t>::max();

    CleanupResult(Corpus corpus, Date as_of, std::optional<AuthorityId> scope)
        : corpus_(std::move(corpus)), as_of_(as_of), scope_(scope) {}

    // The status of a document the run needed (every looked-at document and each of its bases).
    const DocumentStatus& status(DocumentId d) const { return statuses_[d.index()]; }
    bool to_be_ended(DocumentId d) const {
        const CleanupItem* item = find(d);
        return item && is_ending(item->action);
    }
    std::string name(DocumentId d) const;

    Corpus corpus_;
    Date as_of_;
    std::optional<AuthorityId> scope_;
    std::vector<CleanupItem> items_;
    std::vector<Finding> findings_;
    std::vector<std::uint32_t> item_of_;   // per document: index into items_, or k_no_item
    std::vector<DocumentStatus> statuses_; // per document, as of the day
};

namespace detail {

// SPEC §6: "expired without any repeal / invalidation (relation or event) on or before D".
inline bool formally_ended(const Corpus& corpus, DocumentId id, Date day) {
    const std::uint32_t rank = corpus.rank_of(id);
    if (const EventDays* events = corpus.dates_at(rank).has_events ? corpus.event_days_at(rank) : nullptr) {
        for (const Date when : {events->repeal, events->invalidation})
            if (!when.is_special() && when <= day) return true;
    }
    for (const ModificationDays& m : corpus.modification_days_at(rank))
        if (ends_target(m.kind) && m.in_effect(day)) return true;
    return false;
}

// SPEC §6 BASIS_AMENDED: the latest amendment (amends relation in effect, or amendment event) on
// or before `day`; a basis amended after a dependent's publication has its latest amendment after it.
inline std::optional<Date> latest_amendment(const Corpus& corpus, DocumentId id, Date day) {
    std::optional<Date> latest;
    for (const Event& e : corpus.document(id).events)
        if (e.type == EventType::amendment && e.date <= day && (!latest || e.date > *latest)) latest = e.date;
    for (const ModificationDays& m : corpus.modification_days_of(id))
        if (m.kind == RelationKind::amends && m.in_effect(day) && (!latest || m.date > *latest)) latest = m.date;
    return latest;
}

// SPEC §6 ISSUER_ABOLISHED: the first authority of the successor chain of `a` (a itself
// included) that is not abolished as of `day`; none when the chain ends in an abolished authority
// without successor. Iterative and cycle-safe (at most one step per authority).
inline AuthorityId live_successor(const Corpus& corpus, AuthorityId a, Date day) {
    for (std::size_t steps = 0; a.valid() && steps <= corpus.authority_count(); ++steps) {
        const Authority& auth = corpus.authority(a);
        if (!auth.abolished_by(day)) return a;
        a = auth.successor;
    }
    return AuthorityId();
}

// SPEC §6 ISSUER_ABOLISHED: every issuer abolished on or before D → amend when each one's
// successor chain reaches a living authority, else declare-invalid.
inline std::optional<Action> check_issuer_abolished(const Corpus& corpus, const Document& doc, Date day,
                                                    const std::vector<AuthorityId>& live) {
    bool all_succeeded = true;
    for (AuthorityId issuer : doc.issuers) {
        if (!corpus.authority(issuer).abolished_by(day)) return std::nullopt;
        if (!live[issuer.index()].valid()) all_succeeded = false;
    }
    return all_succeeded ? Action::amend : Action::declare_invalid;
}

// SPEC §6 EXPIRING: in force and D inside the review window (opens M months before the day
// after the last day, closes on the last day).
inline bool check_expiring(const Corpus& corpus, const DocumentStatus& s, Date day) {
    return s.status == Status::in_force && s.last_day &&
           review_window_opens(*s.last_day, corpus.profile().expiry_review_months) <= day && day <= *s.last_day;
}

// SPEC §6 TERM_TOO_LONG: its own expires later than the profile's last day.
inline std::optional<Date> profile_last_day(const Corpus& corpus, const Document& doc) {
    if (!doc.effective) return std::nullopt;
    return term_last_day(*doc.effective, corpus.profile().term_years(doc.trial));
}
inline bool check_term_too_long(const Corpus& corpus, const Document& doc) {
    const auto allowed = profile_last_day(corpus, doc);
    return doc.expires && allowed && *doc.expires > *allowed;
}

// SPEC §6 NO_LEGALITY_REVIEW: the review must come on or before the first adopted collective
// decision dated on or before publication, or on or before publication when there is none.
inline std::optional<Date> first_adoption(const Document& doc) {
    std::optional<Date> first;
    for (const CollectiveDecision& c : doc.procedure.collective_decisions)
        if (c.outcome == DecisionOutcome::adopted && doc.published && c.date <= *doc.published &&
            (!first || c.date < *first))
            first = c.date;
    return first;
}
inline bool check_no_legality_review(const Document& doc) {
    const auto adopted = first_adoption(doc);
    const std::optional<Date> cutoff = adopted ? adopted : doc.published;
    if (!cutoff) return true;
    for (const LegalityReview& r : doc.procedure.legality_reviews)
        if ((r.outcome == LegalityOutcome::lawful || r.outcome == LegalityOutcome::lawful_with_changes) &&
            r.date <= *cutoff)
            return false;
    return true;
}
// SPEC §6 NO_COLLECTIVE_DECISION: no adopted decision on or before publication.
inline bool check_no_collective_decision(const Document& doc) { return !first_adoption(doc); }

// SPEC §6 SHORT_CONSULTATION: shorter than the profile's minimum (both ends count, SPEC §4).
inline bool check_short_consultation(const Corpus& corpus, const Document& doc) {
    const auto& c = doc.procedure.consultation;
    return c && consultation_days(c->from, c->to) < corpus.profile().consultation_min_days;
}

// SPEC §6 FILING_OVERDUE: the deadline is before D and nothing was filed on or before it.
inline bool check_filing_overdue(const Corpus& corpus, const Document& doc, Date day) {
    if (!doc.published) return false;
    const Date deadline = filing_deadline(*doc.published, corpus.profile().filing_within_days);
    if (!(deadline < day)) return false;
    const auto& f = doc.procedure.filing;
    return !f || f->date > deadline;
}

constexpr std::uint16_t bit(FindingCode c) noexcept { return static_cast<std::uint16_t>(1u << static_cast<unsigned>(c)); }

// SPEC §6: the action of each finding code; the BASIS_ pair and ISSUER_ABOLISHED depend on the case.
constexpr Action finding_action(FindingCode c, Action basis, Action issuer) noexcept {
    switch (c) {
        case FindingCode::expired: return Action::declare_invalid;
        case FindingCode::basis_terminated:
        case FindingCode::basis_to_be_terminated: return basis;
        case FindingCode::issuer_abolished: return issuer;
        case FindingCode::term_too_long:
        case FindingCode::no_legality_review:
        case FindingCode::no_collective_decision: return Action::amend;
        case FindingCode::expiring:
        case FindingCode::basis_amended:
        case FindingCode::no_consultation:
        case FindingCode::short_consultation:
        case FindingCode::filing_overdue: return Action::evaluate;
    }
    return Action::retain;
}

// SPEC §6: the clean-up looks at documents in scope (an issuer or the drafter is exactly the scope
// authority, not a successor or a subordinate).
inline bool in_scope(const Document& doc, std::optional<AuthorityId> scope) {
    if (!scope) return true;
    if (doc.drafter == *scope) return true;
    return std::find(doc.issuers.begin(), doc.issuers.end(), *scope) != doc.issuers.end();
}

}  // namespace detail


// SPEC §6: the clean-up of `corpus` as of `as_of`, of the documents of `scope` (all when none).
//
// In phases over flat per-document arrays, each phase walking documents or edges in storage
// order (a million documents do not fit in cache; a walk in graph order would miss on each):
//   1. one pass over the relations: which documents a modifying relation points at, and the
//      latest amendment in effect of each;
//   2. every document's status, once;
//   3. every looked-at document's findings, except the cascade, and its bases counted;
//   4. the cascade (SPEC §6): from each document this plan ends to its dependents, a worklist
//      over the based-on/implements in-edges. A document's BASIS_* action only grows as more of
//      its bases are to be ended, and the graph is acyclic, so this reaches the same fixed point
//      as judging in topological order, touching only the documents that change;
//   5. the items, by id, with their findings in the order of the table.
inline CleanupResult cleanup(const Corpus& corpus, Date as_of, std::optional<AuthorityId> scope) {
    using detail::bit;
    CleanupResult out(corpus, as_of, scope);
    const std::size_t n = corpus.document_count();
    constexpr std::uint32_t k_none = std::numeric_limits<std::uint32_t>::max();

    // 1. The latest amendment by relation in effect of each document (its modifying relations).
    constexpr std::uint8_t k_looked_at = 2, k_ended = 4, k_amended = 8;
    std::vector<std::uint8_t> flags(n, 0);
    std::vector<Date> amended_on(n, Date(boost::gregorian::not_a_date_time));  // latest amendment ≤ D
    const auto& by_id = corpus.documents_by_id();
    for (std::uint32_t rank = 0; rank < n; ++rank) {
        for (const detail::ModificationDays& m : corpus.modification_days_at(rank)) {
            if (m.kind != RelationKind::amends || !m.in_effect(as_of)) continue;
            const std::size_t target = by_id[rank].index();
            Date& latest = amended_on[target];
            if (latest.is_special() || m.date > latest) latest = m.date;
            flags[target] |= k_amended;
        }
    }

    // 2. Statuses, once each; who is looked at.
    out.statuses_.resize(n);
    for (DocumentId id : corpus.documents()) {
        const Document& doc = corpus.document(id);
        std::uint8_t& f = flags[id.index()];
        const bool plain = corpus.dates_of(id).plain;
        const DocumentStatus& s = out.statuses_[id.index()] = status_of(corpus, id, as_of);
        for (const Event& e : doc.events) {
            Date& latest = amended_on[id.index()];
            if (e.type == EventType::amendment && e.date <= as_of && (latest.is_special() || e.date > latest)) {
                latest = e.date;
                f |= k_amended;
            }
        }
        if (is_ended(s.status)) f |= k_ended;
        const bool candidate = s.status == Status::in_force || s.status == Status::pending ||
                               (s.status == Status::expired && (plain || !detail::formally_ended(corpus, id, as_of)));
        if (candidate && detail::in_scope(doc, scope)) f |= k_looked_at;
    }

    // 3. Findings but the cascade. Bases are counted once each (SPEC §6): a document's bases are
    // gathered and made unique in a small reused buffer (not a per-document array: a random access
    // into an array of a million entries per basis is what a run at that size would wait on).
    std::vector<AuthorityId> live(corpus.authority_count());
    for (AuthorityId a : corpus.authorities()) live[a.index()] = detail::live_successor(corpus, a, as_of);
    std::vector<std::uint16_t> found(n, 0);                 // bit per FindingCode, but the BASIS_ pair
    std::vector<Action> other(n, Action::retain);           // strongest action of those findings
    std::vector<Action> issuer_action(n, Action::retain);   // ISSUER_ABOLISHED's
    std::vector<std::uint32_t> bases(n, 0), ended_bases(n, 0), doomed_bases(n, 0);
    std::vector<std::uint32_t> unique_bases;
    for (DocumentId id : corpus.documents()) {
        if (!(flags[id.index()] & k_looked_at)) continue;
        const std::size_t i = id.index();
        const Document& doc = corpus.document(id);
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
            if (detail::check_expiring(corpus, s, as_of)) add(FindingCode::expiring, Action::evaluate);
            unique_bases.clear();
            for (const Relation& r : corpus.relations_from(id))
                if (is_dependency(r.kind)) unique_bases.push_back(r.target.index());
            if (unique_bases.size() > 1) {
                std::sort(unique_bases.begin(), unique_bases.end());
                unique_bases.erase(std::unique(unique_bases.begin(), unique_bases.end()), unique_bases.end());
            }
            bool basis_amended = false;
            for (const std::uint32_t b : unique_bases) {
                ++bases[i];
                if (flags[b] & k_ended) ++ended_bases[i];
                // SPEC §6 BASIS_AMENDED: strictly after this document's publication, on or before D.
                if ((flags[b] & k_amended) && amended_on[b] > *doc.published) basis_amended = true;
            }
            if (basis_amended) add(FindingCode::basis_amended, Action::evaluate);
            if (auto a = detail::check_issuer_abolished(corpus, doc, as_of, live)) {
                add(FindingCode::issuer_abolished, *a);
                issuer_action[i] = *a;
            }
            // SPEC §6: the procedural codes apply to normative and party-normative documents only.
            if (is_normative(doc.kind)) {
                if (detail::check_term_too_long(corpus, doc)) add(FindingCode::term_too_long, Action::amend);
                if (detail::check_no_legality_review(doc)) add(FindingCode::no_legality_review, Action::amend);
                if (detail::check_no_collective_decision(doc)) add(FindingCode::no_collective_decision, Action::amend);
                if (!doc.procedure.consultation) add(FindingCode::no_consultation, Action::evaluate);
                if (detail::check_short_consultation(corpus, doc)) add(FindingCode::short_consultation, Action::evaluate);
                if (detail::check_filing_overdue(corpus, doc, as_of)) add(FindingCode::filing_overdue, Action::evaluate);
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
        if ((flags[i] & (k_looked_at | k_ended)) == k_looked_at && is_ending(action_of(i)))
            doomed.push_back(static_cast<std::uint32_t>(i));
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

    // 5. Items by string id (byte order), findings in the order of SPEC §6's table.
    out.item_of_.assign(n, CleanupResult::k_no_item);
    for (DocumentId id : corpus.documents_by_id()) {
        const std::size_t i = id.index();
        if (!(flags[i] & k_looked_at)) continue;
        CleanupItem item;
        item.document = id;
        item.status = out.statuses_[i].status;
        item.action = action_of(i);
        item.first_finding = static_cast<std::uint32_t>(out.findings_.size());
        std::uint16_t codes = found[i];
        if (ended_bases[i] > 0) codes = static_cast<std::uint16_t>(codes | bit(FindingCode::basis_terminated));
        if (doomed_bases[i] > 0) codes = static_cast<std::uint16_t>(codes | bit(FindingCode::basis_to_be_terminated));
        for (std::size_t c = 0; c < k_finding_code_count; ++c) {
            const auto code = static_cast<FindingCode>(c);
            if (!(codes & bit(code))) continue;
            out.findings_.push_back({code, detail::finding_action(code, basis_action(i), issuer_action[i])});
        }
        item.finding_count = static_cast<std::uint32_t>(out.findings_.size()) - item.first_finding;
        out.item_of_[i] = static_cast<std::uint32_t>(out.items_.size());
        out.items_.push_back(item);
    }
    return out;
}

// ---- details: recomputed from the statuses the run kept ---------------------------------------

// A document as a legal officer names it: by its number (澄政发〔2016〕7号); a law or regulation,
// whose number (主席令第68号) says little, and a document without number by its title.
inline std::string CleanupResult::name(DocumentId d) const {
    const Document& doc = corpus_.document(d);
    if (!doc.number.empty() && doc.kind >= DocumentKind::rule) return std::string(doc.number);
    return "《" + std::string(doc.title) + "》";
}

inline std::string CleanupResult::detail(const CleanupItem& item, Finding finding) const {
    const Document& doc = corpus_.document(item.document);
    const DocumentStatus& s = status(item.document);
    const Profile& profile = corpus_.profile();
    std::string out;
    auto sep = [&] { if (!out.empty()) out += "; "; };

    switch (finding.code) {
    case FindingCode::expired:
        return "last day in force " + (s.last_day ? format_date(*s.last_day) : std::string("?")) +
               ", not formally ended";
    case FindingCode::expiring:
        return "last day in force " + format_date(*s.last_day) + ", review window opened " +
               format_date(review_window_opens(*s.last_day, profile.expiry_review_months));
    case FindingCode::basis_terminated:
    case FindingCode::basis_to_be_terminated:
    case FindingCode::basis_amended: {
        std::vector<DocumentId> bases;
        for (const Relation& r : corpus_.relations_from(item.document))
            if (is_dependency(r.kind) && std::find(bases.begin(), bases.end(), r.target) == bases.end())
                bases.push_back(r.target);
        for (DocumentId b : bases) {
            const DocumentStatus& bs = status(b);
            if (finding.code == FindingCode::basis_terminated && is_ended(bs.status)) {
                sep();
                out += "basis " + name(b) + ' ' + std::string(to_string(bs.status)) + ' ' + format_date(*bs.ended);
            } else if (finding.code == FindingCode::basis_to_be_terminated && !is_ended(bs.status) && to_be_ended(b)) {
                sep();
                out += "basis " + name(b) + (find(b)->action == Action::repeal ? " to be repealed" : " to be declared invalid") +
                       " by this clean-up";
            } else if (finding.code == FindingCode::basis_amended && doc.published) {
                const auto when = detail::latest_amendment(corpus_, b, as_of_);
                if (when && *when > *doc.published) {
                    sep();
                    out += "basis " + name(b) + " amended " + format_date(*when) + ", after this document's publication " +
                           format_date(*doc.published);
                }
            }
        }
        if (finding.code != FindingCode::basis_amended) {
            std::size_t gone = 0;
            for (DocumentId b : bases) gone += (is_ended(status(b).status) || to_be_ended(b)) ? 1 : 0;
            out += gone == bases.size() ? " (no basis left)"
                                        : " (" + std::to_string(bases.size() - gone) + " of " +
                                              std::to_string(bases.size()) + " bases remain)";
        }
        return out;
    }
    case FindingCode::issuer_abolished:
        for (AuthorityId issuer : doc.issuers) {
            const Authority& a = corpus_.authority(issuer);
            sep();
            out += "issuer " + std::string(a.name) + " abolished " + format_date(*a.abolished);
            const AuthorityId heir = detail::live_successor(corpus_, issuer, as_of_);
            out += heir.valid() ? ", succeeded by " + std::string(corpus_.authority(heir).name)
                                : std::string(", no successor in existence");
        }
        return out;
    case FindingCode::term_too_long:
        return "expires " + format_date(*doc.expires) + ", later than the " +
               std::to_string(profile.term_years(doc.trial)) + (doc.trial ? "-year trial" : "-year") +
               " term allows (" + format_date(*detail::profile_last_day(corpus_, doc)) + ")";
    case FindingCode::no_legality_review: {
        const auto adopted = detail::first_adoption(doc);
        out = "no lawful legality review on or before ";
        out += adopted ? "the collective decision of " + format_date(*adopted)
                       : "publication " + (doc.published ? format_date(*doc.published) : std::string("?"));
        for (const LegalityReview& r : doc.procedure.legality_reviews)
            out += "; review " + format_date(r.date) + ' ' + std::string(to_string(r.outcome));
        return out;
    }
    case FindingCode::no_collective_decision:
        out = "no adopted collective decision on or before publication " +
              (doc.published ? format_date(*doc.published) : std::string("?"));
        for (const CollectiveDecision& c : doc.procedure.collective_decisions)
            out += "; decision " + format_date(c.date) + ' ' + std::string(to_string(c.outcome));
        return out;
    case FindingCode::no_consultation:
        return "no public consultation recorded";
    case FindingCode::short_consultation: {
        const auto& c = *doc.procedure.consultation;
        return "consultation " + format_date(c.from) + " to " + format_date(c.to) + " lasted " +
               std::to_string(consultation_days(c.from, c.to)) + " days, minimum " +
               std::to_string(profile.consultation_min_days);
    }
    case FindingCode::filing_overdue: {
        const Date due = filing_deadline(*doc.published, profile.filing_within_days);
        const auto& f = doc.procedure.filing;
        return "filing due " + format_date(due) + (f ? ", filed " + format_date(f->date) : std::string(", none recorded"));
    }
    }
    return out;
}

inline std::vector<ActionCounts> CleanupResult::summary_by_issuer() const {
    std::vector<ActionCounts> per(corpus_.authority_count());
    ActionCounts total;
    for (const CleanupItem& item : items_) {
        const auto a = static_cast<std::size_t>(item.action);
        ++total.count[a];
        for (AuthorityId issuer : corpus_.document(item.document).issuers) ++per[issuer.index()].count[a];
    }
    std::vector<ActionCounts> out;
    for (AuthorityId a : corpus_.authorities()) {
        if (per[a.index()].total() == 0) continue;
        per[a.index()].authority = a;
        out.push_back(per[a.index()]);
    }
    out.push_back(total);
    return out;
}

}  // namespace normdoc
