// The generator's documents (documents.hpp): kinds, titles, numbers, dates, issuers, procedure
// records and relations, each document built from what is kept of the earlier ones (samples.hpp).
//
// - Publication dates are non-decreasing in generation order, and every relation points at a
//   document generated earlier: no based-on or modification cycle can arise, every reference
//   resolves, and a target is never younger than its source.
// - What is kept is per authority (a counter and a small sample of its earlier documents, the
//   targets of amendments, repeals and extensions) and per hub (laws, regulations, rules, upper
//   government documents: the targets of dependencies, a few per cent of the documents).
// - The calendar is date.hpp's (SPEC §4's term_last_day, Boost's dates beneath).
#include "generate/documents.hpp"

#include "generate/names.hpp"
#include "generate/samples.hpp"
#include "normdoc/relation.hpp"
#include "normdoc/draft.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>
#include <optional>
#include <string>
#include <vector>

namespace normdoc::detail::gen {
namespace {

using boost::gregorian::days;

Date first_of_next_month(Date day) { return day.end_of_month() + days(1); }

Date end_of_year(int year) { return detail::make_date(year, 12, 31); }

// The share of hub picks that go to a recent hub (uniformly) rather than by weight.
constexpr std::uint32_t k_recent_hub_per_mille = 650;

// Publication days run from 1990-06-01 to 2025-09-30.
const Date k_first_day = detail::make_date(1990, 6, 1);
const Date k_last_day = detail::make_date(2025, 9, 30);

}  // namespace

class DocumentMaker::Impl {
public:
    Impl(std::uint64_t documents, Rng& rng, const AuthorityTree& tree) : documents_(documents), rng_(rng), tree_(tree) {
        samplers_.resize(static_cast<std::size_t>(tree_.hub_scopes()));
        samples_.resize(tree_.auths.size());
        year_.assign(tree_.auths.size(), 0);
        serial_.assign(tree_.auths.size(), 0);
        act_serial_.assign(tree_.auths.size(), 0);
    }

    // The counts of what was made so far, and the most depended-on hub.
    void summarise(GenerateSummary& s) const {
        s.relations_by_kind = summary_.relations_by_kind;
        s.relations = 0;
        for (auto c : s.relations_by_kind) s.relations += c;
        s.trial_documents = summary_.trial_documents;
        s.modifying_relations = modifying_;
        s.incompetent_relations = incompetent_;
        const Hub* top = nullptr;
        for (const Hub& h : hubs_)
            if (!top || h.dependents > top->dependents) top = &h;
        if (top) {
            s.most_depended_on = doc_id(top->ref);
            s.most_depended_on_dependents = top->dependents;
        }
    }

    const Auth& auth(int a) const { return tree_.auths[static_cast<std::size_t>(a)]; }

    std::string doc_id(const DocRef& d) const {
        std::string s;
        append_doc_id(s, d);
        return s;
    }
    void append_doc_id(std::string& s, const DocRef& d) const {
        s += auth(static_cast<int>(d.authority)).id;
        s += '-';
        append_number(s, d.year);
        s += '-';
        append_number(s, d.serial);
    }
    static void append_number(std::string& s, std::uint64_t v) {
        char tmp[24];
        const auto r = std::to_chars(tmp, tmp + sizeof tmp, v);
        s.append(tmp, static_cast<std::size_t>(r.ptr - tmp));
    }
    static draft::Ref ref_to(const std::string& id) { return draft::Ref{id, 0}; }

    // ---- one document ----

