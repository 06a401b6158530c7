// Registry snapshots (SPEC §12): a corpus compiled to one binary file that is used in place,
// opened by mapping it (nothing parsed, no allocation per document), and the one open call that
// takes either form.
//
//   compile_snapshot(*read_corpus_file("corpus.xml").corpus, "registry.ndb");
//   LoadResult r = open_corpus("registry.ndb");   // or "corpus.xml": told apart by the first bytes
//
// The format is docs/registry-format.md. A damaged snapshot (truncated, altered, of another
// version or layout) gives a CORRUPT_SNAPSHOT or BAD_VERSION problem, never a corpus.
#pragma once

#include "normdoc/corpus.hpp"

#include <cstdint>
#include <string>
#include <vector>

namespace normdoc {

// What a snapshot records of the corpus XML it was compiled from.
struct SnapshotSource {
    std::uint64_t size = 0;  // bytes; 0 when the corpus was not read from a file
    std::uint64_t hash = 0;  // XXH64 of the file
};

// The size and hash of a file, for SnapshotSource. Throws IoError.
SnapshotSource snapshot_source_of(const std::string& xml_path);

// Writes `corpus` as the registry snapshot `path`, atomically, replacing a registry there (its
// journal included) under the registry's writer lock: a second writer is an IoError (SPEC §12:
// exit 3, "in use"). Throws IoError.
// `warnings` are what validating it reported (kept, so that commands on the registry report them
// as they do on the XML).
void compile_snapshot(const Corpus& corpus, const std::string& path, const SnapshotSource& source = {},
                      const std::vector<Problem>& warnings = {});

// SPEC §12: a corpus from a file that is either corpus XML or a registry snapshot, told apart by
// its first bytes; a snapshot's journal of changes, if any, is applied. Throws IoError when the
// file cannot be read.
LoadResult open_corpus(const std::string& path);

// Whether the file begins as a registry snapshot does. Throws IoError when it cannot be read.
bool is_registry_file(const std::string& path);

}  // namespace normdoc
