// normdoc cleanup CORPUS [--as-of D] [--scope AUTH] [--format text|csv|xml|html|xlsx] [-o FILE]: the
// clean-up report (SPEC §6), for a legal officer (text), for machines (csv), as a plan (xml), or as
// the annex a legal office hands on, a web page (html) or a workbook (xlsx) (SPEC §13).
#include "columns.hpp"
#include "commands.hpp"
#include "csv.hpp"
#include "lang.hpp"
#include "progress.hpp"
#include "load.hpp"
#include "output.hpp"
#include "table.hpp"

#include "normdoc/cleanup.hpp"
#include "normdoc/document_order.hpp"
#include "normdoc/plan.hpp"

#include "report/cleanup_html.hpp"
#include "report/messages.hpp"
#include "report/xlsx/cleanup_xlsx.hpp"

#include <ostream>
#include <stdexcept>
#include <string>
#include <vector>

namespace normdoc::cli {

const Command k_cleanup_command{
    "cleanup",
    "the clean-up (清理) report or plan as of a day",
    "Looks at every document of CORPUS in scope (issued or drafted by AUTH; all without --scope) that\n"
    "is in force or pending as of D, or expired without being formally ended, and proposes for each an\n"
    "action - repeal, declare-invalid, amend, evaluate or retain - with the findings behind it (SPEC §6).\n"
    "text (in Chinese unless --lang en): grouped by action, the documents in the order of 文号 with\n"
    "their titles and findings in words, then a summary by issuing authority (拟废止 N 份 …).\n"
    "csv: sorted by id, columns id,number,status,action,findings or those --columns names (the status\n"
    "columns, and action, findings, details). xml: the clean-up plan that 'normdoc apply' takes, to be\n"
    "edited by people first. html: the annex (规范性文件清理结果: 序号, 文件名称, 文号, 制定机关, 清理意见,\n"
    "理由) as one self-contained printable page, a table per action. xlsx (needs -o): the same annex as a\n"
    "workbook, a sheet for all and one per action.",
    {"CORPUS"},
    {opt::as_of, opt::scope, opt::format, opt::lang, opt::columns, opt::bom, opt::output},
    {Format::text, Format::csv, Format::xml, Format::html, Format::xlsx},
    run_cleanup,
};

namespace {

using report::Msg;

// SPEC §10: rows in id order, the columns --columns names (default id,number,status,action,findings).
void write_csv(std::ostream& out, const CleanupResult& r, const std::vector<CsvColumn>& columns, const report::Messages& m) {
    const Corpus& corpus = r.corpus();
    CsvWriter csv(out);
    for (CsvColumn c : columns) csv.field(to_string(c));
    csv.end_row();
    std::string value;
    for (const CleanupItem& item : r.items()) {
        const CsvRow row{corpus, item.document, r.status(item.document), &r, &item, &m};
        for (CsvColumn c : columns) {
            column_value(c, row, value);
            csv.field(value);
        }
        csv.end_row();
    }
}

// SPEC §13: grouped by action, strongest first; in each group the documents in the order of 文号,
// numbered, with their titles, status, who decides an ending, and each finding in words.
void write_text(std::ostream& out, const CleanupResult& r, const report::Messages& m) {
    const Corpus& corpus = r.corpus();
    out << m.fill(Msg::cleanup_title, {format_date(r.as_of())}) << '\n';
    if (!r.scope().is_all()) {
        const Authority a = corpus.authority(r.scope().authority());
        out << m.fill(Msg::cleanup_scope, {a.name(), a.id()}) << '\n';
    }
    out << m.fill(Msg::cleanup_looked_at, {std::to_string(r.items().size())}) << '\n';

    std::vector<DocumentId> looked_at;
    looked_at.reserve(r.items().size());
    for (const CleanupItem& item : r.items()) looked_at.push_back(item.document);
    const std::vector<DocumentId> order = in_document_order(corpus, std::move(looked_at));

    // Strongest action first: what needs a decision comes before what stays.
    for (int a = static_cast<int>(k_action_count) - 1; a >= 0; --a) {
        const auto action = static_cast<Action>(a);
        const std::size_t n = r.count(action);
        if (n == 0) continue;
        out << '\n' << m.fill(Msg::cleanup_action, {m.action(action), std::to_string(n)}) << '\n';
        std::size_t seq = 0;
        for (DocumentId d : order) {
            const CleanupItem& item = *r.find(d);
            if (item.action != action) continue;
            const Document doc = corpus.document(d);
            std::string state(m.status(item.status));
            if (item.decided_by.valid())
                state = m.fill(Msg::cleanup_document_status,
                               {state, m.fill(Msg::cleanup_decided_by, {corpus.authority(item.decided_by).name()})});
            const std::string number = std::to_string(++seq);
            out << "  "
                << (doc.number().empty() ? m.fill(Msg::cleanup_line_no_number, {number, doc.title(), state, doc.id()})
                                         : m.fill(Msg::cleanup_line, {number, doc.number(), doc.title(), state, doc.id()}))
                << '\n';
            for (const Finding& f : r.findings(item))
                out << "     " << m.fill(Msg::cleanup_finding, {m.finding(f.code), m.finding_detail(r, item, f)}) << '\n';
        }
    }

    // The seed's clean-up paragraph: per issuing authority, aligned by display width, then its sentence.
    out << '\n' << m.text(Msg::cleanup_summary_title) << '\n';
    std::vector<Column> columns{{std::string(m.text(Msg::col_issuer))}};
    for (int a = static_cast<int>(k_action_count) - 1; a >= 0; --a)
        columns.push_back({std::string(m.action(static_cast<Action>(a))), Align::right});
    columns.push_back({std::string(m.text(Msg::col_total)), Align::right});
    TextTable table(std::move(columns));
    auto copies = [&](std::uint32_t n) { return m.fill(Msg::cleanup_copies, {std::to_string(n)}); };
    for (const ActionCounts& counts : r.summary_by_issuer()) {
        std::vector<std::string> row;
        row.emplace_back(counts.authority.valid() ? std::string(corpus.authority(counts.authority).name())
                                                  : std::string(m.text(Msg::cleanup_summary_total)));
        for (int a = static_cast<int>(k_action_count) - 1; a >= 0; --a) row.push_back(copies(counts[static_cast<Action>(a)]));
        row.push_back(copies(counts.total()));
        table.add_row(row);
    }
    table.write(out);
    out << '\n' << m.seed_summary(r) << '\n';
}

}  // namespace

int run_cleanup(const Args& args) {
    if (args.format() == Format::xlsx && !args.output())
        throw UsageError("cleanup: --format xlsx writes a workbook to a file: give -o FILE");
    if (args.format() == Format::xlsx && !report::xlsx_available())
        throw UsageError("cleanup: --format xlsx: this normdoc was built without libxlsxwriter (Debian: "
                         "libxlsxwriter-dev); use --format html or csv");

    const Date as_of = args.as_of();
    const report::Messages messages(lang_of(args));
    const std::vector<CsvColumn> columns = columns_of(args, true);
    Progress progress(args, messages);
    progress.reading(args.positional(0));
    const auto corpus = load_corpus_or_report(args.positional(0));
    if (!corpus) return k_exit_invalid;
    const CleanupScope scope = scope_of(args, *corpus);

    progress.working();
    const CleanupResult result = cleanup(*corpus, as_of, scope);
    if (args.format() == Format::xlsx) {
        progress.writing();
        report::write_cleanup_xlsx(*args.output(), result, messages);
        return k_exit_ok;
    }
    progress.writing();
    write_output(args, [&](std::ostream& out) {
        switch (args.format()) {
            case Format::csv:
                write_bom_if_asked(args, out);
                if (columns == default_cleanup_columns()) {
                    StreamSink sink(out);  // the library's renderer, the C ABI's bytes too
                    write_cleanup_csv(result, sink);
                } else {
                    write_csv(out, result, columns, messages);
                }
                break;
            case Format::xml: out << write_plan(result); break;
            case Format::text: write_text(out, result, messages); break;
            case Format::html: report::write_cleanup_html(out, result, messages); break;
            default: throw std::logic_error("cleanup: a format it does not declare");
        }
    });
    return k_exit_ok;
}

}  // namespace normdoc::cli
