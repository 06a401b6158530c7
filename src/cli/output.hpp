// Where a command's result goes (SPEC §10): standard output, or the -o FILE written atomically.
// Every command writes its result through write_output, so the policy lives in one place.
#pragma once

#include "options.hpp"

#include <functional>
#include <ostream>
#include <string>

namespace normdoc::cli {

using Producer = std::function<void(std::ostream&)>;

// Runs `produce` on standard output, or, when -o FILE is given, on a buffer that is then saved
// atomically to FILE (a failure leaves any existing FILE as it was). Throws IoError when the
// result cannot be written (exit 3).
void write_output(const Args& args, const Producer& produce);

// The same with an explicit destination: empty `path` means standard output.
void write_output_to(const std::string& path, const Producer& produce);

}  // namespace normdoc::cli
