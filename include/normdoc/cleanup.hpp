// The clean-up (清理) as of a day (SPEC §6): which documents to retain, amend, repeal or declare
// invalid, and why. This is where a clean-up finding is decided: one function per rule of the §6
// table (check_*, below), the cascade over the based-on/implements graph in `cleanup` (src/cleanup.cpp).
//
//   const auto scope = CleanupScope::of(corpus, "jy-kjj");      // none when there is no such authority
//   const CleanupResult r = cleanup(corpus, as_of, *scope);     // or CleanupScope::all()
//   for (const CleanupItem& item : r.items())
//       for (const Finding& f : r.findings(item)) std::cout << f.code << ": " << r.detail(item, f);
//
// Each finding carries what was decided (the bases concerned, the days compared) as data, so that
// a report words it in its own language from the data. A CleanupResult is immutable: query it from
// many threads.
#pragma once

#include "normdoc/corpus.hpp"
#include "normdoc/date.hpp"
#include "normdoc/document_status.hpp"
#include "normdoc/enum_names.hpp"

#include <array>
#include <cstdint>
#include <optional>
#include <ostream>
#include <string>
#include <string_view>
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
}  // namespace detail

constexpr std::string_view to_string(Action a) noexcept { return detail::enum_name(detail::k_action_names, a); }
constexpr std::string_view to_string(FindingCode c) noexcept { return detail::enum_name(detail::k_finding_code_names, c); }
constexpr std::optional<Action> parse_action(std::string_view s) noexcept {
    return detail::enum_parse<Action>(detail::k_action_names, s);
}
constexpr std::optional<FindingCode> parse_finding_code(std::string_view s) noexcept {
    return detail::enum_parse<FindingCode>(detail::k_finding_code_names, s);
}
inline std::ostream& operator<<(std::ostream& os, Action a) { return os << to_string(a); }
inline std::ostream& operator<<(std::ostream& os, FindingCode c) { return os << to_string(c); }

// SPEC §6: ending the document (repeal or declare invalid).
constexpr bool is_ending(Action a) noexcept { return a == Action::repeal || a == Action::declare_invalid; }

// SPEC §6: the action of each finding code; the BASIS_ pair and ISSUER_ABOLISHED depend on the
// case (`basis`: repeal when every basis has ended or is to be ended, else amend; `issuer`: amend
// when each issuer's successor chain reaches a living authority, else declare-invalid).
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

// Whose documents a clean-up looks at (SPEC §6): those of one authority (an issuer or the drafter
// is exactly it, not a successor or a subordinate), or, as an explicit choice, all. There is no
// "no scope": a name that does not resolve gives no CleanupScope at all.
class CleanupScope {
public:
    static CleanupScope all() noexcept { return CleanupScope(AuthorityId()); }
    // Throws std::invalid_argument for an id that names no authority (AuthorityId()).
    static CleanupScope of(AuthorityId authority);
    // The scope of the authority with this string id, or none when the corpus has no such authority.
    static std::optional<CleanupScope> of(const Corpus& corpus, std::string_view authority_id);

    bool is_all() const noexcept { return !authority_.valid(); }
    AuthorityId authority() const noexcept { return authority_; }  // none for all
    bool contains(const Document& doc) const noexcept;

private:
    explicit CleanupScope(AuthorityId a) noexcept : authority_(a) {}
    AuthorityId authority_;
};

// What a finding is about, one entry each: a basis (BASIS_*) or an issuer (ISSUER_ABOLISHED).
struct FindingNote {
    DocumentId basis;       // BASIS_*: the basis concerned
    AuthorityId issuer;     // ISSUER_ABOLISHED: the issuer
    AuthorityId successor;  // ISSUER_ABOLISHED: the living authority its successor chain reaches; none if it reaches none
    Status status = Status::in_force;  // BASIS_TERMINATED: the basis's status as of the day (repealed, invalid, expired)
    Action action = Action::retain;    // BASIS_TO_BE_TERMINATED: what this clean-up proposes for the basis
    std::optional<Date> date;          // BASIS_TERMINATED: the day it ended; BASIS_AMENDED: its latest amendment;
                                       // ISSUER_ABOLISHED: the day the issuer was abolished
};

// One finding: its code, the action it calls for, and what was decided, by code:
//   EXPIRED                 day: the last day in force
//   EXPIRING                day: the last day in force; other: the day the review window opened
//   BASIS_TERMINATED,       notes: the bases concerned; bases: how many bases the document has;
//   BASIS_TO_BE_TERMINATED  bases_left: how many of them have not ended and are not to be ended
//   BASIS_AMENDED           notes: the bases amended after the document's publication; day: its publication
//   ISSUER_ABOLISHED        notes: every issuer, its abolition and the living successor it reaches
//   TERM_TOO_LONG           day: its own expires; other: the last day the profile allows
//   NO_LEGALITY_REVIEW      day: the cut-off (the first adopted collective decision on or before
//                           publication, else publication); other: that decision's day, none if publication
//   NO_COLLECTIVE_DECISION  day: the publication
//   SHORT_CONSULTATION      day: its first day; other: its last day
//   FILING_OVERDUE          day: the filing deadline; other: the day it was filed, none if never
struct Finding {
    FindingCode code = FindingCode::expired;
    Action action = Action::retain;
    std::optional<Date> day;
    std::optional<Date> other;
    std::uint32_t first_note = 0;
    std::uint32_t note_count = 0;
    std::uint32_t bases = 0;
    std::uint32_t bases_left = 0;

    // Equal code and action (what a plan records).
    friend bool operator==(const Finding& a, const Finding& b) noexcept { return a.code == b.code && a.action == b.action; }
    friend std::ostream& operator<<(std::ostream& os, const Finding& f) { return os << f.code << "→" << f.action; }
};

