// A temporary file for a program that writes by name (Graphviz's dot, libxlsxwriter): made empty
// in $TMPDIR (else /tmp) with mkstemp, removed when it goes out of scope. Results reach their
// target through the one atomic writer, never by renaming this file.
#pragma once

#include "normdoc/io.hpp"

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <string>

#include <unistd.h>

namespace normdoc::detail {

class ScratchFile {
public:
    // `what` names it for a person who finds one left by a killed process: normdoc-WHAT-XXXXXX.
    explicit ScratchFile(const char* what) {
        const char* dir = std::getenv("TMPDIR");
        path_ = std::string(dir && *dir ? dir : "/tmp") + "/normdoc-" + what + "-XXXXXX";
        const int fd = ::mkstemp(path_.data());
        if (fd < 0) throw IoError(path_, std::strerror(errno));
        ::close(fd);
    }
    ~ScratchFile() { ::unlink(path_.c_str()); }
    ScratchFile(const ScratchFile&) = delete;
    ScratchFile& operator=(const ScratchFile&) = delete;
    const std::string& path() const noexcept { return path_; }

private:
    std::string path_;
};

}  // namespace normdoc::detail
