// CorpusBuilder: a corpus built in code, for the unit tests of systems that embed normdoc.
// It makes a draft and hands it to the same validator as the XML reader, so it reports the same
// problems (without a line).
//
//   CorpusBuilder b;
//   b.authority("jy-gov", "江阴市人民政府", AuthorityKind::government);
//   b.document("law", DocumentKind::law, "中华人民共和国促进科技成果转化法").issuer("jy-gov").published("2015-08-29");
//   b.document("d1", DocumentKind::normative, "关于…的实施意见").issuer("jy-gov")
//       .dates("2018-05-10", "2018-06-01").based_on("law");
//   LoadResult r = b.build();
#pragma once

#include "normdoc/corpus.hpp"
#include "normdoc/draft.hpp"

#include <string>
#include <string_view>
#include <utility>
#include <variant>
#include <vector>

namespace normdoc {

// A date given as a Date or as `YYYY-MM-DD` text (checked when the builder takes it).
class DateArg {
public:
    DateArg(Date d) : value_(d) {}
    DateArg(std::string_view text) : value_(std::string(text)) {}
    DateArg(const char* text) : value_(std::string(text)) {}
    DateArg(const std::string& text) : value_(text) {}

    const std::variant<Date, std::string>& value() const noexcept { return value_; }

private:
    std::variant<Date, std::string> value_;
};

class CorpusBuilder {
public:
    class AuthorityRef {
    public:
        AuthorityRef& level(Level l) { get().level = l; return *this; }
        AuthorityRef& parent(std::string_view id) { get().parent = draft::Ref{std::string(id), 0}; return *this; }
        AuthorityRef& abolished(const DateArg& d, std::string_view successor_id = {}) {
            get().abolished = b_->take(d, "abolished");
            if (!successor_id.empty()) successor(successor_id);
            return *this;
        }
        AuthorityRef& successor(std::string_view id) { get().successor = draft::Ref{std::string(id), 0}; return *this; }

    private:
        friend class CorpusBuilder;
        AuthorityRef(CorpusBuilder* b, std::size_t i) : b_(b), i_(i) {}
        draft::Authority& get() { return b_->draft_.authorities[i_]; }
        CorpusBuilder* b_;
        std::size_t i_;
    };

    class DocumentRef {
    public:
        DocumentRef& number(std::string_view n) { get().number = std::string(n); return *this; }
        DocumentRef& trial(bool t) { get().trial = t; return *this; }
        DocumentRef& issuer(std::string_view id) { get().issuers.push_back({std::string(id), 0}); return *this; }
        DocumentRef& drafter(std::string_view id) { get().drafter = draft::Ref{std::string(id), 0}; return *this; }
        DocumentRef& subject(std::string_view s) { get().subjects.emplace_back(s); return *this; }
        DocumentRef& published(const DateArg& d) { get().published = b_->take(d, "published"); return *this; }
        DocumentRef& effective(const DateArg& d) { get().effective = b_->take(d, "effective"); return *this; }
        DocumentRef& expires(const DateArg& d) { get().expires = b_->take(d, "expires"); return *this; }
        // published and effective at once (effective defaults to published).
        DocumentRef& dates(const DateArg& published_on, std::optional<DateArg> effective_on = std::nullopt) {
            published(published_on);
            if (effective_on) effective(*effective_on);
            return *this;
        }

        DocumentRef& relation(RelationKind kind, std::string_view target, std::optional<DateArg> date = std::nullopt,
                              std::optional<DateArg> until = std::nullopt) {
            draft::Relation r;
            r.kind = kind;
            r.target = {std::string(target), 0};
            if (date) r.date = b_->take(*date, "relation date");
            if (until) r.until = b_->take(*until, "until");
            get().relations.push_back(std::move(r));
            return *this;
        }
        DocumentRef& based_on(std::string_view t) { return relation(RelationKind::based_on, t); }
        DocumentRef& implements(std::string_view t) { return relation(RelationKind::implements, t); }
        DocumentRef& cites(std::string_view t) { return relation(RelationKind::cites, t); }
        DocumentRef& amends(std::string_view t, std::optional<DateArg> d = std::nullopt) { return relation(RelationKind::amends, t, d); }
        DocumentRef& repeals(std::string_view t, std::optional<DateArg> d = std::nullopt) { return relation(RelationKind::repeals, t, d); }
        DocumentRef& supersedes(std::string_view t, std::optional<DateArg> d = std::nullopt) { return relation(RelationKind::supersedes, t, d); }
        DocumentRef& declares_invalid(std::string_view t, std::optional<DateArg> d = std::nullopt) {
            return relation(RelationKind::declares_invalid, t, d);
        }
        DocumentRef& extends(std::string_view t, const DateArg& until, std::optional<DateArg> d = std::nullopt) {
            return relation(RelationKind::extends, t, d, until);
        }

