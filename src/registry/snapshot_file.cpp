// SPEC §12: the registry snapshot's container. The layout (docs/registry-format.md):
//
//   header (64 bytes) · meta (the caller's header area) · sections, each at the next multiple of
//   64 · the section table (48 bytes an entry) at the next multiple of 64 · footer (64 bytes)
//
// The layout is canonical: every offset follows from the sizes before it and every gap is zero
// bytes, so a reader checks offsets for equality (no overlap or gap can pass) and one snapshot
// content has one file. The footer comes last because a produced section's size and every
// checksum are known only once it has been written (the atomic writer streams).
#include "snapshot_file.hpp"

#include "hash.hpp"

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <new>
#include <random>
#include <stdexcept>
#include <thread>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

namespace normdoc::registry {

namespace {

constexpr std::uint32_t k_byte_order = 0x0A0B0C0Du;  // little-endian files read 0D 0C 0B 0A
constexpr unsigned char k_end_magic[8] = {0x89, 'N', 'D', 'B', 'E', 'N', 'D', '\n'};
constexpr std::size_t k_header_size = 64;
constexpr std::size_t k_entry_size = 48;
constexpr std::size_t k_footer_size = 64;
constexpr std::size_t k_footer_checked = 48;  // the footer's bytes before its checksum

struct RawHeader {
    unsigned char magic[8];
    std::uint32_t byte_order;
    std::uint32_t version;
    unsigned char generation[16];
    std::uint32_t header_size;
    std::uint32_t meta_size;
    unsigned char parent[16];
    std::uint64_t parent_journal_bytes;
};
static_assert(sizeof(RawHeader) == k_header_size, "the header is 64 bytes");

struct RawEntry {
    std::uint32_t tag;
    std::uint32_t element_size;
    std::uint64_t offset;
    std::uint64_t size;
    std::uint64_t checksum;
    std::uint64_t reserved[2];
};
static_assert(sizeof(RawEntry) == k_entry_size, "a section table entry is 48 bytes");

struct RawFooter {
    std::uint64_t table_offset;
    std::uint32_t section_count;
    std::uint32_t entry_size;
    unsigned char generation[16];
    std::uint64_t file_size;
    std::uint64_t reserved;
    std::uint64_t checksum;  // XXH64 of header · meta · table · footer[0, 48)
    unsigned char end_magic[8];
};
static_assert(sizeof(RawFooter) == k_footer_size, "the footer is 64 bytes");

constexpr std::uint64_t align_up(std::uint64_t x) noexcept {
    return (x + (k_section_alignment - 1)) & ~std::uint64_t{k_section_alignment - 1};
}

const char k_zeros[k_section_alignment] = {};

std::string bytes_range(std::uint64_t from, std::uint64_t to) {
    return "bytes " + std::to_string(from) + "–" + std::to_string(to);
}

std::string hex64(std::uint64_t v) {
    char buf[19];
    std::snprintf(buf, sizeof buf, "0x%016llx", static_cast<unsigned long long>(v));
    return buf;
}

// Counts what goes to the sink, so that padding and offsets follow.
class CountingSink final : public OutputSink {
public:
    explicit CountingSink(OutputSink& out) : out_(out) {}
    void write(const char* data, std::size_t size) override {
        out_.write(data, size);
        written_ += size;
    }
    using OutputSink::write;
    std::uint64_t written() const noexcept { return written_; }
    void pad() {
        const std::uint64_t to = align_up(written_);
        write(k_zeros, static_cast<std::size_t>(to - written_));
    }

private:
    OutputSink& out_;
    std::uint64_t written_ = 0;
};

// The block checksums of a section whose bytes come in pieces of any size.
class BlockChecksums final : public OutputSink {
public:
    explicit BlockChecksums(OutputSink& out) : out_(out) {}
    void write(const char* data, std::size_t size) override {
        out_.write(data, size);
        size_ += size;
        while (size > 0) {
            if (buffer_.empty() && size >= k_checksum_block) {  // a whole block: no copy
                blocks_.push_back(checksum64(data, k_checksum_block));
                data += k_checksum_block;
                size -= k_checksum_block;
                continue;
            }
            const std::size_t take = std::min(size, k_checksum_block - buffer_.size());
            buffer_.append(data, take);
            data += take;
            size -= take;
            if (buffer_.size() == k_checksum_block) {
                blocks_.push_back(checksum64(buffer_.data(), buffer_.size()));
                buffer_.clear();
            }
        }
    }
    using OutputSink::write;
    std::uint64_t finish(Tag tag) {
        if (!buffer_.empty()) blocks_.push_back(checksum64(buffer_.data(), buffer_.size()));
        buffer_.clear();
        return detail::section_checksum(tag, blocks_.data(), blocks_.size());
    }
    std::uint64_t size() const noexcept { return size_; }

private:
    OutputSink& out_;
    std::string buffer_;
    std::vector<std::uint64_t> blocks_;
    std::uint64_t size_ = 0;
};

std::uint64_t blocks_of(std::uint64_t size) noexcept { return (size + k_checksum_block - 1) / k_checksum_block; }

}  // namespace

// ---- names ----------------------------------------------------------------------------------------

std::string tag_name(Tag tag) {
    std::string out;
    for (int i = 0; i < 4; ++i) {
        const auto c = static_cast<char>((tag >> (8 * i)) & 0xFFu);
        if (c < 0x21 || c > 0x7e) {
            char buf[11];
            std::snprintf(buf, sizeof buf, "0x%08x", static_cast<unsigned>(tag));
            return buf;
        }
        out += c;
    }
    return out;
}

Generation Generation::random() {
    Generation g;
    std::random_device device;
    std::seed_seq seq{device(), device(), device(), device(), static_cast<unsigned>(::getpid()),
                      static_cast<unsigned>(std::random_device{}())};
    std::mt19937_64 rng(seq);
    for (std::size_t i = 0; i < g.bytes.size(); i += 8) {
        std::uint64_t v = rng() ^ (static_cast<std::uint64_t>(device()) << 32 | device());
        std::memcpy(g.bytes.data() + i, &v, 8);
    }
    if (g.is_zero()) g.bytes[0] = 1;  // zero means "none"
    return g;
}

bool Generation::is_zero() const noexcept {
    return std::all_of(bytes.begin(), bytes.end(), [](unsigned char b) { return b == 0; });
}

std::string Generation::hex() const {
    static const char k_digits[] = "0123456789abcdef";
    std::string out;
    for (unsigned char b : bytes) {
        out += k_digits[b >> 4];
        out += k_digits[b & 15];
    }
    return out;
}

bool looks_like_snapshot(std::string_view first_bytes) noexcept {
    return first_bytes.size() >= sizeof k_snapshot_magic &&
           std::memcmp(first_bytes.data(), k_snapshot_magic, sizeof k_snapshot_magic) == 0;
}

bool file_looks_like_snapshot(const std::string& path) {
    int fd;
    do fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    while (fd < 0 && errno == EINTR);
    if (fd < 0) throw IoError(path, std::string("cannot open: ") + std::strerror(errno));
    char buf[sizeof k_snapshot_magic];
    std::size_t got = 0;
    while (got < sizeof buf) {
        const ssize_t r = ::read(fd, buf + got, sizeof buf - got);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) {
            const int err = errno;
            ::close(fd);
            throw IoError(path, std::string("cannot read: ") + std::strerror(err));
        }
        if (r == 0) break;
        got += static_cast<std::size_t>(r);
    }
    ::close(fd);
    return looks_like_snapshot(std::string_view(buf, got));
}

