#include "render_svg.hpp"

#include "load.hpp"

#include "normdoc/io.hpp"
#include "scratch_file.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <fstream>
#include <vector>

#include <fcntl.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

extern char** environ;

namespace normdoc::cli {

std::string render_svg(const std::string& dot_text) {
    detail::ScratchFile input("graph-dot"), output("graph-svg"), errors("graph-err");
    {
        std::ofstream f(input.path(), std::ios::binary);
        f << dot_text;
        f.flush();
        if (!f) throw IoError(input.path(), "cannot write the graph for dot");
    }
    std::string in = input.path(), out = "-o" + output.path(), format = "-Tsvg", program = "dot";
    std::vector<char*> argv{program.data(), format.data(), out.data(), in.data(), nullptr};

    posix_spawn_file_actions_t actions;
    posix_spawn_file_actions_init(&actions);
    posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0);
    posix_spawn_file_actions_addopen(&actions, 2, errors.path().c_str(), O_WRONLY | O_TRUNC, 0600);
    pid_t pid = -1;
    const int spawned = posix_spawnp(&pid, "dot", &actions, nullptr, argv.data(), environ);
    posix_spawn_file_actions_destroy(&actions);
    if (spawned != 0)
        throw IoError("dot", std::string("cannot run Graphviz's dot program (install Graphviz; Debian: graphviz): ") +
                                 std::strerror(spawned));
    int status = 0;
    while (::waitpid(pid, &status, 0) < 0)
        if (errno != EINTR) throw IoError("dot", std::strerror(errno));
    if (!WIFEXITED(status) || WEXITSTATUS(status) != 0) {
        std::string message = read_file_bytes(errors.path());
        while (!message.empty() && (message.back() == '\n' || message.back() == '\r')) message.pop_back();
        if (WIFEXITED(status) && WEXITSTATUS(status) == 127)
            message = "cannot run Graphviz's dot program (install Graphviz; Debian: graphviz)";
        throw IoError("dot", message.empty() ? std::string("failed") : message);
    }
    return read_file_bytes(output.path());
}

}  // namespace normdoc::cli
