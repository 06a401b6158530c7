// The corpus as read, before validation: string references not yet resolved, each part with the
// source line it came from. The XML reader and CorpusBuilder both produce a draft, and the one
// validator (build_corpus in corpus.hpp) turns it into a Corpus, so both report the same problems.
#pragma once

#include "normdoc/authority.hpp"
#include "normdoc/document.hpp"
#include "normdoc/profile.hpp"
#include "normdoc/relation.hpp"

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc::draft {

// A reference by string id, and the line of the element that holds it (0: no source line).
struct Ref {
    std::string id;
    std::size_t line = 0;
};

struct Authority {
    std::string id;
    std::string name;
    AuthorityKind kind = AuthorityKind::other;
    std::optional<Level> level;
    std::optional<Ref> parent;
    std::optional<Date> abolished;
    std::optional<Ref> successor;
    std::size_t line = 0;
};

struct Relation {
    RelationKind kind = RelationKind::cites;
    Ref target;
    std::optional<Date> date;
    std::optional<Date> until;
    std::size_t line = 0;
};

struct Step {  // assessment, expert-review, risk-assessment
    Date date;
    std::size_t line = 0;
};
struct Consultation {
    Date from;
    Date to;
    std::size_t line = 0;
};
struct LegalityReview {
    Date date;
    LegalityOutcome outcome = LegalityOutcome::lawful;
    std::optional<Ref> by;
    std::size_t line = 0;
};
struct CollectiveDecision {
    Date date;
    std::string body;
    DecisionOutcome outcome = DecisionOutcome::adopted;
    std::size_t line = 0;
};
struct Filing {
    Date date;
    std::optional<Ref> with;
    std::size_t line = 0;
};
struct Event {
    EventType type = EventType::amendment;
    Date date;
    std::string source;
    std::size_t line = 0;
};

struct Procedure {
    std::optional<Step> assessment;
    std::optional<Consultation> consultation;
    std::optional<Step> expert_review;
    std::optional<Step> risk_assessment;
    std::vector<LegalityReview> legality_reviews;
    std::vector<CollectiveDecision> collective_decisions;
    std::optional<Filing> filing;
};

struct Document {
    std::string id;
    DocumentKind kind = DocumentKind::other;
    std::optional<std::string> title;  // none → MISSING
    std::string number;                // empty when none
    std::optional<bool> trial;         // none → from the title
    std::vector<Ref> issuers;
    std::optional<Ref> drafter;
    std::vector<std::string> subjects;
    std::optional<Date> published;
    std::optional<Date> effective;     // none → published
    std::optional<Date> expires;
    Procedure procedure;
    std::vector<Relation> relations;
    std::vector<Event> events;
    std::size_t line = 0;
    std::size_t number_line = 0;  // the line of the attribute's element (the document's)
    std::size_t dates_line = 0;   // the <dates> element's line
};

struct Corpus {
    std::string file;  // the name problems carry; empty for a corpus built in code
    Profile profile;
    std::vector<Authority> authorities;
    std::vector<Document> documents;
};

// ---- SPEC §7's defaults, in one place: what a draft means where it says nothing ----------------

// SPEC §7: a title names a trial document when, leaving out what stands inside 《》 (the title of
// another document: 关于废止《…暂行办法》的决定 is not itself on trial), it contains 试行 or 暂行.
// Nested 《》 are skipped as one; a 《 never closed hides the rest of the title.
constexpr bool title_says_trial(std::string_view title) noexcept {
    constexpr std::string_view open = "《", close = "》", trial = "试行", interim = "暂行";
    int depth = 0;
    for (std::size_t i = 0; i < title.size();) {
        const std::string_view rest = title.substr(i);
        if (rest.substr(0, open.size()) == open) { ++depth; i += open.size(); continue; }
        if (rest.substr(0, close.size()) == close) { if (depth > 0) --depth; i += close.size(); continue; }
        if (depth == 0 && (rest.substr(0, trial.size()) == trial || rest.substr(0, interim.size()) == interim)) return true;
        ++i;
    }
    return false;
}

// SPEC §7: `trial` when absent comes from the title.
inline bool trial_of(const Document& d) noexcept { return d.trial.value_or(d.title && title_says_trial(*d.title)); }
// SPEC §7: `effective` defaults to `published`.
inline std::optional<Date> effective_of(const Document& d) noexcept { return d.effective ? d.effective : d.published; }
// SPEC §1: the drafter defaults to the first issuer (none when there is no issuer).
inline const Ref* drafter_of(const Document& d) noexcept {
    if (d.drafter) return &*d.drafter;
    return d.issuers.empty() ? nullptr : &d.issuers.front();
}
// SPEC §2: a relation's date defaults to its source's effective date.
inline std::optional<Date> relation_date_of(const Document& source, const Relation& r) noexcept {
    return r.date ? r.date : effective_of(source);
}

}  // namespace normdoc::draft

namespace normdoc {
using draft::title_says_trial;
}