namespace detail {

std::uint64_t section_checksum(Tag tag, const std::uint64_t* block_checksums, std::size_t blocks) noexcept {
    return hash64(block_checksums, blocks * sizeof(std::uint64_t), tag);
}

std::uint64_t section_checksum(Tag tag, std::string_view bytes) noexcept {
    std::vector<std::uint64_t> blocks;
    blocks.reserve(static_cast<std::size_t>(blocks_of(bytes.size())));
    for (std::size_t at = 0; at < bytes.size(); at += k_checksum_block)
        blocks.push_back(checksum64(bytes.data() + at, std::min(k_checksum_block, bytes.size() - at)));
    return section_checksum(tag, blocks.data(), blocks.size());
}

}  // namespace detail

// ---- writing ----------------------------------------------------------------------------------------

SnapshotWriter::SnapshotWriter(Generation generation) : generation_(generation) {}

void SnapshotWriter::set_meta(std::string_view bytes) {
    if (bytes.size() > k_max_meta_size)
        throw std::invalid_argument("snapshot header area of " + std::to_string(bytes.size()) + " bytes (at most " +
                                    std::to_string(k_max_meta_size) + ")");
    meta_.assign(bytes.data(), bytes.size());
}

void SnapshotWriter::check_new_tag(Tag tag, std::uint32_t element_size) const {
    if (tag == 0) throw std::invalid_argument("snapshot section tag 0");
    if (element_size == 0) throw std::invalid_argument("snapshot section " + tag_name(tag) + " with element size 0");
    if (sections_.size() >= k_max_sections) throw std::invalid_argument("too many snapshot sections");
    for (const Section& s : sections_)
        if (s.tag == tag) throw std::invalid_argument("snapshot section " + tag_name(tag) + " added twice");
}

