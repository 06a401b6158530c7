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
    std::vector<DocumentStatus> statuses_; // per document; valid where the run needed it
};

namespace detail {

// SPEC §6: "expired without any repeal / invalidation (relation or event) on or before D".
inline bool formally_ended(const Corpus& corpus, DocumentId id, Date day) {
    for (const Event& e : corpus.document(id).events)
        if ((e.type == EventType::repeal || e.type == EventType::invalidation) && e.date <= day) return true;
    for (const Relation& r : corpus.relations_to(id))
        if ((is_repealing(r.kind) || r.kind == RelationKind::declares_invalid) && in_effect(corpus, r, day))
            return true;
    return false;
}

// SPEC §6 BASIS_AMENDED: the latest amendment (amends relation in effect, or amendment event) on
// or before `day`; a basis amended after a dependent's publication has its latest amendment after it.
inline std::optional<Date> latest_amendment(const Corpus& corpus, DocumentId id, Date day) {
    std::optional<Date> latest;
    for (const Event& e : corpus.document(id).events)
        if (e.type == EventType::amendment && e.date <= day && (!latest || e.date > *latest)) latest = e.date;
    for (const Relation& r : corpus.relations_to(id)) {
        if (r.kind != RelationKind::amends || !in_effect(corpus, r, day)) continue;
        const Date when = *corpus.relation_date(r);
        if (!latest || when > *latest) latest = when;
    }
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

// SPEC §6: the clean-up looks at documents in scope (an issuer or the drafter is exactly the scope
// authority, not a successor or a subordinate).
inline bool in_scope(const Document& doc, std::optional<AuthorityId> scope) {
    if (!scope) return true;
    if (doc.drafter == *scope) return true;
    return std::find(doc.issuers.begin(), doc.issuers.end(), *scope) != doc.issuers.end();
}

}  // namespace detail

// SPEC §6: the clean-up of `corpus` as of `as_of`, of the documents of `scope` (all when none).
inline CleanupResult cleanup(const Corpus& corpus, Date as_of, std::optional<AuthorityId> scope) {
    CleanupResult out(corpus, as_of, scope);
    const std::size_t n = corpus.document_count();
    // Per document: bit 1 = status computed, bit 2 = looked at (in scope, and in force, pending or
    // expired without formal ending). Statuses are computed only where needed, once.
    constexpr std::uint8_t k_has_status = 1, k_looked_at = 2;
    std::vector<std::uint8_t> state(n, 0);
    std::vector<Action> action_of(n, Action::retain);  // valid for looked-at documents judged so far
    out.statuses_.resize(n);
    out.item_of_.assign(n, CleanupResult::k_no_item);

    auto status = [&](DocumentId d) -> const DocumentStatus& {
        std::uint8_t& st = state[d.index()];
        if (!(st & k_has_status)) {
            const DocumentStatus& s = out.statuses_[d.index()] = status_of(corpus, d, as_of);
            st |= k_has_status;
            if (detail::in_scope(corpus.document(d), scope) &&
                (s.status == Status::in_force || s.status == Status::pending ||
                 (s.status == Status::expired && !detail::formally_ended(corpus, d, as_of))))
                st |= k_looked_at;
        }
        return out.statuses_[d.index()];
    };

    std::vector<AuthorityId> live(corpus.authority_count());
    for (AuthorityId a : corpus.authorities()) live[a.index()] = detail::live_successor(corpus, a, as_of);

    // BASIS_AMENDED: each basis's latest amendment, computed once however many dependents it has.
    constexpr std::uint8_t k_amend_unknown = 0, k_amend_none = 1, k_amend_known = 2;
    std::vector<std::uint8_t> amend_state;
    std::vector<Date> amended_on;
    auto latest_amendment = [&](DocumentId b) -> std::optional<Date> {
        if (amend_state.empty()) {
            amend_state.assign(n, k_amend_unknown);
            amended_on.assign(n, Date(boost::gregorian::not_a_date_time));
        }
        std::uint8_t& st = amend_state[b.index()];
        if (st == k_amend_unknown) {
            const auto when = detail::latest_amendment(corpus, b, as_of);
            st = when ? k_amend_known : k_amend_none;
            if (when) amended_on[b.index()] = *when;
        }
        return st == k_amend_known ? std::optional<Date>(amended_on[b.index()]) : std::nullopt;
    };

    // Bases are counted once each (SPEC §6): a stamp per basis marks the dependent that last saw it.
    std::vector<std::uint32_t> seen_by(n, std::numeric_limits<std::uint32_t>::max());

    auto judge = [&](DocumentId id) {
        if (!detail::in_scope(corpus.document(id), scope)) return;  // never judged, status not needed yet
        const DocumentStatus& s = status(id);
        if (!(state[id.index()] & k_looked_at)) return;
        const Document& doc = corpus.document(id);
        Finding found[k_finding_code_count];
        std::size_t count = 0;
        auto add = [&](FindingCode c, Action a) { found[count++] = {c, a}; };

        if (s.status == Status::expired) {
            add(FindingCode::expired, Action::declare_invalid);  // the only finding checked
        } else {
            if (detail::check_expiring(corpus, s, as_of)) add(FindingCode::expiring, Action::evaluate);

            std::size_t bases = 0, ended = 0, to_be_ended = 0;
            bool basis_amended = false;
            for (const Relation& r : corpus.relations_from(id)) {
                if (!is_dependency(r.kind)) continue;
                const DocumentId b = r.target;
                if (seen_by[b.index()] == id.index()) continue;
                seen_by[b.index()] = id.index();
                ++bases;
                const DocumentStatus& bs = status(b);
                if (is_ended(bs.status))
                    ++ended;
                else if ((state[b.index()] & k_looked_at) && is_ending(action_of[b.index()]))
                    ++to_be_ended;  // SPEC §6: only documents in scope are "to be ended" by the plan
                if (!basis_amended) {
                    const auto when = latest_amendment(b);
                    basis_amended = when && doc.published && *when > *doc.published;
                }
            }
            const Action basis_action = ended + to_be_ended == bases ? Action::repeal : Action::amend;
            if (ended > 0) add(FindingCode::basis_terminated, basis_action);
            if (to_be_ended > 0) add(FindingCode::basis_to_be_terminated, basis_action);
            if (basis_amended) add(FindingCode::basis_amended, Action::evaluate);
            if (auto a = detail::check_issuer_abolished(corpus, doc, as_of, live)) add(FindingCode::issuer_abolished, *a);

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

        Action strongest = Action::retain;
        for (std::size_t i = 0; i < count; ++i) strongest = std::max(strongest, found[i].action);
        action_of[id.index()] = strongest;
        CleanupItem item;
        item.document = id;
        item.status = s.status;
        item.action = strongest;
        item.first_finding = static_cast<std::uint32_t>(out.findings_.size());
        item.finding_count = static_cast<std::uint32_t>(count);
        out.findings_.insert(out.findings_.end(), found, found + count);
        out.item_of_[id.index()] = static_cast<std::uint32_t>(out.items_.size());
        out.items_.push_back(item);
    };

    // SPEC §6 cascade: bases are judged before their dependents (Kahn's algorithm over the
    // based-on/implements graph, iterative: chains of any length), so one pass reaches the fixed
    // point. remaining[v] = bases of v not yet judged (counted per relation).
    std::vector<std::uint32_t> remaining(n, 0);
    std::vector<std::uint32_t> queue;
    queue.reserve(n);
    for (DocumentId v : corpus.documents()) {
        std::uint32_t k = 0;
        for (const Relation& r : corpus.relations_from(v)) k += is_dependency(r.kind) ? 1u : 0u;
        remaining[v.index()] = k;
        if (k == 0) queue.push_back(v.index());
    }
    for (std::size_t head = 0; head < queue.size(); ++head) {
        const DocumentId v(queue[head]);
        judge(v);
        for (const Relation& r : corpus.relations_to(v))
            if (is_dependency(r.kind) && --remaining[r.source.index()] == 0) queue.push_back(r.source.index());
    }
    if (queue.size() < n) {  // a basis cycle: a validated corpus has none; judge the rest anyway
        for (DocumentId v : corpus.documents())
            if (remaining[v.index()] != 0 && out.item_of_[v.index()] == CleanupResult::k_no_item) judge(v);
    }

    // Items by string id (byte order), as reports and plans list them.
    std::vector<CleanupItem> sorted;
    sorted.reserve(out.items_.size());
    for (DocumentId d : corpus.documents_by_id()) {
        const std::uint32_t i = out.item_of_[d.index()];
        if (i == CleanupResult::k_no_item) continue;
        out.item_of_[d.index()] = static_cast<std::uint32_t>(sorted.size());
        sorted.push_back(out.items_[i]);
    }
    out.items_ = std::move(sorted);
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
