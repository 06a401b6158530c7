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

#include <string>
#include <string_view>
#include <memory>
#include <optional>
#include <vector>

namespace normdoc {

// A date given as a Date or as `YYYY-MM-DD` text (checked when the builder takes it).
class DateArg {
public:
    DateArg(Date d) : date_(d) {}
    DateArg(std::string_view text) : text_(text) {}
    DateArg(const char* text) : text_(text) {}
    DateArg(const std::string& text) : text_(text) {}

    // The date when given as one; otherwise none and text() holds what was given.
    const std::optional<Date>& date() const noexcept { return date_; }
    const std::string& text() const noexcept { return text_; }

private:
    std::optional<Date> date_;
    std::string text_;
};

class CorpusBuilder {
public:
    class AuthorityRef {
    public:
        AuthorityRef& level(Level l);
        AuthorityRef& parent(std::string_view id);
        AuthorityRef& abolished(const DateArg& d, std::string_view successor_id = {});
        AuthorityRef& successor(std::string_view id);

    private:
        friend class CorpusBuilder;
        AuthorityRef(CorpusBuilder* b, std::size_t i) : b_(b), i_(i) {}
        draft::Authority& get();
        CorpusBuilder* b_;
        std::size_t i_;
    };

    class DocumentRef {
    public:
        DocumentRef& number(std::string_view n);
        DocumentRef& trial(bool t);
        DocumentRef& issuer(std::string_view id);
        DocumentRef& drafter(std::string_view id);
        DocumentRef& subject(std::string_view s);
        DocumentRef& published(const DateArg& d);
        DocumentRef& effective(const DateArg& d);
        DocumentRef& expires(const DateArg& d);
        // published and effective at once (effective defaults to published).
        DocumentRef& dates(const DateArg& published_on, std::optional<DateArg> effective_on = std::nullopt);

        DocumentRef& relation(RelationKind kind, std::string_view target, std::optional<DateArg> date = std::nullopt,
                              std::optional<DateArg> until = std::nullopt);
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

        DocumentRef& assessment(const DateArg& d);
        DocumentRef& expert_review(const DateArg& d);
        DocumentRef& risk_assessment(const DateArg& d);
        DocumentRef& consultation(const DateArg& from, const DateArg& to);
        DocumentRef& legality_review(const DateArg& d, LegalityOutcome outcome, std::string_view by = {});
        DocumentRef& collective_decision(const DateArg& d, DecisionOutcome outcome, std::string_view body = {});
        DocumentRef& filing(const DateArg& d, std::string_view with = {});
        DocumentRef& event(EventType type, const DateArg& d, std::string_view source = {});

    private:
        friend class CorpusBuilder;
        DocumentRef(CorpusBuilder* b, std::size_t i) : b_(b), i_(i) {}
        draft::Document& get();
        CorpusBuilder* b_;
        std::size_t i_;
    };

    CorpusBuilder();
    CorpusBuilder(const CorpusBuilder& other);
    CorpusBuilder(CorpusBuilder&& other);
    CorpusBuilder& operator=(const CorpusBuilder& other);
    CorpusBuilder& operator=(CorpusBuilder&& other);
    ~CorpusBuilder();

    CorpusBuilder& profile(const Profile& p);
    AuthorityRef authority(std::string_view id, std::string_view name, AuthorityKind kind);
    DocumentRef document(std::string_view id, DocumentKind kind, std::string_view title);

    // The draft so far (for tests that want to write it as XML, say; include normdoc/draft.hpp).
    const draft::Corpus& draft() const noexcept;

    // Validates and builds; the builder can be built again after more additions.
    LoadResult build() const;

private:
    std::optional<Date> take(const DateArg& d, std::string_view what);

    struct State;  // the draft and the problems found so far (src/builder.cpp)
    std::unique_ptr<State> state_;
};

}  // namespace normdoc