    // Publication days grow with the index; the density triples from 1990 to 2025 (more
    // documents every year): t = F⁻¹(y) for F(t) = (t + t²)/2.
    Date publication_day(std::uint32_t i) {
        const double y = (static_cast<double>(i) + rng_.unit()) / static_cast<double>(documents_);
        const double t = (std::sqrt(1.0 + 8.0 * y) - 1.0) / 2.0;
        const auto span = (k_last_day - k_first_day).days();
        const Date day = k_first_day + days(static_cast<int>(t * static_cast<double>(span)));
        return std::min(day, k_last_day);
    }
    DocumentKind kind_for(const Auth& a) {
        const bool national = a.level == Level::national;
        switch (a.role) {
        case Role::congress: return national ? DocumentKind::law : DocumentKind::local_regulation;
        case Role::party: return rng_.chance(900) ? DocumentKind::party_normative : DocumentKind::other;
        case Role::government:
            if (national) return rng_.chance(350) ? DocumentKind::administrative_regulation : DocumentKind::normative;
            if (a.level == Level::provincial || a.level == Level::municipal)
                return rng_.chance(150) ? DocumentKind::rule : (rng_.chance(940) ? DocumentKind::normative : DocumentKind::other);
            return rng_.chance(900) ? DocumentKind::normative : DocumentKind::other;
        case Role::office: return rng_.chance(940) ? DocumentKind::normative : DocumentKind::other;
        case Role::department:
            if (national) return rng_.chance(250) ? DocumentKind::rule : DocumentKind::normative;
            return rng_.chance(920) ? DocumentKind::normative : DocumentKind::other;
        case Role::township: return rng_.chance(700) ? DocumentKind::normative : DocumentKind::other;
        case Role::zone: return rng_.chance(800) ? DocumentKind::normative : DocumentKind::other;
        }
        return DocumentKind::other;
    }

    // Hubs: documents that many others rest on.
    static bool is_hub_kind(DocumentKind k, const Auth& a) {
        if (a.hub_scope == k_no) return false;
        switch (k) {
        case DocumentKind::law:
        case DocumentKind::administrative_regulation:
        case DocumentKind::local_regulation:
        case DocumentKind::rule: return true;
        case DocumentKind::normative: return a.role == Role::government || a.role == Role::office;
        default: return false;
        }
    }
    std::uint64_t hub_weight(DocumentKind k) {
        std::uint64_t base = 1;
        switch (k) {
        case DocumentKind::law: base = 24; break;
        case DocumentKind::administrative_regulation: base = 8; break;
        case DocumentKind::local_regulation: base = 3; break;
        case DocumentKind::rule: base = 2; break;
        default: base = 1; break;
        }
        return base * pareto2(rng_);
    }

    std::string title(DocumentKind kind, bool trial, const Auth& a, const Subject& s, bool cleanup) {
        const Place& p = tree_.places[static_cast<std::size_t>(a.place)];
        const std::string place = p.level == Level::national ? std::string() : p.name;
        std::string t;
        switch (kind) {
        case DocumentKind::law:
            return "中华人民共和国" + std::string(s.words) + "法";
        case DocumentKind::administrative_regulation:
            return std::string(s.words) + (trial ? "暂行条例" : (rng_.chance(500) ? "管理条例" : "条例"));
        case DocumentKind::local_regulation:
            return place + std::string(s.words) + (trial ? "暂行条例" : "条例");
        case DocumentKind::rule:
            if (trial) return place + std::string(s.words) + (rng_.chance(500) ? "暂行办法" : "管理办法（试行）");
            return place + std::string(s.words) + (rng_.chance(600) ? "管理办法" : "规定");
        case DocumentKind::other:
            if (cleanup) return "关于宣布失效和废止一批规范性文件的决定";
            if (trial) return "关于开展" + std::string(s.words) + "试点工作的通知（试行）";
            return "关于开展" + std::string(s.words) + "工作的通知";
        default: break;
        }
        // normative, party-normative
        const std::string_view verb = k_verbs[rng_.below(sizeof k_verbs / sizeof k_verbs[0])];
        switch (rng_.below(8)) {
        case 0: t = "关于" + std::string(verb) + std::string(s.words) + "的通知"; break;
        case 1: t = "关于" + std::string(verb) + std::string(s.words) + "的意见"; break;
        case 2: t = "关于" + std::string(verb) + std::string(s.words) + "的实施意见"; break;
        case 3: t = "关于" + std::string(verb) + std::string(s.words) + "的若干措施"; break;
        case 4: t = place + std::string(s.words) + "实施细则"; break;
        case 5: t = place + std::string(s.words) + "实施办法"; break;
        default:
            if (trial && rng_.chance(500)) return place + std::string(s.words) + "暂行办法";
            t = place + std::string(s.words) + "管理办法";
            break;
        }
        if (trial) t += "（试行）";
        return t;
    }


