// normdoc status CORPUS [--as-of D] [--format text|csv]: the status of every document (SPEC §5).
#include "commands.hpp"
#include "csv.hpp"
#include "load.hpp"
#include "output.hpp"
#include "table.hpp"

#include "normdoc/status.hpp"

#include <array>
#include <ostream>
#include <string>
#include <vector>

namespace normdoc::cli {

const Command k_status_command{
    "status",
    "the status of every document as of a day",
    "Prints, for every document of CORPUS sorted by id, its status as of D (draft, pending, in-force,\n"
    "repealed, invalid, expired), the last day of its term as of D (from its expiry date or the\n"
    "profile, extensions included; empty when it has none) and whether an amendment is in effect.\n"
    "CSV columns: id,status,last_day,amended.",
    {"CORPUS"},
    {opt::as_of, opt::format, opt::output},
    {Format::text, Format::csv},
    run_status,
};

namespace {

constexpr std::size_t k_title_width = 40;  // columns; longer titles end in …

std::string_view yes_no(bool b) { return b ? "yes" : "no"; }

void write_text(std::ostream& out, const Corpus& corpus, const std::vector<DocumentStatus>& statuses, Date as_of) {
    TextTable table({{"ID"}, {"NUMBER"}, {"STATUS"}, {"LAST DAY"}, {"AMENDED"}, {"TITLE", Align::left, k_title_width}});
    const auto& order = corpus.documents_by_id();
    // Two passes over the documents (measure, then write) so that nothing is stored per row.
    auto cells = [&](std::size_t i, std::string& last_day) {
        const Document doc = corpus.document(order[i]);
        const DocumentStatus& s = statuses[i];
        last_day = s.last_day ? format_date(*s.last_day) : "-";
        return std::vector<std::string_view>{doc.id(), doc.number().empty() ? std::string_view("-") : doc.number(),
                                             to_string(s.status), last_day, yes_no(s.amended), doc.title()};
    };
    std::string last_day;
    for (std::size_t i = 0; i < order.size(); ++i) table.measure(cells(i, last_day));
    table.write_header(out);
    std::array<std::size_t, 6> counts{};
    for (std::size_t i = 0; i < order.size(); ++i) {
        table.write_row(out, cells(i, last_day));
        ++counts[static_cast<std::size_t>(statuses[i].status)];
    }
    out << '\n' << order.size() << (order.size() == 1 ? " document" : " documents") << " as of " << format_date(as_of);
    const char* separator = ": ";
    for (std::size_t k = 0; k < counts.size(); ++k) {
        if (counts[k] == 0) continue;
        out << separator << counts[k] << ' ' << to_string(static_cast<Status>(k));
        separator = ", ";
    }
    out << '\n';
}

}  // namespace

int run_status(const Args& args) {
    const Date as_of = args.as_of();
    const auto corpus = load_corpus_or_report(args.positional(0));
    if (!corpus) return k_exit_invalid;

    std::vector<DocumentStatus> statuses;
    statuses.reserve(corpus->document_count());
    for (DocumentId id : corpus->documents_by_id()) statuses.push_back(status_of(*corpus, id, as_of));

    write_output(args, [&](std::ostream& out) {
        if (args.format() == Format::csv) {
            StreamSink sink(out);
            write_status_csv(*corpus, statuses, sink);
        } else {
            write_text(out, *corpus, statuses, as_of);
        }
    });
    return k_exit_ok;
}

}  // namespace normdoc::cli
