// SPEC §12: one writer at a time.
#include "writer_lock.hpp"

#include "registry_files.hpp"

#include "normdoc/io.hpp"

#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/file.h>
#include <unistd.h>

namespace normdoc::registry {

WriterLock WriterLock::acquire(const std::string& registry, bool wait) {
    const std::string path = lock_path(registry);
    int fd;
    do fd = ::open(path.c_str(), O_RDWR | O_CREAT | O_CLOEXEC, 0666);
    while (fd < 0 && errno == EINTR);
    if (fd < 0) throw IoError(path, std::string("cannot open the writer lock: ") + std::strerror(errno));
    int r;
    do r = ::flock(fd, LOCK_EX | (wait ? 0 : LOCK_NB));
    while (r != 0 && errno == EINTR);
    if (r != 0) {
        const int err = errno;
        ::close(fd);
        if (err == EWOULDBLOCK)
            throw IoError(registry, "the registry is in use by another writer (" + path + " is held)");
        throw IoError(path, std::string("cannot take the writer lock: ") + std::strerror(err));
    }
    WriterLock lock(path, fd);
    sweep_leftovers(registry);  // SPEC §12: none other is left behind (not even by a killed writer)
    return lock;
}

WriterLock::WriterLock(WriterLock&& o) noexcept : path_(std::move(o.path_)), fd_(o.fd_) { o.fd_ = -1; }

WriterLock& WriterLock::operator=(WriterLock&& o) noexcept {
    if (this != &o) {
        if (fd_ >= 0) ::close(fd_);
        path_ = std::move(o.path_);
        fd_ = o.fd_;
        o.fd_ = -1;
    }
    return *this;
}

WriterLock::~WriterLock() {
    if (fd_ >= 0) ::close(fd_);  // closing the last descriptor releases the flock
}

}  // namespace normdoc::registry
