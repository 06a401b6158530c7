// normdoc compile CORPUS -o REGISTRY and normdoc decompile REGISTRY -o OUT (SPEC §12).
#include "commands.hpp"
#include "load.hpp"

#include "normdoc/io.hpp"
#include "normdoc/registry.hpp"

#include <iostream>

namespace normdoc::cli {

namespace {
constexpr Option k_registry_out{"-o", ValueKind::text, "REGISTRY", "the registry snapshot to write (atomically)", "--output", true};
constexpr Option k_corpus_out{"-o", ValueKind::text, "OUT", "the corpus XML to write (atomically)", "--output", true};
}  // namespace

const Command k_compile_command{
    "compile",
    "compile a corpus into a registry snapshot (used in place, opened in milliseconds)",
    "Validates CORPUS exactly as 'normdoc validate' does (the same problems on standard error) and, if\n"
    "there is no error, writes REGISTRY: the corpus and all its indexes in one binary file that every\n"
    "command takes wherever it takes a corpus (SPEC §12), written atomically under the registry's\n"
    "writer lock (a second writer is exit 3). With an error, exit 1 and nothing written.",
    {"CORPUS"},
    {k_registry_out},
    {},
    run_compile,
};

const Command k_decompile_command{
    "decompile",
    "write a registry snapshot back as corpus XML",
    "Writes OUT, corpus XML (format 1) equal (SPEC §7) to REGISTRY, atomically.",
    {"REGISTRY"},
    {k_corpus_out},
    {},
    run_decompile,
};

int run_compile(const Args& args) {
    const std::string& source = args.positional(0);
    const std::string out = args.required(k_registry_out.name);
    LoadReport report = load_and_report(source);
    if (!report.corpus) return k_exit_invalid;
    // The source's size and hash go into the header (a registry compiled from a registry has none).
    const SnapshotSource origin = is_registry_file(source) ? SnapshotSource{} : snapshot_source_of(source);
    compile_snapshot(*report.corpus, out, origin, report.problems);
    return k_exit_ok;
}

int run_decompile(const Args& args) {
    const LoadReport report = load_and_report(args.positional(0));
    if (!report.corpus) return k_exit_invalid;
    save_corpus(*report.corpus, args.required(k_corpus_out.name));
    return k_exit_ok;
}

}  // namespace normdoc::cli