void SnapshotWriter::add(Tag tag, std::string_view bytes, std::uint32_t element_size) {
    check_new_tag(tag, element_size);
    if (bytes.size() % element_size != 0)
        throw std::invalid_argument("snapshot section " + tag_name(tag) + ": " + std::to_string(bytes.size()) +
                                    " bytes is not a whole number of " + std::to_string(element_size) + "-byte elements");
    sections_.push_back(Section{tag, element_size, bytes, {}});
}

void SnapshotWriter::add_produced(Tag tag, std::uint32_t element_size, std::function<void(OutputSink&)> producer) {
    check_new_tag(tag, element_size);
    sections_.push_back(Section{tag, element_size, {}, std::move(producer)});
}

void SnapshotWriter::write_to(OutputSink& sink) const {
    CountingSink out(sink);
    Hasher64 meta_hash;

    RawHeader header{};
    std::memcpy(header.magic, k_snapshot_magic, sizeof header.magic);
    header.byte_order = k_byte_order;
    header.version = k_snapshot_version;
    std::memcpy(header.generation, generation_.bytes.data(), 16);
    header.header_size = k_header_size;
    header.meta_size = static_cast<std::uint32_t>(meta_.size());
    std::memcpy(header.parent, lineage_.parent.bytes.data(), 16);
    header.parent_journal_bytes = lineage_.parent_journal_bytes;
    out.write(reinterpret_cast<const char*>(&header), sizeof header);
    out.write(meta_.data(), meta_.size());
    meta_hash.update(&header, sizeof header);
    meta_hash.update(meta_);
    out.pad();

    std::vector<RawEntry> table;
    table.reserve(sections_.size());
    for (const Section& s : sections_) {
        RawEntry entry{};
        entry.tag = s.tag;
        entry.element_size = s.element_size;
        entry.offset = out.written();
        if (s.producer) {
            BlockChecksums blocks(out);
            s.producer(blocks);
            if (blocks.size() % s.element_size != 0)
                throw std::logic_error("snapshot section " + tag_name(s.tag) + ": the producer wrote " +
                                       std::to_string(blocks.size()) + " bytes, not a whole number of " +
                                       std::to_string(s.element_size) + "-byte elements");
            entry.size = blocks.size();
            entry.checksum = blocks.finish(s.tag);
        } else {
            out.write(s.bytes.data(), s.bytes.size());
            entry.size = s.bytes.size();
            entry.checksum = detail::section_checksum(s.tag, s.bytes);
        }
        out.pad();
        table.push_back(entry);
    }

    RawFooter footer{};
    footer.table_offset = out.written();
    footer.section_count = static_cast<std::uint32_t>(table.size());
    footer.entry_size = k_entry_size;
    std::memcpy(footer.generation, generation_.bytes.data(), 16);
    footer.file_size = footer.table_offset + table.size() * k_entry_size + k_footer_size;
    out.write(reinterpret_cast<const char*>(table.data()), table.size() * k_entry_size);
    meta_hash.update(table.data(), table.size() * k_entry_size);
    meta_hash.update(&footer, k_footer_checked);
    footer.checksum = meta_hash.digest();
    std::memcpy(footer.end_magic, k_end_magic, sizeof footer.end_magic);
    out.write(reinterpret_cast<const char*>(&footer), sizeof footer);
}

void SnapshotWriter::write(const std::string& path, FileSystem& fs) const {
    write_file_atomically(path, [this](OutputSink& out) { write_to(out); }, fs);
}

