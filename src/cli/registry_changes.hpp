// What the commands that change a registry in place share (SPEC §12): opening it as its one
// writer, and printing what a change reports.
#pragma once

#include "normdoc/problem.hpp"
#include "normdoc/registry.hpp"

#include <optional>
#include <string>
#include <vector>

namespace normdoc::cli {

// Opens REGISTRY for changes (the writer lock: a second writer is an IoError, exit 3). A file
// that is not a registry snapshot is a usage error (exit 2: changes in place are for registries;
// `normdoc compile` makes one). A damaged registry: its problem is printed and none is returned
// (exit 1). A TORN_JOURNAL warning is printed; the content's own warnings are not (a change
// reports only the warnings it makes).
std::optional<Registry> open_registry_for_changes(const std::string& path, const char* command);

// Every problem, one per line on standard error, in one write.
void print_problems(const std::vector<Problem>& problems);

}  // namespace normdoc::cli