    void number(std::string& out, DocumentKind kind, const Auth& a, int year, std::uint32_t serial,
                std::uint32_t act) {
        const Place& p = tree_.places[static_cast<std::size_t>(a.place)];
        out.clear();
        if (kind == DocumentKind::law) {
            out += "中华人民共和国主席令第";
            append_number(out, act);
            out += "号";
        } else if (kind == DocumentKind::administrative_regulation) {
            out += "国务院令第";
            append_number(out, act);
            out += "号";
        } else if (kind == DocumentKind::local_regulation) {
            out += p.name;
            out += "人民代表大会常务委员会公告第";
            append_number(out, act);
            out += "号";
        } else if (kind == DocumentKind::rule && a.role == Role::government) {
            out += p.name;
            out += "人民政府令第";
            append_number(out, act);
            out += "号";
        } else if (kind == DocumentKind::rule) {
            out += a.name;
            out += "令";
            append_number(out, static_cast<std::uint64_t>(year));
            out += "年第";
            append_number(out, act);
            out += "号";
        } else {
            out += a.code;
            out += "〔";
            append_number(out, static_cast<std::uint64_t>(year));
            out += "〕";
            append_number(out, serial);
            out += "号";
        }
    }

    struct Rel {
        RelationKind kind;
        DocRef target;
        std::optional<Date> date = std::nullopt;
        std::optional<Date> until = std::nullopt;
    };

    // A dependency target for a document of authority `a`: a hub of the nation, the province or
    // the city, or a recent document of the local government.
    std::optional<DocRef> dependency_target(const Auth& a) {
        const Place& p = tree_.places[static_cast<std::size_t>(a.place)];
        static constexpr std::uint32_t k_national[] = {100, 0, 0, 0};
        static constexpr std::uint32_t k_provincial[] = {50, 25, 0, 25};
        static constexpr std::uint32_t k_municipal[] = {30, 20, 20, 30};
        static constexpr std::uint32_t k_county[] = {20, 15, 20, 45};
        static constexpr std::uint32_t k_township[] = {10, 10, 15, 65};
        std::size_t where = 0;
        switch (p.level) {
        case Level::national: where = rng_.weighted(k_national); break;
        case Level::provincial: where = rng_.weighted(k_provincial); break;
        case Level::municipal: where = rng_.weighted(k_municipal); break;
        case Level::county: where = rng_.weighted(k_county); break;
        case Level::township: where = rng_.weighted(k_township); break;
        }
        if (where == 3) {
            const Sample& local = samples_[static_cast<std::size_t>(a.government)];
            if (local.size() > 0) return local.at(rng_.below(static_cast<std::uint32_t>(local.size())));
            where = 2;
        }
        int scope = 0;
        if (where == 1 && p.province != k_no) scope = 1 + p.province;
        if (where == 2 && p.city != k_no) scope = 1 + tree_.provinces + p.city;
        if (samplers_[static_cast<std::size_t>(scope)].empty()) scope = 0;
        const HubSampler& sampler = samplers_[static_cast<std::size_t>(scope)];
        if (sampler.empty()) return std::nullopt;
        const Hub& hub = hubs_[rng_.chance(k_recent_hub_per_mille) ? sampler.pick_recent(rng_) : sampler.pick(rng_)];
        if (hub.retired) return std::nullopt;
        return hub.ref;
    }

