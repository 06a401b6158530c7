// normdoc graph CORPUS [--root DOC] [--depth N] [--as-of D] [-o FILE]: the relation graph in
// Graphviz DOT (SPEC §10); render it with `dot -Tsvg`.
#include "commands.hpp"
#include "load.hpp"
#include "output.hpp"

#include "normdoc/dot.hpp"

#include <limits>
#include <ostream>

namespace normdoc::cli {

namespace {
constexpr Option k_root{"--root", ValueKind::text, "DOC", "only DOC, its bases and its dependents"};
constexpr Option k_depth{"--depth", ValueKind::count, "N", "with --root: how many steps of based-on / implements (default 2)"};
}  // namespace

const Command k_graph_command{
    "graph",
    "the relation graph in Graphviz DOT",
    "Writes the documents of CORPUS as a Graphviz digraph: a node per document labelled with its\n"
    "number and short title and filled by its status as of D (green in force, blue pending, white\n"
    "draft, red repealed, orange invalid, grey expired), an edge per relation styled by its kind.\n"
    "With --root, only DOC and the documents within --depth steps of based-on / implements from it,\n"
    "bases and dependents. Render with: normdoc graph CORPUS | dot -Tsvg > graph.svg",
    {"CORPUS"},
    {k_root, k_depth, opt::as_of, opt::output},
    {},
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
    write_output(args, [&](std::ostream& out) { out << write_dot(*corpus, options); });
    return k_exit_ok;
}

}  // namespace normdoc::cli
