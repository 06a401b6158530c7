// The clean-up annex as a workbook (SPEC §13), through libxlsxwriter.
#include "report/xlsx/cleanup_xlsx.hpp"

#include "normdoc/atomic_file.hpp"
#include "normdoc/io.hpp"
#include "report/annex.hpp"

#ifdef NORMDOC_HAVE_XLSXWRITER
#include <xlsxwriter.h>

#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <vector>

#include <fcntl.h>
#include <unistd.h>
#endif

namespace normdoc::report {

#ifndef NORMDOC_HAVE_XLSXWRITER

bool xlsx_available() noexcept { return false; }

void write_cleanup_xlsx(const std::string&, const CleanupResult&) {
    throw XlsxUnavailable("this normdoc was built without libxlsxwriter (Debian: libxlsxwriter-dev), so it "
                          "cannot write workbooks; use --format html or csv");
}

#else

bool xlsx_available() noexcept { return true; }

namespace {

// A file in the temporary directory that is removed when this goes out of scope.
class TemporaryFile {
public:
    TemporaryFile() {
        const char* dir = std::getenv("TMPDIR");
        path_ = std::string(dir && *dir ? dir : "/tmp") + "/normdoc-xlsx-XXXXXX";
        const int fd = ::mkstemp(path_.data());
        if (fd < 0) throw IoError(path_, std::strerror(errno));
        ::close(fd);
    }
    ~TemporaryFile() { ::unlink(path_.c_str()); }
    TemporaryFile(const TemporaryFile&) = delete;
    TemporaryFile& operator=(const TemporaryFile&) = delete;
    const std::string& path() const noexcept { return path_; }

private:
    std::string path_;
};

struct Formats {
    lxw_format* header = nullptr;
    lxw_format* cell = nullptr;     // wrapped, top-aligned
    lxw_format* number = nullptr;   // 序号
};

// Column widths in characters (a Chinese character counts about two).
constexpr double k_widths[] = {6, 46, 22, 26, 10, 60};

void check(lxw_error e, const std::string& path) {
    if (e != LXW_NO_ERROR) throw IoError(path, lxw_strerror(e));
}

void write_sheet(lxw_workbook* book, const Formats& f, const char* name, const CleanupResult& r,
                 const std::vector<const CleanupItem*>& items, const std::string& path) {
    lxw_worksheet* sheet = workbook_add_worksheet(book, name);
    if (!sheet) throw IoError(path, "cannot add the worksheet");
    for (lxw_col_t c = 0; c < k_annex_columns.size(); ++c)
        check(worksheet_set_column(sheet, c, c, k_widths[c], c == 0 ? f.number : f.cell), path);
    worksheet_freeze_panes(sheet, 1, 0);
    worksheet_repeat_rows(sheet, 0, 0);
    worksheet_set_landscape(sheet);
    worksheet_set_paper(sheet, 9);  // A4
    worksheet_fit_to_pages(sheet, 1, 0);
    for (lxw_col_t c = 0; c < k_annex_columns.size(); ++c)
        check(worksheet_write_string(sheet, 0, c, std::string(k_annex_columns[c]).c_str(), f.header), path);
    if (!items.empty()) worksheet_autofilter(sheet, 0, 0, static_cast<lxw_row_t>(items.size()), k_annex_columns.size() - 1);

    const Corpus& corpus = r.corpus();
    std::string text;
    lxw_row_t row = 0;
    for (const CleanupItem* item : items) {
        ++row;
        const Document doc = corpus.document(item->document);
        check(worksheet_write_number(sheet, row, 0, static_cast<double>(row), f.number), path);
        text.assign(doc.title());
        check(worksheet_write_string(sheet, row, 1, text.c_str(), f.cell), path);
        if (!doc.number().empty()) {
            text.assign(doc.number());
            check(worksheet_write_string(sheet, row, 2, text.c_str(), f.cell), path);
        }
        text = annex_issuers(corpus, doc);
        check(worksheet_write_string(sheet, row, 3, text.c_str(), f.cell), path);
        text.assign(annex_opinion(item->action));
        check(worksheet_write_string(sheet, row, 4, text.c_str(), f.cell), path);
        text = annex_reason(r, *item);
        if (!text.empty()) check(worksheet_write_string(sheet, row, 5, text.c_str(), f.cell), path);
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

void write_cleanup_xlsx(const std::string& path, const CleanupResult& result) {
    const Annex annex = make_annex(result);
    TemporaryFile temporary;
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
            write_sheet(book, f, "全部", result, annex.all, path);
            for (const AnnexTable& t : annex.tables)
                write_sheet(book, f, std::string(annex_table_title(t.action)).c_str(), result, t.items, path);
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
