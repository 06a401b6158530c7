#include "csv.hpp"

namespace normdoc::cli {

std::string csv_field(std::string_view field) {
    std::string out;
    out.reserve(field.size() + 2);
    append_csv_field(out, field);
    return out;
}

}  // namespace normdoc::cli
