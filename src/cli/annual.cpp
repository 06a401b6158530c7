// normdoc annual CORPUS --year Y [--scope AUTH] [--format text|csv|html] [-o FILE]: the year's
// figures for a 依法行政 report (SPEC §13), worded as the seed words them (本年度制定规范性文件 N 件，
// 均经合法性审核 …), with the year's lists of documents made, changed and ended.
#include "commands.hpp"
#include "columns.hpp"
#include "csv.hpp"
#include "lang.hpp"
#include "load.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "table.hpp"

#include "normdoc/annual.hpp"
#include "normdoc/document_order.hpp"

#include "report/annual_text.hpp"
#include "report/html.hpp"
#include "report/messages.hpp"

#include <ostream>
#include <string>
#include <vector>

namespace normdoc::cli {

namespace {
constexpr Option k_year{"--year", ValueKind::count, "Y", "the year, e.g. 2018", {}, true};
}  // namespace

const Command k_annual_command{
    "annual",
    "the year's figures for a 依法行政 report",
    "Counts, over the documents of CORPUS in scope (issued or drafted by AUTH; all without --scope),\n"
    "those issued in year Y and how they were made (legality review, collective decision, consultation,\n"
    "filing on time), those repealed, declared invalid, expired or amended in Y, and those in force or\n"
    "pending at its end (SPEC §13). csv: figure,count, one row per figure. text and html (in Chinese\n"
    "unless --lang en): the figures in the words of the annual report (本年度制定规范性文件 N 件 …) and\n"
    "the lists of the documents issued, amended, repealed, declared invalid and expired in Y.",
    {"CORPUS"},
    {k_year, opt::scope, opt::format, opt::lang, opt::bom, opt::output},
    {Format::text, Format::csv, Format::html},
    run_annual,
};

namespace {

using report::Msg;

void write_csv(std::ostream& out, const AnnualReport& r) {
    CsvWriter csv(out);
    csv.row({"figure", "count"});
    for (std::size_t f = 0; f < k_annual_figure_count; ++f)
        csv.row({to_string(static_cast<AnnualFigure>(f)), std::to_string(r[static_cast<AnnualFigure>(f)])});
}

void write_text(std::ostream& out, const Corpus& corpus, const AnnualReport& r, const std::string& scope_name,
                const report::Messages& m) {
    out << report::annual_title(r, scope_name, m) << "\n\n";
    for (const std::string& sentence : report::annual_sentences(r, corpus.profile(), m)) out << sentence << '\n';
    out << '\n';
    TextTable figures({{std::string(m.text(Msg::col_figure))}, {std::string(m.text(Msg::col_count)), Align::right}, {"CSV"}});
    for (std::size_t f = 0; f < k_annual_figure_count; ++f) {
        const auto figure = static_cast<AnnualFigure>(f);
        figures.add_row({std::string(report::annual_figure_words(figure, m)), std::to_string(r[figure]), std::string(to_string(figure))});
    }
    figures.write(out);
    for (const AnnualFigure f : report::k_annual_listed) {
        const auto& docs = r.list(f);
        out << '\n' << report::annual_list_title(f, m) << m.text(Msg::colon) << m.fill(Msg::count_documents, {std::to_string(docs.size())}) << '\n';
        if (docs.empty()) continue;
        TextTable table({{std::string(m.text(Msg::col_seq)), Align::right},
                         {std::string(m.text(Msg::col_number))},
                         {std::string(m.text(Msg::col_title)), Align::left, 40},
                         {std::string(m.text(Msg::col_issuer)), Align::left, 16},
                         {std::string(m.text(Msg::col_id))}});
        std::size_t seq = 0;
        for (DocumentId d : in_document_order(corpus, docs)) {
            const Document doc = corpus.document(d);
            table.add_row({std::to_string(++seq), doc.number().empty() ? std::string(m.text(Msg::none)) : std::string(doc.number()),
                           std::string(doc.title()), std::string(corpus.authority(doc.issuers().front()).name()), std::string(doc.id())});
        }
        table.write(out);
    }
}

void write_html(std::ostream& out, const Corpus& corpus, const AnnualReport& r, const std::string& scope_name,
                const report::Messages& m) {
    using report::append_html;
    const std::string title = report::annual_title(r, scope_name, m);
    report::HtmlPage page(out, title, m.lang() == report::Lang::zh ? "zh-CN" : "en");
    std::string& h = page.text();
    h += "<h1>";
    append_html(h, title);
    h += "</h1>\n";
    for (const std::string& sentence : report::annual_sentences(r, corpus.profile(), m)) {
        h += "<p>";
        append_html(h, sentence);
        h += "</p>\n";
    }
    h += "<section class=\"table\"><table class=\"figures\"><thead><tr><th>";
    append_html(h, m.text(Msg::col_figure));
    h += "</th><th>";
    append_html(h, m.text(Msg::col_count));
    h += "</th></tr></thead><tbody>\n";
    for (std::size_t f = 0; f < k_annual_figure_count; ++f) {
        const auto figure = static_cast<AnnualFigure>(f);
        h += "<tr data-figure=\"";
        h += to_string(figure);
        h += "\"><td>";
        append_html(h, report::annual_figure_words(figure, m));
        h += "</td><td class=\"count\">" + std::to_string(r[figure]) + "</td></tr>\n";
    }
    h += "</tbody></table></section>\n";
    for (const AnnualFigure f : report::k_annual_listed) {
        const auto& docs = r.list(f);
        h += "<section class=\"table\" data-list=\"";
        h += to_string(f);
        h += "\"><h2>";
        append_html(h, report::annual_list_title(f, m));
        h += m.text(Msg::colon);
        append_html(h, m.fill(Msg::count_documents, {std::to_string(docs.size())}));
        h += "</h2>\n";
        if (docs.empty()) {
            h += "<p>";
            append_html(h, m.text(Msg::annual_list_empty));
            h += "</p></section>\n";
            continue;
        }
        h += "<table><thead><tr>";
        for (const Msg c : {Msg::col_seq, Msg::col_title, Msg::col_number, Msg::col_issuer}) {
            h += "<th>";
            append_html(h, m.text(c));
            h += "</th>";
        }
        h += "</tr></thead><tbody>\n";
        std::size_t seq = 0;
        for (DocumentId d : in_document_order(corpus, docs)) {
            const Document doc = corpus.document(d);
            h += "<tr data-id=\"";
            append_html(h, doc.id());
            h += "\"><td>" + std::to_string(++seq) + "</td><td>";
            append_html(h, doc.title());
            h += "</td><td>";
            append_html(h, doc.number());
            h += "</td><td>";
            append_html(h, corpus.authority(doc.issuers().front()).name());
            h += "</td></tr>\n";
            page.flush_if_large();
        }
        h += "</tbody></table></section>\n";
    }
    page.finish();
}

}  // namespace

int run_annual(const Args& args) {
    const std::uint64_t year = *args.count(k_year.name);
    if (year < static_cast<std::uint64_t>(k_min_year) || year > static_cast<std::uint64_t>(k_max_year))
        throw UsageError("--year: " + std::to_string(year) + " is outside the calendar of SPEC §4 (" + std::to_string(k_min_year) +
                         "–" + std::to_string(k_max_year) + ")");
    const report::Messages messages(lang_of(args));
    Progress progress(args, messages);
    progress.reading(args.positional(0));
    const auto corpus = load_corpus_or_report(args.positional(0));
    if (!corpus) return k_exit_invalid;
    const CleanupScope scope = scope_of(args, *corpus);
    const std::string scope_name(scope.is_all() ? std::string_view() : corpus->authority(scope.authority()).name());

    progress.working();
    const AnnualReport report = annual(*corpus, static_cast<int>(year), scope);
    progress.writing();
    write_output(args, [&](std::ostream& out) {
        switch (args.format()) {
            case Format::csv:
                write_bom_if_asked(args, out);
                write_csv(out, report);
                break;
            case Format::html: write_html(out, *corpus, report, scope_name, messages); break;
            default: write_text(out, *corpus, report, scope_name, messages); break;
        }
    });
    return k_exit_ok;
}

}  // namespace normdoc::cli
