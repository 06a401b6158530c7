// Documents: kinds in rank order, procedure record, explicit lifecycle events (SPEC §2, §7).
#pragma once

#include "normdoc/date.hpp"
#include "normdoc/enum_names.hpp"
#include "normdoc/id.hpp"
#include "normdoc/number.hpp"

#include <optional>
#include <ostream>
#include <string_view>
#include <vector>

namespace normdoc {

// SPEC §2: in rank order, highest first.
enum class DocumentKind : std::uint8_t {
    law, administrative_regulation, local_regulation, rule, normative, party_normative, other
};
enum class LegalityOutcome : std::uint8_t { lawful, lawful_with_changes, unlawful };
enum class DecisionOutcome : std::uint8_t { adopted, rejected, deferred };
enum class EventType : std::uint8_t { repeal, invalidation, amendment };

namespace detail {
inline constexpr std::string_view k_document_kind_names[] = {
    "law", "administrative-regulation", "local-regulation", "rule", "normative", "party-normative", "other"};
inline constexpr std::string_view k_legality_outcome_names[] = {"lawful", "lawful-with-changes", "unlawful"};
inline constexpr std::string_view k_decision_outcome_names[] = {"adopted", "rejected", "deferred"};
inline constexpr std::string_view k_event_type_names[] = {"repeal", "invalidation", "amendment"};
}  // namespace detail

constexpr std::string_view to_string(DocumentKind k) noexcept { return detail::enum_name(detail::k_document_kind_names, k); }
constexpr std::string_view to_string(LegalityOutcome o) noexcept { return detail::enum_name(detail::k_legality_outcome_names, o); }
constexpr std::string_view to_string(DecisionOutcome o) noexcept { return detail::enum_name(detail::k_decision_outcome_names, o); }
constexpr std::string_view to_string(EventType t) noexcept { return detail::enum_name(detail::k_event_type_names, t); }
constexpr std::optional<DocumentKind> parse_document_kind(std::string_view s) noexcept {
    return detail::enum_parse<DocumentKind>(detail::k_document_kind_names, s);
}
constexpr std::optional<LegalityOutcome> parse_legality_outcome(std::string_view s) noexcept {
    return detail::enum_parse<LegalityOutcome>(detail::k_legality_outcome_names, s);
}
constexpr std::optional<DecisionOutcome> parse_decision_outcome(std::string_view s) noexcept {
    return detail::enum_parse<DecisionOutcome>(detail::k_decision_outcome_names, s);
}
constexpr std::optional<EventType> parse_event_type(std::string_view s) noexcept {
    return detail::enum_parse<EventType>(detail::k_event_type_names, s);
}
inline std::ostream& operator<<(std::ostream& os, DocumentKind k) { return os << to_string(k); }
inline std::ostream& operator<<(std::ostream& os, LegalityOutcome o) { return os << to_string(o); }
inline std::ostream& operator<<(std::ostream& os, DecisionOutcome o) { return os << to_string(o); }
inline std::ostream& operator<<(std::ostream& os, EventType t) { return os << to_string(t); }

// SPEC §3, §6: the kinds with a profile term and procedural findings.
constexpr bool is_normative(DocumentKind k) noexcept {
    return k == DocumentKind::normative || k == DocumentKind::party_normative;
}

struct Consultation { Date from; Date to; };
struct LegalityReview { Date date; LegalityOutcome outcome = LegalityOutcome::lawful; AuthorityId by; };
struct CollectiveDecision { Date date; std::string_view body; DecisionOutcome outcome = DecisionOutcome::adopted; };
struct Filing { Date date; AuthorityId with; };

// The procedure record (SPEC §7 <procedure>); reviews and decisions may repeat.
struct Procedure {
    std::optional<Date> assessment;
    std::optional<Consultation> consultation;
    std::optional<Date> expert_review;
    std::optional<Date> risk_assessment;
    std::vector<LegalityReview> legality_reviews;
    std::vector<CollectiveDecision> collective_decisions;
    std::optional<Filing> filing;
};

struct Event {
    EventType type = EventType::amendment;
    Date date;
    std::string_view source;  // free text, may be empty
};

// A document of a loaded corpus. Strings are views into the corpus that owns it; its relations
// are edges of the corpus's relation graph (Corpus::relations_from / relations_to).
struct Document {
    std::string_view id;
    DocumentKind kind = DocumentKind::other;
    std::string_view title;
    std::string_view number;          // empty when none
    bool trial = false;               // SPEC §7: default from 试行/暂行 in the title, resolved
    std::vector<AuthorityId> issuers; // at least one
    AuthorityId drafter;              // SPEC §1: defaults to the first issuer, resolved
    std::vector<std::string_view> subjects;
    std::optional<Date> published;    // none → draft
    std::optional<Date> effective;    // SPEC §7: defaults to published, resolved
    std::optional<Date> expires;      // last day in force as written
    Procedure procedure;
    std::vector<Event> events;

    DocumentNumber parsed_number() const noexcept { return parse_number(number); }
};

inline std::ostream& operator<<(std::ostream& os, const Document& d) {
    os << "Document{" << d.id << ", " << d.kind;
    if (!d.number.empty()) os << ", " << d.number;
    if (d.published) os << ", published " << format_date(*d.published);
    return os << '}';
}

// SPEC §7: trial when the title contains 试行 or 暂行.
constexpr bool title_says_trial(std::string_view title) noexcept {
    return title.find("试行") != std::string_view::npos || title.find("暂行") != std::string_view::npos;
}

}  // namespace normdoc
