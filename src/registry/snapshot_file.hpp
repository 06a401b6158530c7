// The registry snapshot's container (SPEC §12; byte by byte in docs/registry-format.md): a
// versioned binary file of typed sections, each a contiguous array of trivially copyable records,
// aligned to 64 bytes and checksummed, that a reader maps read-only and uses in place. This layer
// stores and maps sections; it knows nothing of documents (the corpus decides what the sections
// hold and fills the caller's header area, "meta").
//
// Writing goes through write_file_atomically (SPEC §7: the old file or the new, never a part).
// Opening validates everything before answering (magic, version, sizes, the section table, the
// layout, every checksum) and gives a Problem (CORRUPT_SNAPSHOT or BAD_VERSION, with the file and
// what is wrong where) instead of a snapshot, never a crash. A file that cannot be opened or
// mapped at all is an IoError (SPEC §10 exit 3), as everywhere in normdoc.
#pragma once

#include "normdoc/atomic_file.hpp"
#include "normdoc/io.hpp"
#include "normdoc/problem.hpp"

#include <array>
#include <cstddef>
#include <cstdint>
#include <cstring>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

namespace normdoc::registry {

// A section's name: four ASCII characters, stored in file order ('DOCS' is the bytes D O C S).
using Tag = std::uint32_t;
constexpr Tag make_tag(const char (&name)[5]) noexcept {
    return static_cast<Tag>(static_cast<unsigned char>(name[0])) |
           static_cast<Tag>(static_cast<unsigned char>(name[1])) << 8 |
           static_cast<Tag>(static_cast<unsigned char>(name[2])) << 16 |
           static_cast<Tag>(static_cast<unsigned char>(name[3])) << 24;
}
// 'DOCS' for a printable tag, else 0x… (for messages).
std::string tag_name(Tag tag);

// A random 128-bit name of one snapshot, so that a journal can say which snapshot it extends.
struct Generation {
    std::array<unsigned char, 16> bytes{};

    static Generation random();
    bool is_zero() const noexcept;
    std::string hex() const;
    friend bool operator==(const Generation& a, const Generation& b) noexcept { return a.bytes == b.bytes; }
    friend bool operator!=(const Generation& a, const Generation& b) noexcept { return !(a == b); }
};

// What a snapshot replaces (registry_files.hpp: compaction): the generation it was folded from and
// how many bytes of that generation's journal it holds. A journal of `parent` no longer than that
// is already inside this snapshot and is ignored. Zero parent: none.
struct Lineage {
    Generation parent;
    std::uint64_t parent_journal_bytes = 0;
    // parent_journal_bytes for a snapshot that replaces its parent's journal whatever it holds
    // (compile over an existing registry: the new content is the whole truth).
    static constexpr std::uint64_t k_whole_journal = ~std::uint64_t{0};
};

// SPEC §12: the first bytes tell a snapshot from corpus XML. 0x89 cannot begin UTF-8 text (so no
// XML file starts so); CR LF, ^Z and LF catch a file mangled by a text-mode transfer (as PNG's).
inline constexpr unsigned char k_snapshot_magic[8] = {0x89, 'N', 'D', 'B', '\r', '\n', 0x1a, '\n'};
inline constexpr std::uint32_t k_snapshot_version = 1;
inline constexpr std::size_t k_section_alignment = 64;
inline constexpr std::size_t k_checksum_block = std::size_t{1} << 20;  // sections are checked per MiB
inline constexpr std::size_t k_max_meta_size = std::size_t{1} << 16;
inline constexpr std::size_t k_max_sections = 4096;

// True when `first_bytes` begins with the snapshot magic number (SPEC §12: anything else is read
// as corpus XML).
bool looks_like_snapshot(std::string_view first_bytes) noexcept;
// The same for a file's first 8 bytes; false for a file shorter than that. Throws IoError when the
// file cannot be read.
bool file_looks_like_snapshot(const std::string& path);

// The sections and the caller's header area, written as one file.
class SnapshotWriter {
public:
    explicit SnapshotWriter(Generation generation = Generation::random());

