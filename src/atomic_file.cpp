// SPEC §7: saving never leaves a partly written file behind.
#include "normdoc/atomic_file.hpp"

#include <cerrno>
#include <cstring>
#include <random>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace normdoc {

namespace {

int retry_eintr(int (*call)(int), int fd) {
    int r;
    do r = call(fd);
    while (r != 0 && errno == EINTR);
    return r == 0 ? 0 : errno;
}

std::string random_suffix() {
    static const char k_chars[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
    thread_local std::mt19937_64 rng{std::random_device{}() ^ (static_cast<std::uint64_t>(::getpid()) << 32)};
    std::string out(6, 'x');
    for (char& c : out) c = k_chars[rng() % (sizeof k_chars - 1)];
    return out;
}

}  // namespace

int PosixFileSystem::inspect(const std::string& path, TargetInfo& info) {
    info = TargetInfo{};
    struct stat st {};
    if (::stat(path.c_str(), &st) != 0) return errno == ENOENT ? 0 : errno;
    info.exists = true;
    info.regular = S_ISREG(st.st_mode);
    info.permissions = static_cast<unsigned>(st.st_mode) & 07777u;
    return 0;
}

int PosixFileSystem::open_unnamed(const std::string& directory, int& fd) {
#ifdef O_TMPFILE
    do fd = ::open(directory.c_str(), O_TMPFILE | O_WRONLY | O_CLOEXEC, 0666);
    while (fd < 0 && errno == EINTR);
    return fd < 0 ? errno : 0;
#else
    (void)directory;
    fd = -1;
    return EOPNOTSUPP;
#endif
}

int PosixFileSystem::open_named(std::string& path, int& fd) {
    // mkstemp's job, but with mode 0666 less the umask (mkstemp gives 0600).
    const std::size_t x = path.rfind("XXXXXX");
    if (x == std::string::npos || x + 6 != path.size()) return EINVAL;
    for (int attempt = 0; attempt < 100; ++attempt) {
        path.replace(x, 6, random_suffix());
        do fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
        while (fd < 0 && errno == EINTR);
        if (fd >= 0) return 0;
        if (errno != EEXIST) return errno;
    }
    return EEXIST;
}

int PosixFileSystem::write(int fd, const char* data, std::size_t size, std::size_t& written) {
    written = 0;
    ssize_t r;
    do r = ::write(fd, data, size);
    while (r < 0 && errno == EINTR);
    if (r < 0) return errno;
    written = static_cast<std::size_t>(r);
    return 0;
}

int PosixFileSystem::set_permissions(int fd, unsigned permissions) {
    return ::fchmod(fd, static_cast<mode_t>(permissions)) == 0 ? 0 : errno;
}

int PosixFileSystem::sync(int fd) { return retry_eintr(::fsync, fd); }

int PosixFileSystem::close(int fd) {
    // Not retried on EINTR: on Linux the descriptor is gone either way.
    return ::close(fd) == 0 ? 0 : errno;
}

int PosixFileSystem::link_unnamed(int fd, const std::string& path) {
#ifdef AT_EMPTY_PATH
    if (::linkat(fd, "", AT_FDCWD, path.c_str(), AT_EMPTY_PATH) == 0) return 0;
    if (errno == EEXIST) return EEXIST;
#endif
    // Without CAP_DAC_READ_SEARCH, the documented way for O_TMPFILE files.
    const std::string proc = "/proc/self/fd/" + std::to_string(fd);
    return ::linkat(AT_FDCWD, proc.c_str(), AT_FDCWD, path.c_str(), AT_SYMLINK_FOLLOW) == 0 ? 0 : errno;
}

int PosixFileSystem::rename(const std::string& from, const std::string& to) {
    return ::rename(from.c_str(), to.c_str()) == 0 ? 0 : errno;
}

int PosixFileSystem::unlink(const std::string& path) { return ::unlink(path.c_str()) == 0 ? 0 : errno; }

int PosixFileSystem::sync_directory(const std::string& directory) {
    int fd;
    do fd = ::open(directory.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
    while (fd < 0 && errno == EINTR);
    if (fd < 0) return errno;
    int err = retry_eintr(::fsync, fd);
    if (err == EINVAL) err = 0;  // file systems that cannot sync a directory have nothing to sync
    ::close(fd);
    return err;
}

FileSystem& default_file_system() {
    static PosixFileSystem fs;
    return fs;
}

namespace {

// The write in progress; its destructor undoes whatever was not committed.
class AtomicWrite {
public:
    AtomicWrite(const std::string& path, FileSystem& fs) : path_(path), fs_(fs) {
        const std::size_t slash = path.rfind('/');
        if (slash == std::string::npos) {
            directory_ = ".";
            prefix_ = "";
            name_ = path;
        } else {
            directory_ = slash == 0 ? "/" : path.substr(0, slash);
            prefix_ = path.substr(0, slash + 1);
            name_ = path.substr(slash + 1);
        }
    }

    ~AtomicWrite() {
        if (fd_ >= 0) fs_.close(fd_);
        if (!temp_.empty()) fs_.unlink(temp_);
    }

    [[noreturn]] void fail(const std::string& step, int err) {
        throw IoError(path_, step + ": " + std::strerror(err));
    }

    void open() {
        FileSystem::TargetInfo info;
        if (int err = fs_.inspect(path_, info)) fail("cannot inspect the target", err);
        if (info.exists && !info.regular)
            throw IoError(path_, "not a regular file (a directory, device or pipe); refusing to replace it");
        if (name_.empty()) fail("no file name", EISDIR);
        if (fs_.open_unnamed(directory_, fd_) != 0) {
            fd_ = -1;
            std::string temp = temp_pattern();
            int fd = -1;
            if (int err = fs_.open_named(temp, fd)) fail("cannot create a temporary file in " + directory_, err);
            fd_ = fd;
            temp_ = temp;
        } else {
            unnamed_ = true;
        }
        if (info.exists) {
            if (int err = fs_.set_permissions(fd_, info.permissions)) fail("cannot set permissions", err);
        }
    }

    void write(const char* data, std::size_t size) {
        while (size > 0) {
            std::size_t written = 0;
            if (int err = fs_.write(fd_, data, size, written)) fail("write failed", err);
            if (written == 0 || written > size) fail("write failed", EIO);
            data += written;
            size -= written;
        }
    }

    void commit() {
        if (int err = fs_.sync(fd_)) fail("fsync failed", err);
        if (unnamed_) {
            int err = EEXIST;
            for (int attempt = 0; attempt < 100 && err == EEXIST; ++attempt) {
                std::string temp = temp_pattern();
                temp.replace(temp.size() - 6, 6, random_suffix());
                err = fs_.link_unnamed(fd_, temp);
                if (err == 0) temp_ = temp;
            }
            if (err) fail("cannot link the new file into " + directory_, err);
        }
        const int fd = fd_;
        fd_ = -1;
        if (int err = fs_.close(fd)) fail("close failed", err);
        if (int err = fs_.rename(temp_, path_)) fail("cannot rename the new file over it", err);
        temp_.clear();  // it is the target now
        if (int err = fs_.sync_directory(directory_))
            fail("written, but the directory " + directory_ + " could not be synced", err);
    }

private:
    std::string temp_pattern() const { return prefix_ + "." + name_ + ".tmp.XXXXXX"; }

    const std::string& path_;
    FileSystem& fs_;
    std::string directory_, prefix_, name_;
    std::string temp_;  // the temporary's name while it has one and is not yet the target
    int fd_ = -1;
    bool unnamed_ = false;
};

class FileSink final : public OutputSink {
public:
    explicit FileSink(AtomicWrite& file) : file_(file) { buffer_.reserve(k_size); }
    void write(const char* data, std::size_t size) override {
        if (buffer_.size() + size > k_size) {
            flush();
            if (size >= k_size) {
                file_.write(data, size);
                return;
            }
        }
        buffer_.append(data, size);
    }
    void flush() {
        file_.write(buffer_.data(), buffer_.size());
        buffer_.clear();
    }
    using OutputSink::write;

private:
    static constexpr std::size_t k_size = 1 << 16;
    AtomicWrite& file_;
    std::string buffer_;
};

}  // namespace

void detail::write_file_atomically(const std::string& path, void (*produce)(void*, OutputSink&), void* producer,
                           FileSystem& fs) {
    AtomicWrite file(path, fs);
    file.open();
    FileSink sink(file);
    produce(producer, sink);
    sink.flush();
    file.commit();
}

}  // namespace normdoc