std::string SnapshotWriter::to_string() const {
    std::string out;
    StringSink sink(out);
    write_to(sink);
    return out;
}

// ---- opening ------------------------------------------------------------------------------------------

namespace {

// A read-only shared mapping of a whole file.
struct FileMapping {
    void* address = nullptr;
    std::size_t size = 0;
    FileMapping(void* a, std::size_t s) : address(a), size(s) {}
    FileMapping(const FileMapping&) = delete;
    FileMapping& operator=(const FileMapping&) = delete;
    ~FileMapping() {
        if (address) ::munmap(address, size);
    }
};

// A copy of bytes in a 64-byte aligned buffer.
struct AlignedCopy {
    char* data = nullptr;
    explicit AlignedCopy(std::string_view bytes) {
        const std::size_t size = std::max<std::size_t>(align_up(bytes.size()), k_section_alignment);
        data = static_cast<char*>(::operator new(size, std::align_val_t(k_section_alignment)));
        std::memcpy(data, bytes.data(), bytes.size());
    }
    AlignedCopy(const AlignedCopy&) = delete;
    AlignedCopy& operator=(const AlignedCopy&) = delete;
    ~AlignedCopy() { ::operator delete(data, std::align_val_t(k_section_alignment)); }
};

struct Closer {
    int fd;
    ~Closer() {
        if (fd >= 0) ::close(fd);
    }
};

// The block checksums of every section, on `threads` threads: through the mapping or by pread.
struct ChecksumPass {
    struct Job {
        std::size_t section;
        std::uint64_t offset;  // in the file
        std::size_t size;
    };
    std::vector<Job> jobs;
    std::vector<std::uint64_t> results;
    std::atomic<std::size_t> next{0};
    std::atomic<int> read_error{0};
    bool drop = false;

    void run_one(const char* base, int fd) {
        std::unique_ptr<char[]> buffer;
        if (fd >= 0) buffer.reset(new char[k_checksum_block]);
        for (;;) {
            const std::size_t j = next.fetch_add(1, std::memory_order_relaxed);
            if (j >= jobs.size() || read_error.load(std::memory_order_relaxed) != 0) return;
            const Job& job = jobs[j];
            const char* data = base + job.offset;
            if (fd >= 0) {
                std::size_t got = 0;
                while (got < job.size) {
                    const ssize_t r = ::pread(fd, buffer.get() + got, job.size - got, static_cast<off_t>(job.offset + got));
                    if (r < 0 && errno == EINTR) continue;
                    if (r <= 0) {
                        read_error.store(r < 0 ? errno : EIO);
                        return;
                    }
                    got += static_cast<std::size_t>(r);
                }
                data = buffer.get();
            }
            results[j] = checksum64(data, job.size);
            if (drop) {
                // The whole pages inside the block: the mapping stays, only this process's
                // page-table entries go (the pages stay in the page cache).
                const auto page = static_cast<std::uintptr_t>(::sysconf(_SC_PAGESIZE));
                const auto from = (reinterpret_cast<std::uintptr_t>(data) + page - 1) & ~(page - 1);
                const auto to = (reinterpret_cast<std::uintptr_t>(data) + job.size) & ~(page - 1);
                if (to > from) ::madvise(reinterpret_cast<void*>(from), to - from, MADV_DONTNEED);
            }
        }
    }

    void run(const char* base, int fd, unsigned threads) {
        results.assign(jobs.size(), 0);
        std::uint64_t total = 0;
        for (const Job& job : jobs) total += job.size;
        // A second thread pays for itself from 32 MiB on (about 2 ms of checking alone): below
        // that, waiting for it to be scheduled on a busy machine (a 4 ms tick) costs more.
        if (threads > 1 && total >= 32 * k_checksum_block) {
            std::vector<std::thread> helpers;
            for (unsigned t = 1; t < threads; ++t) helpers.emplace_back([&] { run_one(base, fd); });
            run_one(base, fd);
            for (std::thread& h : helpers) h.join();
        } else {
            run_one(base, fd);
        }
    }
};

}  // namespace

