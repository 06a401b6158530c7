// The optimized status, clean-up and impact against a naive reading of SPEC §4–§6, written
// straight from the text without sharing code with the library's rules, on random corpora at
// many days, with and without scope. What outside tests do with their own implementation.
#include "normdoc/builder.hpp"
#include "normdoc/cleanup.hpp"
#include "normdoc/impact.hpp"
#include "normdoc/status.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <deque>
#include <map>
#include <random>
#include <set>
#include <sstream>

namespace normdoc {
namespace {

namespace g = boost::gregorian;

// ---- the reference: plain loops over the draft-like view of a corpus -----------------------

struct Ref {
    const Corpus& c;

    std::optional<Date> rel_date(const Relation& r) const { return r.date ? r.date : c.document(r.source).effective(); }
    bool effective_on(const Relation& r, Date day) const {
        const auto& src = c.document(r.source);
        const auto date = rel_date(r);
        return src.published() && *src.published() <= day && date && *date <= day;
    }
    std::vector<Relation> incoming(DocumentId id) const {
        std::vector<Relation> out;
        for (DocumentId s : c.documents())
            for (const Relation& r : c.relations_from(s))
                if (r.target == id) out.push_back(r);
        return out;
    }

    // SPEC §4: anniversary by plain field arithmetic, written again here.
    static Date anniv_years(Date s, int n) {
        const int y = s.year() + n, m = s.month(), dd = s.day();
        const int last = g::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(y), static_cast<unsigned short>(m));
        if (dd <= last) return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(dd));
        return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(last)) + g::days(1);
    }
    static Date months_back(Date s, int n) {
        int y = s.year(), m = s.month() - n;
        while (m < 1) { m += 12; --y; }
        const int last = g::gregorian_calendar::end_of_month_day(static_cast<unsigned short>(y), static_cast<unsigned short>(m));
        return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(std::min<int>(s.day(), last)));
    }

    std::optional<Date> last_day(DocumentId id, Date day) const {
        const Document doc = c.document(id);
        std::optional<Date> last = doc.expires();
        if (!last && (doc.kind() == DocumentKind::normative || doc.kind() == DocumentKind::party_normative) && doc.effective())
            last = anniv_years(*doc.effective(), doc.trial() ? c.profile().trial_years : c.profile().validity_years) - g::days(1);
        if (!last) return last;
        std::vector<std::tuple<Date, std::string, Date>> ext;
        for (const Relation& r : incoming(id))
            if (r.kind == RelationKind::extends && effective_on(r, day))
                ext.emplace_back(*rel_date(r), std::string(c.document(r.source).id()), *r.until);
        std::sort(ext.begin(), ext.end());
        for (auto& [date, src, until] : ext)
            if (date <= *last) last = until;
        return last;
    }

    // SPEC §5.
    Status status(DocumentId id, Date day, std::optional<Date>* ended_on = nullptr) const {
        const Document doc = c.document(id);
        if (!doc.published() || *doc.published() > day) return Status::draft;
        std::vector<std::pair<Date, int>> endings;  // rank: 0 repealed, 1 invalid, 2 expired
        for (const Relation& r : incoming(id)) {
            if (!effective_on(r, day)) continue;
            if (r.kind == RelationKind::repeals || r.kind == RelationKind::supersedes) endings.push_back({*rel_date(r), 0});
            if (r.kind == RelationKind::declares_invalid) endings.push_back({*rel_date(r), 1});
        }
        for (const Event& e : doc.events()) {
            if (e.date > day) continue;
            if (e.type == EventType::repeal) endings.push_back({e.date, 0});
            if (e.type == EventType::invalidation) endings.push_back({e.date, 1});
        }
        const auto last = last_day(id, day);
        if (last && *last < day) endings.push_back({*last + g::days(1), 2});
        if (!endings.empty()) {
            const auto first = *std::min_element(endings.begin(), endings.end());
            if (ended_on) *ended_on = first.first;
            return first.second == 0 ? Status::repealed : first.second == 1 ? Status::invalid : Status::expired;
        }
        return day < *doc.effective() ? Status::pending : Status::in_force;
    }

    bool amended(DocumentId id, Date day) const {
        for (const Event& e : c.document(id).events())
            if (e.type == EventType::amendment && e.date <= day) return true;
        for (const Relation& r : incoming(id))
            if (r.kind == RelationKind::amends && effective_on(r, day)) return true;
        return false;
    }

    static bool ended(Status s) { return s == Status::repealed || s == Status::invalid || s == Status::expired; }

    bool formally_ended(DocumentId id, Date day) const {
        for (const Event& e : c.document(id).events())
            if ((e.type == EventType::repeal || e.type == EventType::invalidation) && e.date <= day) return true;
        for (const Relation& r : incoming(id))
            if ((r.kind == RelationKind::repeals || r.kind == RelationKind::supersedes || r.kind == RelationKind::declares_invalid) &&
                effective_on(r, day))
                return true;
        return false;
    }

    // SPEC §6: code → action for every looked-at document; documents are judged in index order,
    // which the random corpora make a topological order (bases always come earlier).
    std::map<std::string, std::pair<Action, std::set<std::string>>> cleanup(Date day, std::optional<AuthorityId> scope) const {
        std::map<std::string, std::pair<Action, std::set<std::string>>> out;
        std::map<std::uint32_t, Action> action_of;
        const Profile& p = c.profile();
        for (DocumentId id : c.documents()) {
            const Document doc = c.document(id);
            if (scope && doc.drafter() != *scope && std::find(doc.issuers().begin(), doc.issuers().end(), *scope) == doc.issuers().end())
                continue;
            const Status s = status(id, day);
            if (!(s == Status::in_force || s == Status::pending || (s == Status::expired && !formally_ended(id, day)))) continue;
            std::map<std::string, Action> f;
            if (s == Status::expired) {
                f["EXPIRED"] = Action::declare_invalid;
            } else {
                const auto last = last_day(id, day);
                if (s == Status::in_force && last && months_back(*last + g::days(1), p.expiry_review_months) <= day && day <= *last)
                    f["EXPIRING"] = Action::evaluate;
                std::set<std::uint32_t> bases;
                for (const Relation& r : c.relations_from(id))
                    if (r.kind == RelationKind::based_on || r.kind == RelationKind::implements) bases.insert(r.target.index());
                std::size_t n_ended = 0, n_doomed = 0;
                bool basis_amended = false;
                for (auto b : bases) {
                    const DocumentId bid(b);
                    if (ended(status(bid, day))) ++n_ended;
                    else if (action_of.count(b) && (action_of[b] == Action::repeal || action_of[b] == Action::declare_invalid)) ++n_doomed;
                    for (const Event& e : c.document(bid).events())
                        if (e.type == EventType::amendment && e.date > *doc.published() && e.date <= day) basis_amended = true;
                    for (const Relation& r : incoming(bid))
                        if (r.kind == RelationKind::amends && effective_on(r, day) && *rel_date(r) > *doc.published()) basis_amended = true;
                }
                const Action basis_action = n_ended + n_doomed == bases.size() ? Action::repeal : Action::amend;
                if (n_ended) f["BASIS_TERMINATED"] = basis_action;
                if (n_doomed) f["BASIS_TO_BE_TERMINATED"] = basis_action;
                if (basis_amended) f["BASIS_AMENDED"] = Action::evaluate;
                bool all_abolished = true, all_succeeded = true;
                for (AuthorityId a : doc.issuers()) {
                    if (!c.authority(a).abolished() || *c.authority(a).abolished() > day) { all_abolished = false; break; }
                    AuthorityId x = a;
                    std::set<std::uint32_t> seen;
                    while (x.valid() && c.authority(x).abolished() && *c.authority(x).abolished() <= day && seen.insert(x.index()).second)
                        x = c.authority(x).successor();
                    if (!x.valid() || (c.authority(x).abolished() && *c.authority(x).abolished() <= day)) all_succeeded = false;
                }
                if (all_abolished) f["ISSUER_ABOLISHED"] = all_succeeded ? Action::amend : Action::declare_invalid;
                if (doc.kind() == DocumentKind::normative || doc.kind() == DocumentKind::party_normative) {
                    const int years = doc.trial() ? p.trial_years : p.validity_years;
                    if (doc.expires() && *doc.expires() > anniv_years(*doc.effective(), years) - g::days(1)) f["TERM_TOO_LONG"] = Action::amend;
                    std::optional<Date> adopted;
                    for (const auto& cd : doc.procedure().collective_decisions())
                        if (cd.outcome == DecisionOutcome::adopted && cd.date <= *doc.published() && (!adopted || cd.date < *adopted)) adopted = cd.date;
                    const Date cutoff = adopted ? *adopted : *doc.published();
                    bool reviewed = false;
                    for (const auto& lr : doc.procedure().legality_reviews())
                        if (lr.outcome != LegalityOutcome::unlawful && lr.date <= cutoff) reviewed = true;
                    if (!reviewed) f["NO_LEGALITY_REVIEW"] = Action::amend;
                    if (!adopted) f["NO_COLLECTIVE_DECISION"] = Action::amend;
                    if (!doc.procedure().consultation()) f["NO_CONSULTATION"] = Action::evaluate;
                    else if ((doc.procedure().consultation()->to - doc.procedure().consultation()->from).days() + 1 < p.consultation_min_days)
                        f["SHORT_CONSULTATION"] = Action::evaluate;
                    const Date due = *doc.published() + g::days(p.filing_within_days);
                    if (due < day && (!doc.procedure().filing() || doc.procedure().filing()->date > due)) f["FILING_OVERDUE"] = Action::evaluate;
                }
            }
            Action strongest = Action::retain;
            std::set<std::string> codes;
            for (auto& [code, a] : f) {
                codes.insert(code);
                strongest = std::max(strongest, a);
            }
            action_of[id.index()] = strongest;
            out[std::string(doc.id())] = {strongest, codes};
        }
        return out;
    }
};

