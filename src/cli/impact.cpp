// normdoc impact CORPUS DOC [--as-of D] [--format text|csv] [-o FILE]: every document that depends
// on DOC through based-on / implements, transitively (SPEC §10).
#include "commands.hpp"
#include "csv.hpp"
#include "load.hpp"
#include "output.hpp"
#include "table.hpp"

#include "normdoc/impact.hpp"

#include <ostream>
#include <string>

namespace normdoc::cli {

const Command k_impact_command{
    "impact",
    "every document that depends on a document, transitively",
    "Lists every document of CORPUS that rests on DOC through based-on or implements, directly\n"
    "(depth 1) or through others (the shortest depth), whatever its status, with its status as of D;\n"
    "sorted by depth, then id. csv columns: id,depth,status.",
    {"CORPUS", "DOC"},
    {opt::as_of, opt::format, opt::output},
    {Format::text, Format::csv},
    run_impact,
};

int run_impact(const Args& args) {
    const Date as_of = args.as_of();
    const auto corpus = load_corpus_or_report(args.positional(0));
    if (!corpus) return k_exit_invalid;
    const DocumentId root = require_document(*corpus, args.positional(1), "DOC");
    const auto entries = impact(*corpus, root, as_of);

    write_output(args, [&](std::ostream& out) {
        if (args.format() == Format::csv) {
            StreamSink sink(out);
            write_impact_csv(*corpus, entries, sink);
            return;
        }
        const Document doc = corpus->document(root);
        out << "Documents depending on " << doc.id();
        if (!doc.number().empty()) out << ' ' << doc.number();
        out << " 《" << doc.title() << "》 as of " << format_date(as_of) << ": " << entries.size() << '\n';
        if (entries.empty()) return;
        out << '\n';
        TextTable table({{"DEPTH", Align::right}, {"ID"}, {"NUMBER"}, {"STATUS"}, {"TITLE", Align::left, 40}});
        for (const ImpactEntry& e : entries) {
            const Document d = corpus->document(e.document);
            table.add_row({std::to_string(e.depth), std::string(d.id()), d.number().empty() ? std::string("-") : std::string(d.number()),
                           std::string(to_string(e.status)), std::string(d.title())});
        }
        table.write(out);
    });
    return k_exit_ok;
}

}  // namespace normdoc::cli
