// Plans from clean-ups, and applying a plan (SPEC §6 "Applying a plan"): the old corpus as a
// draft, plus the decision document, through the one validator.
#include "normdoc/plan.hpp"

#include "normdoc/status.hpp"

#include <unordered_set>

namespace normdoc {

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
    if (result.scope()) plan.scope = std::string(corpus.authority(*result.scope()).id);
    plan.items.reserve(result.items().size());
    for (const CleanupItem& item : result.items()) {
        PlanItem out;
        out.ref = std::string(corpus.document(item.document).id);
        out.action = item.action;
        for (Finding f : result.findings(item)) out.findings.push_back({f.code, result.detail(item, f), 0});
        plan.items.push_back(std::move(out));
    }
    return plan;
}

LoadResult apply_plan(const Corpus& corpus, const Plan& plan, const Decision& decision) {
    std::vector<Problem> problems;
    auto error = [&](std::size_t line, ProblemCode code, std::string message, Subject subject = {}) {
        problems.push_back({line ? plan.file : std::string(), line, Severity::error, code, std::move(message), std::move(subject)});
    };
    const std::string day = format_date(decision.date);

    // SPEC §6: a decision dated before the plan's as-of date would end documents the clean-up
    // did not look at as they then stood.
    if (decision.date < plan.as_of)
        error(0, ProblemCode::date_order,
              "the decision's date " + day + " is before the plan's as-of date " + format_date(plan.as_of));
    const bool id_free = !corpus.find_document(decision.id);
    if (!id_free) error(0, ProblemCode::duplicate_id, "document id " + decision.id + " is already in use");
    const bool issuer_known = corpus.find_authority(decision.issuer).has_value();
    if (!issuer_known) error(0, ProblemCode::unknown_ref, "issuer " + decision.issuer + " is not an authority of the corpus");

    struct Ending { DocumentId target; RelationKind kind; };
    std::vector<Ending> endings;
    std::unordered_set<std::string_view> listed;
    for (const PlanItem& item : plan.items) {
        if (!listed.insert(item.ref).second) {
            error(item.line, ProblemCode::duplicate_id, "item " + item.ref + " is listed more than once", Subject::plan_item(item.ref));
            continue;
        }
        const auto doc = corpus.find_document(item.ref);
        if (!doc) {
            error(item.line, ProblemCode::unknown_ref, "item " + item.ref + " is not a document of the corpus", Subject::plan_item(item.ref));
            continue;
        }
        // SPEC §6: an item already repealed or invalid as of the date: the plan is stale. An
        // expired document already declared invalid or repealed counts as ended too (a second
        // decision would end it again).
        const Status s = status_of(corpus, *doc, decision.date).status;
        if (s == Status::repealed || s == Status::invalid ||
            (s == Status::expired && detail::formally_ended(corpus, *doc, decision.date))) {
            error(item.line, ProblemCode::bad_value,
                  "item " + item.ref + " is already " + (s == Status::expired ? std::string("expired and formally ended")
                                                                               : std::string(to_string(s))) +
                      " as of " + day, Subject::plan_item(item.ref));
            continue;
        }
        // SPEC §6: once applied, every repeal / declare-invalid item has ended; a document not
        // published by the decision's date would stay a draft.
        if (s == Status::draft && is_ending(item.action)) {
            error(item.line, ProblemCode::bad_value,
                  "item " + item.ref + " is not published as of " + day + ": there is nothing to " +
                      (item.action == Action::repeal ? "repeal" : "declare invalid") + " yet", Subject::plan_item(item.ref));
            continue;
        }
        if (item.action == Action::repeal) endings.push_back({*doc, RelationKind::repeals});
        if (item.action == Action::declare_invalid) endings.push_back({*doc, RelationKind::declares_invalid});
    }

    // The validator checks the result (a duplicate number, a bad id…), unless the decision
    // cannot even be added (its id or issuer is wrong: reported above, once).
    if (id_free && issuer_known) {
        draft::Corpus d = to_draft(corpus);
        draft::Document doc;
        doc.id = decision.id;
        doc.kind = decision.kind;
        doc.title = decision.title;
        doc.number = decision.number;
        doc.issuers.push_back({decision.issuer, 0});
        doc.published = decision.date;
        doc.effective = decision.date;
        for (const Ending& e : endings) {
            draft::Relation r;
            r.kind = e.kind;
            r.target = {std::string(corpus.document(e.target).id), 0};
            r.date = decision.date;
            doc.relations.push_back(std::move(r));
        }
        d.documents.push_back(std::move(doc));
        LoadResult built = build_corpus(std::move(d));
        // Warnings of the old corpus are not this plan's business; errors are all new.
        for (Problem& p : built.problems)
            if (p.is_error()) problems.push_back(std::move(p));
        if (problems.empty()) return {std::move(built.corpus), {}};
    }
    return {std::nullopt, std::move(problems)};
}

}  // namespace normdoc