    // Builds document `index` in `d` (reused from one document to the next: its strings and
    // vectors keep their room).
    void document(std::uint32_t index, draft::Document& d) {
        const Date day = publication_day(index);
        const int a_index = tree_.pick(rng_, day);
        const Auth& a = auth(a_index);
        const DocumentKind kind = kind_for(a);
        const bool normative = is_normative(kind);
        const bool draft = index + documents_ / 100 >= documents_ && normative && rng_.chance(250);
        const bool cleanup_decision = kind == DocumentKind::other && !draft &&
                                      (a.role == Role::government || a.role == Role::office || a.role == Role::department) &&
                                      rng_.chance(150);
        // SPEC §7: trial exactly when the title says 试行 / 暂行 (a clean-up decision never does).
        const bool trial = kind != DocumentKind::law && !cleanup_decision && rng_.chance(100);
        const Subject& subject = k_subjects[rng_.below(k_subject_count)];
        const int year = day.year();

        DocRef self;
        self.index = index;
        self.authority = static_cast<std::uint32_t>(a_index);
        self.kind = kind;
        self.trial = trial;
        self.year = static_cast<std::uint16_t>(year);
        if (!draft) {
            auto& y = year_[static_cast<std::size_t>(a_index)];
            auto& s = serial_[static_cast<std::size_t>(a_index)];
            if (y != year) { y = static_cast<std::uint16_t>(year); s = 0; }
            self.serial = ++s;
        }

        // Dates (SPEC §7: effective ≥ published, expires ≥ effective).
        Date effective = day;
        switch (rng_.below(20)) {
        case 0: case 1: case 2: case 3: case 4: case 5: case 6: case 7: break;   // on publication
        case 8: case 9: case 10: case 11: case 12: effective = day + days(30); break;
        case 13: case 14: case 15: case 16: effective = first_of_next_month(day); break;
        case 17: case 18: effective = day + days(rng_.between(1, 90)); break;
        default: effective = first_of_next_month(first_of_next_month(day)); break;
        }
        std::optional<Date> expires;
        if (normative && rng_.chance(200)) {
            if (rng_.chance(40)) {
                expires = term_last_day(effective, Years(trial ? 3 : 8));  // TERM_TOO_LONG (a defect)
            } else if (trial) {
                expires = term_last_day(effective, Years(1));
            } else if (rng_.chance(500)) {
                expires = term_last_day(effective, Years(3));
            } else {
                expires = end_of_year(effective.year() + rng_.between(1, 3));  // 有效期至 12 月 31 日
            }
        }
        self.published = day;
        self.effective = effective;
        if (expires) self.last = expires;
        else if (normative) self.last = term_last_day(effective, Years(trial ? 2 : 5));

        // Relations, all to documents generated earlier (chosen first: a clean-up decision is
        // titled as one only if it ends something).
        rels_.clear();
        if (!cleanup_decision) {
            dependencies(a, kind, draft);
            citations(a_index);
        }
        if (!draft) modifications(a_index, self, cleanup_decision);
        const bool ends_some = std::any_of(rels_.begin(), rels_.end(), [](const Rel& r) {
            return r.kind == RelationKind::repeals || r.kind == RelationKind::declares_invalid;
        });

        d.id.clear();
        if (draft) {
            d.id += a.id;
            d.id += "-draft-";
            append_number(d.id, ++drafts_);
        } else {
            append_doc_id(d.id, self);
        }
        d.kind = kind;
        d.number.clear();
        if (!draft) {
            std::uint32_t act = 0;
            if (kind == DocumentKind::law || kind == DocumentKind::administrative_regulation ||
                kind == DocumentKind::local_regulation || kind == DocumentKind::rule)
                act = ++act_serial_[static_cast<std::size_t>(a_index)];
            number(d.number, kind, a, year, self.serial, act);
        }
        d.title = title(kind, trial, a, subject, cleanup_decision && ends_some);
        if (trial) ++summary_.trial_documents;

        // Issuers: joint issuance by sibling departments (联合发文).
        std::size_t issuers = 0;
        set_ref(d.issuers, issuers, a.id);
        if (a.role == Role::department && rng_.chance(60)) {
            const Place& p = tree_.places[static_cast<std::size_t>(a.place)];
            const int extra = rng_.between(1, 2);
            int last_added = a_index;
            for (int k = 0; k < extra; ++k) {
                const int other = p.departments[rng_.below(static_cast<std::uint32_t>(p.departments.size()))];
                if (other == a_index || other == last_added || !tree_.alive(other, day)) continue;
                set_ref(d.issuers, issuers, auth(other).id);
                last_added = other;
            }
        }
        d.issuers.resize(issuers);
        // Drafter: a department drafts most government documents.
        d.drafter.reset();
        if ((a.role == Role::government || a.role == Role::office) && rng_.chance(600)) {
            const Place& p = tree_.places[static_cast<std::size_t>(a.place)];
            if (!p.departments.empty()) {
                const int dr = p.departments[rng_.below(static_cast<std::uint32_t>(p.departments.size()))];
                if (tree_.alive(dr, day)) d.drafter = ref_to(auth(dr).id);
            }
        }
        std::size_t subjects = 0;
        set_text(d.subjects, subjects, subject.tag);
        if (rng_.chance(200)) set_text(d.subjects, subjects, k_subjects[rng_.below(k_subject_count)].tag);
        d.subjects.resize(subjects);

        d.published.reset();
        d.effective.reset();
        d.expires.reset();
        if (!draft) {
            d.published = day;
            if (effective != day || rng_.chance(300)) d.effective = effective;
            d.expires = expires;
        }

        draft::Procedure& pr = d.procedure;
        pr.assessment.reset();
        pr.consultation.reset();
        pr.expert_review.reset();
        pr.risk_assessment.reset();
        pr.filing.reset();
        std::size_t reviews = 0, decisions = 0;
        if (normative || kind == DocumentKind::rule) procedure(pr, reviews, decisions, a, day, draft);
        pr.legality_reviews.resize(reviews);
        pr.collective_decisions.resize(decisions);

        std::size_t relations = 0;
        for (const Rel& r : rels_) {
            if (relations == d.relations.size()) d.relations.emplace_back();
            draft::Relation& out = d.relations[relations++];
            out.kind = r.kind;
            out.target.id.clear();
            append_doc_id(out.target.id, r.target);
            out.date = r.date;
            out.until = r.until;
            ++summary_.relations_by_kind[static_cast<std::size_t>(r.kind)];
            modifying_ += is_modifying(r.kind);
        }
        d.relations.resize(relations);

        d.events.clear();
        if (!draft) events(d.events, day, effective);

        // What later documents may point at (after the relations: nothing points at itself).
        if (!draft) {
            if (is_hub_kind(kind, a)) {
                self.hub = static_cast<int>(hubs_.size());
                Hub h;
                h.ref = self;
                h.scope = static_cast<std::uint32_t>(a.hub_scope);
                h.weight = hub_weight(kind);
                h.position = samplers_[h.scope].add(static_cast<std::uint32_t>(self.hub), h.weight);
                hubs_.push_back(h);
            }
            if (kind != DocumentKind::other) samples_[static_cast<std::size_t>(a_index)].add(self, rng_);
        }
    }

