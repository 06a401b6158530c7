// The corpus's layout: flat arrays of fixed-size records ("columns"), the same whether they were
// built from XML in memory or are used in place from a memory-mapped registry snapshot (SPEC §12).
// Not part of the public API: read a corpus through Corpus, Document, Authority and the rules.
//
// Every record is trivially copyable, of fixed size and without pointers: strings are TextRefs
// into one blob, days are Julian day numbers (0: none), lists are runs given by an offsets
// column (n + 1 entries). The indexes that the status rules read are kept in id order ("by rank"),
// so that what is output in id order reads them front to back.
#pragma once

#include "normdoc/date.hpp"
#include "normdoc/id.hpp"
#include "normdoc/profile.hpp"
#include "normdoc/span.hpp"

#include <cstdint>
#include <memory>
#include <optional>
#include <string_view>
#include <type_traits>

namespace normdoc::detail {

// A day as stored: Boost's day number (the Julian day number), 0 for none.
using Day = std::uint32_t;
inline constexpr Day k_no_day = 0;
inline Day to_day(Date d) noexcept { return d.is_special() ? k_no_day : static_cast<Day>(d.day_number()); }
inline Day to_day(const std::optional<Date>& d) noexcept { return d ? to_day(*d) : k_no_day; }
inline Date to_date(Day d) noexcept {
    return d == k_no_day ? Date(boost::gregorian::not_a_date_time) : Date(static_cast<Date::date_int_type>(d));
}
inline std::optional<Date> to_optional_date(Day d) noexcept {
    if (d == k_no_day) return std::nullopt;
    return Date(static_cast<Date::date_int_type>(d));
}

// A document's position in id order (byte order of its string id): what the status indexes are
// kept by. A type of its own so that it is never taken for a DocumentId.
using Rank = Id<struct RankTag>;

// A string in the corpus's text blob.
struct TextRef {
    std::uint32_t offset_low = 0;
    std::uint32_t offset_high = 0;
    std::uint32_t size = 0;
    constexpr std::uint64_t offset() const noexcept { return (std::uint64_t{offset_high} << 32) | offset_low; }
    static constexpr TextRef at(std::uint64_t offset, std::size_t size) noexcept {
        return {static_cast<std::uint32_t>(offset), static_cast<std::uint32_t>(offset >> 32), static_cast<std::uint32_t>(size)};
    }
};

inline constexpr std::uint8_t k_no_level = 0xff;

struct AuthorityRecord {
    TextRef id;
    TextRef name;
    Day abolished = k_no_day;
    AuthorityId parent;
    AuthorityId successor;
    std::uint8_t kind = 0;           // AuthorityKind
    std::uint8_t level = k_no_level; // Level, or k_no_level
    std::uint8_t reserved[2] = {};
};

struct DocumentRecord {
    TextRef id;
    TextRef title;
    TextRef number;
    Day published = k_no_day;
    Day effective = k_no_day;        // SPEC §7 default (published) resolved
    Day expires = k_no_day;
    Day assessment = k_no_day;
    Day expert_review = k_no_day;
    Day risk_assessment = k_no_day;
    Day consultation_from = k_no_day;  // none: no consultation
    Day consultation_to = k_no_day;
    Day filing = k_no_day;             // none: no filing
    AuthorityId filing_with;
    AuthorityId drafter;             // SPEC §1 default (the first issuer) resolved
    std::uint8_t kind = 0;           // DocumentKind
    std::uint8_t trial = 0;          // SPEC §7 default (from the title) resolved
    std::uint8_t reserved[2] = {};
};

struct RelationRecord {
    DocumentId source;
    DocumentId target;
    Day date = k_no_day;   // as written; none → the source's effective date
    Day until = k_no_day;  // extends only
    std::uint8_t kind = 0; // RelationKind
    std::uint8_t reserved[3] = {};
};

struct EventRecord {
    TextRef source;
    Day date = k_no_day;
    std::uint8_t type = 0;  // EventType
    std::uint8_t reserved[3] = {};
};

struct ReviewRecord {
    Day date = k_no_day;
    AuthorityId by;
    std::uint8_t outcome = 0;  // LegalityOutcome
    std::uint8_t reserved[3] = {};
};

struct DecisionRecord {
    TextRef body;
    Day date = k_no_day;
    std::uint8_t outcome = 0;  // DecisionOutcome
    std::uint8_t reserved[3] = {};
};

// What SPEC §4/§5 need of a document, by rank: when nothing modifies it (no modifying relation
// targets it, no events), its dates and its term decide its status without touching anything else.
struct DocumentDates {
    Day published = k_no_day;
    Day effective = k_no_day;
    Day base_last_day = k_no_day;  // SPEC §4 before extensions
    std::uint8_t plain = 0;        // nothing modifies the document
    std::uint8_t has_events = 0;
    std::uint8_t reserved[2] = {};
};

// A modifying relation as status needs it (SPEC §2), grouped by its target's rank: its date
// (written, or its source's effective date), the first day it has effect (also on or after its
// source's publication; none: never, a source that is a draft), `until` for extends, and the
// source's rank (SPEC §4 orders extensions of one date by source id).
struct ModificationRecord {
    Day date = k_no_day;
    Day from = k_no_day;
    Day until = k_no_day;
    Rank source;
    std::uint8_t kind = 0;  // RelationKind
    std::uint8_t reserved[3] = {};