    const Generation& generation() const noexcept { return generation_; }
    void set_lineage(const Lineage& lineage) { lineage_ = lineage; }
    // The caller's header area (counts, the profile, the source file's size and hash …), copied;
    // at most k_max_meta_size bytes.
    void set_meta(std::string_view bytes);
    template <class T>
    void set_meta_value(const T& value) {
        static_assert(std::is_trivially_copyable_v<T>, "the header area is stored as bytes");
        set_meta(std::string_view(reinterpret_cast<const char*>(&value), sizeof value));
    }

    // A section of `bytes` (size a multiple of element_size), which the caller keeps alive until
    // write returns. Tags are unique and non-zero (std::invalid_argument otherwise).
    void add(Tag tag, std::string_view bytes, std::uint32_t element_size = 1);
    template <class T>
    void add_array(Tag tag, const T* data, std::size_t count) {
        static_assert(std::is_trivially_copyable_v<T>, "sections hold trivially copyable records");
        static_assert(alignof(T) <= k_section_alignment, "sections are aligned to 64 bytes");
        add(tag, std::string_view(reinterpret_cast<const char*>(data), count * sizeof(T)),
            static_cast<std::uint32_t>(sizeof(T)));
    }
    template <class T>
    void add_array(Tag tag, const std::vector<T>& values) {
        add_array(tag, values.data(), values.size());
    }
    // A section whose bytes a producer writes when the file is written (its size need not be known
    // before); what it writes must be a multiple of element_size (std::logic_error otherwise, and
    // nothing is written). Called once per write.
    void add_produced(Tag tag, std::uint32_t element_size, std::function<void(OutputSink&)> producer);

    // Writes the snapshot to `path` through write_file_atomically. Throws IoError.
    void write(const std::string& path, FileSystem& fs = default_file_system()) const;
    // The same bytes to any sink; the whole file as a string (tests, fuzz seeds).
    void write_to(OutputSink& out) const;
    std::string to_string() const;

private:
    struct Section {
        Tag tag;
        std::uint32_t element_size;
        std::string_view bytes;
        std::function<void(OutputSink&)> producer;
    };
    void check_new_tag(Tag tag, std::uint32_t element_size) const;

    Generation generation_;
    Lineage lineage_;
    std::string meta_;
    std::vector<Section> sections_;
};

// One entry of the section table.
struct SectionInfo {
    Tag tag = 0;
    std::uint32_t element_size = 1;
    std::uint64_t offset = 0;  // from the start of the file, a multiple of 64
    std::uint64_t size = 0;    // bytes
    std::uint64_t checksum = 0;
    std::uint64_t count() const noexcept { return size / element_size; }
};

// A typed, aligned view of one section that keeps the file's mapping alive.
template <class T>
class SectionView {
public:
    SectionView() = default;
    SectionView(const T* data, std::size_t size, std::shared_ptr<const void> owner)
        : data_(data), size_(size), owner_(std::move(owner)) {}
    const T* data() const noexcept { return data_; }
    std::size_t size() const noexcept { return size_; }
    bool empty() const noexcept { return size_ == 0; }
    const T& operator[](std::size_t i) const noexcept { return data_[i]; }
    const T* begin() const noexcept { return data_; }
    const T* end() const noexcept { return data_ + size_; }

private:
    const T* data_ = nullptr;
    std::size_t size_ = 0;
    std::shared_ptr<const void> owner_;
};

template <class T>
struct ViewResult {
    std::optional<SectionView<T>> view;
    Problem problem;  // when there is no view: CORRUPT_SNAPSHOT, what is wrong with the section
    explicit operator bool() const noexcept { return view.has_value(); }
};

struct OpenOptions {
    // How the checksum pass reads the file (docs/registry-format.md has the measurements):
    // pread copies each MiB into a small buffer per thread, so that checking does not make the
    // whole file resident in this process; mapped reads through the mapping (the whole file then
    // counts in the process's RSS); mapped_drop reads through the mapping and gives each MiB's
    // pages back to the page cache once checked (MADV_DONTNEED), so that they count only while
    // they are read.
    enum class Read : std::uint8_t { pread, mapped, mapped_drop };
    Read read = Read::mapped_drop;
    unsigned threads = 2;          // threads of the checksum pass (the caller's is one of them)
    bool verify_checksums = true;  // false only to fuzz the structural checks
};

struct SnapshotOpen;

// An open, validated snapshot: cheap to copy (shared ownership of the mapping), safe to read
// from many threads, and every view taken from it keeps the mapping alive on its own.
class Snapshot {
public:
    // Maps `path` read-only (shared) and validates it. Throws IoError when the file cannot be
    // opened, examined or mapped; a bad file is a problem in the result.
    static SnapshotOpen open(const std::string& path, const OpenOptions& options = {});
    // The same over bytes in memory (copied into an aligned buffer); `name` is what problems carry.
    static SnapshotOpen open_memory(std::string_view bytes, const std::string& name, const OpenOptions& options = {});

