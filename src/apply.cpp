// Plans from clean-ups, and applying a plan (SPEC §6 "Applying a plan"): the decision document,
// checked item by item (who may decide it: SPEC §2), then the corpus with it through the one
// validator.
#include "normdoc/plan.hpp"
#include "normdoc/draft.hpp"

#include "normdoc/competence.hpp"
#include "normdoc/status.hpp"

#include <algorithm>
#include <ostream>
#include <unordered_set>

namespace normdoc {

// Equality ignores file names and lines (plan.hpp).
bool operator==(const PlanFinding& a, const PlanFinding& b) { return a.code == b.code && a.detail == b.detail; }
bool operator==(const PlanItem& a, const PlanItem& b) {
    return a.ref == b.ref && a.action == b.action && a.findings == b.findings;
}
bool operator==(const Plan& a, const Plan& b) { return a.as_of == b.as_of && a.scope == b.scope && a.items == b.items; }

std::ostream& operator<<(std::ostream& os, const Plan& plan) {
    os << "Plan{as-of " << (plan.as_of.is_special() ? std::string("?") : format_date(plan.as_of));
    if (!plan.scope.empty()) os << ", scope " << plan.scope;
    os << ", " << plan.items.size() << " items";
    for (const PlanItem& item : plan.items) {
        os << "; " << item.ref << ' ' << item.action;
        for (const PlanFinding& f : item.findings) os << ' ' << f.code;
    }
    return os << '}';
}

Plan make_plan(const CleanupResult& result) {
    const Corpus& corpus = result.corpus();
    Plan plan;
    plan.as_of = result.as_of();
    if (!result.scope().is_all()) plan.scope = std::string(corpus.authority(result.scope().authority()).id());
    plan.items.reserve(result.items().size());
    for (const CleanupItem& item : result.items()) {
        PlanItem out;
        out.ref = std::string(corpus.document(item.document).id());
        out.action = item.action;
        for (const Finding& f : result.findings(item)) out.findings.push_back({f.code, result.detail(item, f), 0});
        plan.items.push_back(std::move(out));
    }
    return plan;
}

namespace {

// "江阴市人民政府 (jy-gov)", joined with " or ".
std::string bodies(const Corpus& corpus, const std::vector<AuthorityId>& ids) {
    std::string out;
    for (AuthorityId a : ids) {
        if (!out.empty()) out += " or ";
        out += std::string(corpus.authority(a).name()) + " (" + std::string(corpus.authority(a).id()) + ")";
    }
    return out;
}

// SPEC §6: "a plan whose items mostly name no document of the corpus": more than half of them,
// and more than a handful.
bool not_this_corpus(std::size_t unknown, std::size_t items) { return unknown > 3 && unknown * 2 > items; }

}  // namespace

DecisionDraft draft_decision(const Corpus& corpus, const Plan& plan, const Decision& decision, const ApplyOptions& options) {
    DecisionDraft out;
    auto problem = [&](Severity severity, std::size_t line, ProblemCode code, std::string message, Subject subject = {}) {
        out.problems.push_back({line ? plan.file : std::string(), line, severity, code, std::move(message), std::move(subject)});
    };
    auto error = [&](std::size_t line, ProblemCode code, std::string message, Subject subject = {}) {
        problem(Severity::error, line, code, std::move(message), std::move(subject));
    };
    const std::string day = format_date(decision.date);

    // SPEC §6: a decision dated before the plan's as-of date would end documents the clean-up
    // did not look at as they then stood.
    if (decision.date < plan.as_of)
        error(0, ProblemCode::date_order, "the decision's date " + day + " is before the plan's as-of date " + format_date(plan.as_of));
    const bool id_free = !corpus.find_document(decision.id);
    if (!id_free) error(0, ProblemCode::duplicate_id, "document id " + decision.id + " is already in use", Subject::document(decision.id));
    std::vector<AuthorityId> issuers;
    bool all_issuers_known = !decision.issuers.empty();
    if (decision.issuers.empty()) error(0, ProblemCode::missing, "the decision has no issuer");
    for (const std::string& issuer : decision.issuers) {
        if (const auto a = corpus.find_authority(issuer)) {
            if (std::find(issuers.begin(), issuers.end(), *a) == issuers.end()) issuers.push_back(*a);
        } else {
            all_issuers_known = false;
            error(0, ProblemCode::unknown_ref, "issuer " + issuer + " is not an authority of the corpus", Subject::authority(issuer));
        }
    }

    // The plan belongs to another corpus: one error, not one per item.
    std::size_t unknown = 0;
    const PlanItem* first_unknown[3] = {nullptr, nullptr, nullptr};
    for (const PlanItem& item : plan.items)
        if (!corpus.find_document(item.ref)) {
            if (unknown < 3) first_unknown[unknown] = &item;
            ++unknown;
        }
    const bool foreign = not_this_corpus(unknown, plan.items.size());
    if (foreign) {  // about the plan file as a whole: its name, no line
        std::string examples;
        for (const PlanItem* item : first_unknown)
            if (item) examples += (examples.empty() ? "" : ", ") + item->ref + " (line " + std::to_string(item->line) + ")";
        out.problems.push_back({plan.file, 0, Severity::error, ProblemCode::unknown_ref,
              "this plan is not for this corpus: " + std::to_string(unknown) + " of " + std::to_string(plan.items.size()) +
                  " items name no document of it, e.g. " + examples, {}});
    }

    struct Ending { DocumentId target; RelationKind kind; };
    std::vector<Ending> endings;
    std::unordered_set<std::string_view> listed;
    for (const PlanItem& item : plan.items) {
        const Subject subject = Subject::plan_item(item.ref);
        if (!listed.insert(item.ref).second) {
            error(item.line, ProblemCode::duplicate_id, "item " + item.ref + " is listed more than once", subject);
            continue;
        }
        const auto doc = corpus.find_document(item.ref);
        if (!doc) {
            if (!foreign) error(item.line, ProblemCode::unknown_ref, "item " + item.ref + " is not a document of the corpus", subject);
            continue;
        }
        // SPEC §6: an item already repealed or invalid as of the date: the plan is stale. An
        // expired document already declared invalid or repealed counts as ended too (a second
        // decision would end it again).
        const Status s = status_of(corpus, *doc, decision.date).status;
        if (s == Status::repealed || s == Status::invalid || (s == Status::expired && formally_ended(corpus, *doc, decision.date))) {
            const std::string what = "item " + item.ref + " is already " +
                                     (s == Status::expired ? std::string("expired and formally ended") : std::string(to_string(s))) +
                                     " as of " + day;
            if (options.only_competent && is_ending(item.action)) {
                // The other part of a shared plan, decided earlier: nothing left to decide.
                problem(Severity::warning, item.line, ProblemCode::bad_value, what + "; left out", subject);
                out.left_out.push_back({item.ref, item.action, {}, item.line});
            } else {
                error(item.line, ProblemCode::bad_value, what, subject);
            }
            continue;
        }
        if (!is_ending(item.action)) continue;
        // SPEC §6: once applied, every repeal / declare-invalid item has ended; a document not
        // published by the decision's date would stay a draft.
        if (s == Status::draft) {
            error(item.line, ProblemCode::bad_value,
                  "item " + item.ref + " is not published as of " + day + ": there is nothing to " +
                      (item.action == Action::repeal ? "repeal" : "declare invalid") + " yet",
                  subject);
            continue;
        }
        // SPEC §2/§6: the decision's issuers must be competent for every item it ends.
        if (all_issuers_known && !is_competent(corpus, Span<AuthorityId>(issuers.data(), issuers.size()), *doc, decision.date)) {
            const std::vector<AuthorityId> competent = competent_bodies(corpus, *doc, decision.date);
            const std::string what = "item " + item.ref + " (" + std::string(to_string(item.action)) + "): " +
                                     bodies(corpus, issuers) + (issuers.size() == 1 ? " is" : " are") + " not competent for it; " +
                                     bodies(corpus, competent) + " or a body above may decide it";
            if (options.only_competent) {
                problem(Severity::warning, item.line, ProblemCode::not_competent, what + "; left out", subject);
                out.left_out.push_back({item.ref, item.action, competent, item.line});
            } else {
                error(item.line, ProblemCode::not_competent, what, subject);
            }
            continue;
        }
        endings.push_back({*doc, item.action == Action::repeal ? RelationKind::repeals : RelationKind::declares_invalid});
    }

    if (has_errors(out.problems)) return out;
    // SPEC §6 --only-competent: the exit is 0 only if at least one item was applied.
    if (options.only_competent && endings.empty()) {
        error(0, ProblemCode::not_competent, "no item of the plan may be applied by " + bodies(corpus, issuers));
        return out;
    }
    draft::Document doc;
    doc.id = decision.id;
    doc.kind = decision.kind;
    doc.title = decision.title;
    doc.number = decision.number;
    for (AuthorityId a : issuers) doc.issuers.push_back({std::string(corpus.authority(a).id()), 0});
    doc.published = decision.date;
    doc.effective = decision.date;
    for (const Ending& e : endings) {
        draft::Relation r;
        r.kind = e.kind;
        r.target = {std::string(corpus.document(e.target).id()), 0};
        r.date = decision.date;
        doc.relations.push_back(std::move(r));
        ++(e.kind == RelationKind::repeals ? out.repealed : out.declared_invalid);
    }
    out.document = std::make_shared<const draft::Document>(std::move(doc));
    return out;
}

ApplyResult apply_plan(const Corpus& corpus, const Plan& plan, const Decision& decision, const ApplyOptions& options) {
    DecisionDraft decided = draft_decision(corpus, plan, decision, options);
    ApplyResult out;
    out.problems = std::move(decided.problems);
    out.repealed = decided.repealed;
    out.declared_invalid = decided.declared_invalid;
    out.left_out = std::move(decided.left_out);
    if (!decided.document) return out;
    // The validator checks the result (a duplicate number, a bad id…).
    draft::Corpus d = to_draft(corpus);
    d.documents.push_back(*decided.document);
    LoadResult built = build_corpus(std::move(d));
    // Warnings of the old corpus are not this plan's business; errors are all new.
    bool failed = false;
    for (Problem& p : built.problems)
        if (p.is_error()) {
            out.problems.push_back(std::move(p));
            failed = true;
        }
    if (!failed) {
        out.corpus = std::move(built.corpus);
        out.decision = std::move(decided.document);
    }
    return out;
}

}  // namespace normdoc
