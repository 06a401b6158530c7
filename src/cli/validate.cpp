// normdoc validate CORPUS: every problem on standard error, exit 1 if there is any error.
#include "commands.hpp"
#include "load.hpp"
#include "progress.hpp"

#include "report/messages.hpp"

#include <iostream>

namespace normdoc::cli {

const Command k_validate_command{
    "validate",
    "report a corpus's problems; exit 1 if there is any error",
    "Reads CORPUS (corpus XML, format 1, or a registry snapshot) and reports every problem on standard error, one per line as\n"
    "FILE:LINE: error|warning: CODE: message, in line order, then a one-line summary. Exits 1 if\n"
    "there is any error; warnings alone exit 0.",
    {"CORPUS"},
    {},
    {},
    run_validate,
};

int run_validate(const Args& args) {
    const std::string& path = args.positional(0);
    const report::Messages messages(report::Lang::zh);
    Progress progress(args, messages);  // SPEC §13: a million documents take seconds
    progress.reading(path);
    const LoadReport report = load_and_report(path);
    progress.stop();
    std::cerr << path << ": ";
    if (report.corpus)
        std::cerr << report.corpus->document_count() << " documents, " << report.corpus->authority_count()
                  << " authorities, ";
    std::cerr << report.errors << (report.errors == 1 ? " error, " : " errors, ") << report.warnings
              << (report.warnings == 1 ? " warning" : " warnings") << '\n';
    return report.errors == 0 ? k_exit_ok : k_exit_invalid;
}

}  // namespace normdoc::cli