    const std::string& file() const noexcept { return file_; }
    const Generation& generation() const noexcept { return generation_; }
    const Lineage& lineage() const noexcept { return lineage_; }
    std::uint64_t file_size() const noexcept { return size_; }
    std::string_view meta() const noexcept { return meta_; }
    // The header area as a T when it has exactly sizeof(T) bytes.
    template <class T>
    std::optional<T> meta_value() const {
        static_assert(std::is_trivially_copyable_v<T>, "the header area is stored as bytes");
        if (meta_.size() != sizeof(T)) return std::nullopt;
        T value;
        std::memcpy(&value, meta_.data(), sizeof value);
        return value;
    }

    const std::vector<SectionInfo>& sections() const noexcept { return sections_; }
    const SectionInfo* find(Tag tag) const noexcept;
    // A section's bytes (empty when there is none; find tells the two apart).
    std::string_view bytes(Tag tag) const noexcept;
    // A section as an array of T: it must be there, hold sizeof(T)-byte elements, a whole number
    // of them, and be aligned for T.
    template <class T>
    ViewResult<T> view(Tag tag) const {
        static_assert(std::is_trivially_copyable_v<T>, "sections hold trivially copyable records");
        ViewResult<T> result;
        const SectionInfo* info = find(tag);
        if (const char* why = check_view(info, sizeof(T), alignof(T))) {
            result.problem = view_problem(tag, why, sizeof(T));
            return result;
        }
        result.view.emplace(reinterpret_cast<const T*>(base_ + info->offset), static_cast<std::size_t>(info->count()),
                            owner_);
        return result;
    }
    // What keeps the mapping alive (for a caller's own views).
    const std::shared_ptr<const void>& owner() const noexcept { return owner_; }

private:
    struct Parsed;
    static SnapshotOpen validate(std::shared_ptr<const void> owner, const char* base, std::size_t size, int fd,
                                 const std::string& name, const OpenOptions& options, bool owner_is_mapping);
    const char* check_view(const SectionInfo* info, std::size_t element_size, std::size_t alignment) const noexcept;
    Problem view_problem(Tag tag, const char* why, std::size_t element_size) const;

    std::shared_ptr<const void> owner_;
    const char* base_ = nullptr;
    std::uint64_t size_ = 0;
    std::string file_;
    Generation generation_;
    Lineage lineage_;
    std::string_view meta_;
    std::vector<SectionInfo> sections_;
};

struct SnapshotOpen {
    std::optional<Snapshot> snapshot;
    std::vector<Problem> problems;  // one error when there is no snapshot
    explicit operator bool() const noexcept { return snapshot.has_value(); }
};

namespace detail {
// A section's checksum as the table stores it: XXH64 (seed: the tag) of the little-endian XXH3-64
// of each MiB of the section in order (the last one shorter). Blocks let the checking run on
// several threads whatever the sizes of the sections.
std::uint64_t section_checksum(Tag tag, const std::uint64_t* block_checksums, std::size_t blocks) noexcept;
std::uint64_t section_checksum(Tag tag, std::string_view bytes) noexcept;
}  // namespace detail

}  // namespace normdoc::registry
