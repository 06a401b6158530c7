// The command line's shared vocabulary: exit codes, usage errors, the description of a command
// (its arguments and options) and the parsed arguments handed to it (SPEC §10).
//
// A command declares what it accepts; parse_args checks everything it can before any file is
// opened (unknown option, bad date, bad --format, missing argument), so a usage error never
// costs a corpus load.
#pragma once

#include "normdoc/date.hpp"

#include <cstddef>
#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc::cli {

// SPEC §10.
enum ExitCode : int {
    k_exit_ok = 0,
    k_exit_invalid = 1,   // invalid corpus or plan (problems on standard error)
    k_exit_usage = 2,     // unknown command or option, bad date, missing argument, unknown id
    k_exit_io = 3,        // a file cannot be read or written
    k_exit_internal = 4,  // out of memory, a broken invariant
};

// Exit 2 with this one-line message on standard error. Thrown by the parser and by commands
// (an id on the command line that the corpus does not hold).
class UsageError : public std::runtime_error {
public:
    using std::runtime_error::runtime_error;
};

// How an option's value is checked by the parser.
enum class ValueKind : std::uint8_t {
    flag,    // no value
    text,    // any text
    date,    // SPEC §4 strict YYYY-MM-DD
    count,   // a non-negative decimal integer
    format,  // one of the command's formats
};

struct Option {
    std::string_view name;        // "--as-of", or "-o" for a short option
    ValueKind kind = ValueKind::text;
    std::string_view value_name;  // "D", "FILE" (empty for a flag)
    std::string_view help;
    std::string_view alias = {};  // a second spelling ("--output" for "-o")
    bool required = false;
    bool repeatable = false;      // may be given more than once (Args::values)
};

// The options several commands share (SPEC §10).
namespace opt {
inline constexpr Option as_of{"--as-of", ValueKind::date, "D", "the day to answer for, YYYY-MM-DD (default: today, local time)"};
inline constexpr Option format{"--format", ValueKind::format, "FORMAT", "output format"};
inline constexpr Option scope{"--scope", ValueKind::text, "AUTH", "only documents issued or drafted by this authority id"};
inline constexpr Option output{"-o", ValueKind::text, "FILE", "write the result to FILE (atomically) instead of standard output",
                               "--output"};
// SPEC §13: the text reports speak Chinese unless told otherwise.
inline constexpr Option lang{"--lang", ValueKind::text, "LANG", "the language of a report for people: zh (default) or en"};
// SPEC §10: other CSV columns, and a byte-order mark for spreadsheet programs.
inline constexpr Option columns{"--columns", ValueKind::text, "LIST", "CSV columns to write, comma-separated, in this order"};
inline constexpr Option bom{"--bom", ValueKind::flag, "", "start CSV output with a UTF-8 byte-order mark (for spreadsheet programs)"};
}  // namespace opt

enum class Format : std::uint8_t { text, csv, xml, html, xlsx, ics, dot, svg };
std::string_view to_string(Format f) noexcept;

class Args;

// Everything the dispatcher and the help need to know about one command. Each command's file
// defines one (see commands.hpp).
struct Command {
    std::string_view name;
    std::string_view summary;      // one line, for `normdoc --help`
    std::string_view description;  // a paragraph, for `normdoc NAME --help`
    // Positional arguments in order: "CORPUS" is required, "[DOC]" optional, "FILE…" one or more.
    std::vector<std::string_view> arguments;
    std::vector<Option> options;
    std::vector<Format> formats;   // what --format accepts, the first is the default; empty: no --format
    int (*run)(const Args&) = nullptr;
};

// The parsed command line of one command.
class Args {
public:
    const Command& command() const noexcept { return *command_; }
    bool help_requested() const noexcept { return help_; }

    const std::vector<std::string>& positionals() const noexcept { return positionals_; }
    // The i-th positional argument; the parser has checked that required ones are there.
    const std::string& positional(std::size_t i) const;

    bool has(std::string_view option) const noexcept;
    // The raw value of an option given on the command line (the first, for a repeatable one).
    std::optional<std::string> value(std::string_view option) const;
    // Every value of a repeatable option, in the order given.
    std::vector<std::string> values(std::string_view option) const;
    // The value of an option the command declared `required` (the parser checked it is there).
    const std::string& required(std::string_view option) const;
    std::optional<Date> date(std::string_view option) const;
    std::optional<std::uint64_t> count(std::string_view option) const;

    // SPEC §10: --as-of, default today (local date).
    Date as_of() const;
    // --format, default the command's first format.
    Format format() const;
    // -o / --output.
    std::optional<std::string> output() const { return value(opt::output.name); }

private:
    friend Args parse_args(const Command& command, const std::vector<std::string_view>& argv);
    struct Given {
        std::string_view name;  // the option's canonical name
        std::string value;
    };
    const Given* find(std::string_view option) const noexcept;

    const Command* command_ = nullptr;
    bool help_ = false;
    std::vector<std::string> positionals_;
    std::vector<Given> given_;
};

// Parses the arguments after the command name. Throws UsageError naming the problem.
Args parse_args(const Command& command, const std::vector<std::string_view>& argv);

// Today's date in local time.
Date today();

// `normdoc NAME --help`.
std::string command_help(const Command& command);
// The one-line synopsis: "normdoc status CORPUS [--as-of D] [--format text|csv] [-o FILE]".
std::string command_synopsis(const Command& command);

}  // namespace normdoc::cli