// ---- random corpora ----------------------------------------------------------------------------

Date random_day(std::mt19937& rng, int from_year, int to_year) {
    std::uniform_int_distribution<int> year(from_year, to_year), month(1, 12), day(1, 31);
    const int y = year(rng), m = month(rng);
    int dd = day(rng);
    // Favour month ends and leap days, where calendars go wrong.
    if (rng() % 4 == 0) dd = 31;
    if (rng() % 20 == 0) return Date(static_cast<unsigned short>(y), 2, static_cast<unsigned short>(is_leap_year(y) ? 29 : 28));
    const int last = days_in_month(y, m);
    return Date(static_cast<unsigned short>(y), static_cast<unsigned short>(m), static_cast<unsigned short>(std::min(dd, last)));
}

CorpusBuilder random_corpus(unsigned seed, int documents) {
    std::mt19937 rng(seed);
    auto chance = [&](int percent) { return static_cast<int>(rng() % 100) < percent; };
    CorpusBuilder b;
    Profile p;
    if (chance(30)) {
        p.validity_years = 3 + static_cast<int>(rng() % 4);
        p.trial_years = 1 + static_cast<int>(rng() % 2);
        p.expiry_review_months = 1 + static_cast<int>(rng() % 12);
        p.consultation_min_days = 20 + static_cast<int>(rng() % 20);
        p.filing_within_days = 15 + static_cast<int>(rng() % 30);
    }
    b.profile(p);
    constexpr int k_authorities = 6;
    for (int i = 0; i < k_authorities; ++i) {
        auto a = b.authority("a" + std::to_string(i), "机关" + std::to_string(i), AuthorityKind::department);
        // Successors point to later authorities only: no cycle.
        if (chance(40)) a.abolished(random_day(rng, 2012, 2022));
        if (i + 1 < k_authorities && chance(50)) a.successor("a" + std::to_string(i + 1 + static_cast<int>(rng() % (k_authorities - i - 1))));
    }
    const DocumentKind kinds[] = {DocumentKind::law, DocumentKind::rule, DocumentKind::normative, DocumentKind::normative,
                                  DocumentKind::normative, DocumentKind::party_normative, DocumentKind::other};
    const RelationKind rels[] = {RelationKind::based_on, RelationKind::based_on, RelationKind::implements, RelationKind::amends,
                                 RelationKind::repeals, RelationKind::supersedes, RelationKind::declares_invalid,
                                 RelationKind::extends, RelationKind::cites};
    for (int i = 0; i < documents; ++i) {
        const std::string id = "d" + std::to_string(1000 + (i * 7919) % 9000);  // ids not in index order
        const DocumentKind kind = kinds[rng() % 7];
        auto doc = b.document(id, kind, chance(15) ? "某某办法（试行）" : "某某办法");
        doc.issuer("a" + std::to_string(rng() % k_authorities));
        if (chance(15)) doc.issuer("a" + std::to_string(rng() % k_authorities));
        if (chance(30)) doc.drafter("a" + std::to_string(rng() % k_authorities));
        const Date published = random_day(rng, 2010, 2022);
        if (!chance(5)) {
            doc.published(published);
            if (chance(50)) doc.effective(published + g::days(static_cast<long>(rng() % 60)));
            if (chance(20)) doc.expires(published + g::days(200 + static_cast<long>(rng() % 3000)));
        }
        if (chance(70)) {
            const Date from = published - g::days(120 + static_cast<long>(rng() % 60));
            doc.consultation(from, from + g::days(static_cast<long>(rng() % 45)));
        }
        for (int k = static_cast<int>(rng() % 3); k > 0; --k)
            doc.legality_review(published - g::days(static_cast<long>(rng() % 90) - 10),
                                static_cast<LegalityOutcome>(rng() % 3));
        for (int k = static_cast<int>(rng() % 3); k > 0; --k)
            doc.collective_decision(published - g::days(static_cast<long>(rng() % 60) - 5),
                                    static_cast<DecisionOutcome>(rng() % 3));
        if (chance(70)) doc.filing(published + g::days(static_cast<long>(rng() % 50)));
        if (chance(10)) doc.event(static_cast<EventType>(rng() % 3), random_day(rng, 2012, 2024));
        // Relations point to earlier documents only: no cycles, and index order is topological.
        if (i > 0) {
            for (int k = static_cast<int>(rng() % 4); k > 0; --k) {
                const int target = static_cast<int>(rng() % static_cast<unsigned>(i));
                const std::string tid = "d" + std::to_string(1000 + (target * 7919) % 9000);
                const RelationKind kind_of = rels[rng() % 9];
                std::optional<DateArg> date;
                if (chance(40)) date = DateArg(random_day(rng, 2011, 2024));
                if (kind_of == RelationKind::extends)
                    doc.extends(tid, random_day(rng, 2015, 2030), date);
                else
                    doc.relation(kind_of, tid, date);
            }
        }
    }
    return b;
}

