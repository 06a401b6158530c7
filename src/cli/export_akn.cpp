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
    "missing), named after the document id so that a person can read it and a shell glob it\n"
    "(/akn/za/act/2014/10/!main -> za-act-2014-10.xml; a later id with the same name gets -2, -3).\n"
    "Every modifying relation is in activeModifications, commencement and expiry in the lifecycle,\n"
    "and everything (the profile, every field and relation, every authority) in meta/proprietary,\n"
    "so that import-akn DIR/*.xml gives back an equal corpus. The set is written beside DIR and\n"
    "moved in at the end: a failure leaves no partial set (exit 3).",
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
