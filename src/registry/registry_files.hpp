// SPEC §12: the files of one registry and the order in which they change, so that a reader that
// opens the snapshot and then the journal never pairs a new snapshot with an old journal's
// changes, or an old snapshot with a new journal (docs/registry-format.md, "Fold-in").
//
//   REGISTRY           the snapshot (snapshot_file.hpp), replaced whole by the atomic writer
//   REGISTRY-journal   the changes since (journal.hpp), appended to; replaced whole on fold-in
//   REGISTRY.lock      the writer lock (writer_lock.hpp)
//
// A new snapshot (compaction, or compile over an existing registry) names in its header the
// generation whose journal it replaces and how much of that journal it holds (Lineage). It is
// renamed in first; then an empty journal of its own generation replaces the old journal. Between
// the two renames (or after a crash there) the old journal names the new snapshot's parent and is
// ignored: the state is the new one. A reader that mapped the old snapshot and then finds the new
// journal (the other interleaving) sees a journal of a generation it does not know, opens again,
// and gets the new pair.
#pragma once

#include "journal.hpp"
#include "snapshot_file.hpp"

#include <optional>
#include <string>
#include <vector>

namespace normdoc::registry {

// SPEC §12: files beside a registry are named after it.
std::string journal_path(const std::string& registry);  // REGISTRY-journal
std::string lock_path(const std::string& registry);     // REGISTRY.lock

// A snapshot and the journal records that apply to it, as of one moment.
struct RegistryFiles {
    Snapshot snapshot;
    JournalRead journal;  // empty (exists false, no records) when there is none or it was folded in
};

struct RegistryOpen {
    std::optional<RegistryFiles> files;
    std::vector<Problem> problems;  // warnings (TORN_JOURNAL) beside files; one error instead of them
    explicit operator bool() const noexcept { return files.has_value(); }
};

// Opens the registry for reading (no lock): the snapshot, validated, and its journal's complete
// records. A journal of another generation that the snapshot does not replace is met again after
// reopening (a compaction between the two opens), and an error if it stays (a stale journal).
// Throws IoError when a file cannot be read.
RegistryOpen open_registry(const std::string& registry, const OpenOptions& options = {});

class WriterLock;

// Removes what a killed writer can leave beside the registry: the atomic writer's temporary of
// the snapshot or the journal (`.NAME.tmp.XXXXXX`), which it links in just before renaming it
// over the target, so that a SIGKILL between the two leaves it. Only under the writer lock (no
// writer of these files is alive then); WriterLock::acquire calls it. Returns how many it removed.
int sweep_leftovers(const std::string& registry);

// Opens the registry for a writer holding its WriterLock: open_registry, and what a crash may
// have left is repaired first, so that every write starts from a snapshot and a journal of its
// own generation. A journal that the snapshot replaces (a fold-in or compile stopped between its
// two renames) is reset to an empty one of the snapshot's generation, durably. Without this, a
// compaction of such a pair would name the snapshot as its parent while the journal on disk is
// the grandparent's, and a kill between its renames would leave a journal no snapshot replaces
// (the kill test found it).
RegistryOpen open_registry_for_writing(const std::string& registry, const WriterLock& lock,
                                       const OpenOptions& options = {});

// For a writer holding the WriterLock: the journal ready for appends (a torn tail is cut; a
// replaced journal reset, as open_registry_for_writing does).
JournalWriter::Open open_journal_for_append(const std::string& registry, const Snapshot& snapshot);

// What a new snapshot replaces: the compaction of `files` (from open_registry_for_writing: its
// generation, the journal bytes folded in), or, for a snapshot written over a registry whatever it holds (compile), the
// journal there now if any, whole.
Lineage lineage_of_compaction(const RegistryFiles& files);
Lineage lineage_replacing(const std::string& registry);

// For a writer holding the WriterLock: writes `writer`'s snapshot over `registry` with
// `lineage`, then an empty journal of its generation (the order above). Throws IoError; if the
// second step fails, the new snapshot is in place and in force (the old journal is ignored, and
// the next writer's open_journal_for_append resets it).
void commit_snapshot(const std::string& registry, SnapshotWriter& writer, const Lineage& lineage,
                     FileSystem& fs = default_file_system());

}  // namespace normdoc::registry
