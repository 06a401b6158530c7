// The generator's words (names.hpp).
#include "generate/names.hpp"

#include <stdexcept>

namespace normdoc::detail::gen {

std::size_t department_type(std::string_view code) {
    for (std::size_t i = 0; i < k_department_type_count; ++i)
        if (k_departments[i].code == code) return i;
    throw std::logic_error("generate: unknown department type");
}

}  // namespace normdoc::detail::gen
