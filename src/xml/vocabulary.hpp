// The words of corpus XML format 1 (SPEC §7): its namespace, its element names and its attribute
// names, each spelled once, for the reader, the writer and the generator. Relation elements are
// named by to_string(RelationKind) and enumerated values (kinds, levels, outcomes) by
// enum_names.hpp: they are the model's words, not only the format's. The plan's namespace is
// normdoc::k_plan_namespace (plan.hpp, public: users write plans).
#pragma once

#include <string_view>

namespace normdoc::detail::xml::corpus_vocabulary {

// SPEC §7: the namespace of format 1.
inline constexpr std::string_view k_namespace = "urn:normdoc:corpus:1";

namespace element {
inline constexpr std::string_view corpus = "corpus";
// <profile> (SPEC §3)
inline constexpr std::string_view profile = "profile";
inline constexpr std::string_view validity = "validity";
inline constexpr std::string_view consultation = "consultation";  // also a procedure step
inline constexpr std::string_view filing = "filing";              // also a procedure step
inline constexpr std::string_view expiry_review = "expiry-review";
// <authorities>
inline constexpr std::string_view authorities = "authorities";
inline constexpr std::string_view authority = "authority";
// <documents>
inline constexpr std::string_view documents = "documents";
inline constexpr std::string_view document = "document";
inline constexpr std::string_view title = "title";
inline constexpr std::string_view issuer = "issuer";
inline constexpr std::string_view drafter = "drafter";
inline constexpr std::string_view subject = "subject";
inline constexpr std::string_view dates = "dates";
inline constexpr std::string_view procedure = "procedure";
inline constexpr std::string_view assessment = "assessment";
inline constexpr std::string_view expert_review = "expert-review";
inline constexpr std::string_view risk_assessment = "risk-assessment";
inline constexpr std::string_view legality_review = "legality-review";
inline constexpr std::string_view collective_decision = "collective-decision";
inline constexpr std::string_view relations = "relations";
inline constexpr std::string_view events = "events";
inline constexpr std::string_view event = "event";
}  // namespace element

namespace attribute {
// <validity>, <consultation>, <filing>, <expiry-review> of the profile
inline constexpr std::string_view years = "years";
inline constexpr std::string_view trial_years = "trial-years";
inline constexpr std::string_view min_days = "min-days";
inline constexpr std::string_view within_days = "within-days";
inline constexpr std::string_view months = "months";
// <authority>
inline constexpr std::string_view id = "id";
inline constexpr std::string_view name = "name";
inline constexpr std::string_view kind = "kind";
inline constexpr std::string_view level = "level";
inline constexpr std::string_view parent = "parent";
inline constexpr std::string_view abolished = "abolished";
inline constexpr std::string_view successor = "successor";
// <document> (and id, kind)
inline constexpr std::string_view number = "number";
inline constexpr std::string_view trial = "trial";
// <issuer>, <drafter>, relations
inline constexpr std::string_view ref = "ref";
// <dates>
inline constexpr std::string_view published = "published";
inline constexpr std::string_view effective = "effective";
inline constexpr std::string_view expires = "expires";
// procedure steps, relations, events
inline constexpr std::string_view date = "date";
inline constexpr std::string_view from = "from";
inline constexpr std::string_view to = "to";
inline constexpr std::string_view outcome = "outcome";
inline constexpr std::string_view by = "by";
inline constexpr std::string_view body = "body";
inline constexpr std::string_view with = "with";
inline constexpr std::string_view until = "until";
inline constexpr std::string_view type = "type";
inline constexpr std::string_view source = "source";
}  // namespace attribute

}  // namespace normdoc::detail::xml::corpus_vocabulary
