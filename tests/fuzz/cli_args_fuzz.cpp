// libFuzzer harness: the CLI's argument parser (src/cli/options.cpp, parse_args), linked in
// directly. The commands below declare the arguments and options of SPEC §10, with every kind of
// value the parser checks (flag, text, date, count, format), required options and repeated
// positionals, so that the harness does not depend on the commands' own files.
//
// Input: the first byte picks a command; the rest is split at NUL bytes into the words of the
// command line. Oracles: parse_args either throws UsageError or returns arguments that satisfy
// what the command declared (its accessors then never throw); no other exception escapes.
#include "options.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

namespace {

using namespace normdoc::cli;

void check(bool ok) {
    if (!ok) std::abort();
}

int never(const Args&) { return 0; }

const Option k_scope_req{"--scope", ValueKind::text, "AUTH", "scope", {}, false};
const Option k_id{"--id", ValueKind::text, "ID", "new id", {}, true};
const Option k_date{"--date", ValueKind::date, "D", "date", {}, true};
const Option k_documents{"--documents", ValueKind::count, "N", "how many", {}, true};
const Option k_seed{"--seed", ValueKind::count, "S", "seed"};
const Option k_kind{"--kind", ValueKind::text, "K", "kind"};
const Option k_root{"--root", ValueKind::text, "DOC", "root"};
const Option k_quiet{"--quiet", ValueKind::flag, {}, "no progress", "-q"};

const Command k_commands[] = {
    {"validate", "", "", {"CORPUS"}, {k_quiet}, {}, never},
    {"status", "", "", {"CORPUS"}, {opt::as_of, opt::format, opt::output}, {Format::text, Format::csv}, never},
    {"cleanup", "", "", {"CORPUS"}, {opt::as_of, opt::scope, opt::format, opt::output},
     {Format::text, Format::csv, Format::xml}, never},
    {"impact", "", "", {"CORPUS", "DOC"}, {opt::as_of, opt::format, opt::output}, {Format::text, Format::csv}, never},
    {"apply", "", "", {"CORPUS", "PLAN"},
     {k_id, Option{"--number", ValueKind::text, "N", "", {}, true}, Option{"--title", ValueKind::text, "T", "", {}, true},
      Option{"--issuer", ValueKind::text, "AUTH", "", {}, true}, k_date, k_kind, Option{"-o", ValueKind::text, "FILE", "", "--output", true}},
     {}, never},
    {"generate", "", "", {}, {k_documents, k_seed, opt::output}, {}, never},
    {"graph", "", "", {"CORPUS"}, {k_root, opt::as_of, opt::output}, {}, never},
    {"import-akn", "", "", {"FILE…"}, {k_kind, opt::output}, {}, never},
    {"export-akn", "", "", {"CORPUS"}, {opt::output}, {}, never},
    {"optional", "", "", {"CORPUS", "[DOC]"}, {k_scope_req, k_quiet}, {Format::csv}, never},
};
constexpr std::size_t k_command_count = sizeof(k_commands) / sizeof(k_commands[0]);

void check_parsed(const Command& command, const Args& args, const std::vector<std::string_view>& words) {
    check(&args.command() == &command);
    if (args.help_requested()) {
        // --help or -h is on the line before any "--".
        bool seen = false;
        for (std::string_view w : words) {
            if (w == "--") break;
            if (w == "--help" || w == "-h") seen = true;
        }
        check(seen);
        return;
    }
    std::size_t required = 0;
    bool repeated = false;
    for (std::string_view a : command.arguments) {
        if (a.empty() || a.front() != '[') ++required;
        if (a.size() >= 3 && a.substr(a.size() - 3) == "…") repeated = true;
    }
    check(args.positionals().size() >= required);
    check(repeated || args.positionals().size() <= command.arguments.size());
    for (std::size_t i = 0; i < args.positionals().size(); ++i) (void)args.positional(i);

    for (const Option& o : command.options) {
        if (o.required) {
            check(args.has(o.name));
            (void)args.required(o.name);
        }
        if (!args.has(o.name)) continue;
        const auto value = args.value(o.name);
        check(value.has_value());
        switch (o.kind) {
        case ValueKind::flag: check(value->empty()); break;
        case ValueKind::text: check(!value->empty()); break;
        case ValueKind::date: check(args.date(o.name).has_value()); break;
        case ValueKind::count: check(args.count(o.name).has_value()); break;
        case ValueKind::format: break;
        }
    }
    const Format f = args.format();
    if (!command.formats.empty()) {
        bool listed = false;
        for (Format g : command.formats) listed = listed || g == f;
        check(listed);
    }
    if (args.has(opt::as_of.name)) (void)args.as_of();
    (void)args.output();
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const Command& command = k_commands[data[0] % k_command_count];
    const std::string line(reinterpret_cast<const char*>(data + 1), size - 1);
    std::vector<std::string_view> words;
    std::size_t start = 0;
    for (std::size_t i = 0; i <= line.size(); ++i) {
        if (i == line.size() || line[i] == '\0') {
            if (i > start || i < line.size()) words.emplace_back(line.data() + start, i - start);
            start = i + 1;
        }
    }
    try {
        const Args args = parse_args(command, words);
        check_parsed(command, args, words);
    } catch (const UsageError& e) {
        // A usage error names the command and says where to look.
        const std::string_view message = e.what();
        check(message.substr(0, command.name.size()) == command.name);
        check(message.find("--help") != std::string_view::npos);
    }
    // Help never fails, whatever was parsed.
    if (data[0] >= 0xf0) {
        check(!command_help(command).empty());
        check(!command_synopsis(command).empty());
    }
    return 0;
}
