// SPEC §12: a registry's files and the order of their changes (registry_files.hpp).
#include "registry_files.hpp"

#include "writer_lock.hpp"

#include <cerrno>
#include <filesystem>

namespace normdoc::registry {

namespace {

constexpr int k_open_attempts = 5;

Problem error(const std::string& file, std::string message) {
    Problem p;
    p.file = file;
    p.code = ProblemCode::corrupt_snapshot;
    p.message = std::move(message);
    return p;
}

// Whether `snapshot` replaces the journal `journal` (the folded journal of its parent).
bool replaces(const Snapshot& snapshot, const JournalRead& journal) {
    const Lineage& l = snapshot.lineage();
    return !l.parent.is_zero() && journal.generation == l.parent &&
           (l.parent_journal_bytes == Lineage::k_whole_journal || journal.valid_size <= l.parent_journal_bytes);
}

}  // namespace

int sweep_leftovers(const std::string& registry) {
    namespace fs = std::filesystem;
    const fs::path path(registry);
    const fs::path dir = path.has_parent_path() ? path.parent_path() : fs::path(".");
    const std::string name = path.filename().string();
    const std::string temps[] = {"." + name + ".tmp.", "." + name + "-journal.tmp."};  // src/atomic_file.cpp's pattern
    int removed = 0;
    std::error_code ec;
    for (fs::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string entry = it->path().filename().string();
        for (const std::string& t : temps) {
            if (entry.size() == t.size() + 6 && entry.compare(0, t.size(), t) == 0) {
                std::error_code rm;
                if (fs::remove(it->path(), rm)) ++removed;
            }
        }
    }
    return removed;
}

std::string journal_path(const std::string& registry) { return registry + "-journal"; }
std::string lock_path(const std::string& registry) { return registry + ".lock"; }

RegistryOpen open_registry(const std::string& registry, const OpenOptions& options) {
    RegistryOpen result;
    const std::string jpath = journal_path(registry);
    Generation last_mismatch;
    for (int attempt = 0; attempt < k_open_attempts; ++attempt) {
        SnapshotOpen s = Snapshot::open(registry, options);
        if (!s) {
            result.problems = std::move(s.problems);
            return result;
        }
        JournalRead j = read_journal(jpath);
        if (!j.ok()) {
            result.problems = std::move(j.problems);
            return result;
        }
        if (!j.exists || j.generation == s.snapshot->generation()) {
            result.problems = j.problems;  // a TORN_JOURNAL warning
            result.files.emplace(RegistryFiles{std::move(*s.snapshot), std::move(j)});
            return result;
        }
        if (replaces(*s.snapshot, j)) {  // folded in: the snapshot holds it
            result.files.emplace(RegistryFiles{std::move(*s.snapshot), JournalRead{}});
            return result;
        }
        // A journal this snapshot does not know: a compaction between our two opens, or stale.
        if (attempt > 0 && s.snapshot->generation() == last_mismatch) break;
        last_mismatch = s.snapshot->generation();
        if (attempt + 1 == k_open_attempts) break;
    }
    SnapshotOpen s = Snapshot::open(registry, options);
    if (!s) {
        result.problems = std::move(s.problems);
        return result;
    }
    const JournalRead j = read_journal(jpath);
    result.problems.push_back(error(jpath, "a stale journal: it extends snapshot generation " + j.generation.hex() + ", and " +
                                               registry + " is generation " + s.snapshot->generation().hex() +
                                               ", which does not replace it (the snapshot was restored or copied "
                                               "without its journal?)"));
    return result;
}

namespace {

// A fold-in that a crash left half done: the journal on disk is one the snapshot replaces.
void repair(const std::string& registry, const Snapshot& snapshot) {
    const std::string jpath = journal_path(registry);
    const JournalRead j = read_journal(jpath);
    if (j.exists && j.ok() && j.generation != snapshot.generation() && replaces(snapshot, j))
        reset_journal(jpath, snapshot.generation());
}

}  // namespace

RegistryOpen open_registry_for_writing(const std::string& registry, const WriterLock& lock, const OpenOptions& options) {
    (void)lock;  // held: no other writer changes the files between the open and the repair
    RegistryOpen result = open_registry(registry, options);
    if (result) {
        repair(registry, result.files->snapshot);
        if (!result.files->journal.exists) {
            JournalRead j = read_journal(journal_path(registry));
            if (j.exists && j.ok() && j.generation == result.files->snapshot.generation()) result.files->journal = std::move(j);
        }
    }
    return result;
}

JournalWriter::Open open_journal_for_append(const std::string& registry, const Snapshot& snapshot) {
    repair(registry, snapshot);
    return JournalWriter::open(journal_path(registry), snapshot.generation());
}

Lineage lineage_of_compaction(const RegistryFiles& files) {
    Lineage l;
    l.parent = files.snapshot.generation();
    l.parent_journal_bytes = files.journal.exists ? files.journal.valid_size : 0;
    return l;
}

Lineage lineage_replacing(const std::string& registry) {
    Lineage l;
    const JournalRead j = read_journal(journal_path(registry));
    if (j.exists && !j.generation.is_zero()) {
        l.parent = j.generation;
        l.parent_journal_bytes = Lineage::k_whole_journal;
    }
    return l;
}

void commit_snapshot(const std::string& registry, SnapshotWriter& writer, const Lineage& lineage, FileSystem& fs) {
    writer.set_lineage(lineage);
    writer.write(registry, fs);                                   // 1. the new snapshot, in force
    reset_journal(journal_path(registry), writer.generation(), fs);  // 2. the old journal goes
}

}  // namespace normdoc::registry
