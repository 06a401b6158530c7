// SPEC §10's CSV columns: the default sets (which do not change, for scripts) and --columns LIST,
// for status and cleanup, with one function giving a column's value for a row.
#pragma once

#include "options.hpp"

#include "normdoc/cleanup.hpp"
#include "normdoc/corpus.hpp"
#include "normdoc/document_status.hpp"

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc::report {
class Messages;
}

namespace normdoc::cli {

enum class CsvColumn : std::uint8_t {
    id, number, title, kind, issuers, drafter, published, effective, last_day, status, since, amended,
    action, findings, details,  // cleanup only
};

std::string_view to_string(CsvColumn c) noexcept;

// SPEC §10: the columns of `status` and of `cleanup` when --columns is not given.
std::vector<CsvColumn> default_status_columns();
std::vector<CsvColumn> default_cleanup_columns();

// --columns LIST for `status` (for_cleanup false) or `cleanup`: names from SPEC §10 in the order
// given. Throws UsageError naming an unknown, repeated or empty name and listing the accepted ones.
std::vector<CsvColumn> parse_columns(std::string_view list, bool for_cleanup);

// The columns a command writes: --columns when given, else its default.
std::vector<CsvColumn> columns_of(const Args& args, bool for_cleanup);

// What one row is about. `cleanup` and `item` are set for a clean-up row only; `messages` words
// the details column.
struct CsvRow {
    const Corpus& corpus;
    DocumentId document;
    const DocumentStatus& status;
    const CleanupResult* cleanup = nullptr;
    const CleanupItem* item = nullptr;
    const report::Messages* messages = nullptr;
};

// The value of column `c` for `row`, appended to `out` (cleared first).
void column_value(CsvColumn c, const CsvRow& row, std::string& out);

// SPEC §10 --bom: the UTF-8 byte-order mark first, when asked for.
void write_bom_if_asked(const Args& args, std::ostream& out);

}  // namespace normdoc::cli
