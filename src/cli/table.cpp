#include "table.hpp"

#include <algorithm>
#include <iterator>

namespace normdoc::cli {

namespace {

struct Range {
    char32_t first;
    char32_t last;
};

// Nonspacing and enclosing marks, format characters and other zero-width code points
// (Unicode general categories Mn, Me, Cf; the blocks text in this domain can meet).
constexpr Range k_zero_width[] = {
    {0x0300, 0x036F}, {0x0483, 0x0489}, {0x0591, 0x05BD}, {0x05BF, 0x05BF}, {0x05C1, 0x05C2},
    {0x05C4, 0x05C5}, {0x05C7, 0x05C7}, {0x0610, 0x061A}, {0x061C, 0x061C}, {0x064B, 0x065F},
    {0x0670, 0x0670}, {0x06D6, 0x06DC}, {0x06DF, 0x06E4}, {0x06E7, 0x06E8}, {0x06EA, 0x06ED},
    {0x0E31, 0x0E31}, {0x0E34, 0x0E3A}, {0x0E47, 0x0E4E}, {0x0F18, 0x0F19}, {0x0F71, 0x0F7E},
    {0x180B, 0x180F}, {0x1AB0, 0x1AFF}, {0x1DC0, 0x1DFF}, {0x200B, 0x200F}, {0x202A, 0x202E},
    {0x2060, 0x2064}, {0x2066, 0x206F}, {0x20D0, 0x20FF}, {0x302A, 0x302D}, {0x3099, 0x309A},
    {0xFE00, 0xFE0F}, {0xFE20, 0xFE2F}, {0xFEFF, 0xFEFF}, {0x1D167, 0x1D169}, {0x1D173, 0x1D182},
    {0xE0001, 0xE0001}, {0xE0020, 0xE007F}, {0xE0100, 0xE01EF},
};

// East Asian Width W and F (Unicode 15, UAX #11), merged into ranges, plus the ambiguous (A)
// punctuation that Chinese text uses as full-width: — ‘ ’ “ ” … (SPEC titles are Chinese and
// a Chinese terminal font draws these two columns wide).
constexpr Range k_wide[] = {
    {0x1100, 0x115F}, {0x2014, 0x2014}, {0x2018, 0x2019}, {0x201C, 0x201D}, {0x2026, 0x2026},
    {0x231A, 0x231B}, {0x2329, 0x232A}, {0x23E9, 0x23EC}, {0x23F0, 0x23F0}, {0x23F3, 0x23F3},
    {0x25FD, 0x25FE}, {0x2614, 0x2615}, {0x2648, 0x2653}, {0x267F, 0x267F}, {0x2693, 0x2693},
    {0x26A1, 0x26A1}, {0x26AA, 0x26AB}, {0x26BD, 0x26BE}, {0x26C4, 0x26C5}, {0x26CE, 0x26CE},
    {0x26D4, 0x26D4}, {0x26EA, 0x26EA}, {0x26F2, 0x26F3}, {0x26F5, 0x26F5}, {0x26FA, 0x26FA},
    {0x26FD, 0x26FD}, {0x2705, 0x2705}, {0x270A, 0x270B}, {0x2728, 0x2728}, {0x274C, 0x274C},
    {0x274E, 0x274E}, {0x2753, 0x2755}, {0x2757, 0x2757}, {0x2795, 0x2797}, {0x27B0, 0x27B0},
    {0x27BF, 0x27BF}, {0x2B1B, 0x2B1C}, {0x2B50, 0x2B50}, {0x2B55, 0x2B55}, {0x2E80, 0x303E},
    {0x3041, 0x33FF}, {0x3400, 0x4DBF}, {0x4DC0, 0x4DFF}, {0x4E00, 0x9FFF}, {0xA000, 0xA4CF},
    {0xA960, 0xA97F}, {0xAC00, 0xD7A3}, {0xF900, 0xFAFF}, {0xFE10, 0xFE19}, {0xFE30, 0xFE6F},
    {0xFF00, 0xFF60}, {0xFFE0, 0xFFE6}, {0x16FE0, 0x16FE4}, {0x16FF0, 0x16FF1}, {0x17000, 0x18CFF},
    {0x18D00, 0x18D08}, {0x1AFF0, 0x1B2FF}, {0x1F004, 0x1F004}, {0x1F0CF, 0x1F0CF}, {0x1F18E, 0x1F18E},
    {0x1F191, 0x1F19A}, {0x1F200, 0x1F202}, {0x1F210, 0x1F23B}, {0x1F240, 0x1F248}, {0x1F250, 0x1F251},
    {0x1F260, 0x1F265}, {0x1F300, 0x1F320}, {0x1F32D, 0x1F335}, {0x1F337, 0x1F37C}, {0x1F37E, 0x1F393},
    {0x1F3A0, 0x1F3CA}, {0x1F3CF, 0x1F3D3}, {0x1F3E0, 0x1F3F0}, {0x1F3F4, 0x1F3F4}, {0x1F3F8, 0x1F43E},
    {0x1F440, 0x1F440}, {0x1F442, 0x1F4FC}, {0x1F4FF, 0x1F53D}, {0x1F54B, 0x1F54E}, {0x1F550, 0x1F567},
    {0x1F57A, 0x1F57A}, {0x1F595, 0x1F596}, {0x1F5A4, 0x1F5A4}, {0x1F5FB, 0x1F64F}, {0x1F680, 0x1F6C5},
    {0x1F6CC, 0x1F6CC}, {0x1F6D0, 0x1F6D2}, {0x1F6D5, 0x1F6D7}, {0x1F6DC, 0x1F6DF}, {0x1F6EB, 0x1F6EC},
    {0x1F6F4, 0x1F6FC}, {0x1F7E0, 0x1F7EB}, {0x1F7F0, 0x1F7F0}, {0x1F90C, 0x1F93A}, {0x1F93C, 0x1F945},
    {0x1F947, 0x1F9FF}, {0x1FA70, 0x1FAFF}, {0x20000, 0x2FFFD}, {0x30000, 0x3FFFD},
};

template <std::size_t N>
bool in_ranges(const Range (&ranges)[N], char32_t c) noexcept {
    const Range* it = std::upper_bound(std::begin(ranges), std::end(ranges), c,
                                       [](char32_t v, const Range& r) { return v < r.first; });
    return it != std::begin(ranges) && c <= std::prev(it)->last;
}

constexpr char32_t k_replacement = 0xFFFD;

// A cell on one line: tabs, line breaks and other C0 controls (a title may hold any) become
// spaces, so that they neither break the row nor hide from the width.
bool has_control(std::string_view cell) noexcept {
    return std::any_of(cell.begin(), cell.end(), [](char c) { return static_cast<unsigned char>(c) < 0x20 || c == 0x7F; });
}
std::string on_one_line(std::string_view cell) {
    std::string out(cell);
    for (char& c : out)
        if (static_cast<unsigned char>(c) < 0x20 || c == 0x7F) c = ' ';
    return out;
}

}  // namespace

int code_point_width(char32_t c) noexcept {
    if (c < 0x20 || (c >= 0x7F && c < 0xA0)) return 0;  // control characters
    if (c < 0x300) return 1;
    if (in_ranges(k_zero_width, c)) return 0;
    if (c >= 0x1160 && c <= 0x11FF) return 0;  // Hangul medial vowels and final consonants join
    return in_ranges(k_wide, c) ? 2 : 1;
}

char32_t decode_utf8(std::string_view text, std::size_t& at) noexcept {
    const auto byte = [&](std::size_t i) { return static_cast<unsigned char>(text[i]); };
    const unsigned char lead = byte(at);
    if (lead < 0x80) {
        ++at;
        return lead;
    }
    std::size_t length = 0;
    char32_t c = 0;
    char32_t minimum = 0;
    if ((lead & 0xE0) == 0xC0) { length = 2; c = lead & 0x1Fu; minimum = 0x80; }
    else if ((lead & 0xF0) == 0xE0) { length = 3; c = lead & 0x0Fu; minimum = 0x800; }
    else if ((lead & 0xF8) == 0xF0) { length = 4; c = lead & 0x07u; minimum = 0x10000; }
    else { ++at; return k_replacement; }
    if (at + length > text.size()) { ++at; return k_replacement; }
    for (std::size_t i = 1; i < length; ++i) {
        const unsigned char b = byte(at + i);
        if ((b & 0xC0) != 0x80) { ++at; return k_replacement; }
        c = (c << 6) | (b & 0x3Fu);
    }
    // Overlong forms, UTF-16 surrogates and code points beyond Unicode are not UTF-8.
    if (c < minimum || (c >= 0xD800 && c <= 0xDFFF) || c > 0x10FFFF) { ++at; return k_replacement; }
    at += length;
    return c;
}

std::size_t display_width(std::string_view text) noexcept {
    std::size_t width = 0;
    for (std::size_t at = 0; at < text.size();) {
        // ASCII fast path: ids, dates and statuses are plain ASCII.
        const auto b = static_cast<unsigned char>(text[at]);
        if (b >= 0x20 && b < 0x7F) {
            ++width;
            ++at;
            continue;
        }
        width += static_cast<std::size_t>(code_point_width(decode_utf8(text, at)));
    }
    return width;
}

std::string truncate_to_width(std::string_view text, std::size_t max_width) {
    if (display_width(text) <= max_width) return std::string(text);
    constexpr std::string_view ellipsis = "…";
    const std::size_t ellipsis_width = display_width(ellipsis);
    if (max_width < ellipsis_width) return std::string();
    const std::size_t room = max_width - ellipsis_width;
    std::size_t width = 0;
    std::size_t cut = 0;
    for (std::size_t at = 0; at < text.size();) {
        std::size_t next = at;
        const auto w = static_cast<std::size_t>(code_point_width(decode_utf8(text, next)));
        if (width + w > room) break;
        width += w;
        at = next;
        cut = at;
    }
    std::string out(text.substr(0, cut));
    out += ellipsis;
    return out;
}

TextTable::TextTable(std::vector<Column> columns) : columns_(std::move(columns)) {
    widths_.reserve(columns_.size());
    for (const Column& c : columns_) widths_.push_back(cell_width(widths_.size(), c.header));
}

std::size_t TextTable::cell_width(std::size_t column, std::string_view cell) const {
    if (has_control(cell)) return cell_width(column, on_one_line(cell));
    const std::size_t w = display_width(cell);
    const std::size_t max = columns_[column].max_width;
    return max != 0 && w > max ? display_width(truncate_to_width(cell, max)) : w;
}

void TextTable::measure(const std::vector<std::string_view>& cells) {
    for (std::size_t i = 0; i < cells.size() && i < columns_.size(); ++i)
        widths_[i] = std::max(widths_[i], cell_width(i, cells[i]));
}

void TextTable::add_row(const std::vector<std::string>& cells) {
    std::vector<std::string_view> views;
    views.reserve(columns_.size());
    for (std::size_t i = 0; i < columns_.size(); ++i) {
        const std::string_view cell = i < cells.size() ? std::string_view(cells[i]) : std::string_view();
        views.push_back(cell);
        cells_ += cell;
        ends_.push_back(cells_.size());
    }
    measure(views);
}

void TextTable::write_row(std::ostream& out, const std::vector<std::string_view>& cells) const {
    // The last column that has text: nothing is padded after it.
    std::size_t last = 0;
    for (std::size_t i = 0; i < cells.size() && i < columns_.size(); ++i)
        if (!cells[i].empty()) last = i;
    std::string line;
    for (std::size_t i = 0; i <= last && i < cells.size(); ++i) {
        const Column& column = columns_[i];
        std::string cut;
        std::string_view cell = cells[i];
        if (has_control(cell)) {
            cut = on_one_line(cell);
            cell = cut;
        }
        if (column.max_width != 0 && display_width(cell) > column.max_width) {
            cut = truncate_to_width(std::string(cell), column.max_width);
            cell = cut;
        }
        const std::size_t pad = widths_[i] - std::min(widths_[i], display_width(cell));
        if (i != 0) line += "  ";
        if (column.align == Align::right) line.append(pad, ' ');
        line += cell;
        if (column.align == Align::left && i != last) line.append(pad, ' ');
    }
    line += '\n';
    out << line;
}

void TextTable::write_header(std::ostream& out) const {
    std::vector<std::string_view> headers;
    for (const Column& c : columns_) headers.push_back(c.header);
    write_row(out, headers);
}

void TextTable::write(std::ostream& out) const {
    write_header(out);
    const std::size_t n = columns_.size();
    std::vector<std::string_view> row(n);
    for (std::size_t r = 0; n != 0 && r * n < ends_.size(); ++r) {
        for (std::size_t i = 0; i < n; ++i) {
            const std::size_t k = r * n + i;
            const std::size_t begin = k == 0 ? 0 : ends_[k - 1];
            row[i] = std::string_view(cells_).substr(begin, ends_[k] - begin);
        }
        write_row(out, row);
    }
}

}  // namespace normdoc::cli
