// A loaded corpus back to a draft (for apply and for writing), and SPEC §7's equality.
#include "normdoc/corpus.hpp"
#include "normdoc/draft.hpp"

#include <algorithm>
#include <sstream>
#include <string>
#include <tuple>

namespace normdoc {

draft::Authority to_draft(const Corpus& corpus, AuthorityId id) {
    const Authority a = corpus.authority(id);
    auto ref = [&](AuthorityId x) { return draft::Ref{std::string(corpus.authority(x).id()), 0}; };
    draft::Authority d;
    d.id = std::string(a.id());
    d.name = std::string(a.name());
    d.kind = a.kind();
    d.level = a.level();
    if (a.parent()) d.parent = ref(a.parent());
    d.abolished = a.abolished();
    if (a.successor()) d.successor = ref(a.successor());
    return d;
}

draft::Document to_draft(const Corpus& corpus, DocumentId id) {
    const Document doc = corpus.document(id);
    auto ref = [](std::string_view s) { return draft::Ref{std::string(s), 0}; };
    auto authority_ref = [&](AuthorityId a) { return ref(corpus.authority(a).id()); };
    draft::Document d;
    d.id = std::string(doc.id());
    d.kind = doc.kind();
    d.title = std::string(doc.title());
    d.number = std::string(doc.number());
    d.trial = doc.trial();
    for (AuthorityId a : doc.issuers()) d.issuers.push_back(authority_ref(a));
    d.drafter = authority_ref(doc.drafter());
    for (auto s : doc.subjects()) d.subjects.emplace_back(s);
    d.published = doc.published();
    d.effective = doc.effective();
    d.expires = doc.expires();
    const Procedure p = doc.procedure();
    if (auto day = p.assessment()) d.procedure.assessment = draft::Step{*day, 0};
    if (auto c = p.consultation()) d.procedure.consultation = draft::Consultation{c->from, c->to, 0};
    if (auto day = p.expert_review()) d.procedure.expert_review = draft::Step{*day, 0};
    if (auto day = p.risk_assessment()) d.procedure.risk_assessment = draft::Step{*day, 0};
    for (const LegalityReview lr : p.legality_reviews()) {
        draft::LegalityReview r{lr.date, lr.outcome, std::nullopt, 0};
        if (lr.by) r.by = authority_ref(lr.by);
        d.procedure.legality_reviews.push_back(std::move(r));
    }
    for (const CollectiveDecision cd : p.collective_decisions())
        d.procedure.collective_decisions.push_back({cd.date, std::string(cd.body), cd.outcome, 0});
    if (auto f = p.filing()) {
        draft::Filing out{f->date, std::nullopt, 0};
        if (f->with) out.with = authority_ref(f->with);
        d.procedure.filing = std::move(out);
    }
    for (const Relation r : corpus.relations_from(id))
        d.relations.push_back({r.kind, ref(corpus.document(r.target).id()), r.date, r.until, 0});
    for (const Event e : doc.events()) d.events.push_back({e.type, e.date, std::string(e.source), 0});
    return d;
}

draft::Corpus to_draft(const Corpus& corpus) {
    draft::Corpus out;
    out.profile = corpus.profile();
    out.authorities.reserve(corpus.authority_count());
    for (AuthorityId id : corpus.authorities()) out.authorities.push_back(to_draft(corpus, id));
    out.documents.reserve(corpus.document_count());
    for (DocumentId id : corpus.documents()) out.documents.push_back(to_draft(corpus, id));
    return out;
}

namespace {

std::string opt_date(const std::optional<Date>& d) { return d ? format_date(*d) : std::string("-"); }

// Each part of a document as comparable text, in a canonical order: what SPEC §7's equality
// looks at, with defaults resolved.
std::vector<std::string> canonical_parts(const Corpus& c, DocumentId id) {
    const Document doc = c.document(id);
    auto auth = [&](AuthorityId a) { return a ? std::string(c.authority(a).id()) : std::string("-"); };
    std::vector<std::string> parts;
    parts.push_back("kind " + std::string(to_string(doc.kind())));
    parts.push_back("title " + std::string(doc.title()));
    parts.push_back("number " + std::string(doc.number()));
    parts.push_back(std::string("trial ") + (doc.trial() ? "true" : "false"));
    parts.push_back("drafter " + auth(doc.drafter()));
    parts.push_back("published " + opt_date(doc.published()));
    parts.push_back("effective " + opt_date(doc.effective()));
    parts.push_back("expires " + opt_date(doc.expires()));
    const Procedure p = doc.procedure();
    const auto consultation = p.consultation();
    const auto filing = p.filing();
    parts.push_back("assessment " + opt_date(p.assessment()));
    parts.push_back("consultation " + (consultation ? format_date(consultation->from) + ".." + format_date(consultation->to) : "-"));
    parts.push_back("expert-review " + opt_date(p.expert_review()));
    parts.push_back("risk-assessment " + opt_date(p.risk_assessment()));
    parts.push_back("filing " + (filing ? format_date(filing->date) + " with " + auth(filing->with) : "-"));
    std::vector<std::string> multi;
    for (AuthorityId a : doc.issuers()) multi.push_back("issuer " + auth(a));
    for (auto s : doc.subjects()) multi.push_back("subject " + std::string(s));
    for (const auto lr : p.legality_reviews())
        multi.push_back("legality-review " + format_date(lr.date) + " " + std::string(to_string(lr.outcome)) + " by " + auth(lr.by));
    for (const auto cd : p.collective_decisions())
        multi.push_back("collective-decision " + format_date(cd.date) + " " + std::string(to_string(cd.outcome)) + " " +
                        std::string(cd.body));
    for (const Relation r : c.relations_from(id))
        multi.push_back("relation " + std::string(to_string(r.kind)) + " " + std::string(c.document(r.target).id()) + " date " +
                        opt_date(c.relation_date(r)) + " until " + opt_date(r.until));
    for (const auto e : doc.events())
        multi.push_back("event " + std::string(to_string(e.type)) + " " + format_date(e.date) + " " + std::string(e.source));
    std::sort(multi.begin(), multi.end());
    parts.insert(parts.end(), multi.begin(), multi.end());
    return parts;
}

std::vector<std::string> canonical_parts(const Corpus& c, AuthorityId id) {
    const Authority a = c.authority(id);
    auto auth = [&](AuthorityId x) { return x ? std::string(c.authority(x).id()) : std::string("-"); };
    return {"name " + std::string(a.name()),
            "kind " + std::string(to_string(a.kind())),
            "level " + (a.level() ? std::string(to_string(*a.level())) : std::string("-")),
            "parent " + auth(a.parent()),
            "abolished " + opt_date(a.abolished()),
            "successor " + auth(a.successor())};
}

template <class IdT>
std::string compare_entities(const Corpus& a, const Corpus& b, Span<IdT> a_order, Span<IdT> b_order,
                             const char* what) {
    auto name = [](const Corpus& c, IdT id) -> std::string_view {
        if constexpr (std::is_same_v<IdT, DocumentId>) return c.document(id).id();
        else return c.authority(id).id();
    };
    if (a_order.size() != b_order.size())
        return std::string(what) + " count differs: " + std::to_string(a_order.size()) + " vs " + std::to_string(b_order.size());
    for (std::size_t i = 0; i < a_order.size(); ++i) {
        const auto an = name(a, a_order[i]), bn = name(b, b_order[i]);
        if (an != bn) return std::string(what) + " ids differ: " + std::string(an) + " vs " + std::string(bn);
        const auto ap = canonical_parts(a, a_order[i]), bp = canonical_parts(b, b_order[i]);
        if (ap == bp) continue;
        for (std::size_t k = 0; k < std::max(ap.size(), bp.size()); ++k) {
            const std::string x = k < ap.size() ? ap[k] : "(nothing)", y = k < bp.size() ? bp[k] : "(nothing)";
            if (x != y) return std::string(what) + " " + std::string(an) + ": " + x + " vs " + y;
        }
    }
    return {};
}

}  // namespace

std::string describe_difference(const Corpus& a, const Corpus& b) {
    if (a.profile() != b.profile()) {
        std::ostringstream os;
        os << "profile: " << a.profile() << " vs " << b.profile();
        return os.str();
    }
    if (auto diff = compare_entities(a, b, a.authorities_by_id(), b.authorities_by_id(), "authority"); !diff.empty()) return diff;
    return compare_entities(a, b, a.documents_by_id(), b.documents_by_id(), "document");
}

}  // namespace normdoc