    // The next element of a reused vector (`used` of them taken so far), set to `id` / `text`.
    static void set_ref(std::vector<draft::Ref>& v, std::size_t& used, std::string_view id) {
        if (used == v.size()) v.emplace_back();
        v[used++].id.assign(id.data(), id.size());
    }
    static void set_text(std::vector<std::string>& v, std::size_t& used, std::string_view text) {
        if (used == v.size()) v.emplace_back();
        v[used++].assign(text.data(), text.size());
    }

    bool already(const DocRef& t) const {
        for (const Rel& r : rels_)
            if (r.target.index == t.index) return true;
        return false;
    }

    // Dependencies: about 2.5 per normative document, fewer for upper-level ones.
    void dependencies(const Auth& a, DocumentKind kind, bool draft) {
        static constexpr std::uint32_t k_normative[] = {20, 120, 250, 280, 190, 100, 40};  // 0..6 bases
        static constexpr std::uint32_t k_rule[] = {0, 300, 400, 300};
        static constexpr std::uint32_t k_regulation[] = {100, 500, 300, 100};
        static constexpr std::uint32_t k_other[] = {500, 400, 100};
        std::size_t count = 0;
        switch (kind) {
        case DocumentKind::law: count = 0; break;
        case DocumentKind::administrative_regulation:
        case DocumentKind::local_regulation: count = rng_.weighted(k_regulation); break;
        case DocumentKind::rule: count = rng_.weighted(k_rule); break;
        case DocumentKind::normative:
        case DocumentKind::party_normative: count = rng_.weighted(k_normative); break;
        case DocumentKind::other: count = rng_.weighted(k_other); break;
        }
        (void)draft;
        for (std::size_t k = 0; k < count; ++k) {
            for (int attempt = 0; attempt < 4; ++attempt) {
                const auto t = dependency_target(a);
                if (!t || already(*t)) continue;
                // Laws and regulations rest only on higher kinds.
                if (kind < DocumentKind::normative && t->kind >= kind && t->kind != DocumentKind::law) continue;
                rels_.push_back({rng_.chance(300) ? RelationKind::implements : RelationKind::based_on, *t});
                if (t->hub != k_no_hub) ++hubs_[static_cast<std::size_t>(t->hub)].dependents;
                break;
            }
        }
    }

