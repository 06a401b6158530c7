#include "columns.hpp"

#include "csv.hpp"

#include "normdoc/status.hpp"

#include "report/messages.hpp"

#include <algorithm>
#include <ostream>

namespace normdoc::cli {
namespace {

constexpr std::string_view k_names[] = {"id",        "number",   "title",  "kind",   "issuers",
                                        "drafter",   "published", "effective", "last_day", "status",
                                        "since",     "amended",  "action", "findings", "details"};
constexpr std::size_t k_status_column_count = 12;  // id … amended; action, findings, details are cleanup's

std::string accepted(bool for_cleanup) {
    std::string out;
    const std::size_t n = for_cleanup ? std::size(k_names) : k_status_column_count;
    for (std::size_t k = 0; k < n; ++k) out += (k ? "," : "") + std::string(k_names[k]);
    return out;
}

void date_or_empty(const std::optional<Date>& d, std::string& out) {
    if (d) out = format_date(*d);
}

}  // namespace

std::string_view to_string(CsvColumn c) noexcept { return k_names[static_cast<std::size_t>(c)]; }

std::vector<CsvColumn> default_status_columns() {
    return {CsvColumn::id, CsvColumn::status, CsvColumn::last_day, CsvColumn::amended};
}
std::vector<CsvColumn> default_cleanup_columns() {
    return {CsvColumn::id, CsvColumn::number, CsvColumn::status, CsvColumn::action, CsvColumn::findings};
}

std::vector<CsvColumn> parse_columns(std::string_view list, bool for_cleanup) {
    std::vector<CsvColumn> out;
    const std::size_t n = for_cleanup ? std::size(k_names) : k_status_column_count;
    std::size_t start = 0;
    while (true) {
        const std::size_t comma = list.find(',', start);
        const std::string_view name = list.substr(start, comma == std::string_view::npos ? std::string_view::npos : comma - start);
        std::size_t k = 0;
        while (k < n && k_names[k] != name) ++k;
        if (k == n)
            throw UsageError("--columns: " + (name.empty() ? std::string("an empty column name") : "no column '" + std::string(name) + "'") +
                             " (accepted: " + accepted(for_cleanup) + ")");
        const auto c = static_cast<CsvColumn>(k);
        if (std::find(out.begin(), out.end(), c) != out.end())
            throw UsageError("--columns: column '" + std::string(name) + "' given twice");
        out.push_back(c);
        if (comma == std::string_view::npos) break;
        start = comma + 1;
    }
    return out;
}

std::vector<CsvColumn> columns_of(const Args& args, bool for_cleanup) {
    if (const auto list = args.value(opt::columns.name)) return parse_columns(*list, for_cleanup);
    return for_cleanup ? default_cleanup_columns() : default_status_columns();
}

void column_value(CsvColumn c, const CsvRow& row, std::string& out) {
    out.clear();
    const Document doc = row.corpus.document(row.document);
    switch (c) {
    case CsvColumn::id: out = doc.id(); return;
    case CsvColumn::number: out = doc.number(); return;
    case CsvColumn::title: out = doc.title(); return;
    case CsvColumn::kind: out = to_string(doc.kind()); return;
    case CsvColumn::issuers: {
        std::vector<std::string> ids;
        for (AuthorityId a : doc.issuers()) ids.emplace_back(row.corpus.authority(a).id());
        out = join_sorted(std::move(ids));
        return;
    }
    case CsvColumn::drafter: out = row.corpus.authority(doc.drafter()).id(); return;
    case CsvColumn::published: date_or_empty(doc.published(), out); return;
    case CsvColumn::effective: date_or_empty(doc.effective(), out); return;
    case CsvColumn::last_day: date_or_empty(row.status.last_day, out); return;
    case CsvColumn::status: out = to_string(row.status.status); return;
    case CsvColumn::since: date_or_empty(status_since(doc, row.status), out); return;
    case CsvColumn::amended: out = row.status.amended ? "yes" : "no"; return;
    case CsvColumn::action:
        if (row.item) out = to_string(row.item->action);
        return;
    case CsvColumn::findings:
    case CsvColumn::details: {
        if (!row.item) return;
        std::vector<std::string> parts;
        for (const Finding& f : row.cleanup->findings(*row.item)) {
            if (c == CsvColumn::findings) {
                parts.emplace_back(to_string(f.code));
                continue;
            }
            // SPEC §10: each finding as `CODE: detail`, joined with `;`: a `;` inside a detail
            // would split it, so the detail's own separators become commas.
            std::string detail = row.messages ? row.messages->finding_detail(*row.cleanup, *row.item, f)
                                              : row.cleanup->detail(*row.item, f);
            std::replace(detail.begin(), detail.end(), ';', ',');
            parts.push_back(std::string(to_string(f.code)) + ": " + detail);
        }
        out = join_sorted(std::move(parts));
        return;
    }
    }
}

void write_bom_if_asked(const Args& args, std::ostream& out) {
    if (args.has(opt::bom.name)) out << "\xEF\xBB\xBF";
}

}  // namespace normdoc::cli
