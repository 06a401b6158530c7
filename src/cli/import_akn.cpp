// normdoc import-akn FILE… [--kind K] -o OUT (SPEC §9): Akoma Ntoso files to one corpus.
#include "commands.hpp"

#include "normdoc/akn.hpp"
#include "normdoc/io.hpp"

#include <iostream>
#include <sstream>

namespace normdoc::cli {

const Command k_import_akn_command{
    "import-akn",
    "read Akoma Ntoso 3.0 files into one corpus",
    "Reads each FILE (Akoma Ntoso 3.0; UTF-8, or GBK/GB18030 when the XML declaration says so) and\n"
    "writes one corpus to OUT. Every oddity of a file is a warning FILE:LINE: warning: CODE: message\n"
    "on standard error and the import goes on. A file that is not XML, not Akoma Ntoso or has no\n"
    "work identification is an error for that file: the others are still imported and written, and\n"
    "the exit code is 1. A file that cannot be read, or an OUT that cannot be written, is exit 3 and\n"
    "nothing is written. When no document is left, nothing is written and the exit code is 1.",
    {"FILE…"},
    {
        {"--kind", ValueKind::text, "K",
         "the kind of documents whose FRBRsubtype names no normdoc kind: law, administrative-regulation, "
         "local-regulation, rule, normative, party-normative, other (default: other)"},
        {"-o", ValueKind::text, "OUT", "the corpus file to write (atomically)", "--output", true},
    },
    {},
    run_import_akn,
};

int run_import_akn(const Args& args) {
    AknImportOptions options;
    if (auto kind = args.value("--kind")) {
        options.kind = parse_document_kind(*kind);
        if (!options.kind) throw UsageError("--kind: '" + *kind + "' is not a document kind");
    }
    const std::string& out = args.required("-o");

    const AknImportResult result = import_akn(args.positionals(), options);  // IoError: exit 3
    std::ostringstream lines;  // one write: standard error is unbuffered
    std::size_t errors = 0, warnings = 0;
    for (const Problem& p : result.problems) {
        lines << p << '\n';
        ++(p.is_error() ? errors : warnings);
    }
    std::cerr << lines.str();
    if (!result.corpus) {
        std::cerr << "import-akn: no corpus written: "
                  << (errors == 0 || result.files_failed == result.files_read ? "no document is left" : "the documents do not validate")
                  << '\n';
        return k_exit_invalid;
    }
    save_corpus(*result.corpus, out);  // IoError: exit 3
    std::cerr << "import-akn: " << result.corpus->document_count() << " documents and " << result.corpus->authority_count()
              << " authorities from " << result.files_read - result.files_failed << " of " << result.files_read << " files, "
              << errors << (errors == 1 ? " error, " : " errors, ") << warnings << (warnings == 1 ? " warning" : " warnings")
              << '\n';
    return result.files_failed == 0 ? k_exit_ok : k_exit_invalid;
}

}  // namespace normdoc::cli
