// Documents (SPEC §2, §7): kinds in rank order, the procedure record, explicit lifecycle events,
// and Document, a document of a loaded corpus.
#pragma once

#include "normdoc/date.hpp"
#include "normdoc/detail/corpus_data.hpp"
#include "normdoc/enum_names.hpp"
#include "normdoc/id.hpp"
#include "normdoc/number.hpp"
#include "normdoc/span.hpp"

#include <optional>
#include <ostream>
#include <string_view>

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

// The steps of a procedure record and the events of a document, as values.
struct Consultation { Date from; Date to; };
struct LegalityReview { Date date; LegalityOutcome outcome = LegalityOutcome::lawful; AuthorityId by; };
struct CollectiveDecision { Date date; std::string_view body; DecisionOutcome outcome = DecisionOutcome::adopted; };
struct Filing { Date date; AuthorityId with; };
struct Event {
    EventType type = EventType::amendment;
    Date date;
    std::string_view source;  // free text, may be empty
};

namespace detail {
struct DecodeReview {
    LegalityReview operator()(const ReviewRecord& r) const noexcept {
        return {to_date(r.date), static_cast<LegalityOutcome>(r.outcome), r.by};
    }
};
struct DecodeDecision {
    const CorpusData* data = nullptr;
    CollectiveDecision operator()(const DecisionRecord& r) const noexcept {
        return {to_date(r.date), data->text(r.body), static_cast<DecisionOutcome>(r.outcome)};
    }
};
struct DecodeEvent {
    const CorpusData* data = nullptr;
    Event operator()(const EventRecord& r) const noexcept {
        return {static_cast<EventType>(r.type), to_date(r.date), data->text(r.source)};
    }
};
struct DecodeText {
    const CorpusData* data = nullptr;
    std::string_view operator()(const TextRef& r) const noexcept { return data->text(r); }
};
}  // namespace detail

using LegalityReviews = DecodedRange<detail::ReviewRecord, detail::DecodeReview>;
using CollectiveDecisions = DecodedRange<detail::DecisionRecord, detail::DecodeDecision>;
using Events = DecodedRange<detail::EventRecord, detail::DecodeEvent>;
using TextList = DecodedRange<detail::TextRef, detail::DecodeText>;

// A document's procedure record (SPEC §7 <procedure>); reviews and decisions may repeat.
class Procedure {
public:
    Procedure(const detail::CorpusData* data, DocumentId id) noexcept : data_(data), id_(id) {}

    std::optional<Date> assessment() const noexcept { return detail::to_optional_date(record().assessment); }
    std::optional<Consultation> consultation() const noexcept {
        const auto& r = record();
        if (r.consultation_from == detail::k_no_day) return std::nullopt;
        return Consultation{detail::to_date(r.consultation_from), detail::to_date(r.consultation_to)};
    }
    std::optional<Date> expert_review() const noexcept { return detail::to_optional_date(record().expert_review); }
    std::optional<Date> risk_assessment() const noexcept { return detail::to_optional_date(record().risk_assessment); }
    LegalityReviews legality_reviews() const noexcept {
        return {detail::CorpusData::run(data_->columns.reviews, data_->columns.review_offsets, id_.index()), {}};
    }
    CollectiveDecisions collective_decisions() const noexcept {
        return {detail::CorpusData::run(data_->columns.decisions, data_->columns.decision_offsets, id_.index()), {data_}};
    }
    std::optional<Filing> filing() const noexcept {
        const auto& r = record();
        if (r.filing == detail::k_no_day) return std::nullopt;
        return Filing{detail::to_date(r.filing), r.filing_with};
    }
    // No step recorded at all.
    bool empty() const noexcept {
        const auto& r = record();
        return r.assessment == detail::k_no_day && r.expert_review == detail::k_no_day &&
               r.risk_assessment == detail::k_no_day && r.consultation_from == detail::k_no_day &&
               r.filing == detail::k_no_day && legality_reviews().empty() && collective_decisions().empty();
    }

private:
    const detail::DocumentRecord& record() const noexcept { return data_->columns.documents[id_.index()]; }
    const detail::CorpusData* data_;
    DocumentId id_;
};

// A document of a loaded corpus: a small handle (the corpus's data and the document's id), cheap
// to copy, valid while a Corpus sharing that data lives. Strings are views into the corpus.
// Its relations are Corpus::relations_from / relations_to.
class Document {
public:
    Document(const detail::CorpusData* data, DocumentId id) noexcept : data_(data), id_(id) {}

    DocumentId document_id() const noexcept { return id_; }
    std::string_view id() const noexcept { return data_->text(record().id); }
    DocumentKind kind() const noexcept { return static_cast<DocumentKind>(record().kind); }
    std::string_view title() const noexcept { return data_->text(record().title); }
    std::string_view number() const noexcept { return data_->text(record().number); }  // empty when none
    DocumentNumber parsed_number() const noexcept { return parse_number(number()); }
    bool trial() const noexcept { return record().trial != 0; }  // SPEC §7 default resolved
    Span<AuthorityId> issuers() const noexcept {                 // at least one
        return detail::CorpusData::run(data_->columns.issuers, data_->columns.issuer_offsets, id_.index());
    }
    AuthorityId drafter() const noexcept { return record().drafter; }  // SPEC §1 default resolved
    TextList subjects() const noexcept {
        return {detail::CorpusData::run(data_->columns.subjects, data_->columns.subject_offsets, id_.index()), {data_}};
    }
    std::optional<Date> published() const noexcept { return detail::to_optional_date(record().published); }  // none: a draft
    std::optional<Date> effective() const noexcept { return detail::to_optional_date(record().effective); }  // SPEC §7 default resolved
    std::optional<Date> expires() const noexcept { return detail::to_optional_date(record().expires); }      // as written
    Procedure procedure() const noexcept { return {data_, id_}; }
    Events events() const noexcept {
        return {detail::CorpusData::run(data_->columns.events, data_->columns.event_offsets, id_.index()), {data_}};
    }

private:
    const detail::DocumentRecord& record() const noexcept { return data_->columns.documents[id_.index()]; }
    const detail::CorpusData* data_;
    DocumentId id_;
};

inline std::ostream& operator<<(std::ostream& os, const Document& d) {
    os << "Document{" << d.id() << ", " << d.kind();
    if (!d.number().empty()) os << ", " << d.number();
    if (d.published()) os << ", published " << format_date(*d.published());
    return os << '}';
}

}  // namespace normdoc
