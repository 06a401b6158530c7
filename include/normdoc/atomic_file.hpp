// The one way normdoc writes a file (SPEC §7): aside in the same directory, flushed, fsynced,
// renamed over the target, the directory fsynced. A reader of the target sees the old content or
// the new, never a part; on any failure the old file is untouched, nothing is left behind, and
// IoError names the path and the reason. Every system call goes through FileSystem, so tests can
// make each step fail (as SQLite tests its commits).
#pragma once

#include "normdoc/io.hpp"

#include <cstddef>
#include <string>

namespace normdoc {

// The system steps of an atomic write. Each returns 0 on success or an errno value.
class FileSystem {
public:
    // What the target is now.
    struct TargetInfo {
        bool exists = false;
        bool regular = false;       // a regular file (after following symbolic links)
        unsigned permissions = 0;   // its mode bits (07777) when it exists
    };

    virtual ~FileSystem() = default;
    virtual int inspect(const std::string& path, TargetInfo& info) = 0;
    // An unnamed file in `directory` (O_TMPFILE), to be linked in when complete. EOPNOTSUPP (or
    // any error) makes the writer fall back to open_named.
    virtual int open_unnamed(const std::string& directory, int& fd) = 0;
    // A new file from a mkstemp pattern (…XXXXXX); `path` is the pattern, replaced by the name.
    virtual int open_named(std::string& path, int& fd) = 0;
    // Writes up to `size` bytes; `written` says how many (a short write is not an error).
    virtual int write(int fd, const char* data, std::size_t size, std::size_t& written) = 0;
    virtual int set_permissions(int fd, unsigned permissions) = 0;
    virtual int sync(int fd) = 0;
    virtual int close(int fd) = 0;
    // Gives the unnamed file of open_unnamed the name `path` (linkat); EEXIST if it is taken.
    virtual int link_unnamed(int fd, const std::string& path) = 0;
    virtual int rename(const std::string& from, const std::string& to) = 0;
    virtual int unlink(const std::string& path) = 0;
    virtual int sync_directory(const std::string& directory) = 0;
};

// The real thing (POSIX, Linux's O_TMPFILE where the file system has it).
class PosixFileSystem : public FileSystem {
public:
    int inspect(const std::string& path, TargetInfo& info) override;
    int open_unnamed(const std::string& directory, int& fd) override;
    int open_named(std::string& path, int& fd) override;
    int write(int fd, const char* data, std::size_t size, std::size_t& written) override;
    int set_permissions(int fd, unsigned permissions) override;
    int sync(int fd) override;
    int close(int fd) override;
    int link_unnamed(int fd, const std::string& path) override;
    int rename(const std::string& from, const std::string& to) override;
    int unlink(const std::string& path) override;
    int sync_directory(const std::string& directory) override;
};

// The process-wide PosixFileSystem.
FileSystem& default_file_system();

// Writes what `producer` puts into the sink to `path`, atomically (see the top of this file).
// An existing target that is not a regular file (a device such as /dev/full, a directory, a
// FIFO) is refused before anything is written. A new file gets mode 0666 less the umask; a
// replaced one keeps its permission bits. If the producer throws, nothing is left behind and its
// exception goes on. Throws IoError (path and reason) on any system failure; if the failure is
// the final directory fsync, the new content is already in place.
//   write_file_atomically(path, [&](OutputSink& out) { out.write(text); });
template <class Producer>
void write_file_atomically(const std::string& path, Producer&& producer, FileSystem& fs = default_file_system());

namespace detail {
// The producer as a function and its object (no <functional> in the header: it costs more to
// compile than the rest of normdoc's own code).
void write_file_atomically(const std::string& path, void (*produce)(void* producer, OutputSink& out), void* producer,
                           FileSystem& fs);
}  // namespace detail

template <class Producer>
void write_file_atomically(const std::string& path, Producer&& producer, FileSystem& fs) {
    auto call = [&producer](OutputSink& out) { producer(out); };  // an object, whatever Producer is
    using Call = decltype(call);
    detail::write_file_atomically(path, [](void* c, OutputSink& out) { (*static_cast<Call*>(c))(out); }, &call, fs);
}

}  // namespace normdoc
