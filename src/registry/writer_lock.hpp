// SPEC §12: "a second writer while one is writing is exit 3, with a message saying the registry is
// in use". The lock is the file `REGISTRY.lock` beside the registry, held with flock(LOCK_EX) for
// as long as the WriterLock lives; the kernel lets it go when the process ends, however it ends,
// so a killed writer never leaves the registry locked; taking it removes the temporary file a
// killed writer may have left (registry_files.hpp, sweep_leftovers). Readers never take it: they see the old
// state until they open again (registry_files.hpp). The file is left in place (removing a lock
// file races with the next writer opening it).
#pragma once

#include <string>

namespace normdoc::registry {

class WriterLock {
public:
    // Takes the writer lock of `registry` (the snapshot's path). With wait false, another writer
    // holding it is an IoError (SPEC §10 exit 3): "REGISTRY: the registry is in use by another
    // writer (REGISTRY.lock is held)"; with wait true, this waits for it. Throws IoError when the
    // lock file cannot be created or opened.
    static WriterLock acquire(const std::string& registry, bool wait = false);

    WriterLock(WriterLock&& other) noexcept;
    WriterLock& operator=(WriterLock&& other) noexcept;
    WriterLock(const WriterLock&) = delete;
    WriterLock& operator=(const WriterLock&) = delete;
    ~WriterLock();

    const std::string& path() const noexcept { return path_; }

private:
    WriterLock(std::string path, int fd) : path_(std::move(path)), fd_(fd) {}
    std::string path_;
    int fd_ = -1;
};

}  // namespace normdoc::registry
