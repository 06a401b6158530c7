// Aligned text tables for people, with Chinese in the cells: widths are terminal columns, not
// bytes (an East Asian Wide or Fullwidth character takes two columns, a combining mark none).
#pragma once

#include <cstddef>
#include <cstdint>
#include <ostream>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc::cli {

// The columns one code point takes: 0 for combining marks, zero-width and control characters,
// 2 for East Asian Wide and Fullwidth characters (CJK ideographs, CJK and fullwidth punctuation
// 〔〕（）, Hangul, kana, …) and for the ambiguous-width punctuation Chinese text uses as its
// own (“”‘’…—), 1 otherwise.
int code_point_width(char32_t c) noexcept;

// Decodes one UTF-8 code point at `text[at]`, advancing `at`; a malformed sequence yields
// U+FFFD and advances one byte.
char32_t decode_utf8(std::string_view text, std::size_t& at) noexcept;

// The columns `text` (UTF-8) takes on a terminal.
std::size_t display_width(std::string_view text) noexcept;

// `text` cut to at most `max_width` columns, ending in "…" when something was cut; combining
// marks stay with their base character.
std::string truncate_to_width(std::string_view text, std::size_t max_width);

enum class Align : std::uint8_t { left, right };

struct Column {
    std::string header;
    Align align = Align::left;
    std::size_t max_width = 0;  // 0: no limit; longer cells are truncated with "…"
};

// Columns separated by two spaces, the last one not padded (no trailing blanks); control
// characters in a cell (a line break in a title) are shown as spaces.
// Two ways to use it: add_row() every row and write() (simple), or, for very many rows,
// measure() every row, then write_header() and write_row() every row again (nothing stored).
class TextTable {
public:
    explicit TextTable(std::vector<Column> columns);

    void add_row(const std::vector<std::string>& cells);
    void write(std::ostream& out) const;

    void measure(const std::vector<std::string_view>& cells);
    void write_header(std::ostream& out) const;
    void write_row(std::ostream& out, const std::vector<std::string_view>& cells) const;

private:
    std::size_t cell_width(std::size_t column, std::string_view cell) const;

    std::vector<Column> columns_;
    std::vector<std::size_t> widths_;
    // Stored rows: all cells in one string, each cell's end offset in `ends_`.
    std::string cells_;
    std::vector<std::size_t> ends_;
};

}  // namespace normdoc::cli
