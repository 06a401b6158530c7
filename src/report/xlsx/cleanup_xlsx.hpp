// `normdoc cleanup --format xlsx -o FILE` (SPEC §13): the clean-up annex as a workbook, written by
// libxlsxwriter (Debian's libxlsxwriter-dev; the zip and XML are its business, not ours). A sheet
// 全部 with every document looked at, then a sheet per action (拟废止 … 继续有效), each with the
// annex's columns (序号, 文件名称, 文号, 制定机关, 清理意见, 理由): a header row, frozen, repeated on
// every printed page, fixed column widths, wrapped text, in the order of 文号 as the HTML page.
//
// Its own small library (normdoc_xlsx, linked by the CLI), so that the normdoc library users embed
// does not depend on libxlsxwriter.
#pragma once

#include "normdoc/cleanup.hpp"
#include "report/messages.hpp"

#include <stdexcept>
#include <string>

namespace normdoc::report {

// Thrown by write_cleanup_xlsx when normdoc was built without libxlsxwriter.
class XlsxUnavailable : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// Whether this build writes workbooks (it found libxlsxwriter).
bool xlsx_available() noexcept;

// Writes the workbook to `path` atomically: libxlsxwriter writes a temporary file, which is then
// put in place by the one atomic writer (a failure leaves any existing `path` as it was). Throws
// IoError naming the path and the reason, XlsxUnavailable without libxlsxwriter.
void write_cleanup_xlsx(const std::string& path, const CleanupResult& result, const Messages& messages);

}  // namespace normdoc::report
