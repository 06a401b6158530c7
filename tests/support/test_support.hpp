// Small helpers shared by the test files.
#pragma once

#include "normdoc/date.hpp"

#include <string>
#include <string_view>

namespace normdoc::test {

// A date from YYYY-MM-DD text; aborts the test binary on a typo in a test.
Date d(std::string_view text);

// The whole content of a file; empty when it cannot be read.
std::string read_text(const std::string& path);

// A fresh empty directory under the build tree for one test.
std::string scratch_dir(const std::string& name);

}  // namespace normdoc::test