SnapshotOpen Snapshot::open(const std::string& path, const OpenOptions& options) {
    int fd;
    do fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    while (fd < 0 && errno == EINTR);
    if (fd < 0) throw IoError(path, std::string("cannot open: ") + std::strerror(errno));
    Closer closer{fd};
    struct stat st {};
    if (::fstat(fd, &st) != 0) throw IoError(path, std::string("cannot examine: ") + std::strerror(errno));
    if (!S_ISREG(st.st_mode)) throw IoError(path, "not a regular file");
    const auto size = static_cast<std::uint64_t>(st.st_size);
    if (size < k_header_size + k_footer_size || size > static_cast<std::uint64_t>(SIZE_MAX)) {
        // Too short to map usefully: validate a copy, which says what is wrong.
        std::string bytes(static_cast<std::size_t>(std::min<std::uint64_t>(size, k_header_size + k_footer_size)), '\0');
        std::size_t got = 0;
        while (got < bytes.size()) {
            const ssize_t r = ::pread(fd, bytes.data() + got, bytes.size() - got, static_cast<off_t>(got));
            if (r < 0 && errno == EINTR) continue;
            if (r < 0) throw IoError(path, std::string("cannot read: ") + std::strerror(errno));
            if (r == 0) break;
            got += static_cast<std::size_t>(r);
        }
        bytes.resize(got);
        return open_memory(bytes, path, options);
    }
    void* address = ::mmap(nullptr, static_cast<std::size_t>(size), PROT_READ, MAP_SHARED, fd, 0);
    if (address == MAP_FAILED) throw IoError(path, std::string("cannot map: ") + std::strerror(errno));
    auto mapping = std::make_shared<FileMapping>(address, static_cast<std::size_t>(size));
    const char* base = static_cast<const char*>(address);
    SnapshotOpen result = validate(std::shared_ptr<const void>(mapping, mapping->address), base,
                                   static_cast<std::size_t>(size), options.read == OpenOptions::Read::pread ? fd : -1,
                                   path, options, true);
    return result;
}

SnapshotOpen Snapshot::open_memory(std::string_view bytes, const std::string& name, const OpenOptions& options) {
    auto copy = std::make_shared<AlignedCopy>(bytes);
    const char* base = copy->data;
    return validate(std::shared_ptr<const void>(copy, copy->data), base, bytes.size(), -1, name, options, false);
}

