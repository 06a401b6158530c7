// normdoc status CORPUS [--as-of D] [--format text|csv]: the status of every document (SPEC §5).
#include "columns.hpp"
#include "commands.hpp"
#include "csv.hpp"
#include "lang.hpp"
#include "progress.hpp"
#include "load.hpp"
#include "output.hpp"
#include "table.hpp"

#include "normdoc/document_order.hpp"
#include "normdoc/status.hpp"

#include "report/messages.hpp"

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
    "text (for people, in Chinese unless --lang en): in the order of 文号 (first issuer, then number).\n"
    "csv: sorted by id, columns id,status,last_day,amended, or those --columns names from: id, number,\n"
    "title, kind, issuers, drafter, published, effective, last_day, status, since, amended.",
    {"CORPUS"},
    {opt::as_of, opt::format, opt::lang, opt::columns, opt::bom, opt::output},
    {Format::text, Format::csv},
    run_status,
};

namespace {

constexpr std::size_t k_title_width = 40;   // columns; longer titles end in …
constexpr std::size_t k_issuer_width = 16;

// SPEC §10: rows in id order, the columns --columns names (default id,status,last_day,amended).
void write_csv(std::ostream& out, const Corpus& corpus, const std::vector<DocumentStatus>& statuses,
               const std::vector<CsvColumn>& columns, const report::Messages& messages) {
    CsvWriter csv(out);
    for (CsvColumn c : columns) csv.field(to_string(c));
    csv.end_row();
    const auto& order = corpus.documents_by_id();
    std::string value;
    for (std::size_t i = 0; i < order.size(); ++i) {
        const CsvRow row{corpus, order[i], statuses[i], nullptr, nullptr, &messages};
        for (CsvColumn c : columns) {
            column_value(c, row, value);
            csv.field(value);
        }
        csv.end_row();
    }
}

// SPEC §13: for a legal officer, in the order of 文号 (first issuer, then number), in words.
void write_text(std::ostream& out, const Corpus& corpus, const std::vector<DocumentStatus>& statuses, Date as_of,
                const report::Messages& m) {
    using report::Msg;
    TextTable table({{std::string(m.text(Msg::col_issuer)), Align::left, k_issuer_width},
                     {std::string(m.text(Msg::col_number))},
                     {std::string(m.text(Msg::col_title)), Align::left, k_title_width},
                     {std::string(m.text(Msg::col_status))},
                     {std::string(m.text(Msg::col_last_day))},
                     {std::string(m.text(Msg::col_amended))},
                     {std::string(m.text(Msg::col_id))}});
    const auto& by_id = corpus.documents_by_id();
    // statuses are in id order; the rows in document order carry their index into it.
    std::vector<std::uint32_t> rank(corpus.document_count());
    for (std::size_t i = 0; i < by_id.size(); ++i) rank[by_id[i].index()] = static_cast<std::uint32_t>(i);
    const std::vector<DocumentId> rows = in_document_order(corpus, std::vector<DocumentId>(by_id.begin(), by_id.end()));
    const std::string_view none = m.text(Msg::none);
    // Two passes over the documents (measure, then write) so that nothing is stored per row.
    std::string last_day;
    auto cells = [&](DocumentId d) {
        const Document doc = corpus.document(d);
        const DocumentStatus& s = statuses[rank[d.index()]];
        last_day = s.last_day ? format_date(*s.last_day) : std::string(none);
        return std::vector<std::string_view>{corpus.authority(doc.issuers().front()).name(),
                                             doc.number().empty() ? none : doc.number(),
                                             doc.title(),
                                             m.status(s.status),
                                             last_day,
                                             m.yes_no(s.amended),
                                             doc.id()};
    };
    for (DocumentId d : rows) table.measure(cells(d));
    table.write_header(out);
    std::array<std::size_t, 6> counts{};
    for (DocumentId d : rows) {
        table.write_row(out, cells(d));
        ++counts[static_cast<std::size_t>(statuses[rank[d.index()]].status)];
    }
    out << '\n' << m.fill(Msg::status_summary, {std::to_string(rows.size()), format_date(as_of)});
    std::string_view separator = m.text(Msg::colon);
    for (std::size_t k = 0; k < counts.size(); ++k) {
        if (counts[k] == 0) continue;
        out << separator << m.fill(Msg::status_count, {std::to_string(counts[k]), m.status(static_cast<Status>(k))});
        separator = m.text(Msg::list_separator);
    }
    out << '\n';
}

}  // namespace

int run_status(const Args& args) {
    const Date as_of = args.as_of();
    const report::Messages messages(lang_of(args));
    const std::vector<CsvColumn> columns = columns_of(args, false);
    Progress progress(args, messages);
    progress.reading(args.positional(0));
    const auto corpus = load_corpus_or_report(args.positional(0));
    if (!corpus) return k_exit_invalid;

    progress.working();
    std::vector<DocumentStatus> statuses;
    statuses.reserve(corpus->document_count());
    for (DocumentId id : corpus->documents_by_id()) statuses.push_back(status_of(*corpus, id, as_of));

    progress.writing();
    write_output(args, [&](std::ostream& out) {
        if (args.format() == Format::csv) {
            write_bom_if_asked(args, out);
            if (columns == default_status_columns()) {
                StreamSink sink(out);  // the library's renderer, the C ABI's bytes too
                write_status_csv(*corpus, statuses, sink);
            } else {
                write_csv(out, *corpus, statuses, columns, messages);
            }
        } else {
            write_text(out, *corpus, statuses, as_of, messages);
        }
    });
    return k_exit_ok;
}

}  // namespace normdoc::cli
