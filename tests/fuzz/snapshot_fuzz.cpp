// libFuzzer harness: the registry snapshot's reader (src/registry/snapshot_file.*), opened from
// memory. SPEC §12: a damaged snapshot is a clear error, never a crash and never an answer.
//
// Two modes, by the first byte:
// - raw (even): the rest is a file. Oracles: open never crashes; without a snapshot there is one
//   error, CORRUPT_SNAPSHOT or BAD_VERSION, naming the file; with one, every section lies inside
//   the file, 64-byte aligned, a whole number of elements, its bytes readable (ASan watches), the
//   typed views agree with the table, and writing the same content again gives the input byte
//   for byte (the layout is canonical). Opening with the checksums off accepts whatever opens
//   with them on, and what it accepts, rewritten, opens with them on.
// - built (odd): the rest describes a snapshot (meta and section sizes, contents); it is written,
//   must open and give back its sections, and then one bit chosen by the input is flipped or the
//   file cut at a chosen length: that must not open.
#include "registry/snapshot_file.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <string>
#include <string_view>
#include <vector>

using namespace normdoc;
using namespace normdoc::registry;

namespace {

void check(bool ok) {
    if (!ok) std::abort();
}

const Generation k_generation = [] {
    Generation g;
    for (std::size_t i = 0; i < g.bytes.size(); ++i) g.bytes[i] = static_cast<unsigned char>(i * 17 + 1);
    return g;
}();

void check_failure(const SnapshotOpen& r) {
    check(r.problems.size() == 1);
    const Problem& p = r.problems[0];
    check(p.is_error());
    check(p.code == ProblemCode::corrupt_snapshot || p.code == ProblemCode::bad_version);
    check(p.file == "fuzz.ndb");
    check(!p.message.empty());
}

// Writes the snapshot's content again with a writer.
std::string rewrite(const Snapshot& s) {
    SnapshotWriter w(s.generation());
    w.set_lineage(s.lineage());
    w.set_meta(s.meta());
    for (const SectionInfo& info : s.sections()) w.add(info.tag, s.bytes(info.tag), info.element_size);
    return w.to_string();
}

void check_snapshot(const Snapshot& s, std::string_view input) {
    check(s.file_size() == input.size());
    std::uint64_t sum = 0;
    for (const SectionInfo& info : s.sections()) {
        check(info.offset % 64 == 0);
        check(info.offset + info.size <= input.size());
        check(info.size % info.element_size == 0);
        const std::string_view bytes = s.bytes(info.tag);
        check(bytes.size() == info.size);
        for (char c : bytes) sum += static_cast<unsigned char>(c);
        check(std::memcmp(bytes.data(), input.data() + info.offset, bytes.size()) == 0);
        const ViewResult<std::uint64_t> v = s.view<std::uint64_t>(info.tag);
        check(bool(v) == (info.element_size == 8));
        if (v) check(v.view->size() == info.size / 8);
        else check(v.problem.code == ProblemCode::corrupt_snapshot && !v.problem.message.empty());
    }
    (void)sum;
}

void raw(std::string_view input) {
    OpenOptions on;
    on.threads = 1;
    OpenOptions off = on;
    off.verify_checksums = false;
    const SnapshotOpen checked = Snapshot::open_memory(input, "fuzz.ndb", on);
    const SnapshotOpen structural = Snapshot::open_memory(input, "fuzz.ndb", off);
    if (checked) {
        check(structural.snapshot.has_value());
        check(checked.problems.empty());
        check_snapshot(*checked.snapshot, input);
        check(rewrite(*checked.snapshot) == input);
    } else {
        check_failure(checked);
    }
    if (structural) {
        check_snapshot(*structural.snapshot, input);
        const std::string again = rewrite(*structural.snapshot);
        check(again.size() == input.size());
        check(Snapshot::open_memory(again, "fuzz.ndb", on).snapshot.has_value());
    } else {
        check_failure(structural);
        check(!checked);
    }
}

void built(std::string_view input) {
    // meta size, section count, then per section: tag byte, element size, length (2 bytes);
    // contents are the input again, repeated; the last 4 bytes choose the damage.
    std::size_t at = 0;
    auto next = [&]() -> unsigned { return at < input.size() ? static_cast<unsigned char>(input[at++]) : 0u; };
    const std::string filler = input.empty() ? std::string("x") : std::string(input);
    auto content = [&](std::size_t n) {
        std::string out;
        while (out.size() < n) out += filler;
        out.resize(n);
        return out;
    };
    SnapshotWriter w(k_generation);
    const std::string meta = content(next() % 200);
    w.set_meta(meta);
    const unsigned count = next() % 6;
    std::vector<std::string> sections;
    std::vector<Tag> tags;
    std::vector<unsigned> elements;
    for (unsigned i = 0; i < count; ++i) {
        const Tag tag = make_tag("S000") + (next() << 24) + i;  // unique: the low byte differs
        const unsigned element = 1u + next() % 16;
        const std::size_t length = (next() | next() << 8) % 5000 / element * element;
        sections.push_back(content(length));
        tags.push_back(tag);
        elements.push_back(element);
    }
    for (unsigned i = 0; i < count; ++i) w.add(tags[i], sections[i], elements[i]);
    const std::string file = w.to_string();
    OpenOptions o;
    o.threads = 1 + next() % 2;
    const SnapshotOpen r = Snapshot::open_memory(file, "fuzz.ndb", o);
    check(r.snapshot.has_value());
    check(r.snapshot->meta() == meta);
    for (unsigned i = 0; i < count; ++i) check(r.snapshot->bytes(tags[i]) == sections[i]);
    const std::size_t choice = next() | next() << 8 | next() << 16;
    std::string damaged = file;
    if (next() % 2 == 0) {
        const std::size_t byte = choice % file.size();
        damaged[byte] = static_cast<char>(damaged[byte] ^ (1 << (choice >> 20 & 7)));
    } else {
        damaged.resize(choice % file.size());
    }
    const SnapshotOpen bad = Snapshot::open_memory(damaged, "fuzz.ndb", o);
    check(!bad.snapshot.has_value());
    check_failure(bad);
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
    if (data[0] % 2 == 0)
        raw(input);
    else
        built(input);
    return 0;
}
