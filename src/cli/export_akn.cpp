// normdoc export-akn CORPUS -o DIR (SPEC §9): one Akoma Ntoso 3.0 file per document.
#include "commands.hpp"
#include "load.hpp"

#include "normdoc/akn.hpp"

#include <iostream>

namespace normdoc::cli {

const Command k_export_akn_command{
    "export-akn",
    "write each document of a corpus as an Akoma Ntoso 3.0 file",
    "Writes one Akoma Ntoso 3.0 metadata document per document of CORPUS into DIR (created when\n"
    "missing), each atomically, named after the document id with every byte outside [A-Za-z0-9._-]\n"
    "percent-encoded. import-akn reads them back into an equal corpus for id, number, title, kind,\n"
    "dates, issuers, repeal and amendment events, and repeals / amends relations.",
    {"CORPUS"},
    {
        {"-o", ValueKind::text, "DIR", "the directory to write into", "--output", true},
    },
    {},
    run_export_akn,
};

int run_export_akn(const Args& args) {
    const std::optional<Corpus> corpus = load_corpus_or_report(args.positional(0));
    if (!corpus) return k_exit_invalid;
    const std::vector<std::string> names = export_akn(*corpus, args.required("-o"));  // IoError: exit 3
    std::cerr << "export-akn: " << names.size() << " files in " << args.required("-o") << '\n';
    return k_exit_ok;
}

}  // namespace normdoc::cli
