// normdoc apply CORPUS PLAN --id ID --number N --title T --issuer AUTH… --date D [--kind K] [--only-competent] -o OUT:
// the corpus plus the decision that repeals / declares invalid what the plan says (SPEC §6).
// All or nothing: on any problem every reason goes to standard error and nothing is written.
#include "apply_registry.hpp"
#include "commands.hpp"
#include "lang.hpp"
#include "load.hpp"
#include "output.hpp"

#include "normdoc/atomic_file.hpp"
#include "normdoc/io.hpp"
#include "normdoc/registry.hpp"
#include "normdoc/plan.hpp"
#include "normdoc/registry.hpp"

#include "report/messages.hpp"

#include <algorithm>
#include <iostream>
#include <optional>
#include <sstream>
#include <vector>

namespace normdoc::cli {

namespace {
constexpr Option k_id{"--id", ValueKind::text, "ID", "the decision document's id (not yet in the corpus)", {}, true};
constexpr Option k_number{"--number", ValueKind::text, "N", "its number (发文字号), e.g. 澄科发〔2018〕20号", {}, true};
constexpr Option k_title{"--title", ValueKind::text, "T", "its title", {}, true};
constexpr Option k_issuer{"--issuer", ValueKind::text, "AUTH", "an authority that issues it (repeat for a joint decision)", {}, true, true};
constexpr Option k_only_competent{"--only-competent", ValueKind::flag, "",
                                  "apply only the items the issuers may decide (SPEC §2), leave the rest with a warning each"};
constexpr Option k_date{"--date", ValueKind::date, "D", "its date: published, effective, and the date of every ending", {}, true};
constexpr Option k_kind{"--kind", ValueKind::text, "K", "its kind (default other)"};
constexpr Option k_out{"-o", ValueKind::text, "OUT",
                       "the corpus to write (atomically; may be CORPUS itself); on a registry, left out: in place (SPEC §12)",
                       "--output"};
}  // namespace

const Command k_apply_command{
    "apply",
    "apply a clean-up plan: one decision that repeals / declares invalid",
    "Writes to OUT the corpus CORPUS plus one decision document (ID, N, T, issued by AUTH, published\n"
    "and effective on D, kind K or other) that repeals every item of PLAN whose action is repeal and\n"
    "declares invalid every item whose action is declare-invalid, as of D. Other actions add nothing.\n"
    "All or nothing: an unknown item or issuer, an ID already in use, an item already repealed or\n"
    "invalid on D, D before the plan's as-of date, an item the issuers are not competent for (only its\n"
    "issuers, their successors or a body above them may end it: NOT_COMPETENT), or a result that does\n"
    "not validate, and nothing is written (exit 1, every reason on standard error). With\n"
    "--only-competent the items the issuers may not decide (and those an earlier decision ended) are\n"
    "left out, one warning each naming who may decide them, and the rest is applied (exit 1 if none).",
    {"CORPUS", "PLAN"},
    {k_id, k_number, k_title, k_issuer, k_date, k_kind, k_only_competent, opt::lang, k_out},
    {},
    run_apply,
};

// One write for all the lines: standard error is unbuffered, and a plan of a million items
// gives a million problems (tests/hostile_test.cpp APlanNamingAMillionItems).
static void print_problems(const std::vector<Problem>& problems) {
    std::ostringstream lines;
    for (const Problem& p : problems) lines << p << '\n';
    std::cerr << lines.str() << std::flush;
}

int run_apply(const Args& args) {
    Decision decision;
    decision.id = args.required(k_id.name);
    decision.number = args.required(k_number.name);
    decision.title = args.required(k_title.name);
    decision.issuers = args.values(k_issuer.name);
    decision.date = *args.date(k_date.name);
    if (const auto kind = args.value(k_kind.name)) {
        const auto parsed = parse_document_kind(*kind);
        if (!parsed)
            throw UsageError("--kind: '" + *kind +
                             "' is not a document kind (law, administrative-regulation, local-regulation, rule, "
                             "normative, party-normative, other)");
        decision.kind = *parsed;
    }
    ApplyOptions options;
    options.only_competent = args.has(k_only_competent.name);
    if (is_registry_file(args.positional(0))) return run_apply_registry(args, decision, options);  // SPEC §12
    const std::optional<std::string> given_out = args.value(k_out.name);
    if (!given_out) throw UsageError("apply: -o OUT is required when CORPUS is corpus XML (only a registry changes in place)");
    const std::string out = *given_out;

    // A corpus file keeps its bytes: the output is them plus the decision (insert_document).
    const std::string& corpus_path = args.positional(0);
    const bool from_registry = is_registry_file(corpus_path);
    const std::string source = from_registry ? std::string() : read_file_bytes(corpus_path);
    const auto corpus = from_registry ? load_corpus_or_report(corpus_path)
                                      : report_loaded(read_corpus(source, corpus_path), corpus_path).corpus;
    const PlanLoadResult plan = read_plan_file(args.positional(1));
    print_problems(plan.problems);
    if (!corpus || !plan.ok()) return k_exit_invalid;

    const ApplyResult applied = apply_plan(*corpus, *plan.plan, decision, options);
    print_problems(applied.problems);
    if (!applied.ok()) {
        const auto errors = static_cast<std::size_t>(
            std::count_if(applied.problems.begin(), applied.problems.end(), [](const Problem& p) { return p.is_error(); }));
        std::cerr << "normdoc apply: nothing written (" << errors << (errors == 1 ? " error)\n" : " errors)\n");
        return k_exit_invalid;
    }
    std::optional<std::string> edited;
    if (!from_registry) edited = insert_document(source, *applied.decision);
    if (edited)
        write_file_atomically(out, [&](OutputSink& sink) { sink.write(*edited); });
    else
        save_corpus(*applied.corpus, out);  // a snapshot, or a file that cannot take it in place
    // What it did, for the person who ran it (in the catalogue's words): the decision, how many
    // items it ended, what was left out and for whom, and the to-dos the plan leaves to people.
    using report::Msg;
    const report::Messages m(lang_of(args));
    auto named = [&](std::string_view ref) {
        const auto d = corpus->find_document(ref);
        if (!d) return std::string(ref);
        const Document doc = corpus->document(*d);
        return (doc.number().empty() ? std::string() : std::string(doc.number())) + "《" + std::string(doc.title()) + "》";
    };
    auto authority = [&](AuthorityId a) { return std::string(corpus->authority(a).name()) + " (" + std::string(corpus->authority(a).id()) + ")"; };
    std::ostringstream said;
    said << m.fill(Msg::apply_written, {decision.id, decision.number, out}) << m.text(Msg::list_separator)
         << m.fill(Msg::apply_counts, {std::to_string(applied.repealed), std::to_string(applied.declared_invalid)}) << '\n';
    if (!applied.left_out.empty()) {
        said << m.fill(Msg::apply_left_out, {std::to_string(applied.left_out.size())}) << '\n';
        for (const LeftOutItem& item : applied.left_out) {
            std::string who;
            for (std::size_t k = 0; k < item.competent.size(); ++k) { if (k) who += m.text(Msg::apply_or); who += authority(item.competent[k]); }
            said << "  " << m.fill(Msg::apply_item, {named(item.ref), m.action(item.action)}) << m.text(Msg::colon)
                 << (item.competent.empty() ? std::string(m.text(Msg::apply_already_ended)) : m.fill(Msg::apply_left_for, {who})) << '\n';
        }
    }
    std::vector<const PlanItem*> to_do;
    for (const PlanItem& item : plan.plan->items)
        if (item.action == Action::amend || item.action == Action::evaluate) to_do.push_back(&item);
    if (!to_do.empty()) {
        said << m.fill(Msg::apply_to_do, {std::to_string(to_do.size())}) << '\n';
        for (const PlanItem* item : to_do) {
            said << "  " << m.fill(Msg::apply_item, {named(item->ref), m.action(item->action)});
            if (const auto d = corpus->find_document(item->ref))
                said << m.text(Msg::colon) << m.fill(Msg::apply_drafter, {authority(corpus->document(*d).drafter())});
            said << '\n';
        }
    }
    std::cout << said.str();
    return k_exit_ok;
}

}  // namespace normdoc::cli
