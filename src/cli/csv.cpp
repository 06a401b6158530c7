#include "csv.hpp"

#include <algorithm>

namespace normdoc::cli {

void write_csv_field(std::ostream& out, std::string_view field) {
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) {
        out << field;
        return;
    }
    out << '"';
    for (std::size_t start = 0;;) {
        const std::size_t quote = field.find('"', start);
        if (quote == std::string_view::npos) {
            out << field.substr(start);
            break;
        }
        out << field.substr(start, quote + 1 - start) << '"';
        start = quote + 1;
    }
    out << '"';
}

std::string csv_field(std::string_view field) {
    std::string out;
    if (field.find_first_of(",\"\r\n") == std::string_view::npos) return std::string(field);
    out.reserve(field.size() + 2);
    out += '"';
    for (char c : field) {
        if (c == '"') out += '"';
        out += c;
    }
    out += '"';
    return out;
}

CsvWriter& CsvWriter::field(std::string_view value) {
    if (!first_) out_ << ',';
    first_ = false;
    write_csv_field(out_, value);
    return *this;
}

void CsvWriter::end_row() {
    out_ << '\n';
    first_ = true;
}

void CsvWriter::row(std::initializer_list<std::string_view> fields) {
    for (std::string_view f : fields) field(f);
    end_row();
}

std::string join_sorted(std::vector<std::string> items, std::string_view separator) {
    std::sort(items.begin(), items.end());
    std::string out;
    for (const std::string& item : items) {
        if (!out.empty() || &item != &items.front()) out += separator;
        out += item;
    }
    return out;
}

}  // namespace normdoc::cli
