// The CSV of SPEC §10, in one place: what `normdoc status|cleanup|impact --format csv` prints and
// what the C ABI's nd_*_csv calls give (so a binding prints the CLI's bytes). RFC 4180 with
// minimal quoting (a field is quoted only when it holds a comma, a quote, CR or LF; quotes inside
// are doubled), UTF-8 passed through, `\n` line ends, header first, rows in the order SPEC §10
// gives (by id in byte order; impact by depth, then id), lists joined with `;` in sorted order.
#pragma once

#include "normdoc/cleanup.hpp"
#include "normdoc/corpus.hpp"
#include "normdoc/date.hpp"
#include "normdoc/document_status.hpp"
#include "normdoc/impact.hpp"
#include "normdoc/io.hpp"

#include <initializer_list>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc {

// Appends the field as it appears in a CSV line.
void append_csv_field(std::string& out, std::string_view field);

// Rows of fields: `csv.field(a).field(b).end_row();` or `csv.row({a, b});`. A row goes to the
// sink at end_row, in one write.
class CsvWriter {
public:
    explicit CsvWriter(OutputSink& out) : out_(out) {}
    CsvWriter& field(std::string_view value);
    void end_row();
    void row(std::initializer_list<std::string_view> fields);

private:
    OutputSink& out_;
    std::string row_;
    bool first_ = true;
};

// SPEC §10: lists in a field are joined with `;` in sorted (byte) order; duplicates are kept
// (callers that need "each at most once" pass distinct items).
std::string join_sorted(std::vector<std::string> items, std::string_view separator = ";");

// `status`: id,status,last_day,amended. `by_id[i]` is the status of corpus.documents_by_id()[i].
void write_status_csv(const Corpus& corpus, const std::vector<DocumentStatus>& by_id, OutputSink& out);
// The same, the statuses computed as of `as_of`.
void write_status_csv(const Corpus& corpus, Date as_of, OutputSink& out);
// `cleanup`: id,number,status,action,findings (the finding codes, each once, sorted).
void write_cleanup_csv(const CleanupResult& result, OutputSink& out);
// `impact`: id,depth,status, `entries` as impact() gives them.
void write_impact_csv(const Corpus& corpus, const std::vector<ImpactEntry>& entries, OutputSink& out);

}  // namespace normdoc
