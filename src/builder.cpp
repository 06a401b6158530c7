// CorpusBuilder's calls (include/normdoc/builder.hpp): each fills the draft the one validator
// checks; a date given as text is parsed here and a bad one is kept as a BAD_DATE problem.
#include "normdoc/builder.hpp"

#include "normdoc/draft.hpp"

#include <utility>

namespace normdoc {

struct CorpusBuilder::State {
    draft::Corpus draft;
    std::vector<Problem> problems;
};

CorpusBuilder::CorpusBuilder() : state_(std::make_unique<State>()) {}
CorpusBuilder::CorpusBuilder(const CorpusBuilder& other) : state_(std::make_unique<State>(*other.state_)) {}
// A builder moved from is empty again, not unusable.
CorpusBuilder::CorpusBuilder(CorpusBuilder&& other) : state_(std::exchange(other.state_, std::make_unique<State>())) {}
CorpusBuilder& CorpusBuilder::operator=(const CorpusBuilder& other) {
    if (this != &other) state_ = std::make_unique<State>(*other.state_);
    return *this;
}
CorpusBuilder& CorpusBuilder::operator=(CorpusBuilder&& other) {
    if (this != &other) state_ = std::exchange(other.state_, std::make_unique<State>());
    return *this;
}
CorpusBuilder::~CorpusBuilder() = default;

const draft::Corpus& CorpusBuilder::draft() const noexcept { return state_->draft; }

using AuthorityRef = CorpusBuilder::AuthorityRef;
using DocumentRef = CorpusBuilder::DocumentRef;

draft::Authority& AuthorityRef::get() { return b_->state_->draft.authorities[i_]; }
AuthorityRef& AuthorityRef::level(Level l) { get().level = l; return *this; }
AuthorityRef& AuthorityRef::parent(std::string_view id) { get().parent = draft::Ref{std::string(id), 0}; return *this; }
AuthorityRef& AuthorityRef::abolished(const DateArg& d, std::string_view successor_id) {
    get().abolished = b_->take(d, "abolished");
    if (!successor_id.empty()) successor(successor_id);
    return *this;
}
AuthorityRef& AuthorityRef::successor(std::string_view id) { get().successor = draft::Ref{std::string(id), 0}; return *this; }

draft::Document& DocumentRef::get() { return b_->state_->draft.documents[i_]; }
DocumentRef& DocumentRef::number(std::string_view n) { get().number = std::string(n); return *this; }
DocumentRef& DocumentRef::trial(bool t) { get().trial = t; return *this; }
DocumentRef& DocumentRef::issuer(std::string_view id) { get().issuers.push_back({std::string(id), 0}); return *this; }
DocumentRef& DocumentRef::drafter(std::string_view id) { get().drafter = draft::Ref{std::string(id), 0}; return *this; }
DocumentRef& DocumentRef::subject(std::string_view s) { get().subjects.emplace_back(s); return *this; }
DocumentRef& DocumentRef::published(const DateArg& d) { get().published = b_->take(d, "published"); return *this; }
DocumentRef& DocumentRef::effective(const DateArg& d) { get().effective = b_->take(d, "effective"); return *this; }
DocumentRef& DocumentRef::expires(const DateArg& d) { get().expires = b_->take(d, "expires"); return *this; }
DocumentRef& DocumentRef::dates(const DateArg& published_on, std::optional<DateArg> effective_on) {
    published(published_on);
    if (effective_on) effective(*effective_on);
    return *this;
}

DocumentRef& DocumentRef::relation(RelationKind kind, std::string_view target, std::optional<DateArg> date,
                                   std::optional<DateArg> until) {
    draft::Relation r;
    r.kind = kind;
    r.target = {std::string(target), 0};
    if (date) r.date = b_->take(*date, "relation date");
    if (until) r.until = b_->take(*until, "until");
    get().relations.push_back(std::move(r));
    return *this;
}

namespace {
void set_step(std::optional<draft::Step>& slot, std::optional<Date> day) {
    if (day) slot = draft::Step{*day, 0};
}
}  // namespace

DocumentRef& DocumentRef::assessment(const DateArg& d) { set_step(get().procedure.assessment, b_->take(d, "procedure step")); return *this; }
DocumentRef& DocumentRef::expert_review(const DateArg& d) { set_step(get().procedure.expert_review, b_->take(d, "procedure step")); return *this; }
DocumentRef& DocumentRef::risk_assessment(const DateArg& d) { set_step(get().procedure.risk_assessment, b_->take(d, "procedure step")); return *this; }
DocumentRef& DocumentRef::consultation(const DateArg& from, const DateArg& to) {
    auto f = b_->take(from, "consultation from");
    auto t = b_->take(to, "consultation to");
    if (f && t) get().procedure.consultation = draft::Consultation{*f, *t, 0};
    return *this;
}
DocumentRef& DocumentRef::legality_review(const DateArg& d, LegalityOutcome outcome, std::string_view by) {
    if (auto day = b_->take(d, "legality review")) {
        draft::LegalityReview r{*day, outcome, std::nullopt, 0};
        if (!by.empty()) r.by = draft::Ref{std::string(by), 0};
        get().procedure.legality_reviews.push_back(std::move(r));
    }
    return *this;
}
DocumentRef& DocumentRef::collective_decision(const DateArg& d, DecisionOutcome outcome, std::string_view body) {
    if (auto day = b_->take(d, "collective decision"))
        get().procedure.collective_decisions.push_back({*day, std::string(body), outcome, 0});
    return *this;
}
DocumentRef& DocumentRef::filing(const DateArg& d, std::string_view with) {
    if (auto day = b_->take(d, "filing")) {
        draft::Filing f{*day, std::nullopt, 0};
        if (!with.empty()) f.with = draft::Ref{std::string(with), 0};
        get().procedure.filing = std::move(f);
    }
    return *this;
}
DocumentRef& DocumentRef::event(EventType type, const DateArg& d, std::string_view source) {
    if (auto day = b_->take(d, "event")) get().events.push_back({type, *day, std::string(source), 0});
    return *this;
}

CorpusBuilder& CorpusBuilder::profile(const Profile& p) { state_->draft.profile = p; return *this; }

AuthorityRef CorpusBuilder::authority(std::string_view id, std::string_view name, AuthorityKind kind) {
    draft::Authority a;
    a.id = std::string(id);
    a.name = std::string(name);
    a.kind = kind;
    state_->draft.authorities.push_back(std::move(a));
    return AuthorityRef(this, state_->draft.authorities.size() - 1);
}

DocumentRef CorpusBuilder::document(std::string_view id, DocumentKind kind, std::string_view title) {
    draft::Document d;
    d.id = std::string(id);
    d.kind = kind;
    d.title = std::string(title);
    state_->draft.documents.push_back(std::move(d));
    return DocumentRef(this, state_->draft.documents.size() - 1);
}

LoadResult CorpusBuilder::build() const { return build_corpus(state_->draft, state_->problems); }

std::optional<Date> CorpusBuilder::take(const DateArg& d, std::string_view what) {
    if (d.date()) return *d.date();
    DateParse parsed = parse_date(d.text());
    if (!parsed) {
        state_->problems.push_back({{}, 0, Severity::error, ProblemCode::bad_date,
                             std::string(what) + " '" + d.text() + "': " + parsed.error, {}});
    }
    return parsed.date;
}

}  // namespace normdoc