SnapshotOpen Snapshot::validate(std::shared_ptr<const void> owner, const char* base, std::size_t size, int fd,
                                const std::string& name, const OpenOptions& options, bool owner_is_mapping) {
    SnapshotOpen result;
    auto fail = [&](ProblemCode code, std::string message) {
        Problem p;
        p.file = name;
        p.severity = Severity::error;
        p.code = code;
        p.message = std::move(message);
        result.problems.push_back(std::move(p));
        return std::move(result);
    };
    const auto corrupt = [&](std::string message) { return fail(ProblemCode::corrupt_snapshot, std::move(message)); };

    // SPEC §12: the first bytes say whether this is a snapshot at all.
    if (size == 0) return corrupt("empty file (0 bytes): not a registry snapshot");
    if (!looks_like_snapshot(std::string_view(base, size)))
        return corrupt("not a registry snapshot: the file does not begin with normdoc's magic number");
    if (size < k_header_size + k_footer_size)
        return corrupt("truncated: " + std::to_string(size) + " bytes, and the smallest snapshot has " +
                       std::to_string(k_header_size + k_footer_size));

    RawHeader header;
    std::memcpy(&header, base, sizeof header);
    if (header.byte_order != k_byte_order)
        return fail(ProblemCode::bad_version,
                    header.byte_order == __builtin_bswap32(k_byte_order)
                        ? "written on a machine of the other byte order; compile the corpus again here"
                        : "byte-order mark " + hex64(header.byte_order) + " is neither of the two byte orders");
    if (header.version != k_snapshot_version)
        return fail(ProblemCode::bad_version, "format version " + std::to_string(header.version) +
                                                  "; this normdoc reads version " + std::to_string(k_snapshot_version) +
                                                  " (compile the corpus again)");
    if (header.header_size != k_header_size)
        return corrupt("header size " + std::to_string(header.header_size) + " (bytes 16–20), expected " +
                       std::to_string(k_header_size));

    RawFooter footer;
    std::memcpy(&footer, base + size - k_footer_size, sizeof footer);
    if (std::memcmp(footer.end_magic, k_end_magic, sizeof k_end_magic) != 0)
        return corrupt("no end marker in the last 8 bytes (" + bytes_range(size - 8, size) +
                       "): the file is truncated, has bytes appended, or was not written whole");
    if (footer.file_size != size)
        return corrupt("the footer gives the file " + std::to_string(footer.file_size) + " bytes, it has " +
                       std::to_string(size) + ": truncated or extended");
    if (std::memcmp(footer.generation, header.generation, 16) != 0)
        return corrupt("the header and the footer name different generations: pieces of two snapshots");
    if (header.meta_size > k_max_meta_size)
        return corrupt("header area of " + std::to_string(header.meta_size) + " bytes (at most " +
                       std::to_string(k_max_meta_size) + ")");
    if (footer.entry_size != k_entry_size)
        return corrupt("section table entries of " + std::to_string(footer.entry_size) + " bytes, expected " +
                       std::to_string(k_entry_size));
    if (footer.section_count > k_max_sections)
        return corrupt(std::to_string(footer.section_count) + " sections (at most " + std::to_string(k_max_sections) + ")");
    const std::uint64_t table_bytes = std::uint64_t{footer.section_count} * k_entry_size;
    const std::uint64_t meta_end = k_header_size + header.meta_size;
    if (footer.table_offset % k_section_alignment != 0 || footer.table_offset < align_up(meta_end) ||
        footer.table_offset + table_bytes + k_footer_size != size)
        return corrupt("the section table at byte " + std::to_string(footer.table_offset) + " (" +
                       std::to_string(footer.section_count) + " entries) does not end where the footer begins (byte " +
                       std::to_string(size - k_footer_size) + ")");

    {
        Hasher64 h;
        h.update(base, static_cast<std::size_t>(meta_end));
        h.update(base + footer.table_offset, static_cast<std::size_t>(table_bytes));
        h.update(&footer, k_footer_checked);
        const std::uint64_t computed = h.digest();
        if (computed != footer.checksum)
            return corrupt("the header, header area, section table or footer is altered (their checksum " +
                           hex64(footer.checksum) + " at byte " + std::to_string(size - 16) + ", computed " +
                           hex64(computed) + ")");
    }
    if (footer.reserved != 0) return corrupt("reserved footer bytes are not zero");

    // The table, and the layout it implies: each section where the one before ends (64-aligned).
    Snapshot snapshot;
    snapshot.sections_.reserve(footer.section_count);
    auto zeros = [&](std::uint64_t from, std::uint64_t to) {
        for (std::uint64_t i = from; i < to; ++i)
            if (base[i] != 0) return false;
        return true;
    };
    std::uint64_t expected = align_up(meta_end);
    if (!zeros(meta_end, expected)) return corrupt("non-zero padding after the header area (" + bytes_range(meta_end, expected) + ")");
    for (std::uint32_t i = 0; i < footer.section_count; ++i) {
        RawEntry e;
        std::memcpy(&e, base + footer.table_offset + std::uint64_t{i} * k_entry_size, sizeof e);
        const std::string where = "section " + std::to_string(i + 1) + " of " + std::to_string(footer.section_count) +
                                  " ('" + tag_name(e.tag) + "', table entry at byte " +
                                  std::to_string(footer.table_offset + std::uint64_t{i} * k_entry_size) + ")";
        if (e.tag == 0) return corrupt(where + ": tag 0");
        for (const SectionInfo& s : snapshot.sections_)
            if (s.tag == e.tag) return corrupt(where + ": a second section with this tag");
        if (e.element_size == 0) return corrupt(where + ": element size 0");
        if (e.reserved[0] != 0 || e.reserved[1] != 0) return corrupt(where + ": reserved bytes are not zero");
        if (e.offset != expected)
            return corrupt(where + ": starts at byte " + std::to_string(e.offset) + ", where the layout has byte " +
                           std::to_string(expected) + " (sections overlap, leave gaps or are out of order)");
        if (e.size > footer.table_offset - e.offset)
            return corrupt(where + ": " + std::to_string(e.size) + " bytes from byte " + std::to_string(e.offset) +
                           " run past the section table at byte " + std::to_string(footer.table_offset));
        if (e.size % e.element_size != 0)
            return corrupt(where + ": " + std::to_string(e.size) + " bytes is not a whole number of " +
                           std::to_string(e.element_size) + "-byte elements");
        const std::uint64_t end = e.offset + e.size;
        expected = align_up(end);
        if (expected > footer.table_offset)
            return corrupt(where + ": ends at byte " + std::to_string(end) + ", past the section table");
        if (!zeros(end, expected)) return corrupt(where + ": non-zero padding after it (" + bytes_range(end, expected) + ")");
        snapshot.sections_.push_back(SectionInfo{e.tag, e.element_size, e.offset, e.size, e.checksum});
    }
    if (expected != footer.table_offset)
        return corrupt("the section table is at byte " + std::to_string(footer.table_offset) +
                       ", where the layout has byte " + std::to_string(expected));

    if (options.verify_checksums) {
        ChecksumPass pass;
        for (std::size_t s = 0; s < snapshot.sections_.size(); ++s) {
            const SectionInfo& info = snapshot.sections_[s];
            for (std::uint64_t at = 0; at < info.size; at += k_checksum_block)
                pass.jobs.push_back({s, info.offset + at, static_cast<std::size_t>(std::min<std::uint64_t>(k_checksum_block, info.size - at))});
        }
        pass.drop = fd < 0 && options.read == OpenOptions::Read::mapped_drop && owner_is_mapping;
        pass.run(base, fd, std::max(1u, options.threads));
        if (const int err = pass.read_error.load())
            throw IoError(name, std::string("cannot read: ") + std::strerror(err));
        std::size_t j = 0;
        for (std::size_t s = 0; s < snapshot.sections_.size(); ++s) {
            const SectionInfo& info = snapshot.sections_[s];
            const std::size_t blocks = static_cast<std::size_t>(blocks_of(info.size));
            const std::uint64_t computed = detail::section_checksum(info.tag, pass.results.data() + j, blocks);
            j += blocks;
            if (computed != info.checksum)
                return corrupt("section '" + tag_name(info.tag) + "' (" + bytes_range(info.offset, info.offset + info.size) +
                               ") is damaged: checksum " + hex64(info.checksum) + ", computed " + hex64(computed));
        }
    }

    snapshot.owner_ = std::move(owner);
    snapshot.base_ = base;
    snapshot.size_ = size;
    snapshot.file_ = name;
    std::memcpy(snapshot.generation_.bytes.data(), header.generation, 16);
    std::memcpy(snapshot.lineage_.parent.bytes.data(), header.parent, 16);
    snapshot.lineage_.parent_journal_bytes = header.parent_journal_bytes;
    snapshot.meta_ = std::string_view(base + k_header_size, header.meta_size);
    result.snapshot = std::move(snapshot);
    return result;
}