    bool in_effect(Day day) const noexcept { return from != k_no_day && from <= day; }
};

// The earliest day of each type among a document's events (none: 0): all that status needs of
// them, since the earliest one on or before the day decides.
struct EventDays {
    Day amendment = k_no_day;
    Day repeal = k_no_day;
    Day invalidation = k_no_day;
};

// Where an authority stands among the others by `parent` (SPEC §2 competence: a body above): the
// parent links as a forest walked depth first, so that "A is above B" is two comparisons. A cycle
// of parents (which no rule forbids) is cut at its first member in file order, `top`; every member
// of a cycle is above every authority under `top`.
struct AuthorityTreeRecord {
    std::uint32_t enter = 0;  // when the walk entered it
    std::uint32_t leave = 0;  // when it left it (enter <= leave; descendants nest inside)
    AuthorityId top;          // for a member of a cycle: where the cycle was cut
    std::uint8_t in_cycle = 0;
    std::uint8_t reserved[3] = {};
};

// The sections of a corpus, once: `Column<T>` is std::vector for a corpus being built and Span for
// one being read. The order here is the order of the snapshot's section table (SPEC §12).
template <template <class...> class Column>
struct CorpusColumns {
    Column<char> text;                        // every string, UTF-8
    Column<AuthorityRecord> authorities;      // file order: AuthorityId
    Column<DocumentRecord> documents;         // file order: DocumentId
    Column<std::uint32_t> issuer_offsets;     // by document, n + 1
    Column<AuthorityId> issuers;
    Column<std::uint32_t> subject_offsets;
    Column<TextRef> subjects;
    Column<std::uint32_t> event_offsets;
    Column<EventRecord> events;
    Column<std::uint32_t> review_offsets;
    Column<ReviewRecord> reviews;
    Column<std::uint32_t> decision_offsets;
    Column<DecisionRecord> decisions;
    Column<std::uint32_t> relation_offsets;   // by source document: its <relations> in order
    Column<RelationRecord> relations;
    Column<std::uint32_t> incoming_offsets;   // by target document
    Column<std::uint32_t> incoming;           // indexes into relations, by source in file order
    Column<DocumentId> documents_by_id;       // by rank
    Column<Rank> document_rank;               // by document
    Column<AuthorityId> authorities_by_id;    // byte order of ids
    Column<DocumentId> documents_by_number;   // the documents with a number, by number, then id
    Column<DocumentDates> dates;              // by rank
    Column<std::uint32_t> modification_offsets;  // by rank of the target
    Column<ModificationRecord> modifications;
    Column<std::uint32_t> dependent_offsets;  // by rank of the basis
    Column<Rank> dependents;                  // sources of based-on / implements
    Column<Rank> event_ranks;                 // the documents with events, sorted
    Column<EventDays> event_days;             // parallel to event_ranks
    Column<AuthorityTreeRecord> authority_tree;  // by authority: its place under its ancestors (SPEC §2)

