#include "options.hpp"

#include <algorithm>
#include <charconv>
#include <ctime>
#include <limits>

namespace normdoc::cli {

namespace {

constexpr Option k_help{"--help", ValueKind::flag, {}, "show this help", "-h"};

bool is_help(std::string_view arg) { return arg == "--help" || arg == "-h"; }

bool is_repeated(std::string_view argument) {
    return argument.size() >= 3 && argument.substr(argument.size() - 3) == "…";
}
bool is_optional(std::string_view argument) { return !argument.empty() && argument.front() == '['; }

std::size_t required_positionals(const Command& command) {
    return static_cast<std::size_t>(std::count_if(command.arguments.begin(), command.arguments.end(),
                                                  [](std::string_view a) { return !is_optional(a); }));
}
std::size_t max_positionals(const Command& command) {
    for (std::string_view a : command.arguments)
        if (is_repeated(a)) return std::numeric_limits<std::size_t>::max();
    return command.arguments.size();
}
// The name of the argument at position i, for "missing CORPUS".
std::string_view argument_name(const Command& command, std::size_t i) {
    if (command.arguments.empty()) return "argument";
    const std::string_view a = command.arguments[std::min(i, command.arguments.size() - 1)];
    return is_repeated(a) ? a.substr(0, a.size() - 3) : a;
}

const Option* find_option(const Command& command, std::string_view name) {
    for (const Option& o : command.options)
        if (o.name == name || (!o.alias.empty() && o.alias == name)) return &o;
    return nullptr;
}

std::string formats_list(const Command& command, std::string_view separator) {
    std::string out;
    for (Format f : command.formats) {
        if (!out.empty()) out += separator;
        out += to_string(f);
    }
    return out;
}

std::string value_name(const Command& command, const Option& o) {
    if (o.kind == ValueKind::format) return formats_list(command, "|");
    return std::string(o.value_name);
}

[[noreturn]] void usage(const Command& command, const std::string& message) {
    throw UsageError(std::string(command.name) + ": " + message + " (see 'normdoc " + std::string(command.name) +
                     " --help')");
}

// Checks a value as its option's kind requires, so that a bad value is a usage error before
// anything is read.
void check_value(const Command& command, const Option& o, std::string_view value) {
    switch (o.kind) {
    case ValueKind::flag:
        return;
    case ValueKind::text:
        if (value.empty()) usage(command, "empty value for " + std::string(o.name));
        return;
    case ValueKind::date: {
        const DateParse parsed = parse_date(value);
        if (!parsed) usage(command, "bad date for " + std::string(o.name) + " '" + std::string(value) + "': " + parsed.error);
        return;
    }
    case ValueKind::count: {
        std::uint64_t n = 0;
        const auto [end, ec] = std::from_chars(value.data(), value.data() + value.size(), n);
        if (value.empty() || ec != std::errc() || end != value.data() + value.size())
            usage(command, "bad number for " + std::string(o.name) + " '" + std::string(value) + "'");
        return;
    }
    case ValueKind::format:
        for (Format f : command.formats)
            if (to_string(f) == value) return;
        usage(command, "bad value for --format '" + std::string(value) + "' (accepted: " + formats_list(command, ", ") + ")");
    }
}

}  // namespace

std::string_view to_string(Format f) noexcept {
    switch (f) {
    case Format::text: return "text";
    case Format::csv: return "csv";
    case Format::xml: return "xml";
    case Format::html: return "html";
    case Format::xlsx: return "xlsx";
    case Format::ics: return "ics";
    case Format::dot: return "dot";
    case Format::svg: return "svg";
    }
    return "?";
}

const std::string& Args::positional(std::size_t i) const {
    if (i >= positionals_.size()) throw std::logic_error("positional argument " + std::to_string(i) + " was not checked");
    return positionals_[i];
}

const Args::Given* Args::find(std::string_view option) const noexcept {
    for (const Given& g : given_)
        if (g.name == option) return &g;
    return nullptr;
}

bool Args::has(std::string_view option) const noexcept { return find(option) != nullptr; }

std::vector<std::string> Args::values(std::string_view option) const {
    std::vector<std::string> out;
    for (const Given& g : given_)
        if (g.name == option) out.push_back(g.value);
    return out;
}

std::optional<std::string> Args::value(std::string_view option) const {
    if (const Given* g = find(option)) return g->value;
    return std::nullopt;
}

const std::string& Args::required(std::string_view option) const {
    if (const Given* g = find(option)) return g->value;
    throw std::logic_error("option " + std::string(option) + " is not declared required");
}

std::optional<Date> Args::date(std::string_view option) const {
    const Given* g = find(option);
    if (!g) return std::nullopt;
    const DateParse parsed = parse_date(g->value);
    if (!parsed) throw std::logic_error("option " + std::string(option) + " was not checked as a date");
    return parsed.date;
}

std::optional<std::uint64_t> Args::count(std::string_view option) const {
    const Given* g = find(option);
    if (!g) return std::nullopt;
    std::uint64_t n = 0;
    std::from_chars(g->value.data(), g->value.data() + g->value.size(), n);
    return n;
}

Date Args::as_of() const {
    if (auto d = date(opt::as_of.name)) return *d;
    return today();
}

Format Args::format() const {
    if (const Given* g = find(opt::format.name))
        for (Format f : command_->formats)
            if (to_string(f) == g->value) return f;
    return command_->formats.empty() ? Format::text : command_->formats.front();
}

Args parse_args(const Command& command, const std::vector<std::string_view>& argv) {
    Args args;
    args.command_ = &command;

    // --help wins over every other problem on the line (up to a "--").
    for (std::string_view a : argv) {
        if (a == "--") break;
        if (is_help(a)) {
            args.help_ = true;
            return args;
        }
    }

    bool options_done = false;
    for (std::size_t i = 0; i < argv.size(); ++i) {
        const std::string_view arg = argv[i];
        if (options_done || arg.size() < 2 || arg.front() != '-') {
            args.positionals_.emplace_back(arg);
            continue;
        }
        if (arg == "--") {
            options_done = true;
            continue;
        }
        // --name=value, --name value, -o value, -ovalue.
        std::string_view name = arg;
        std::optional<std::string_view> inline_value;
        if (arg.substr(0, 2) == "--") {
            if (const auto eq = arg.find('='); eq != std::string_view::npos) {
                name = arg.substr(0, eq);
                inline_value = arg.substr(eq + 1);
            }
        } else if (arg.size() > 2) {
            name = arg.substr(0, 2);
            inline_value = arg.substr(2);
        }
        const Option* o = find_option(command, name);
        if (!o) usage(command, "unknown option '" + std::string(name) + "'");
        if (args.has(o->name) && !o->repeatable) usage(command, "option " + std::string(o->name) + " given twice");

        std::string value;
        if (o->kind == ValueKind::flag) {
            if (inline_value) usage(command, "option " + std::string(o->name) + " takes no value");
        } else if (inline_value) {
            value = std::string(*inline_value);
        } else if (i + 1 < argv.size()) {
            value = std::string(argv[++i]);
        } else {
            usage(command, "missing value for " + std::string(name) + " " + value_name(command, *o));
        }
        if (o->kind != ValueKind::flag) check_value(command, *o, value);
        args.given_.push_back({o->name, std::move(value)});
    }

    const std::size_t n = args.positionals_.size();
    if (n < required_positionals(command)) usage(command, "missing " + std::string(argument_name(command, n)));
    if (n > max_positionals(command)) usage(command, "unexpected argument '" + args.positionals_[max_positionals(command)] + "'");
    for (const Option& o : command.options)
        if (o.required && !args.has(o.name)) usage(command, "missing " + std::string(o.name) + " " + value_name(command, o));
    return args;
}

Date today() {
    const std::time_t now = std::time(nullptr);
    std::tm local{};
    if (now == static_cast<std::time_t>(-1) || !localtime_r(&now, &local))
        throw std::runtime_error("cannot read the system clock");
    return detail::make_date(local.tm_year + 1900, local.tm_mon + 1, local.tm_mday);
}

std::string command_synopsis(const Command& command) {
    std::string out = "normdoc " + std::string(command.name);
    for (std::string_view a : command.arguments) out += " " + std::string(a);
    for (const Option& o : command.options) {
        std::string part(o.name);
        if (o.kind != ValueKind::flag) part += " " + value_name(command, o);
        if (o.repeatable) part += "…";
        out += o.required ? " " + part : " [" + part + "]";
    }
    return out;
}

std::string command_help(const Command& command) {
    std::string out = "usage: " + command_synopsis(command) + "\n\n" + std::string(command.description) + "\n";
    std::vector<std::pair<std::string, std::string>> rows;
    for (const Option& o : command.options) {
        std::string left = o.alias.empty() ? std::string(o.name) : std::string(o.name) + ", " + std::string(o.alias);
        if (o.kind != ValueKind::flag) left += " " + value_name(command, o);
        std::string help(o.help);
        if (o.kind == ValueKind::format)
            help += ": " + formats_list(command, ", ") + " (default " + std::string(to_string(command.formats.front())) + ")";
        if (o.required) help += " (required)";
        if (o.repeatable) help += " (may be repeated)";
        rows.emplace_back(std::move(left), std::move(help));
    }
    rows.emplace_back(std::string(k_help.name) + ", " + std::string(k_help.alias), std::string(k_help.help));
    std::size_t width = 0;
    for (const auto& r : rows) width = std::max(width, r.first.size());
    out += "\noptions:\n";
    for (const auto& [left, help] : rows) out += "  " + left + std::string(width - left.size() + 2, ' ') + help + "\n";
    return out;
}

}  // namespace normdoc::cli
