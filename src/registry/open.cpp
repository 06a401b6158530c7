// open_corpus and compile_snapshot (normdoc/registry.hpp) over the registry's file layer.
#include "normdoc/registry.hpp"

#include "normdoc/io.hpp"
#include "registry/corpus_snapshot.hpp"
#include "registry/hash.hpp"
#include "registry/registry_files.hpp"
#include "registry/writer_lock.hpp"

#include <cerrno>
#include <cstring>
#include <fcntl.h>
#include <unistd.h>
#include <vector>

namespace normdoc {

SnapshotSource snapshot_source_of(const std::string& xml_path) {
    const int fd = ::open(xml_path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) throw IoError(xml_path, std::strerror(errno));
    registry::Hasher64 hasher;
    SnapshotSource out;
    std::vector<char> buffer(std::size_t{1} << 20);
    while (true) {
        const ssize_t n = ::read(fd, buffer.data(), buffer.size());
        if (n < 0 && errno == EINTR) continue;
        if (n < 0) {
            const int e = errno;
            ::close(fd);
            throw IoError(xml_path, std::strerror(e));
        }
        if (n == 0) break;
        hasher.update(buffer.data(), static_cast<std::size_t>(n));
        out.size += static_cast<std::uint64_t>(n);
    }
    ::close(fd);
    out.hash = hasher.digest();
    return out;
}

void compile_snapshot(const Corpus& corpus, const std::string& path, const SnapshotSource& source,
                      const std::vector<Problem>& warnings) {
    const registry::WriterLock lock = registry::WriterLock::acquire(path);
    registry::SnapshotWriter writer = registry::corpus_snapshot(corpus, warnings, source.size, source.hash);
    registry::commit_snapshot(path, writer, registry::lineage_replacing(path));
}

bool is_registry_file(const std::string& path) { return registry::file_looks_like_snapshot(path); }

LoadResult open_corpus(const std::string& path) {
    if (!registry::file_looks_like_snapshot(path)) return read_corpus_file(path);
    // SPEC §12: the snapshot with its journal of changes applied (registry.cpp).
    Registry::Open opened = Registry::open(path);
    LoadResult out;
    out.problems = std::move(opened.problems);
    if (opened) out.corpus = opened.registry->corpus();
    return out;
}

}  // namespace normdoc
