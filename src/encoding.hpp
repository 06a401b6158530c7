// Character encodings of input files: the XML readers parse UTF-8 only (pugixml knows no GBK),
// and Chinese registries publish GBK / GB18030 files. So a file that declares another encoding, or
// starts with a UTF-16 byte-order mark, is converted to UTF-8 before parsing, with glibc's iconv
// (no extra dependency). Conversion keeps every line break, so line numbers counted in the UTF-8
// text are the lines of the original file.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace normdoc::detail {

// The encoding the document declares: a byte-order mark ("UTF-8", "UTF-16LE", "UTF-16BE") or the
// XML declaration's encoding="…" as written; empty when it declares none (UTF-8 then).
std::string declared_encoding(std::string_view source);

// True for the spellings of UTF-8 and its subset US-ASCII (no conversion needed).
bool is_utf8_name(std::string_view encoding) noexcept;

// The iconv name to convert a declared encoding from: GBK, GB2312, CP936, EUC-CN … are read as
// GB18030, their superset; other names are given to iconv as written.
std::string iconv_name(std::string_view encoding);

// The first byte that is not part of well-formed UTF-8, or npos.
std::size_t find_invalid_utf8(std::string_view text) noexcept;

struct Conversion {
    bool ok = false;
    std::string text;          // UTF-8, when ok
    std::string error;         // why not, when !ok
    std::size_t error_offset = 0;  // byte offset in the source of an invalid sequence
};

// Converts `source` from `from_encoding` (an iconv name) to UTF-8. A byte-order mark is dropped.
Conversion convert_to_utf8(std::string_view source, const std::string& from_encoding);

}  // namespace normdoc::detail
