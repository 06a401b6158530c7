// SPEC §12: the registry's journal. Layout (docs/registry-format.md):
//
//   header (64 bytes): magic · byte order · version · the snapshot generation · reserved · XXH64
//   record: u32 payload size · u32 reserved (0) · u64 XXH64 · payload · zeros to a multiple of 8
//
// A record's checksum covers its first 8 bytes, its payload and padding, seeded with its offset in
// the file and the generation: bytes of an older record left at another offset, or of a journal
// of another snapshot, never pass for a record here.
#include "journal.hpp"

#include "hash.hpp"

#include <algorithm>
#include <cerrno>
#include <cstring>

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

namespace normdoc::registry {

namespace {

constexpr std::uint32_t k_byte_order = 0x0A0B0C0Du;

struct RawJournalHeader {
    unsigned char magic[8];
    std::uint32_t byte_order;
    std::uint32_t version;
    unsigned char generation[16];
    std::uint64_t reserved[3];
    std::uint64_t checksum;  // XXH64 of the 56 bytes before it
};
static_assert(sizeof(RawJournalHeader) == k_journal_header_size, "the journal header is 64 bytes");

struct RawRecordHeader {
    std::uint32_t size;
    std::uint32_t reserved;
    std::uint64_t checksum;
};
static_assert(sizeof(RawRecordHeader) == k_record_header_size, "a record header is 16 bytes");

constexpr std::uint64_t pad8(std::uint64_t n) noexcept { return (n + 7) & ~std::uint64_t{7}; }

std::uint64_t record_seed(const Generation& g, std::uint64_t offset) noexcept {
    std::uint64_t lo;
    std::memcpy(&lo, g.bytes.data(), 8);
    return lo ^ (offset * 0x9E3779B97F4A7C15ull);
}

// The checksum a record at `offset` with `size` payload bytes at `payload` (padded) must have.
std::uint64_t record_checksum(const Generation& g, std::uint64_t offset, std::uint32_t size, const char* padded_payload) {
    Hasher64 h(record_seed(g, offset));
    const std::uint32_t head[2] = {size, 0};
    h.update(head, sizeof head);
    h.update(padded_payload, static_cast<std::size_t>(pad8(size)));
    return h.digest();
}

// Whether a complete, valid record starts at `at`.
bool valid_record_at(const std::string& bytes, const Generation& g, std::uint64_t at) {
    if (bytes.size() - at < k_record_header_size) return false;
    RawRecordHeader r;
    std::memcpy(&r, bytes.data() + at, sizeof r);
    if (r.reserved != 0 || r.size > k_max_record_payload) return false;
    if (pad8(r.size) > bytes.size() - at - k_record_header_size) return false;
    // Padding is zero, as the writer leaves it: one record content has one form (the fuzzer,
    // learning checksums from comparisons, made a record with other padding and its checksum).
    for (std::uint64_t i = r.size; i < pad8(r.size); ++i)
        if (bytes[at + k_record_header_size + i] != 0) return false;
    return record_checksum(g, at, r.size, bytes.data() + at + k_record_header_size) == r.checksum;
}

Problem make_problem(const std::string& file, Severity severity, ProblemCode code, std::string message) {
    Problem p;
    p.file = file;
    p.severity = severity;
    p.code = code;
    p.message = std::move(message);
    return p;
}

std::string read_whole(int fd, const std::string& path) {
    std::string out;
    char buf[1 << 16];
    for (;;) {
        const ssize_t r = ::read(fd, buf, sizeof buf);
        if (r < 0 && errno == EINTR) continue;
        if (r < 0) throw IoError(path, std::string("cannot read: ") + std::strerror(errno));
        if (r == 0) return out;
        out.append(buf, static_cast<std::size_t>(r));
    }
}

int retry_fdatasync(int fd) {
    int r;
    do r = ::fdatasync(fd);
    while (r != 0 && errno == EINTR);
    return r == 0 ? 0 : errno;
}

}  // namespace

JournalRead::JournalRead(JournalRead&& o) noexcept { *this = std::move(o); }

JournalRead& JournalRead::operator=(JournalRead&& o) noexcept {
    if (this == &o) return *this;
    exists = o.exists;
    generation = o.generation;
    const char* old_base = o.bytes.data();
    bytes = std::move(o.bytes);
    records = std::move(o.records);
    // Short strings move by copy: re-point the payloads at this object's bytes.
    for (JournalRecord& r : records)
        r.payload = std::string_view(bytes.data() + (r.payload.data() - old_base), r.payload.size());
    valid_size = o.valid_size;
    torn = o.torn;
    problems = std::move(o.problems);
    return *this;
}

std::string journal_header(const Generation& generation) {
    RawJournalHeader h{};
    std::memcpy(h.magic, k_journal_magic, sizeof h.magic);
    h.byte_order = k_byte_order;
    h.version = k_journal_version;
    std::memcpy(h.generation, generation.bytes.data(), 16);
    h.checksum = hash64(&h, offsetof(RawJournalHeader, checksum));
    return std::string(reinterpret_cast<const char*>(&h), sizeof h);
}

std::string journal_record(const Generation& generation, std::uint64_t offset, std::string_view payload) {
    if (payload.size() > k_max_record_payload)
        throw std::invalid_argument("journal record of " + std::to_string(payload.size()) + " bytes (at most 1 GiB)");
    const auto size = static_cast<std::uint32_t>(payload.size());
    std::string out(k_record_header_size + static_cast<std::size_t>(pad8(size)), '\0');
    std::memcpy(&out[k_record_header_size], payload.data(), payload.size());
    RawRecordHeader r{size, 0, record_checksum(generation, offset, size, out.data() + k_record_header_size)};
    std::memcpy(&out[0], &r, sizeof r);
    return out;
}

JournalRead parse_journal(std::string content, const std::string& name) {
    JournalRead out;
    out.exists = true;
    out.bytes = std::move(content);
    const std::string& bytes = out.bytes;
    auto error = [&](ProblemCode code, std::string message) {
        out.problems.push_back(make_problem(name, Severity::error, code, std::move(message)));
        out.records.clear();
        out.valid_size = 0;
        return std::move(out);
    };
    if (bytes.size() < sizeof k_journal_magic || std::memcmp(bytes.data(), k_journal_magic, sizeof k_journal_magic) != 0)
        return error(ProblemCode::corrupt_snapshot, "not a registry journal: the file does not begin with its magic number");
    if (bytes.size() < k_journal_header_size)
        return error(ProblemCode::corrupt_snapshot, "journal header truncated (" + std::to_string(bytes.size()) + " of " +
                                                        std::to_string(k_journal_header_size) + " bytes)");
    RawJournalHeader h;
    std::memcpy(&h, bytes.data(), sizeof h);
    if (h.byte_order != k_byte_order)
        return error(ProblemCode::bad_version, "journal written on a machine of another byte order");
    if (h.version != k_journal_version)
        return error(ProblemCode::bad_version, "journal format version " + std::to_string(h.version) +
                                                   "; this normdoc reads version " + std::to_string(k_journal_version));
    if (hash64(bytes.data(), offsetof(RawJournalHeader, checksum)) != h.checksum || h.reserved[0] || h.reserved[1] || h.reserved[2])
        return error(ProblemCode::corrupt_snapshot, "journal header altered (bytes 0–64: checksum mismatch)");
    std::memcpy(out.generation.bytes.data(), h.generation, 16);

    std::uint64_t at = k_journal_header_size;
    while (at < bytes.size()) {
        if (valid_record_at(bytes, out.generation, at)) {
            RawRecordHeader r;
            std::memcpy(&r, bytes.data() + at, sizeof r);
            out.records.push_back(JournalRecord{at, std::string_view(bytes.data() + at + k_record_header_size, r.size)});
            at += k_record_header_size + pad8(r.size);
            continue;
        }
        // The first bad bytes. A torn append leaves only a prefix of one record: if any complete
        // record starts after them, this is damage, not a tear.
        for (std::uint64_t later = at + 8; later + k_record_header_size <= bytes.size(); later += 8) {
            if (valid_record_at(bytes, out.generation, later))
                return error(ProblemCode::corrupt_snapshot,
                             "journal record " + std::to_string(out.records.size() + 1) + " at byte " + std::to_string(at) +
                                 " is damaged, and a complete record follows at byte " + std::to_string(later) +
                                 ": changes before the last one would be lost");
        }
        out.torn = true;
        out.problems.push_back(make_problem(
            name, Severity::warning, ProblemCode::torn_journal,
            "the last record (bytes " + std::to_string(at) + "–" + std::to_string(bytes.size()) +
                ") is incomplete, a write cut short: dropped; the registry is as it was before that change"));
        break;
    }
    out.valid_size = at < bytes.size() ? at : bytes.size();
    return out;
}

JournalRead read_journal(const std::string& path) {
    int fd;
    do fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    while (fd < 0 && errno == EINTR);
    if (fd < 0) {
        if (errno == ENOENT) return JournalRead{};
        throw IoError(path, std::string("cannot open: ") + std::strerror(errno));
    }
    struct stat st {};
    if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
        ::close(fd);
        throw IoError(path, "not a regular file");
    }
    std::string bytes;
    try {
        bytes = read_whole(fd, path);
    } catch (...) {
        ::close(fd);
        throw;
    }
    ::close(fd);
    return parse_journal(std::move(bytes), path);
}

