// The clean-up annex as a workbook (SPEC §13), through libxlsxwriter.
#include "report/xlsx/cleanup_xlsx.hpp"

#include "normdoc/atomic_file.hpp"
#include "normdoc/io.hpp"
#include "report/annex.hpp"
#include "scratch_file.hpp"

#ifdef NORMDOC_HAVE_XLSXWRITER
#include <xlsxwriter.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <array>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <unistd.h>
#endif

namespace normdoc::report {

#ifndef NORMDOC_HAVE_XLSXWRITER

bool xlsx_available() noexcept { return false; }

void write_cleanup_xlsx(const std::string&, const CleanupResult&, const Messages&) {
    throw XlsxUnavailable("this normdoc was built without libxlsxwriter (Debian: libxlsxwriter-dev), so it "
                          "cannot write workbooks; use --format html or csv");
}

#else

bool xlsx_available() noexcept { return true; }

namespace {

struct Formats {
    lxw_format* header = nullptr;
    lxw_format* cell = nullptr;     // wrapped, top-aligned
    lxw_format* number = nullptr;   // 序号
};

// Column widths in characters (a Chinese character counts about two).
constexpr double k_widths[] = {6, 46, 22, 26, 10, 60};

// Excel holds at most 32,767 characters in a cell (libxlsxwriter refuses more): a longer text is
// cut at a code point boundary and ends in "…".
constexpr std::size_t k_cell_characters = 32767;
const std::string& fit_cell(std::string& text) {
    std::size_t count = 0, at = 0;
    while (at < text.size()) {
        if (count == k_cell_characters - 1) {
            std::size_t rest = at, more = 0;
            while (rest < text.size() && more < 2) {
                const auto lead = static_cast<unsigned char>(text[rest]);
                rest += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
                ++more;
            }
            if (more < 2) return text;  // exactly at the limit
            text.resize(at);
            text += "…";
            return text;
        }
        const auto lead = static_cast<unsigned char>(text[at]);
        at += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
        ++count;
    }
    return text;
}

void check(lxw_error e, const std::string& path) {
    if (e != LXW_NO_ERROR) throw IoError(path, lxw_strerror(e));
}

// A sheet with the annex's header row, frozen and repeated on each printed page, and its
// columns' widths; `rows` documents will follow.
lxw_worksheet* add_sheet(lxw_workbook* book, const Formats& f, const std::string& name, const Messages& m,
                         std::size_t rows, const std::string& path) {
    lxw_worksheet* sheet = workbook_add_worksheet(book, name.c_str());
    if (!sheet) throw IoError(path, "cannot add the worksheet " + name);
    for (lxw_col_t c = 0; c < k_annex_columns.size(); ++c)
        check(worksheet_set_column(sheet, c, c, k_widths[c], c == 0 ? f.number : f.cell), path);
    worksheet_freeze_panes(sheet, 1, 0);
    worksheet_repeat_rows(sheet, 0, 0);
    worksheet_set_landscape(sheet);
    worksheet_set_paper(sheet, 9);  // A4
    worksheet_fit_to_pages(sheet, 1, 0);
    for (lxw_col_t c = 0; c < k_annex_columns.size(); ++c)
        check(worksheet_write_string(sheet, 0, c, std::string(m.text(k_annex_columns[c])).c_str(), f.header), path);
    if (rows > 0) worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(rows), k_annex_columns.size() - 1);
    return sheet;
}

// The cells of one document, worded once and written to each of its sheets.
struct RowText {
    std::string title, number, issuers, action, reasons;
};

void write_row(lxw_worksheet* sheet, lxw_row_t row, const RowText& t, const Formats& f, const std::string& path) {
    check(worksheet_write_number(sheet, row, 0, static_cast<double>(row), f.number), path);
    check(worksheet_write_string(sheet, row, 1, t.title.c_str(), f.cell), path);
    if (!t.number.empty()) check(worksheet_write_string(sheet, row, 2, t.number.c_str(), f.cell), path);
    check(worksheet_write_string(sheet, row, 3, t.issuers.c_str(), f.cell), path);
    check(worksheet_write_string(sheet, row, 4, t.action.c_str(), f.cell), path);
    if (!t.reasons.empty()) check(worksheet_write_string(sheet, row, 5, t.reasons.c_str(), f.cell), path);
}

// SPEC §13: a sheet for all, then one per action. libxlsxwriter's constant_memory mode wants the
// rows of each sheet in order, not the sheets one after another, so one pass over the documents
// words each row once and writes it to 全部 and to its action's sheet.
void write_sheets(lxw_workbook* book, const Formats& f, const CleanupResult& r, const Messages& m, const Annex& annex,
                  const std::string& path) {
    lxw_worksheet* all = add_sheet(book, f, std::string(m.text(Msg::annex_sheet_all)), m, annex.all.size(), path);
    std::array<lxw_worksheet*, k_action_count> of_action{};
    std::array<lxw_row_t, k_action_count> rows{};
    for (const AnnexTable& t : annex.tables)
        of_action[static_cast<std::size_t>(t.action)] = add_sheet(book, f, std::string(m.action(t.action)), m, t.items.size(), path);

    const Corpus& corpus = r.corpus();
    RowText t;
    lxw_row_t row = 0;
    for (const CleanupItem* item : annex.all) {
        const Document doc = corpus.document(item->document);
        t.title.assign(doc.title());
        fit_cell(t.title);
        t.number.assign(doc.number());
        fit_cell(t.number);
        t.issuers = annex_issuers(corpus, doc);
        fit_cell(t.issuers);
        t.action.assign(m.action(item->action));
        t.reasons = m.reasons(r, *item);
        fit_cell(t.reasons);
        write_row(all, ++row, t, f, path);
        const auto a = static_cast<std::size_t>(item->action);
        write_row(of_action[a], ++rows[a], t, f, path);
    }
}

// Copies the finished workbook into the atomic writer's sink.
void copy_into(const std::string& from, OutputSink& sink) {
    const int fd = ::open(from.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw IoError(from, std::strerror(errno));
    std::vector<char> buffer(1 << 16);
    for (;;) {
        const ssize_t n = ::read(fd, buffer.data(), buffer.size());
        if (n < 0) {
            if (errno == EINTR) continue;
            const int e = errno;
            ::close(fd);
            throw IoError(from, std::strerror(e));
        }
        if (n == 0) break;
        sink.write(buffer.data(), static_cast<std::size_t>(n));
    }
    ::close(fd);
}

}  // namespace

void write_cleanup_xlsx(const std::string& path, const CleanupResult& result, const Messages& messages) {
    const Annex annex = make_annex(result);
    detail::ScratchFile temporary("xlsx");
    {
        const char* dir = std::getenv("TMPDIR");
        std::string tmpdir = dir && *dir ? dir : "/tmp";
        lxw_workbook_options options{};
        options.constant_memory = LXW_TRUE;  // rows go to disk as written: a million rows in little memory
        options.tmpdir = tmpdir.data();
        options.use_zip64 = LXW_TRUE;
        lxw_workbook* book = workbook_new_opt(temporary.path().c_str(), &options);
        if (!book) throw IoError(path, "cannot start the workbook");
        Formats f;
        f.header = workbook_add_format(book);
        format_set_bold(f.header);
        format_set_bg_color(f.header, 0xE7E6E6);
        format_set_border(f.header, LXW_BORDER_THIN);
        format_set_align(f.header, LXW_ALIGN_CENTER);
        format_set_align(f.header, LXW_ALIGN_VERTICAL_CENTER);
        format_set_font_name(f.header, "等线");
        f.cell = workbook_add_format(book);
        format_set_text_wrap(f.cell);
        format_set_align(f.cell, LXW_ALIGN_VERTICAL_TOP);
        format_set_border(f.cell, LXW_BORDER_THIN);
        format_set_font_name(f.cell, "等线");
        f.number = workbook_add_format(book);
        format_set_align(f.number, LXW_ALIGN_VERTICAL_TOP);
        format_set_border(f.number, LXW_BORDER_THIN);
        format_set_font_name(f.number, "等线");
        try {
            write_sheets(book, f, result, messages, annex, path);
        } catch (...) {
            workbook_close(book);
            throw;
        }
        check(workbook_close(book), path);
    }
    write_file_atomically(path, [&](OutputSink& sink) { copy_into(temporary.path(), sink); });
}

#endif

}  // namespace normdoc::report
