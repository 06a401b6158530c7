// normdoc add REGISTRY FILE, normdoc withdraw REGISTRY DOC, normdoc compact REGISTRY: changes to
// a registry in place (SPEC §12), each checked by the SPEC §7 rules and durable when it exits 0.
#include "registry_changes.hpp"

#include "commands.hpp"
#include "load.hpp"

#include "normdoc/io.hpp"

#include <cerrno>
#include <cstring>
#include <fstream>
#include <iostream>
#include <iterator>
#include <sstream>

namespace normdoc::cli {

const Command k_add_command{
    "add",
    "add or replace authorities and documents in a registry, in place",
    "FILE is corpus XML (SPEC §7) holding authorities and/or documents and no <profile>. Each one\n"
    "whose id is new is added; each whose id the registry holds replaces it. The registry that would\n"
    "result is checked as 'normdoc validate' checks a corpus: every problem on standard error, with\n"
    "FILE's line where the element is in FILE, else the registry's name. On an error, exit 1 and the\n"
    "registry is unchanged; else the change is in the registry's journal, durably, when it exits 0\n"
    "('normdoc compact' folds the journal in). A second writer meanwhile is exit 3.",
    {"REGISTRY", "FILE"},
    {},
    {},
    run_add,
};

const Command k_withdraw_command{
    "withdraw",
    "remove a document that nothing refers to from a registry, in place",
    "Removes DOC (an id, or a number held by exactly one document) from REGISTRY. A document that\n"
    "another document refers to stays: exit 1, each reference on standard error (UNKNOWN_REF, as\n"
    "validating the result would report it). Durable when it exits 0.",
    {"REGISTRY", "DOC"},
    {},
    {},
    run_withdraw,
};

const Command k_compact_command{
    "compact",
    "fold a registry's journal of changes into a new snapshot",
    "Writes REGISTRY again with every change of its journal folded in (through the atomic writer),\n"
    "then starts an empty journal. A kill at any moment leaves the registry as it was or as it is\n"
    "after. Readers that have it open keep their state until they open it again.",
    {"REGISTRY"},
    {},
    {},
    run_compact,
};

void print_problems(const std::vector<Problem>& problems) {
    std::ostringstream lines;
    for (const Problem& p : problems) lines << p << '\n';
    std::cerr << lines.str() << std::flush;
}

std::optional<Registry> open_registry_for_changes(const std::string& path, const char* command) {
    if (!is_registry_file(path))
        throw UsageError(std::string(command) + ": " + path +
                         " is not a registry snapshot: changes in place are made to a registry ('normdoc compile CORPUS -o "
                         "REGISTRY' makes one)");
    Registry::Open opened = Registry::open_for_changes(path);
    std::vector<Problem> shown;
    for (const Problem& p : opened.problems)
        if (p.is_error() || p.code == ProblemCode::torn_journal) shown.push_back(p);
    print_problems(shown);
    if (!opened) return std::nullopt;
    return std::move(opened.registry);
}

namespace {

void report_committed(const Registry& registry) {
    std::cout << registry.path() << ": committed; its journal holds " << registry.journal_records()
              << (registry.journal_records() == 1 ? " change" : " changes") << '\n';
}


}  // namespace

int run_add(const Args& args) {
    const std::string& path = args.positional(0);
    const std::string& file = args.positional(1);
    std::optional<Registry> registry = open_registry_for_changes(path, "add");
    if (!registry) return k_exit_invalid;
    const std::string xml = read_file_bytes(file);
    const ChangeResult result = registry->add(xml, file);
    print_problems(result.problems);
    if (!result) {
        std::cerr << "normdoc add: " << path << " unchanged\n";
        return k_exit_invalid;
    }
    report_committed(*registry);
    return k_exit_ok;
}

int run_withdraw(const Args& args) {
    const std::string& path = args.positional(0);
    std::optional<Registry> registry = open_registry_for_changes(path, "withdraw");
    if (!registry) return k_exit_invalid;
    const DocumentId doc = require_document(registry->corpus(), args.positional(1), "DOC");
    const ChangeResult result = registry->withdraw(doc);
    print_problems(result.problems);
    if (!result) {
        std::cerr << "normdoc withdraw: " << path << " unchanged (other documents refer to "
                  << registry->corpus().document(doc).id() << ")\n";
        return k_exit_invalid;
    }
    report_committed(*registry);
    return k_exit_ok;
}

int run_compact(const Args& args) {
    const std::string& path = args.positional(0);
    std::optional<Registry> registry = open_registry_for_changes(path, "compact");
    if (!registry) return k_exit_invalid;
    const std::size_t folded = registry->journal_records();
    registry->compact();
    std::cout << path << ": " << folded << (folded == 1 ? " change" : " changes") << " folded into the snapshot\n";
    return k_exit_ok;
}

}  // namespace normdoc::cli