void reset_journal(const std::string& path, const Generation& generation, FileSystem& fs) {
    const std::string header = journal_header(generation);
    write_file_atomically(path, [&](OutputSink& out) { out.write(header); }, fs);
}

// ---- the writer -----------------------------------------------------------------------------------

JournalWriter::JournalWriter(std::string path, Generation generation, int fd, std::uint64_t size, std::size_t records)
    : path_(std::move(path)), generation_(generation), fd_(fd), size_(size), records_(records) {}

JournalWriter::JournalWriter(JournalWriter&& o) noexcept
    : path_(std::move(o.path_)), generation_(o.generation_), fd_(o.fd_), size_(o.size_), records_(o.records_) {
    o.fd_ = -1;
}

JournalWriter& JournalWriter::operator=(JournalWriter&& o) noexcept {
    if (this != &o) {
        if (fd_ >= 0) ::close(fd_);
        path_ = std::move(o.path_);
        generation_ = o.generation_;
        fd_ = o.fd_;
        size_ = o.size_;
        records_ = o.records_;
        o.fd_ = -1;
    }
    return *this;
}

JournalWriter::~JournalWriter() {
    if (fd_ >= 0) ::close(fd_);
}

JournalWriter::Open JournalWriter::open(const std::string& path, const Generation& generation) {
    Open result;
    JournalRead existing = read_journal(path);
    if (!existing.exists) {
        reset_journal(path, generation);  // created whole, the directory synced
        existing = read_journal(path);
    }
    result.problems = std::move(existing.problems);
    if (!existing.ok()) return result;
    if (existing.generation != generation) {
        result.problems.push_back(make_problem(path, Severity::error, ProblemCode::corrupt_snapshot,
                                               "the journal extends snapshot generation " + existing.generation.hex() +
                                                   ", not " + generation.hex() + " (a stale journal)"));
        return result;
    }
    int fd;
    do fd = ::open(path.c_str(), O_WRONLY | O_CLOEXEC);
    while (fd < 0 && errno == EINTR);
    if (fd < 0) throw IoError(path, std::string("cannot open for writing: ") + std::strerror(errno));
    if (existing.torn) {
        // New records must follow the last complete one, or a reader would take the torn bytes
        // for damage before them.
        if (::ftruncate(fd, static_cast<off_t>(existing.valid_size)) != 0 || retry_fdatasync(fd) != 0) {
            const int err = errno;
            ::close(fd);
            throw IoError(path, std::string("cannot cut the torn record: ") + std::strerror(err));
        }
    }
    result.writer.emplace(JournalWriter(path, generation, fd, existing.valid_size, existing.records.size()));
    return result;
}

void JournalWriter::append(std::string_view payload) {
    const std::string record = journal_record(generation_, size_, payload);
    std::size_t done = 0;
    int err = 0;
    while (done < record.size()) {
        const ssize_t r = ::pwrite(fd_, record.data() + done, record.size() - done, static_cast<off_t>(size_ + done));
        if (r < 0 && errno == EINTR) continue;
        if (r <= 0) {
            err = r < 0 ? errno : EIO;
            break;
        }
        done += static_cast<std::size_t>(r);
    }
    if (err == 0) err = retry_fdatasync(fd_);
    if (err != 0) {
        // Back to what it was (best effort: if even this fails, a reader drops the torn tail).
        if (::ftruncate(fd_, static_cast<off_t>(size_)) == 0) retry_fdatasync(fd_);
        throw IoError(path_, std::string("cannot append to the journal: ") + std::strerror(err));
    }
    size_ += record.size();
    ++records_;
}

}  // namespace normdoc::registry
