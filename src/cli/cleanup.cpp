// normdoc cleanup CORPUS [--as-of D] [--scope AUTH] [--format text|csv|xml|html|xlsx] [-o FILE]: the
// clean-up report (SPEC §6), for a legal officer (text), for machines (csv), as a plan (xml), or as
// the annex a legal office hands on, a web page (html) or a workbook (xlsx) (SPEC §13).
#include "commands.hpp"
#include "csv.hpp"
#include "load.hpp"
#include "output.hpp"
#include "table.hpp"
#include "words.hpp"

#include "normdoc/cleanup.hpp"
#include "normdoc/plan.hpp"
#include "report/cleanup_html.hpp"
#include "report/xlsx/cleanup_xlsx.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace normdoc::cli {

const Command k_cleanup_command{
    "cleanup",
    "the clean-up (清理) report or plan as of a day",
    "Looks at every document of CORPUS in scope (issued or drafted by AUTH; all without --scope) that\n"
    "is in force or pending as of D, or expired without being formally ended, and proposes for each an\n"
    "action - repeal, declare-invalid, amend, evaluate or retain - with the findings behind it (SPEC §6).\n"
    "text: grouped by action, each document with its findings in words, then a summary by issuing\n"
    "authority (拟废止 N 份 …). csv: id,number,status,action,findings. xml: the clean-up plan that\n"
    "'normdoc apply' takes, to be edited by people first. html: the annex (规范性文件清理结果: 序号, 文件名称,\n"
    "文号, 制定机关, 清理意见, 理由) as one self-contained printable page, a table per action. xlsx (needs -o):\n"
    "the same annex as a workbook, a sheet for all and one per action.",
    {"CORPUS"},
    {opt::as_of, opt::scope, opt::format, opt::output},
    {Format::text, Format::csv, Format::xml, Format::html, Format::xlsx},
    run_cleanup,
};

namespace {

void write_csv(std::ostream& out, const CleanupResult& r) {
    const Corpus& corpus = r.corpus();
    CsvWriter csv(out);
    csv.row({"id", "number", "status", "action", "findings"});
    std::vector<std::string> codes;
    for (const CleanupItem& item : r.items()) {
        const Document doc = corpus.document(item.document);
        codes.clear();
        for (const Finding& f : r.findings(item)) codes.emplace_back(to_string(f.code));
        csv.field(doc.id())
            .field(doc.number())
            .field(to_string(item.status))
            .field(to_string(item.action))
            .field(join_sorted(codes))
            .end_row();
    }
}

// "N 份", the seed report's count of documents.
std::string copies(std::uint32_t n) { return std::to_string(n) + " 份"; }

void write_text(std::ostream& out, const CleanupResult& r) {
    const Corpus& corpus = r.corpus();
    out << "规范性文件清理 clean-up as of " << format_date(r.as_of());
    if (!r.scope().is_all()) {
        const Authority a = corpus.authority(r.scope().authority());
        out << ", " << a.name() << " (" << a.id() << ")";
    }
    out << ": " << r.items().size() << (r.items().size() == 1 ? " document" : " documents") << " looked at\n";

    // Strongest action first: what needs a decision comes before what stays.
    for (int a = static_cast<int>(k_action_count) - 1; a >= 0; --a) {
        const auto action = static_cast<Action>(a);
        const std::size_t n = r.count(action);
        if (n == 0) continue;
        out << '\n' << action_words(action) << " (" << to_string(action) << "): " << n << " 份\n";
        for (const CleanupItem& item : r.items()) {
            if (item.action != action) continue;
            const Document doc = corpus.document(item.document);
            out << "  ";
            if (!doc.number().empty()) out << doc.number() << ' ';
            out << "《" << doc.title() << "》 [" << doc.id() << ", " << to_string(item.status) << "]\n";
            for (const Finding& f : r.findings(item))
                out << "    - " << finding_words(f.code) << " (" << to_string(f.code) << ", " << to_string(f.action)
                    << "): " << r.detail(item, f) << '\n';
        }
    }

    // SPEC §10 / the seed's clean-up paragraph: per issuing authority, aligned by display width.
    out << "\n按制定机关汇总 summary by issuing authority:\n";
    std::vector<Column> columns{{"制定机关"}};
    for (int a = static_cast<int>(k_action_count) - 1; a >= 0; --a)
        columns.push_back({std::string(action_words(static_cast<Action>(a))), Align::right});
    columns.push_back({"合计", Align::right});
    TextTable table(std::move(columns));
    for (const ActionCounts& counts : r.summary_by_issuer()) {
        std::vector<std::string> row;
        row.emplace_back(counts.authority.valid() ? std::string(corpus.authority(counts.authority).name())
                                                  : std::string("合计 (each document once)"));
        for (int a = static_cast<int>(k_action_count) - 1; a >= 0; --a) row.push_back(copies(counts[static_cast<Action>(a)]));
        row.push_back(copies(counts.total()));
        table.add_row(row);
    }
    table.write(out);
}

}  // namespace

int run_cleanup(const Args& args) {
    if (args.format() == Format::xlsx && !args.output())
        throw UsageError("cleanup: --format xlsx writes a workbook to a file: give -o FILE");
    if (args.format() == Format::xlsx && !report::xlsx_available())
        throw UsageError("cleanup: --format xlsx: this normdoc was built without libxlsxwriter (Debian: "
                         "libxlsxwriter-dev); use --format html or csv");

    const Date as_of = args.as_of();
    const auto corpus = load_corpus_or_report(args.positional(0));
    if (!corpus) return k_exit_invalid;
    CleanupScope scope = CleanupScope::all();
    if (const auto s = args.value(opt::scope.name)) scope = CleanupScope::of(require_authority(*corpus, *s, opt::scope.name));

    const CleanupResult result = cleanup(*corpus, as_of, scope);
    if (args.format() == Format::xlsx) {
        report::write_cleanup_xlsx(*args.output(), result);
        return k_exit_ok;
    }
    write_output(args, [&](std::ostream& out) {
        switch (args.format()) {
            case Format::csv: write_csv(out, result); break;
            case Format::xml: out << write_plan(result); break;
            case Format::text: write_text(out, result); break;
            case Format::html: report::write_cleanup_html(out, result); break;
            default: throw std::logic_error("cleanup: a format it does not declare");
        }
    });
    return k_exit_ok;
}

}  // namespace normdoc::cli