std::string describe(const std::set<std::string>& codes) {
    std::string out;
    for (const auto& c : codes) out += c + ' ';
    return out;
}

class ReferenceTest : public ::testing::TestWithParam<unsigned> {};

TEST_P(ReferenceTest, StatusCleanupAndImpactAgreeWithANaiveReadingOfTheSpec) {
    const LoadResult loaded = random_corpus(GetParam(), 70).build();
    ASSERT_TRUE(loaded.ok()) << (loaded.problems.empty() ? std::string() : to_string(loaded.problems.front()));
    const Corpus& c = *loaded.corpus;
    const Ref ref{c};
    std::mt19937 rng(GetParam() * 31u + 7u);
    for (int round = 0; round < 12; ++round) {
        const Date day = random_day(rng, 2011, 2027);
        for (DocumentId id : c.documents()) {
            const DocumentStatus s = status_of(c, id, day);
            std::optional<Date> ended_on;
            ASSERT_EQ(s.status, ref.status(id, day, &ended_on)) << c.document(id).id() << " on " << format_date(day);
            ASSERT_EQ(s.last_day, ref.last_day(id, day)) << c.document(id).id() << " on " << format_date(day);
            ASSERT_EQ(s.amended, ref.amended(id, day)) << c.document(id).id() << " on " << format_date(day);
            if (is_ended(s.status)) {
                ASSERT_EQ(s.ended, ended_on) << c.document(id).id();
            }
        }
        std::vector<std::optional<AuthorityId>> scopes = {std::nullopt};
        for (AuthorityId a : c.authorities()) scopes.push_back(a);
        for (const auto& scope : scopes) {
            const auto expected = ref.cleanup(day, scope);
            const CleanupResult got = cleanup(c, day, scope ? CleanupScope::of(*scope) : CleanupScope::all());
            ASSERT_EQ(got.items().size(), expected.size()) << "on " << format_date(day);
            for (const CleanupItem& item : got.items()) {
                const std::string id(c.document(item.document).id());
                const auto it = expected.find(id);
                ASSERT_NE(it, expected.end()) << id << " looked at but should not be";
                std::set<std::string> codes;
                for (const Finding& f : got.findings(item)) codes.insert(std::string(to_string(f.code)));
                ASSERT_EQ(describe(codes), describe(it->second.second))
                    << id << " on " << format_date(day) << (scope ? " scope " + std::string(c.authority(*scope).id()) : "");
                ASSERT_EQ(item.action, it->second.first) << id << " on " << format_date(day);
            }
        }
        // Impact: breadth-first by hand, depth = shortest.
        for (DocumentId root : c.documents()) {
            std::map<std::uint32_t, std::uint32_t> depth;
            std::deque<std::uint32_t> queue{root.index()};
            depth[root.index()] = 0;
            while (!queue.empty()) {
                const std::uint32_t v = queue.front();
                queue.pop_front();
                for (DocumentId s : c.documents())
                    for (const Relation& r : c.relations_from(s))
                        if (r.target.index() == v && is_dependency(r.kind) && !depth.count(s.index())) {
                            depth[s.index()] = depth[v] + 1;
                            queue.push_back(s.index());
                        }
            }
            std::vector<std::tuple<std::uint32_t, std::string, Status>> want;
            for (auto [v, k] : depth)
                if (v != root.index()) want.emplace_back(k, std::string(c.document(DocumentId(v)).id()), ref.status(DocumentId(v), day));
            std::sort(want.begin(), want.end());
            const auto got = impact(c, root, day);
            ASSERT_EQ(got.size(), want.size());
            for (std::size_t i = 0; i < got.size(); ++i) {
                ASSERT_EQ(got[i].depth, std::get<0>(want[i]));
                ASSERT_EQ(c.document(got[i].document).id(), std::get<1>(want[i]));
                ASSERT_EQ(got[i].status, std::get<2>(want[i]));
            }
        }
    }
}

INSTANTIATE_TEST_SUITE_P(RandomCorpora, ReferenceTest, ::testing::Range(1u, 25u));

}  // namespace
}  // namespace normdoc
