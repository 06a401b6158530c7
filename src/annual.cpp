// SPEC §13 annual: one walk over the documents in id order; each figure is one test, taken from
// the rule that owns it (status_of, the clean-up's procedural checks, §4's filing deadline).
#include "normdoc/annual.hpp"

#include "normdoc/status.hpp"

namespace normdoc {
namespace {

bool in_year(const std::optional<Date>& d, int year) { return d && static_cast<int>(d->year()) == year; }

// SPEC §13 amended: an amends relation or an amendment event dated in Y, the relation's source
// published on or before Y-12-31.
bool amended_in(const Corpus& corpus, DocumentId id, int year, Date year_end) {
    for (const Event& e : corpus.document(id).events())
        if (e.type == EventType::amendment && static_cast<int>(e.date.year()) == year) return true;
    for (const Relation r : corpus.relations_to(id)) {
        if (r.kind != RelationKind::amends) continue;
        const auto published = corpus.document(r.source).published();
        if (in_year(corpus.relation_date(r), year) && published && *published <= year_end) return true;
    }
    return false;
}

}  // namespace

AnnualReport annual(const Corpus& corpus, int year, const CleanupScope& scope) {
    AnnualReport report;
    report.year_ = year;
    const Profile& profile = corpus.profile();
    const Date year_end(static_cast<unsigned short>(year), 12, 31);
    const Date last_year_end(static_cast<unsigned short>(year - 1), 12, 31);
    auto count = [&](AnnualFigure f, DocumentId id, bool listed) {
        ++report.counts_[static_cast<std::size_t>(f)];
        if (listed) report.lists_[static_cast<std::size_t>(f)].push_back(id);
    };
    for (DocumentId id : corpus.documents_by_id()) {
        const Document doc = corpus.document(id);
        if (!scope.contains(doc)) continue;
        if (in_year(doc.published(), year)) {
            count(AnnualFigure::issued, id, true);
            if (is_normative(doc.kind())) {
                count(AnnualFigure::issued_normative, id, false);
                if (!check_no_legality_review(doc)) count(AnnualFigure::legality_reviewed, id, false);
                if (!check_no_collective_decision(doc)) count(AnnualFigure::collectively_decided, id, false);
                if (!check_no_consultation(doc) && !check_short_consultation(profile, doc)) count(AnnualFigure::consulted, id, false);
                const auto filing = doc.procedure().filing();
                if (filing && filing->date <= filing_deadline(*doc.published(), profile.filing_within()))
                    count(AnnualFigure::filed_on_time, id, false);
            }
        }
        const Status now = status_of(corpus, id, year_end).status;
        const Status before = status_of(corpus, id, last_year_end).status;
        if (now != before) {
            if (now == Status::repealed) count(AnnualFigure::repealed, id, true);
            if (now == Status::invalid) count(AnnualFigure::declared_invalid, id, true);
            if (now == Status::expired) count(AnnualFigure::expired, id, true);
        }
        if (amended_in(corpus, id, year, year_end)) count(AnnualFigure::amended, id, true);
        if (now == Status::in_force) count(AnnualFigure::in_force, id, false);
        if (now == Status::pending) count(AnnualFigure::pending, id, false);
    }
    return report;
}

}  // namespace normdoc
