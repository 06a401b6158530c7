// SPEC §13 on a generated corpus: `deadlines --format csv` and `annual --format csv` against a
// reading of §13 written here from the public API's basic facts (status as of a day, the §4
// calendar, the procedure record), not from the commands' code.
#include "test_support.hpp"

#include "normdoc/date.hpp"
#include "normdoc/io.hpp"
#include "normdoc/status.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <sstream>
#include <string>
#include <tuple>
#include <vector>

namespace normdoc {
namespace {

#ifdef NORMDOC_CLI
using test::run_cli;

std::string csv_field(std::string_view v) {
    if (v.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(v);
    std::string out = "\"";
    for (char c : v) out += c == '"' ? std::string("\"\"") : std::string(1, c);
    return out + "\"";
}

bool normative(DocumentKind k) { return k == DocumentKind::normative || k == DocumentKind::party_normative; }

struct Generated {
    std::string dir, file;
    Corpus corpus;
};

Generated generated(const std::string& name) {
    Generated g;
    g.dir = test::scratch_dir(name);
    const auto r = run_cli(g.dir, {"generate", "--documents", "4000", "--seed", "11", "-o", "g.xml"});
    EXPECT_EQ(r.code, 0) << r.err;
    g.file = g.dir + "/g.xml";
    LoadResult loaded = read_corpus_file(g.file);
    EXPECT_TRUE(loaded.ok());
    if (loaded.ok()) g.corpus = *loaded.corpus;
    return g;
}

TEST(ReportsRandom, DeadlinesAgreeWithAnIndependentReadingOfTheSpec) {
    const Generated g = generated("reports-random-deadlines");
    const Corpus& c = g.corpus;
    const Date d = test::d("2020-06-30");
    const long days = 365;
    const Date last = d + boost::gregorian::days(days);
    const Profile& p = c.profile();
    std::vector<std::tuple<Date, std::string, std::string, std::string, std::string>> rows;
    for (DocumentId id : c.documents()) {
        const Document doc = c.document(id);
        const DocumentStatus s = status_of(c, id, d);
        if (s.status != Status::in_force && s.status != Status::pending) continue;
        auto add = [&](Date day, const char* event) {
            if (d <= day && day <= last) rows.emplace_back(day, event, std::string(doc.id()), std::string(doc.number()), std::string(doc.title()));
        };
        if (s.last_day) {
            add(*s.last_day, "term-ends");
            // SPEC §4: M months before the day after the last day, or the last day of that month.
            const Date after = *s.last_day + boost::gregorian::days(1);
            int y = after.year(), m = static_cast<int>(after.month()) - p.expiry_review_months;
            while (m < 1) { m += 12; --y; }
            const int dim = boost::gregorian::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(y), static_cast<unsigned short>(m));
            add(Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(std::min<int>(after.day(), dim))), "review-opens");
        }
        const auto filing = doc.procedure().filing();
        if (normative(doc.kind()) && doc.published() && !(filing && filing->date <= d))
            add(*doc.published() + boost::gregorian::days(p.filing_within_days), "filing-due");
    }
    std::sort(rows.begin(), rows.end(), [](const auto& a, const auto& b) {
        return std::tie(std::get<0>(a), std::get<1>(a), std::get<2>(a)) < std::tie(std::get<0>(b), std::get<1>(b), std::get<2>(b));
    });
    std::string expected = "date,event,id,number,title\n";
    for (const auto& [day, event, id, number, title] : rows)
        expected += format_date(day) + "," + event + "," + csv_field(id) + "," + csv_field(number) + "," + csv_field(title) + "\n";
    ASSERT_GT(rows.size(), 20u) << "a corpus with something falling due";
    const auto r = run_cli(g.dir, {"deadlines", "g.xml", "--as-of", "2020-06-30", "--within", "365", "--format", "csv"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, expected);
}

TEST(ReportsRandom, AnnualFiguresAgreeWithAnIndependentReadingOfTheSpec) {
    const Generated g = generated("reports-random-annual");
    const Corpus& c = g.corpus;
    const Profile& p = c.profile();
    const int year = 2019;
    const Date end(year, 12, 31), before(year - 1, 12, 31);
    std::vector<long> n(12, 0);
    for (DocumentId id : c.documents()) {
        const Document doc = c.document(id);
        const auto pub = doc.published();
        if (pub && pub->year() == year) {
            ++n[0];
            if (normative(doc.kind())) {
                ++n[1];
                const auto proc = doc.procedure();
                // SPEC §6 NO_COLLECTIVE_DECISION / NO_LEGALITY_REVIEW, read again.
                std::optional<Date> adopted;
                for (const CollectiveDecision cd : proc.collective_decisions())
                    if (cd.outcome == DecisionOutcome::adopted && cd.date <= *pub && (!adopted || cd.date < *adopted)) adopted = cd.date;
                const Date cutoff = adopted ? *adopted : *pub;
                bool lawful = false;
                for (const LegalityReview lr : proc.legality_reviews())
                    if ((lr.outcome == LegalityOutcome::lawful || lr.outcome == LegalityOutcome::lawful_with_changes) && lr.date <= cutoff) lawful = true;
                n[2] += lawful;
                n[3] += adopted.has_value();
                const auto cons = proc.consultation();
                n[4] += cons && (cons->to - cons->from).days() + 1 >= p.consultation_min_days;
                const auto filing = proc.filing();
                n[5] += filing && filing->date <= *pub + boost::gregorian::days(p.filing_within_days);
            }
        }
        const Status now = status_of(c, id, end).status, then = status_of(c, id, before).status;
        n[6] += now == Status::repealed && then != Status::repealed;
        n[7] += now == Status::invalid && then != Status::invalid;
        n[8] += now == Status::expired && then != Status::expired;
        bool amended = false;
        for (const Event& e : doc.events()) amended |= e.type == EventType::amendment && e.date.year() == year;
        for (const Relation r : c.relations_to(id)) {
            if (r.kind != RelationKind::amends) continue;
            const auto date = c.relation_date(r);
            const auto spub = c.document(r.source).published();
            amended |= date && date->year() == year && spub && *spub <= end;
        }
        n[9] += amended;
        n[10] += now == Status::in_force;
        n[11] += now == Status::pending;
    }
    const char* names[] = {"issued", "issued_normative", "legality_reviewed", "collectively_decided", "consulted", "filed_on_time",
                           "repealed", "declared_invalid", "expired", "amended", "in_force", "pending"};
    std::string expected = "figure,count\n";
    for (std::size_t k = 0; k < 12; ++k) expected += std::string(names[k]) + "," + std::to_string(n[k]) + "\n";
    EXPECT_GT(n[1], 0);
    EXPECT_GT(n[6] + n[8], 0);
    const auto r = run_cli(g.dir, {"annual", "g.xml", "--year", "2019", "--format", "csv"});
    ASSERT_EQ(r.code, 0) << r.err;
    EXPECT_EQ(r.out, expected);
}
#endif

}  // namespace
}  // namespace normdoc