const SectionInfo* Snapshot::find(Tag tag) const noexcept {
    for (const SectionInfo& s : sections_)
        if (s.tag == tag) return &s;
    return nullptr;
}

std::string_view Snapshot::bytes(Tag tag) const noexcept {
    const SectionInfo* info = find(tag);
    if (!info) return {};
    return std::string_view(base_ + info->offset, static_cast<std::size_t>(info->size));
}

const char* Snapshot::check_view(const SectionInfo* info, std::size_t element_size, std::size_t alignment) const noexcept {
    if (!info) return "missing";
    if (info->element_size != element_size) return "element size";
    if (info->size % element_size != 0) return "size";
    if (reinterpret_cast<std::uintptr_t>(base_ + info->offset) % alignment != 0) return "alignment";
    return nullptr;
}

Problem Snapshot::view_problem(Tag tag, const char* why, std::size_t element_size) const {
    Problem p;
    p.file = file_;
    p.code = ProblemCode::corrupt_snapshot;
    const std::string section = "section '" + tag_name(tag) + "'";
    const SectionInfo* info = find(tag);
    const std::string reason(why);
    if (reason == "missing")
        p.message = "no " + section + " (a snapshot of another layout: compile the corpus again)";
    else if (reason == "element size")
        p.message = section + " holds " + std::to_string(info->element_size) + "-byte elements, read as " +
                    std::to_string(element_size) + "-byte ones (a snapshot of another layout: compile the corpus again)";
    else if (reason == "size")
        p.message = section + " has " + std::to_string(info->size) + " bytes, not a whole number of " +
                    std::to_string(element_size) + "-byte elements";
    else
        p.message = section + " at byte " + std::to_string(info->offset) + " is not aligned for its elements";
    return p;
}

}  // namespace normdoc::registry