    // Calls f(name, a.column, b.column) for every section, in the order above, of two sets of
    // columns (views over vectors, say): the one list of the sections.
    template <class A, class B, class F>
    static void zip(A& a, B& b, F&& f) {
#define NORMDOC_DETAIL_SECTION(name) f(#name, a.name, b.name)
        NORMDOC_DETAIL_SECTION(text); NORMDOC_DETAIL_SECTION(authorities); NORMDOC_DETAIL_SECTION(documents);
        NORMDOC_DETAIL_SECTION(issuer_offsets); NORMDOC_DETAIL_SECTION(issuers);
        NORMDOC_DETAIL_SECTION(subject_offsets); NORMDOC_DETAIL_SECTION(subjects);
        NORMDOC_DETAIL_SECTION(event_offsets); NORMDOC_DETAIL_SECTION(events);
        NORMDOC_DETAIL_SECTION(review_offsets); NORMDOC_DETAIL_SECTION(reviews);
        NORMDOC_DETAIL_SECTION(decision_offsets); NORMDOC_DETAIL_SECTION(decisions);
        NORMDOC_DETAIL_SECTION(relation_offsets); NORMDOC_DETAIL_SECTION(relations);
        NORMDOC_DETAIL_SECTION(incoming_offsets); NORMDOC_DETAIL_SECTION(incoming);
        NORMDOC_DETAIL_SECTION(documents_by_id); NORMDOC_DETAIL_SECTION(document_rank);
        NORMDOC_DETAIL_SECTION(authorities_by_id); NORMDOC_DETAIL_SECTION(documents_by_number);
        NORMDOC_DETAIL_SECTION(dates); NORMDOC_DETAIL_SECTION(modification_offsets); NORMDOC_DETAIL_SECTION(modifications);
        NORMDOC_DETAIL_SECTION(dependent_offsets); NORMDOC_DETAIL_SECTION(dependents);
        NORMDOC_DETAIL_SECTION(event_ranks); NORMDOC_DETAIL_SECTION(event_days);
        NORMDOC_DETAIL_SECTION(authority_tree);
#undef NORMDOC_DETAIL_SECTION
    }
    // Calls f(name, column) for every section.
    template <class F>
    void visit(F&& f) {
        zip(*this, *this, [&f](const char* name, auto& column, auto&) { f(name, column); });
    }
    template <class F>
    void visit(F&& f) const {
        zip(*this, *this, [&f](const char* name, const auto& column, const auto&) { f(name, column); });
    }
};

// Every record is plain bytes: what makes a mapped snapshot usable in place.
#define NORMDOC_DETAIL_PLAIN(T, bytes)                                                            \
    static_assert(std::is_trivially_copyable_v<T> && std::is_standard_layout_v<T>, #T " is plain"); \
    static_assert(sizeof(T) == (bytes), #T " has the size the snapshot format says")
NORMDOC_DETAIL_PLAIN(TextRef, 12);
NORMDOC_DETAIL_PLAIN(AuthorityRecord, 40);
NORMDOC_DETAIL_PLAIN(DocumentRecord, 84);
NORMDOC_DETAIL_PLAIN(RelationRecord, 20);
NORMDOC_DETAIL_PLAIN(EventRecord, 20);
NORMDOC_DETAIL_PLAIN(ReviewRecord, 12);
NORMDOC_DETAIL_PLAIN(DecisionRecord, 20);
NORMDOC_DETAIL_PLAIN(DocumentDates, 16);
NORMDOC_DETAIL_PLAIN(ModificationRecord, 20);
NORMDOC_DETAIL_PLAIN(EventDays, 12);
NORMDOC_DETAIL_PLAIN(AuthorityTreeRecord, 16);
NORMDOC_DETAIL_PLAIN(DocumentId, 4);
NORMDOC_DETAIL_PLAIN(AuthorityId, 4);
NORMDOC_DETAIL_PLAIN(Rank, 4);
#undef NORMDOC_DETAIL_PLAIN

// A corpus's data: the profile, the columns, and what keeps them alive (the vectors they were
// built in, or the mapping of a snapshot). Immutable once made.
struct CorpusData {
    Profile profile;
    CorpusColumns<Span> columns;
    std::shared_ptr<const void> storage;

    std::string_view text(TextRef r) const noexcept {
        return {columns.text.data() + r.offset(), r.size};
    }
    template <class T>
    static Span<T> run(const Span<T>& items, const Span<std::uint32_t>& offsets, std::size_t i) noexcept {
        return {items.data() + offsets[i], items.data() + offsets[i + 1]};
    }
};

}  // namespace normdoc::detail

namespace normdoc::detail {

// The indexes by rank, for the rules' walks in id order (unchecked: 0 <= rank < document count).
inline Rank rank_of(const CorpusData& d, DocumentId id) noexcept { return d.columns.document_rank[id.index()]; }
inline DocumentId document_at(const CorpusData& d, Rank r) noexcept { return d.columns.documents_by_id[r.index()]; }
inline const DocumentDates& dates_at(const CorpusData& d, Rank r) noexcept { return d.columns.dates[r.index()]; }
// The modifying relations whose target is the document at `r` (SPEC §2), in source order.
inline Span<ModificationRecord> modifications_at(const CorpusData& d, Rank r) noexcept {
    return CorpusData::run(d.columns.modifications, d.columns.modification_offsets, r.index());
}
// The ranks of the documents based on the one at `r` or implementing it (each relation once).
inline Span<Rank> dependents_at(const CorpusData& d, Rank r) noexcept {
    return CorpusData::run(d.columns.dependents, d.columns.dependent_offsets, r.index());
}
// The event days of a document with events (dates_at(r).has_events), else nullptr.
inline const EventDays* event_days_at(const CorpusData& d, Rank r) noexcept {
    const Span<Rank>& ranks = d.columns.event_ranks;
    std::size_t lo = 0, hi = ranks.size();
    while (lo < hi) {
        const std::size_t mid = lo + (hi - lo) / 2;
        if (ranks[mid].index() < r.index()) lo = mid + 1; else hi = mid;
    }
    if (lo == ranks.size() || ranks[lo] != r) return nullptr;
    return &d.columns.event_days[lo];
}

}  // namespace normdoc::detail
