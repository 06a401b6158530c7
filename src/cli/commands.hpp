// The commands of the normdoc tool (SPEC §10), one file each.
//
// Adding a command FOO:
//   1. write src/cli/foo.cpp defining `int run_foo(const Args&)` and
//      `const Command k_foo_command{...}` (its name, help, arguments, options, formats, run_foo);
//   2. declare both below;
//   3. add `&k_foo_command` to k_commands in main.cpp (the order there is the order of --help).
// The parser, --help, exit codes, corpus loading (load.hpp) and output (output.hpp) come with it.
#pragma once

#include "options.hpp"

namespace normdoc::cli {

int run_validate(const Args& args);
extern const Command k_validate_command;

int run_status(const Args& args);
extern const Command k_status_command;

int run_cleanup(const Args& args);
extern const Command k_cleanup_command;

int run_impact(const Args& args);
extern const Command k_impact_command;

int run_apply(const Args& args);
extern const Command k_apply_command;

int run_graph(const Args& args);
extern const Command k_graph_command;

int run_import_akn(const Args& args);
extern const Command k_import_akn_command;

int run_export_akn(const Args& args);
extern const Command k_export_akn_command;

int run_generate(const Args& args);
extern const Command k_generate_command;

int run_compile(const Args& args);
extern const Command k_compile_command;

int run_decompile(const Args& args);
extern const Command k_decompile_command;

int run_add(const Args& args);
extern const Command k_add_command;

int run_withdraw(const Args& args);
extern const Command k_withdraw_command;

int run_compact(const Args& args);
extern const Command k_compact_command;

int run_annual(const Args& args);
extern const Command k_annual_command;

int run_deadlines(const Args& args);
extern const Command k_deadlines_command;

}  // namespace normdoc::cli
