// normdoc impact CORPUS DOC [--as-of D] [--format text|csv] [-o FILE]: every document that depends
// on DOC through based-on / implements, transitively (SPEC §10).
#include "columns.hpp"
#include "commands.hpp"
#include "csv.hpp"
#include "lang.hpp"
#include "progress.hpp"
#include "load.hpp"
#include "output.hpp"
#include "table.hpp"

#include "normdoc/document_order.hpp"
#include "normdoc/impact.hpp"

#include "report/messages.hpp"

#include <unordered_map>
#include <vector>

#include <ostream>
#include <string>

namespace normdoc::cli {

const Command k_impact_command{
    "impact",
    "every document that depends on a document, transitively",
    "Lists every document of CORPUS that rests on DOC through based-on or implements, directly\n"
    "(depth 1) or through others (the shortest depth), whatever its status, with its status as of D;\n"
    "text (in Chinese unless --lang en): by depth, then in the order of 文号. csv: sorted by depth, then\n"
    "id; columns id,depth,status. DOC is a document id or a 发文字号 held by one document.",
    {"CORPUS", "DOC"},
    {opt::as_of, opt::format, opt::lang, opt::bom, opt::output},
    {Format::text, Format::csv},
    run_impact,
};

int run_impact(const Args& args) {
    using report::Msg;
    const Date as_of = args.as_of();
    const report::Messages m(lang_of(args));
    Progress progress(args, m);
    progress.reading(args.positional(0));
    const auto corpus = load_corpus_or_report(args.positional(0));
    if (!corpus) return k_exit_invalid;
    const DocumentId root = require_document(*corpus, args.positional(1), "DOC");
    progress.working();
    const auto entries = impact(*corpus, root, as_of);
    progress.writing();

    write_output(args, [&](std::ostream& out) {
        if (args.format() == Format::csv) {
            write_bom_if_asked(args, out);
            StreamSink sink(out);
            write_impact_csv(*corpus, entries, sink);
            return;
        }
        const Document doc = corpus->document(root);
        const std::string name = doc.number().empty() ? "《" + std::string(doc.title()) + "》"
                                                      : m.fill(Msg::impact_root, {doc.number(), doc.title()});
        out << m.fill(Msg::impact_title, {name, format_date(as_of), std::to_string(entries.size())}) << '\n';
        if (entries.empty()) return;
        out << '\n';
        // SPEC §13: by depth (what rests on DOC directly first), then in the order of 文号.
        TextTable table({{std::string(m.text(Msg::col_depth)), Align::right},
                         {std::string(m.text(Msg::col_number))},
                         {std::string(m.text(Msg::col_title)), Align::left, 40},
                         {std::string(m.text(Msg::col_status))},
                         {std::string(m.text(Msg::col_id))}});
        for (std::size_t begin = 0; begin < entries.size();) {
            std::size_t end = begin;
            std::vector<DocumentId> level;
            std::unordered_map<std::uint32_t, Status> status;
            while (end < entries.size() && entries[end].depth == entries[begin].depth) {
                status.emplace(entries[end].document.index(), entries[end].status);
                level.push_back(entries[end++].document);
            }
            for (DocumentId d : in_document_order(*corpus, std::move(level))) {
                const Document dd = corpus->document(d);
                const Status st = status.at(d.index());
                table.add_row({std::to_string(entries[begin].depth),
                               dd.number().empty() ? std::string(m.text(Msg::none)) : std::string(dd.number()),
                               std::string(dd.title()), std::string(m.status(st)), std::string(dd.id())});
            }
            begin = end;
        }
        table.write(out);
    });
    return k_exit_ok;
}

}  // namespace normdoc::cli