    // Plain citations (cites): a few, to hubs or to the authority's own earlier documents.
    void citations(int a_index) {
        static constexpr std::uint32_t k_cites[] = {600, 250, 100, 50};
        const std::size_t count = rng_.weighted(k_cites);
        for (std::size_t k = 0; k < count; ++k) {
            std::optional<DocRef> t;
            if (rng_.chance(500)) {
                t = dependency_target(auth(a_index));
            } else {
                const Sample& own = samples_[static_cast<std::size_t>(a_index)];
                if (own.size() > 0) t = own.at(rng_.below(static_cast<std::uint32_t>(own.size())));
            }
            if (t && !already(*t)) rels_.push_back({RelationKind::cites, *t});
        }
    }

    // Amendments, repeals, supersessions, invalidations and extensions of the authority's own
    // earlier documents; a clean-up decision ends a batch of them.
    // An ended hub is no longer a basis for new documents.
    void retire(const DocRef& t) {
        if (t.hub == k_no_hub) return;
        Hub& h = hubs_[static_cast<std::size_t>(t.hub)];
        if (h.retired) return;
        h.retired = true;
        samplers_[h.scope].retire(h.position, h.weight);
    }

    // SPEC §2 and issue 13: every modifying relation is competent (its source's issuer made the
    // target, took over the functions of the body that did, or is above it), except one in
    // k_incompetent_every, made so on purpose, so that generated registries carry the NOT_COMPETENT
    // warnings a real one would and their cost is measured at scale.
    static constexpr std::uint64_t k_incompetent_every = 200;  // 0.5 % of modifying relations

    bool incompetent_due() const { return incompetent_ < modifying_ / k_incompetent_every; }

    // For a clean-up decision of authority `a` published on `day`: a sample of another body's
    // documents that `a` is competent for (SPEC §2), or none.
    Sample* competent_pool(int a_index, Date day) {
        const Auth& a = auth(a_index);
        const Place& p = tree_.places[static_cast<std::size_t>(a.place)];
        if (a.role == Role::government) {
            // A parent: one of its departments or its general office.
            const auto n = static_cast<std::uint32_t>(p.departments.size());
            if (n == 0 || p.office == k_no) return nullptr;
            const std::uint32_t k = rng_.below(n + 1);
            return &samples_[static_cast<std::size_t>(k == n ? p.office : p.departments[k])];
        }
        // A successor: the body abolished on or before `day` whose work it took over.
        if (a.predecessor == k_no) return nullptr;
        const Auth& before = auth(a.predecessor);
        if (!before.abolished || *before.abolished > day || before.successor != a_index) return nullptr;
        return &samples_[static_cast<std::size_t>(a.predecessor)];
    }

    // An incompetent modification on purpose, where authority `a` can make one: a department that
    // repeals or amends its own government's document (it may only propose that, SPEC §2), or a
    // county or township body that amends a provincial government's. False when it cannot.
    bool incompetent_modification(int a_index, const DocRef& self) {
        const Auth& a = auth(a_index);
        Sample* pool = nullptr;
        if (a.role == Role::department && a.level != Level::national) {
            pool = &samples_[static_cast<std::size_t>(a.government)];
        } else if (a.level == Level::county || a.level == Level::township) {
            int place = a.place;
            while (place != k_no && tree_.places[static_cast<std::size_t>(place)].level != Level::provincial)
                place = tree_.places[static_cast<std::size_t>(place)].parent;
            if (place == k_no) return false;
            pool = &samples_[static_cast<std::size_t>(tree_.places[static_cast<std::size_t>(place)].government)];
        }
        if (pool == nullptr || pool->size() == 0) return false;
        const std::size_t slot = rng_.below(static_cast<std::uint32_t>(pool->size()));
        const DocRef t = pool->at(slot);
        if (already(t) || t.effective > self.effective) return false;
        if (a.role == Role::department && rng_.chance(500)) {
            retire(t);
            pool->remove(slot);
            rels_.push_back({RelationKind::repeals, t});
        } else {
            rels_.push_back({RelationKind::amends, t});
        }
        ++incompetent_;
        return true;
    }

