// libFuzzer harness: the registry journal's reader (src/registry/journal.*), from memory.
// SPEC §12: "a journal whose last record is torn loses that record only, with a TORN_JOURNAL
// warning"; damage is an error; never a crash.
//
// Two modes, by the first byte:
// - raw (even): the rest is a journal file. Oracles: parsing never crashes; an error comes alone
//   (CORRUPT_SNAPSHOT or BAD_VERSION) with no records; otherwise the records, written again at
//   their offsets after the header, are the file's first valid_size bytes exactly, and a
//   TORN_JOURNAL warning comes exactly when bytes follow them.
// - built (odd): the rest gives payloads; the journal is built, must parse to them, and is then
//   cut at a chosen length (a torn append: the records before the cut come back, and a warning
//   when the cut is inside a record) or has one bit flipped (an error unless the bit is in the
//   last record, which is then dropped with a warning).
#include "registry/journal.hpp"

#include <cstddef>
#include <cstdint>
#include <cstdlib>
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
    for (std::size_t i = 0; i < g.bytes.size(); ++i) g.bytes[i] = static_cast<unsigned char>(i * 29 + 3);
    return g;
}();

void check_result(const JournalRead& j, std::string_view input) {
    for (const Problem& p : j.problems) check(p.file == "fuzz-journal" && !p.message.empty());
    if (!j.ok()) {
        check(j.problems.size() == 1);
        check(j.problems[0].code == ProblemCode::corrupt_snapshot || j.problems[0].code == ProblemCode::bad_version);
        check(j.records.empty());
        return;
    }
    std::string again = journal_header(j.generation);
    for (const JournalRecord& r : j.records) {
        check(r.offset == again.size());
        again += journal_record(j.generation, again.size(), r.payload);
    }
    check(again.size() == j.valid_size);
    check(input.substr(0, again.size()) == again);
    check(j.torn == (j.valid_size < input.size()));
    check(j.problems.size() == (j.torn ? 1u : 0u));
    if (j.torn) check(j.problems[0].code == ProblemCode::torn_journal && !j.problems[0].is_error());
}

void built(std::string_view input) {
    std::vector<std::string> payloads;
    std::size_t at = 0;
    while (at < input.size() && payloads.size() < 8) {
        const std::size_t n = static_cast<unsigned char>(input[at++]) % 64;
        payloads.emplace_back(input.substr(at, n));
        at += payloads.back().size();
    }
    std::string file = journal_header(k_generation);
    std::vector<std::size_t> starts;
    for (const std::string& p : payloads) {
        starts.push_back(file.size());
        file += journal_record(k_generation, file.size(), p);
    }
    {
        const JournalRead j = parse_journal(file, "fuzz-journal");
        check(j.ok() && !j.torn && j.records.size() == payloads.size());
        for (std::size_t i = 0; i < payloads.size(); ++i) check(j.records[i].payload == payloads[i]);
    }
    if (payloads.empty()) return;
    const std::size_t choice = input.size() >= 3 ? static_cast<unsigned char>(input[0]) |
                                                       static_cast<unsigned char>(input[1]) << 8 |
                                                       static_cast<unsigned char>(input[2]) << 16
                                                 : 0;
    const std::size_t last = starts.back();
    if (choice & 1) {
        // A torn append: cut anywhere after the header.
        const std::size_t cut = k_journal_header_size + (choice >> 1) % (file.size() - k_journal_header_size);
        const JournalRead j = parse_journal(file.substr(0, cut), "fuzz-journal");
        std::size_t whole = 0;
        while (whole < starts.size() && (whole + 1 < starts.size() ? starts[whole + 1] : file.size()) <= cut) ++whole;
        check(j.ok());
        check(j.records.size() == whole);
        const bool inside = whole < starts.size() && cut > starts[whole];
        check(j.torn == inside);
        check_result(j, std::string_view(file).substr(0, cut));
    } else {
        const std::size_t byte = k_journal_header_size + (choice >> 4) % (file.size() - k_journal_header_size);
        std::string damaged = file;
        damaged[byte] = static_cast<char>(damaged[byte] ^ (1 << (choice >> 1 & 7)));
        const JournalRead j = parse_journal(damaged, "fuzz-journal");
        if (byte >= last) {
            check(j.ok() && j.torn && j.records.size() == payloads.size() - 1);
        } else {
            check(!j.ok());
        }
        check_result(j, damaged);
    }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
    if (size == 0) return 0;
    const std::string_view input(reinterpret_cast<const char*>(data) + 1, size - 1);
    if (data[0] % 2 == 0)
        check_result(parse_journal(std::string(input), "fuzz-journal"), input);
    else
        built(input);
    return 0;
}
