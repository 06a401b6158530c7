// normdoc COMMAND [options]: the command table, --help / --version, and the one place where
// exceptions become exit codes (SPEC §10). Nothing escapes main: no crash, no terminate.
#include "commands.hpp"
#include "options.hpp"

#include "normdoc/io.hpp"
#include "normdoc/version.hpp"

#include <algorithm>
#include <filesystem>
#include <iostream>
#include <new>
#include <string>
#include <string_view>
#include <vector>

#if defined(__GLIBC__)
#include <malloc.h>
#endif

namespace normdoc::cli {
namespace {

// Every command, in the order `normdoc --help` lists them. Adding one: see commands.hpp.
const Command* const k_commands[] = {
    &k_validate_command,
    &k_status_command,
    &k_cleanup_command,
    &k_impact_command,
    &k_apply_command,
    &k_generate_command,
    &k_graph_command,
    &k_import_akn_command,
    &k_export_akn_command,
    &k_compile_command,
    &k_decompile_command,
    &k_add_command,
    &k_withdraw_command,
    &k_compact_command,
    &k_annual_command,
    &k_deadlines_command,
};

const Command* find_command(std::string_view name) {
    for (const Command* c : k_commands)
        if (c->name == name) return c;
    return nullptr;
}

std::string overall_help() {
    std::string out = "normdoc " + std::string(k_version) +
                      " - the lifecycle of normative documents (规范性文件): status, clean-up, relations\n\n"
                      "usage: normdoc COMMAND [ARGUMENTS] [OPTIONS]\n"
                      "       normdoc COMMAND --help\n"
                      "       normdoc --help | --version\n\ncommands:\n";
    std::size_t width = 0;
    for (const Command* c : k_commands) width = std::max(width, c->name.size());
    for (const Command* c : k_commands)
        out += "  " + std::string(c->name) + std::string(width - c->name.size() + 2, ' ') + std::string(c->summary) + "\n";
    out +=
        "\nDates are YYYY-MM-DD; --as-of defaults to today (local time). Options take their value as\n"
        "'--opt value' or '--opt=value'; '--' ends the options. Results go to standard output or to\n"
        "-o FILE (written atomically); problems and progress go to standard error.\n"
        "\nexit codes:\n"
        "  0  success\n"
        "  1  invalid corpus or plan (problems on standard error)\n"
        "  2  usage error: unknown command or option, bad date, missing argument, an id the corpus does not hold\n"
        "  3  a file cannot be read or written\n"
        "  4  internal failure (out of memory, a broken invariant)\n";
    return out;
}

int run(int argc, char** argv) {
    std::vector<std::string_view> words(argv + (argc > 0 ? 1 : 0), argv + argc);
    if (words.empty()) throw UsageError("missing command (see 'normdoc --help')");

    const std::string_view first = words.front();
    if (first == "--help" || first == "-h") {
        std::cout << overall_help();
        return k_exit_ok;
    }
    if (first == "--version") {
        std::cout << "normdoc " << k_version << '\n';
        return k_exit_ok;
    }
    if (first == "help") {  // normdoc help [COMMAND]
        if (words.size() == 1) {
            std::cout << overall_help();
            return k_exit_ok;
        }
        const Command* c = find_command(words[1]);
        if (!c) throw UsageError("unknown command '" + std::string(words[1]) + "' (see 'normdoc --help')");
        std::cout << command_help(*c);
        return k_exit_ok;
    }
    if (!first.empty() && first.front() == '-')
        throw UsageError("unknown option '" + std::string(first) + "': the command comes first (see 'normdoc --help')");

    const Command* command = find_command(first);
    if (!command) throw UsageError("unknown command '" + std::string(first) + "' (see 'normdoc --help')");
    const Args args = parse_args(*command, std::vector<std::string_view>(words.begin() + 1, words.end()));
    if (args.help_requested()) {
        std::cout << command_help(*command);
        return k_exit_ok;
    }
    return command->run(args);
}

// Help and version go to standard output too: a failure to write them is exit 3.
int flushed(int code) {
    std::cout.flush();
    if (!std::cout) {
        std::cerr << "normdoc: standard output: write failed\n";
        return code == k_exit_ok ? k_exit_io : code;
    }
    return code;
}

}  // namespace
}  // namespace normdoc::cli

int main(int argc, char** argv) {
    using namespace normdoc::cli;
    std::ios::sync_with_stdio(false);  // results can be millions of lines
#if defined(__GLIBC__)
    // Loading frees millions of small blocks (the draft). Kept in glibc's fast bins, they are all
    // merged at the first large allocation after loading (0.3 s at 1M documents, in impact, cleanup
    // and status but not validate); without fast bins they merge as they are freed, at no extra
    // cost. A process-wide choice, so the CLI's, not the library's.
    mallopt(M_MXFAST, 0);
#endif
    try {
        return flushed(run(argc, argv));
    } catch (const UsageError& e) {
        std::cerr << "normdoc: " << e.what() << '\n';
        return k_exit_usage;
    } catch (const normdoc::IoError& e) {
        std::cerr << "normdoc: " << e.what() << '\n';
        return k_exit_io;
    } catch (const std::filesystem::filesystem_error& e) {
        std::cerr << "normdoc: " << e.what() << '\n';
        return k_exit_io;
    } catch (const std::bad_alloc&) {
        std::cerr << "normdoc: internal error: out of memory\n";
        return k_exit_internal;
    } catch (const std::exception& e) {
        std::cerr << "normdoc: internal error: " << e.what() << '\n';
        return k_exit_internal;
    } catch (...) {
        std::cerr << "normdoc: internal error: unknown exception\n";
        return k_exit_internal;
    }
}