    void modifications(int a_index, const DocRef& self, bool cleanup_decision) {
        Sample& own = samples_[static_cast<std::size_t>(a_index)];
        if (cleanup_decision) {
            // SPEC §2: the body's own documents, and those of a body it may end documents of: for
            // a government, one of its departments (it is their parent); for a department, the
            // abolished one whose work it took over (its successor). A department's clean-up once
            // ended its government's documents too (the government decides those): where it has
            // no second pool, it repeals more of its own, so that repeals stay as many as before.
            Sample* pools[] = {&own, competent_pool(a_index, self.published)};
            const std::uint32_t repeal_per_mille = pools[1] == nullptr ? 450 : 250;
            for (Sample* pool : pools) {
                if (pool == nullptr) continue;
                for (std::size_t i = 0; i < pool->size();) {
                    const DocRef t = pool->at(i);
                    const bool expired = t.last && *t.last < self.published;
                    if (t.effective <= self.effective && (expired || rng_.chance(repeal_per_mille)) && !already(t)) {
                        rels_.push_back({expired ? RelationKind::declares_invalid : RelationKind::repeals, t});
                        retire(t);
                        pool->remove(i);
                        continue;
                    }
                    ++i;
                }
            }
            return;
        }
        if (incompetent_due() && incompetent_modification(a_index, self)) return;
        if (own.size() == 0) return;
        const std::size_t slot = rng_.below(static_cast<std::uint32_t>(own.size()));
        const DocRef t = own.at(slot);
        if (already(t) || t.effective > self.effective) return;
        const std::uint32_t roll = rng_.below(1000);
        if (roll < 95) {
            Rel r{RelationKind::amends, t};
            if (rng_.chance(200)) r.date = self.effective;
            rels_.push_back(r);
        } else if (roll < 135) {
            retire(t);
            own.remove(slot);
            Rel r{RelationKind::repeals, t};
            if (rng_.chance(400)) r.date = self.effective;
            rels_.push_back(r);
        } else if (roll < 175) {
            retire(t);
            own.remove(slot);
            rels_.push_back({RelationKind::supersedes, t});
        } else if (roll < 185) {
            if (!t.last || *t.last >= self.published) return;
            retire(t);
            own.remove(slot);
            rels_.push_back({RelationKind::declares_invalid, t});
        } else if (roll < 215) {
            // SPEC §4: an extension counts only if dated on or before the last day it extends;
            // this one is dated on the source's effective day, on or before the target's last day.
            if (!t.last || *t.last < self.effective || !is_normative(t.kind)) return;
            Rel r{RelationKind::extends, t};
            r.until = rng_.chance(500) ? end_of_year(t.last->year() + rng_.between(1, 3))
                                       : term_last_day(*t.last + days(1), Years(rng_.between(1, 3)));
            rels_.push_back(r);
        }
    }

