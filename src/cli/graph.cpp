// normdoc graph CORPUS [--root DOC] [--depth N] [--as-of D] [--format dot|svg] [-o FILE]: the
// relation graph in Graphviz DOT (SPEC §10), or rendered to SVG by Graphviz's dot program.
#include "commands.hpp"
#include "load.hpp"
#include "output.hpp"
#include "render_svg.hpp"

#include "normdoc/dot.hpp"

#include <limits>
#include <ostream>

namespace normdoc::cli {

namespace {
constexpr Option k_root{"--root", ValueKind::text, "DOC", "only DOC, its bases, its dependents and what amends or ends it"};
constexpr Option k_depth{"--depth", ValueKind::count, "N", "with --root: how many steps of based-on / implements (default 2)"};
}  // namespace

const Command k_graph_command{
    "graph",
    "the relation graph in Graphviz DOT",
    "Writes the documents of CORPUS as a Graphviz digraph: a node per document labelled with its\n"
    "number and short title and filled by its status as of D (green in force, blue pending, white\n"
    "draft, red repealed, orange invalid, grey expired), an edge per relation styled by its kind,\n"
    "the documents boxed by their first issuer (a cluster labelled with its name), at most 8 side by\n"
    "side. With --root, only DOC, the documents within --depth steps of based-on / implements from\n"
    "it (bases and dependents) and the documents that amend, repeal, supersede, declare invalid or\n"
    "extend it (or that it so changes). --format svg renders the graph with Graphviz's dot program\n"
    "(Debian: graphviz; fonts-noto-cjk for the Chinese); dot (the default) writes the DOT text.",
    {"CORPUS"},
    {k_root, k_depth, opt::as_of, opt::format, opt::output},
    {Format::dot, Format::svg},
    run_graph,
};

int run_graph(const Args& args) {
    DotOptions options;
    options.as_of = args.as_of();
    if (const auto depth = args.count(k_depth.name))
        options.depth = static_cast<std::uint32_t>(std::min<std::uint64_t>(*depth, std::numeric_limits<std::uint32_t>::max()));
    const auto corpus = load_corpus_or_report(args.positional(0));
    if (!corpus) return k_exit_invalid;
    if (const auto root = args.value(k_root.name)) options.root = require_document(*corpus, *root, k_root.name);
    std::string text = write_dot(*corpus, options);
    if (args.format() == Format::svg) text = render_svg(text);
    write_output(args, [&](std::ostream& out) { out << text; });
    return k_exit_ok;
}

}  // namespace normdoc::cli
