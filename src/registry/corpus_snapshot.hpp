// A corpus's columns as the sections of a registry snapshot (SPEC §12; docs/registry-format.md,
// "The corpus's sections"): written from a corpus in memory, and a corpus used in place from a
// mapped snapshot, after checking that the columns hold together (so that no query on them reads
// out of bounds, whatever the file says).
#pragma once

#include "normdoc/corpus.hpp"

#include "registry/snapshot_file.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc::registry {

// The caller's header area of a corpus snapshot.
struct CorpusMeta {
    char kind[8] = {'c', 'o', 'r', 'p', 'u', 's', 0, 0};
    std::uint32_t layout = 1;     // the corpus layout's version (detail/corpus_data.hpp)
    std::uint32_t sections = 0;   // how many columns
    std::uint64_t documents = 0;
    std::uint64_t authorities = 0;
    std::uint64_t relations = 0;
    std::int32_t profile[5] = {}; // validity years, trial years, consultation, filing, review months
    std::uint32_t reserved = 0;
    std::uint64_t source_size = 0;  // the corpus XML it was compiled from (0 when none)
    std::uint64_t source_hash = 0;  // XXH64 of that file
};

// The snapshot of `corpus`, ready to be written (the corpus and `warnings` must outlive the writer).
// `warnings` are the problems its validation found (SPEC §12: a command on the registry reports
// what it would report on the XML it came from); kept in the section 'PROB'.
SnapshotWriter corpus_snapshot(const Corpus& corpus, const std::vector<Problem>& warnings, std::uint64_t source_size = 0,
                               std::uint64_t source_hash = 0);

// The problems as the 'PROB' section stores them, and back (none when the bytes do not parse).
std::string encode_problems(const std::vector<Problem>& problems);
std::optional<std::vector<Problem>> decode_problems(std::string_view bytes);

// The corpus of a validated snapshot, its columns used in place; a problem (CORRUPT_SNAPSHOT or
// BAD_VERSION) when the snapshot is not a corpus of this layout or its columns do not hold together.
LoadResult corpus_of_snapshot(const Snapshot& snapshot);

}  // namespace normdoc::registry