// A document looked at by the clean-up.
struct CleanupItem {
    DocumentId document;
    Status status = Status::in_force;  // as of the clean-up day
    Action action = Action::retain;    // the strongest of its findings' actions; retain when none
    // SPEC §2/§6: for a proposed ending, the authority that decides it: the scope's authority when
    // it is competent, else the first living body competent for the document. None otherwise.
    AuthorityId decided_by;
    std::uint32_t first_finding = 0;   // into CleanupResult's flat array of findings
    std::uint32_t finding_count = 0;
};

// Counts of actions for one authority (the report's 拟废止 N 份 …).
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

// The findings of one item, in the order of SPEC §6's table, each code at most once.
class FindingList : public Span<Finding> {
public:
    using Span<Finding>::Span;
    bool contains(FindingCode c) const noexcept {
        for (const Finding& f : *this)
            if (f.code == c) return true;
        return false;
    }
    std::optional<Action> action_of(FindingCode c) const noexcept {
        for (const Finding& f : *this)
            if (f.code == c) return f.action;
        return std::nullopt;
    }
};

class CleanupResult {
public:
    const Corpus& corpus() const noexcept { return corpus_; }
    Date as_of() const noexcept { return as_of_; }
    const CleanupScope& scope() const noexcept { return scope_; }

    // Every document looked at (SPEC §6), retain ones included, by string id in byte order.
    const std::vector<CleanupItem>& items() const noexcept { return items_; }
    FindingList findings(const CleanupItem& item) const noexcept {
        return {findings_.data() + item.first_finding, item.finding_count};
    }
    Span<FindingNote> notes(const Finding& finding) const noexcept {
        return {notes_.data() + finding.first_note, finding.note_count};
    }
    // The item of a document, or null when the clean-up did not look at it.
    const CleanupItem* find(DocumentId d) const noexcept;
    // The finding of an item with this code, or null.
    const Finding* finding(const CleanupItem& item, FindingCode code) const noexcept;
    // How many items have action `a`.
    std::size_t count(Action a) const noexcept;
    // The status as of the day of a document the run needed (every looked-at document and each of
    // its bases; others are not computed and come back as draft).
    const DocumentStatus& status(DocumentId d) const { return statuses_.at(d.index()); }

    // The finding in English, for the people who edit a plan ("basis 澄政发〔2016〕7号 repealed
    // 2018-07-01 (no basis left)", "filing due 2018-06-09, none recorded"): written from the
    // finding's data (reports in other languages word the same data: src/report/).
    std::string detail(const CleanupItem& item, const Finding& finding) const;

    // Per issuing authority (a jointly issued document counts for each of its issuers), in
    // authority file order, then the total (each document once, authority none).
    std::vector<ActionCounts> summary_by_issuer() const;
    // The proposed endings per deciding authority (CleanupItem::decided_by), in authority file
    // order, then the total: the seed's "拟废止的市政府规范性文件2份 … 本单位规范性文件10份".
    std::vector<ActionCounts> summary_by_decider() const;

private:
    friend CleanupResult cleanup(const Corpus&, Date, const CleanupScope&);
    CleanupResult(Corpus corpus, Date as_of, CleanupScope scope) : corpus_(std::move(corpus)), as_of_(as_of), scope_(scope) {}

    Corpus corpus_;
    Date as_of_;
    CleanupScope scope_;
    std::vector<CleanupItem> items_;
    std::vector<Finding> findings_;
    std::vector<FindingNote> notes_;
    std::vector<std::uint32_t> item_of_;   // per document: index into items_, or none
    std::vector<DocumentStatus> statuses_; // per document, as of the day
};

// SPEC §6: the clean-up of the documents of `scope` in `corpus` as of `as_of`.
CleanupResult cleanup(const Corpus& corpus, Date as_of, const CleanupScope& scope);

// ---- the findings of SPEC §6's table that depend on one document alone, one function each -------

// EXPIRING: in force and the day inside the review window (opens M months before the day after
// the last day, closes on the last day). `s` is the document's status as of the day.
bool check_expiring(const Profile& profile, const DocumentStatus& s, Date day);
// ISSUER_ABOLISHED: every issuer abolished on or before the day → amend when each one's successor
// chain reaches an authority not abolished as of the day, else declare-invalid; none otherwise.
std::optional<Action> check_issuer_abolished(const Corpus& corpus, const Document& doc, Date day);
// TERM_TOO_LONG: its own expires later than the last day the profile would give it.
bool check_term_too_long(const Profile& profile, const Document& doc);
// NO_LEGALITY_REVIEW: no lawful (or lawful-with-changes) review on or before the first adopted
// collective decision dated on or before publication, or on or before publication if there is none.
bool check_no_legality_review(const Document& doc);
// NO_COLLECTIVE_DECISION: no adopted collective decision on or before publication.
bool check_no_collective_decision(const Document& doc);
// NO_CONSULTATION: no consultation recorded.
bool check_no_consultation(const Document& doc);
// SHORT_CONSULTATION: shorter than the profile's minimum (both ends count, SPEC §4).
bool check_short_consultation(const Profile& profile, const Document& doc);
// FILING_OVERDUE: the filing deadline is before the day and nothing was filed on or before it.
bool check_filing_overdue(const Profile& profile, const Document& doc, Date day);

// The first adopted collective decision on or before publication (NO_LEGALITY_REVIEW's cut-off).
std::optional<Date> first_adoption(const Document& doc);
// ISSUER_ABOLISHED: the first authority of the successor chain of `a` (a itself included) not
// abolished as of `day`; none when the chain ends in an abolished authority without successor.
AuthorityId living_successor(const Corpus& corpus, AuthorityId a, Date day);

}  // namespace normdoc