    // The procedure record, with realistic defects.
    // Fills `out`, whose optional steps are empty; `reviews` and `decisions` count the elements of
    // its (reused) vectors that are taken.
    void procedure(draft::Procedure& out, std::size_t& reviews, std::size_t& decisions, const Auth& a, Date day,
                   bool draft) {
        if (rng_.chance(700)) out.assessment = draft::Step{day - days(rng_.between(120, 150)), 0};
        if (!rng_.chance(100)) {  // 10 % publish without consultation
            const Date from = day - days(rng_.between(80, 100));
            const int length = rng_.chance(70) ? rng_.between(7, 29) : rng_.between(30, 45);  // 7 % too short
            out.consultation = draft::Consultation{from, from + days(length - 1), 0};
        }
        if (rng_.chance(400)) out.expert_review = draft::Step{day - days(rng_.between(50, 60)), 0};
        if (rng_.chance(350)) out.risk_assessment = draft::Step{day - days(rng_.between(45, 55)), 0};
        const Date decision = day - days(rng_.between(10, 20));
        const int reviewer = a.justice != k_no ? tree_.acting(a.justice, day) : k_no;
        const std::uint32_t review = rng_.below(1000);
        auto legality = [&](Date date, LegalityOutcome outcome) {
            if (reviews == out.legality_reviews.size()) out.legality_reviews.emplace_back();
            draft::LegalityReview& r = out.legality_reviews[reviews++];
            r.date = date;
            r.outcome = outcome;
            if (reviewer == k_no) r.by.reset();
            else if (r.by) r.by->id = auth(reviewer).id;
            else r.by = ref_to(auth(reviewer).id);
        };
        auto decided = [&](Date date, DecisionOutcome outcome) {
            if (decisions == out.collective_decisions.size()) out.collective_decisions.emplace_back();
            draft::CollectiveDecision& c = out.collective_decisions[decisions++];
            c.date = date;
            c.body = a.body;
            c.outcome = outcome;
        };
        if (review < 40) {
            // missing (4 %)
        } else if (review < 60) {
            legality(decision + days(rng_.between(1, 9)), LegalityOutcome::lawful);  // after the decision (2 %)
        } else if (review < 80) {
            // revised and reviewed again
            legality(decision - days(rng_.between(20, 30)), LegalityOutcome::unlawful);
            legality(decision - days(rng_.between(3, 8)), LegalityOutcome::lawful_with_changes);
        } else {
            // The outcome is drawn before the day (the order of the seeds' bytes).
            const LegalityOutcome outcome =
                rng_.chance(770) ? LegalityOutcome::lawful : LegalityOutcome::lawful_with_changes;
            legality(decision - days(rng_.between(3, 15)), outcome);
        }
        const std::uint32_t decide = rng_.below(1000);
        if (draft) {
            // not decided yet
        } else if (decide < 35) {
            // missing (3.5 %)
        } else {
            if (decide < 65) decided(decision - days(rng_.between(20, 40)), DecisionOutcome::deferred);
            decided(decision, DecisionOutcome::adopted);
        }
        if (!draft && a.filed_with != k_no) {
            const std::uint32_t filing = rng_.below(1000);
            if (filing >= 60) {  // 6 % never filed
                const Date date = filing < 120 ? day + days(rng_.between(31, 120))
                                               : day + days(rng_.between(3, 30));  // 6 % late
                out.filing.emplace();
                out.filing->date = date;
                out.filing->with = ref_to(auth(tree_.acting(a.filed_with, date)).id);
            }
        }
    }

    void events(std::vector<draft::Event>& out, Date day, Date effective) {
        const std::uint32_t roll = rng_.below(1000);
        if (roll >= 16) return;
        const Date date = std::min(k_last_day, std::max(effective, day) + days(rng_.between(30, 2000)));
        if (roll < 10) {
            out.push_back({EventType::amendment, date, "external: 上级机关修改决定", 0});
        } else if (roll < 13) {
            out.push_back({EventType::repeal, date, "external: 上级机关废止决定", 0});
        } else {
            out.push_back({EventType::invalidation, date, {}, 0});
        }
    }

    std::uint64_t documents_;
    Rng& rng_;
    const AuthorityTree& tree_;
    GenerateSummary summary_;  // the counts
    std::uint64_t modifying_ = 0, incompetent_ = 0;
    std::vector<Hub> hubs_;
    std::vector<HubSampler> samplers_;
    std::vector<Sample> samples_;
    std::vector<std::uint16_t> year_;
    std::vector<std::uint32_t> serial_, act_serial_;
    std::uint64_t drafts_ = 0;
    std::vector<Rel> rels_;
};

DocumentMaker::DocumentMaker(std::uint64_t documents, Rng& rng, const AuthorityTree& tree)
    : impl_(std::make_unique<Impl>(documents, rng, tree)) {}

DocumentMaker::~DocumentMaker() = default;

void DocumentMaker::make(std::uint32_t index, draft::Document& out) { impl_->document(index, out); }

void DocumentMaker::summarise(GenerateSummary& summary) const { impl_->summarise(summary); }

}  // namespace normdoc::detail::gen
