// normdoc deadlines CORPUS [--as-of D] [--within DAYS] [--scope AUTH] [--format text|csv|ics] [-o FILE]:
// what falls due (SPEC §13): terms ending, review windows opening, filings due.
#include "commands.hpp"
#include "csv.hpp"
#include "columns.hpp"
#include "lang.hpp"
#include "load.hpp"
#include "output.hpp"
#include "progress.hpp"
#include "table.hpp"

#include "normdoc/deadlines.hpp"
#include "normdoc/document_order.hpp"

#include "report/ical.hpp"
#include "report/messages.hpp"

#include <algorithm>
#include <ostream>
#include <string>
#include <vector>

namespace normdoc::cli {

namespace {
constexpr Option k_within{"--within", ValueKind::count, "DAYS", "how many days after D to look (default 180)"};
constexpr long k_default_within = 180;  // SPEC §13
}  // namespace

const Command k_deadlines_command{
    "deadlines",
    "what falls due: terms ending, review windows opening, filings due",
    "For every document of CORPUS in scope (issued or drafted by AUTH; all without --scope) in force or\n"
    "pending as of D, each of these days that falls in D … D+DAYS: term-ends (its last day in force),\n"
    "review-opens (the review window before it, the profile's expiry-review months) and, for a normative\n"
    "or party-normative document with no filing on or before D, filing-due (its filing deadline)\n"
    "(SPEC §13). text (in Chinese unless --lang en): by date. csv: date,event,id,number,title sorted by\n"
    "date, then event, then id. ics: an iCalendar file (RFC 5545), one all-day event each, to subscribe to.",
    {"CORPUS"},
    {opt::as_of, k_within, opt::scope, opt::format, opt::lang, opt::bom, opt::output},
    {Format::text, Format::csv, Format::ics},
    run_deadlines,
};

namespace {

using report::Msg;

void write_csv(std::ostream& out, const Corpus& corpus, const std::vector<Deadline>& all) {
    CsvWriter csv(out);
    csv.row({"date", "event", "id", "number", "title"});
    for (const Deadline& d : all) {
        const Document doc = corpus.document(d.document);
        csv.field(format_date(d.date)).field(to_string(d.event)).field(doc.id()).field(doc.number()).field(doc.title()).end_row();
    }
}

// For people: by date, and on one day by event, then in the order of 文号 (SPEC §13).
void write_text(std::ostream& out, const Corpus& corpus, std::vector<Deadline> all, Date as_of, Date last,
                const report::Messages& m) {
    out << m.fill(Msg::deadlines_title, {format_date(as_of), format_date(last), std::to_string(all.size())}) << '\n';
    if (all.empty()) return;
    std::vector<DocumentId> docs;
    for (const Deadline& d : all) docs.push_back(d.document);
    std::sort(docs.begin(), docs.end(), [](DocumentId a, DocumentId b) { return a.index() < b.index(); });
    docs.erase(std::unique(docs.begin(), docs.end()), docs.end());
    std::vector<std::uint32_t> rank(corpus.document_count());
    std::uint32_t k = 0;
    for (DocumentId d : in_document_order(corpus, std::move(docs))) rank[d.index()] = k++;
    std::stable_sort(all.begin(), all.end(), [&](const Deadline& a, const Deadline& b) {
        if (a.date != b.date) return a.date < b.date;
        if (a.event != b.event) return a.event < b.event;
        return rank[a.document.index()] < rank[b.document.index()];
    });
    out << '\n';
    TextTable table({{std::string(m.text(Msg::col_date))},
                     {std::string(m.text(Msg::col_event))},
                     {std::string(m.text(Msg::col_number))},
                     {std::string(m.text(Msg::col_title)), Align::left, 40},
                     {std::string(m.text(Msg::col_id))}});
    for (const Deadline& d : all) {
        const Document doc = corpus.document(d.document);
        table.add_row({format_date(d.date), std::string(m.event(d.event)),
                       doc.number().empty() ? std::string(m.text(Msg::none)) : std::string(doc.number()), std::string(doc.title()),
                       std::string(doc.id())});
    }
    table.write(out);
}

}  // namespace

int run_deadlines(const Args& args) {
    const Date as_of = args.as_of();
    const report::Messages messages(lang_of(args));
    const long within = static_cast<long>(std::min<std::uint64_t>(args.count(k_within.name).value_or(k_default_within), 1000000));
    Progress progress(args, messages);
    progress.reading(args.positional(0));
    const auto corpus = load_corpus_or_report(args.positional(0));
    if (!corpus) return k_exit_invalid;
    const CleanupScope scope = scope_of(args, *corpus);

    progress.working();
    const std::vector<Deadline> all = deadlines(*corpus, as_of, Days(within), scope);
    progress.writing();
    write_output(args, [&](std::ostream& out) {
        switch (args.format()) {
            case Format::csv:
                write_bom_if_asked(args, out);
                write_csv(out, *corpus, all);
                break;
            case Format::ics: report::write_deadlines_ics(out, *corpus, all, as_of, messages); break;
            default: write_text(out, *corpus, all, as_of, deadlines_last_day(as_of, Days(within)), messages);
        }
    });
    return k_exit_ok;
}

}  // namespace normdoc::cli