        DocumentRef& assessment(const DateArg& d) { step(get().procedure.assessment, d); return *this; }
        DocumentRef& expert_review(const DateArg& d) { step(get().procedure.expert_review, d); return *this; }
        DocumentRef& risk_assessment(const DateArg& d) { step(get().procedure.risk_assessment, d); return *this; }
        DocumentRef& consultation(const DateArg& from, const DateArg& to) {
            auto f = b_->take(from, "consultation from");
            auto t = b_->take(to, "consultation to");
            if (f && t) get().procedure.consultation = draft::Consultation{*f, *t, 0};
            return *this;
        }
        DocumentRef& legality_review(const DateArg& d, LegalityOutcome outcome, std::string_view by = {}) {
            if (auto day = b_->take(d, "legality review")) {
                draft::LegalityReview r{*day, outcome, std::nullopt, 0};
                if (!by.empty()) r.by = draft::Ref{std::string(by), 0};
                get().procedure.legality_reviews.push_back(std::move(r));
            }
            return *this;
        }
        DocumentRef& collective_decision(const DateArg& d, DecisionOutcome outcome, std::string_view body = {}) {
            if (auto day = b_->take(d, "collective decision"))
                get().procedure.collective_decisions.push_back({*day, std::string(body), outcome, 0});
            return *this;
        }
        DocumentRef& filing(const DateArg& d, std::string_view with = {}) {
            if (auto day = b_->take(d, "filing")) {
                draft::Filing f{*day, std::nullopt, 0};
                if (!with.empty()) f.with = draft::Ref{std::string(with), 0};
                get().procedure.filing = std::move(f);
            }
            return *this;
        }
        DocumentRef& event(EventType type, const DateArg& d, std::string_view source = {}) {
            if (auto day = b_->take(d, "event")) get().events.push_back({type, *day, std::string(source), 0});
            return *this;
        }

    private:
        friend class CorpusBuilder;
        DocumentRef(CorpusBuilder* b, std::size_t i) : b_(b), i_(i) {}
        draft::Document& get() { return b_->draft_.documents[i_]; }
        void step(std::optional<draft::Step>& slot, const DateArg& d) {
            if (auto day = b_->take(d, "procedure step")) slot = draft::Step{*day, 0};
        }
        CorpusBuilder* b_;
        std::size_t i_;
    };

    CorpusBuilder& profile(const Profile& p) { draft_.profile = p; return *this; }

    AuthorityRef authority(std::string_view id, std::string_view name, AuthorityKind kind) {
        draft::Authority a;
        a.id = std::string(id);
        a.name = std::string(name);
        a.kind = kind;
        draft_.authorities.push_back(std::move(a));
        return AuthorityRef(this, draft_.authorities.size() - 1);
    }

    DocumentRef document(std::string_view id, DocumentKind kind, std::string_view title) {
        draft::Document d;
        d.id = std::string(id);
        d.kind = kind;
        d.title = std::string(title);
        draft_.documents.push_back(std::move(d));
        return DocumentRef(this, draft_.documents.size() - 1);
    }

    // The draft so far (for tests that want to write it as XML, say).
    const draft::Corpus& draft() const noexcept { return draft_; }

    // Validates and builds; the builder can be built again after more additions.
    LoadResult build() const { return build_corpus(draft_, problems_); }

private:
    std::optional<Date> take(const DateArg& d, std::string_view what) {
        if (const Date* day = std::get_if<Date>(&d.value())) return *day;
        const std::string& text = std::get<std::string>(d.value());
        DateParse parsed = parse_date(text);
        if (!parsed) {
            problems_.push_back({{}, 0, Severity::error, ProblemCode::bad_date,
                                 std::string(what) + " '" + text + "': " + parsed.error, {}});
        }
        return parsed.date;
    }

    draft::Corpus draft_;
    std::vector<Problem> problems_;
};

}  // namespace normdoc
