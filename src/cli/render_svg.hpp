// `graph --format svg` (issue 17 item 8): DOT rendered by Graphviz's `dot` program (Debian's
// graphviz), run as a child process without a shell.
#pragma once

#include <string>

namespace normdoc::cli {

// The SVG `dot -Tsvg` makes of `dot_text`. Throws IoError when `dot` cannot be run (not installed:
// "install Graphviz") or fails (its standard error in the message).
std::string render_svg(const std::string& dot_text);

}  // namespace normdoc::cli
