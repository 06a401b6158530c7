// normdoc apply REGISTRY PLAN … [-o OUT] (SPEC §12): the plan's rules are the library's
// (draft_decision: SPEC §6, competence, --only-competent); in place, the decision goes into the
// registry's journal under its writer lock; with -o a new snapshot is written and REGISTRY kept.
#include "apply_registry.hpp"

#include "registry_changes.hpp"

#include "normdoc/io.hpp"
#include "normdoc/draft.hpp"
#include "normdoc/registry.hpp"

#include <algorithm>
#include <iostream>

namespace normdoc::cli {

namespace {

void print_summary(const Corpus& corpus, const Decision& decision, const std::string& where, std::size_t repealed,
                   std::size_t declared_invalid, const std::vector<LeftOutItem>& left_out) {
    std::cout << "decision " << decision.id << " (" << decision.number << ") written to " << where << ": repeals " << repealed
              << ", declares invalid " << declared_invalid << '\n';
    if (left_out.empty()) return;
    std::cout << "left out " << left_out.size() << (left_out.size() == 1 ? " item" : " items") << ":\n";
    for (const LeftOutItem& item : left_out) {
        std::cout << "  " << item.ref << " (" << to_string(item.action) << "): ";
        if (item.competent.empty()) std::cout << "already ended";
        for (std::size_t k = 0; k < item.competent.size(); ++k)
            std::cout << (k ? " or " : "for ") << corpus.authority(item.competent[k]).name() << " ("
                      << corpus.authority(item.competent[k]).id() << ")" << (k + 1 == item.competent.size() ? " to decide" : "");
        std::cout << '\n';
    }
}

std::size_t errors_in(const std::vector<Problem>& problems) {
    return static_cast<std::size_t>(std::count_if(problems.begin(), problems.end(), [](const Problem& p) { return p.is_error(); }));
}

int nothing_written(const std::vector<Problem>& problems) {
    const std::size_t errors = errors_in(problems);
    std::cerr << "normdoc apply: nothing written (" << errors << (errors == 1 ? " error)\n" : " errors)\n");
    return k_exit_invalid;
}

}  // namespace

int run_apply_registry(const Args& args, const Decision& decision, const ApplyOptions& options) {
    const std::string& path = args.positional(0);
    const std::optional<std::string> out = args.value("-o");
    const PlanLoadResult plan = read_plan_file(args.positional(1));
    print_problems(plan.problems);

    if (out && *out != path) {
        // A new snapshot; REGISTRY is only read.
        Registry::Open opened = Registry::open(path);
        print_problems(opened.problems);
        if (!opened || !plan.ok()) return k_exit_invalid;
        const Corpus& corpus = opened.registry->corpus();
        const ApplyResult applied = apply_plan(corpus, *plan.plan, decision, options);
        print_problems(applied.problems);
        if (!applied.ok()) return nothing_written(applied.problems);
        // The warnings stored with the new snapshot are its content's (apply_plan keeps only errors).
        const LoadResult checked = build_corpus(to_draft(*applied.corpus));
        compile_snapshot(*applied.corpus, *out, {}, checked.problems);
        print_summary(corpus, decision, *out, applied.repealed, applied.declared_invalid, applied.left_out);
        return k_exit_ok;
    }

    std::optional<Registry> registry = open_registry_for_changes(path, "apply");
    if (!registry || !plan.ok()) return k_exit_invalid;
    const Corpus before = registry->corpus();  // its authorities name who may decide what is left out
    const ChangeResult applied = registry->apply(*plan.plan, decision, options);
    print_problems(applied.problems);
    if (!applied) return nothing_written(applied.problems);
    print_summary(before, decision, path, applied.repealed, applied.declared_invalid, applied.left_out);
    return k_exit_ok;
}

}  // namespace normdoc::cli
