#include "test_support.hpp"

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <iostream>
#include <sstream>

namespace normdoc::test {

Date d(std::string_view text) {
    const DateParse parsed = parse_date(text);
    if (!parsed) {
        std::cerr << "bad date in a test: " << text << '\n';
        std::abort();
    }
    return *parsed.date;
}

std::string read_text(const std::string& path) {
    std::ifstream in(path, std::ios::binary);
    std::ostringstream out;
    out << in.rdbuf();
    return out.str();
}

std::string scratch_dir(const std::string& name) {
    namespace fs = std::filesystem;
    const fs::path dir = fs::path(NORMDOC_BINARY_DIR) / "test-scratch" / name;
    fs::remove_all(dir);
    fs::create_directories(dir);
    return dir.string();
}

}  // namespace normdoc::test
