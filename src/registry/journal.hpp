// SPEC §12: the journal beside a registry snapshot (`REGISTRY-journal`): a header naming the
// snapshot generation it extends, then append-only records (length, checksum, the caller's
// payload), each durable when append returns (written, fdatasync). Byte by byte in
// docs/registry-format.md.
//
// Reading gives every complete record. What follows the last complete record is either a torn
// tail (nothing valid after it: an append cut short by a crash), dropped with a TORN_JOURNAL
// warning, or damage before the last record (a complete record follows the bad bytes): then
// CORRUPT_SNAPSHOT, since committed changes would be lost.
#pragma once

#include "snapshot_file.hpp"

#include "normdoc/atomic_file.hpp"
#include "normdoc/problem.hpp"

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace normdoc::registry {

inline constexpr unsigned char k_journal_magic[8] = {0x89, 'N', 'D', 'J', '\r', '\n', 0x1a, '\n'};
inline constexpr std::uint32_t k_journal_version = 1;
inline constexpr std::size_t k_journal_header_size = 64;
inline constexpr std::size_t k_record_header_size = 16;
inline constexpr std::size_t k_max_record_payload = std::size_t{1} << 30;

struct JournalRecord {
    std::uint64_t offset = 0;  // of the record's header in the file
    std::string_view payload;  // into JournalRead::bytes
};

// What a journal holds.
struct JournalRead {
    bool exists = false;       // false: no journal file (no changes since the snapshot)
    Generation generation;     // the snapshot generation its header names
    std::string bytes;         // the file's content; records view into it
    std::vector<JournalRecord> records;
    std::uint64_t valid_size = 0;  // header and complete records: where the next append goes
    bool torn = false;             // a torn tail was dropped (with a TORN_JOURNAL warning)
    std::vector<Problem> problems;
    bool ok() const noexcept { return !has_errors(problems); }

    JournalRead() = default;
    JournalRead(JournalRead&&) noexcept;  // records keep pointing into the moved bytes
    JournalRead& operator=(JournalRead&&) noexcept;
    JournalRead(const JournalRead&) = delete;
    JournalRead& operator=(const JournalRead&) = delete;
};

// Parses a journal's content; `name` is what problems carry.
JournalRead parse_journal(std::string bytes, const std::string& name);
// Reads the journal at `path`; a missing file is an empty journal (exists false). Throws IoError
// when the file is there but cannot be read.
JournalRead read_journal(const std::string& path);

// The bytes of a journal header, and of one record at `offset` of a journal of `generation`
// (for the writer, tests and fuzz seeds).
std::string journal_header(const Generation& generation);
std::string journal_record(const Generation& generation, std::uint64_t offset, std::string_view payload);

// Writes a new journal holding only its header, for a snapshot of `generation`, atomically over
// whatever is at `path` (compaction: SPEC §12 "folds it in"; registry_files.hpp has the order).
void reset_journal(const std::string& path, const Generation& generation, FileSystem& fs = default_file_system());

// Appends to the journal of a snapshot of one generation. Not thread-safe; one writer at a time
// (WriterLock).
class JournalWriter {
public:
    struct Open;
    // Opens the journal at `path` for appending records to a snapshot of `generation`: creates it
    // (atomically, the directory synced) when missing, cuts a torn tail (synced) so that new
    // records follow the last complete one. A damaged journal, or one of another generation, is an
    // error and no writer. Throws IoError on a system failure.
    static Open open(const std::string& path, const Generation& generation);

    JournalWriter(JournalWriter&& other) noexcept;
    JournalWriter& operator=(JournalWriter&& other) noexcept;
    JournalWriter(const JournalWriter&) = delete;
    JournalWriter& operator=(const JournalWriter&) = delete;
    ~JournalWriter();

    // Appends one record, durable when this returns (write, fdatasync). On failure the journal is
    // cut back to what it was and IoError says why.
    void append(std::string_view payload);
    std::uint64_t size() const noexcept { return size_; }
    std::size_t records() const noexcept { return records_; }
    const std::string& path() const noexcept { return path_; }

private:
    JournalWriter(std::string path, Generation generation, int fd, std::uint64_t size, std::size_t records);
    std::string path_;
    Generation generation_;
    int fd_ = -1;
    std::uint64_t size_ = 0;
    std::size_t records_ = 0;
};

struct JournalWriter::Open {
    std::optional<JournalWriter> writer;
    std::vector<Problem> problems;  // a TORN_JOURNAL warning when a tail was cut; an error instead of a writer
    explicit operator bool() const noexcept { return writer.has_value(); }
};

}  // namespace normdoc::registry
