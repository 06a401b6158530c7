// CSV as SPEC §10 wants it: RFC 4180 with minimal quoting (a field is quoted only when it holds
// a comma, a quote, CR or LF; quotes inside are doubled), UTF-8 passed through, `\n` line ends.
#pragma once

#include <initializer_list>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc::cli {

// The field as it appears in a CSV line.
std::string csv_field(std::string_view field);

// Rows of fields: `csv.field(a).field(b).end_row();` or `csv.row({a, b});`. A row is written
// at end_row.
class CsvWriter {
public:
    explicit CsvWriter(std::ostream& out) : out_(out) {}
    CsvWriter& field(std::string_view value);
    void end_row();
    void row(std::initializer_list<std::string_view> fields);

private:
    std::ostream& out_;
    std::string row_;
    bool first_ = true;
};

// SPEC §10: lists in a field are joined with `;` in sorted (byte) order; duplicates are kept
// (callers that need "each at most once" pass distinct items).
std::string join_sorted(std::vector<std::string> items, std::string_view separator = ";");

}  // namespace normdoc::cli
