// SPEC §12: the registry's journal (src/registry/journal.*) and the order in which a registry's
// files change (src/registry/registry_files.*): "a journal whose last record is torn loses that
// record only, with a TORN_JOURNAL warning"; a reader never pairs a snapshot with a journal that
// is not its own.
#include "registry/journal.hpp"
#include "registry/registry_files.hpp"
#include "registry/writer_lock.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

namespace normdoc::registry {
namespace {

namespace fs = std::filesystem;

std::vector<std::string> payloads(const JournalRead& j) {
    std::vector<std::string> out;
    for (const JournalRecord& r : j.records) out.emplace_back(r.payload);
    return out;
}

// A journal of `g` holding `records`, as bytes.
std::string journal_bytes(const Generation& g, const std::vector<std::string>& records) {
    std::string out = journal_header(g);
    for (const std::string& r : records) out += journal_record(g, out.size(), r);
    return out;
}

const std::vector<std::string> k_three = {"add jy-gov-2018-12", std::string(2000, 'x'), "withdraw jy-kjj-2016-3"};

TEST(Journal, AppendedRecordsComeBackInOrder) {
    const std::string dir = test::scratch_dir("journal_append");
    const std::string path = dir + "/r.ndb-journal";
    const Generation g = Generation::random();
    {
        auto open = JournalWriter::open(path, g);
        ASSERT_TRUE(open);
        EXPECT_TRUE(open.problems.empty());
        for (const std::string& p : k_three) open.writer->append(p);
        EXPECT_EQ(open.writer->records(), 3u);
    }
    JournalRead j = read_journal(path);
    EXPECT_TRUE(j.exists);
    EXPECT_TRUE(j.ok());
    EXPECT_TRUE(j.problems.empty());
    EXPECT_EQ(j.generation, g);
    EXPECT_EQ(payloads(j), k_three);
    EXPECT_EQ(j.valid_size, fs::file_size(path));
    // A writer opened again goes on after the last record.
    {
        auto open = JournalWriter::open(path, g);
        ASSERT_TRUE(open);
        open.writer->append("fourth");
    }
    EXPECT_EQ(read_journal(path).records.size(), 4u);
    EXPECT_EQ(test::read_text(path), journal_bytes(g, {k_three[0], k_three[1], k_three[2], "fourth"}));
}

TEST(Journal, AMissingJournalIsEmpty) {
    const std::string dir = test::scratch_dir("journal_missing");
    const JournalRead j = read_journal(dir + "/r.ndb-journal");
    EXPECT_FALSE(j.exists);
    EXPECT_TRUE(j.ok());
    EXPECT_TRUE(j.records.empty());
}

TEST(Journal, RecordsSurviveAMove) {
    // Payloads view into the journal's bytes, also for short records after a move.
    JournalRead a = parse_journal(journal_bytes(Generation::random(), {"a", "bc"}), "j");
    JournalRead b = std::move(a);
    EXPECT_EQ(payloads(b), (std::vector<std::string>{"a", "bc"}));
}

TEST(Journal, TornLastRecordIsDroppedWithAWarning) {
    const Generation g = Generation::random();
    const std::string whole = journal_bytes(g, k_three);
    const std::string two = journal_bytes(g, {k_three[0], k_three[1]});
    // Every prefix of the last record, and the last record's bytes zeroed from some point on.
    for (std::size_t cut = two.size() + 1; cut < whole.size(); ++cut) {
        for (const std::string& bytes : {whole.substr(0, cut), whole.substr(0, cut) + std::string(whole.size() - cut, '\0')}) {
            if (bytes == whole) continue;  // zeros over the last record's zero padding
            const JournalRead j = parse_journal(bytes, "r.ndb-journal");
            ASSERT_TRUE(j.ok()) << cut;
            EXPECT_TRUE(j.torn) << cut;
            EXPECT_EQ(j.records.size(), 2u) << cut;
            EXPECT_EQ(j.valid_size, two.size());
            ASSERT_EQ(j.problems.size(), 1u);
            EXPECT_EQ(j.problems[0].severity, Severity::warning);
            EXPECT_EQ(j.problems[0].code, ProblemCode::torn_journal);
        }
    }
    const JournalRead j = parse_journal(whole.substr(0, whole.size() - 1), "r.ndb-journal");
    EXPECT_EQ(to_string(j.problems.at(0)),
              "r.ndb-journal: warning: TORN_JOURNAL: the last record (bytes " + std::to_string(two.size()) + "–" +
                  std::to_string(whole.size() - 1) +
                  ") is incomplete, a write cut short: dropped; the registry is as it was before that change");
}

TEST(Journal, ALastRecordWithABadChecksumIsTorn) {
    const Generation g = Generation::random();
    std::string bytes = journal_bytes(g, k_three);
    bytes[bytes.size() - 3] ^= 1;
    const JournalRead j = parse_journal(bytes, "j");
    EXPECT_TRUE(j.ok());
    EXPECT_TRUE(j.torn);
    EXPECT_EQ(j.records.size(), 2u);
}

TEST(Journal, DamageBeforeTheLastRecordIsCorrupt) {
    const Generation g = Generation::random();
    const std::string bytes = journal_bytes(g, k_three);
    const std::size_t last = journal_bytes(g, {k_three[0], k_three[1]}).size();
    // Any byte of the first two records changed: a complete record follows the damage.
    for (std::size_t i = k_journal_header_size; i < last; i += 7) {
        std::string damaged = bytes;
        damaged[i] = static_cast<char>(damaged[i] ^ 0x40);
        const JournalRead j = parse_journal(damaged, "r.ndb-journal");
        ASSERT_FALSE(j.ok()) << i;
        EXPECT_EQ(j.problems.at(0).code, ProblemCode::corrupt_snapshot);
        EXPECT_NE(j.problems[0].message.find("is damaged, and a complete record follows at byte"), std::string::npos)
            << j.problems[0].message;
        EXPECT_TRUE(j.records.empty());
    }
}

TEST(Journal, ARecordMovedToAnotherOffsetIsNotARecord) {
    // Checksums are seeded with the offset: the second record's bytes placed first do not pass.
    const Generation g = Generation::random();
    const std::string header = journal_header(g);
    const std::string moved = journal_record(g, header.size() + 100, "payload");
    const JournalRead j = parse_journal(header + moved, "j");
    EXPECT_TRUE(j.records.empty());
    EXPECT_TRUE(j.torn);
}

TEST(Journal, ARecordWithNonZeroPaddingIsNotARecord) {
    // Found by journal_fuzz: padding the checksum covers, but not zero, as no writer leaves it.
    const Generation g = Generation::random();
    const std::string header = journal_header(g);
    std::string record = journal_record(g, header.size(), "odd");  // 3 bytes, 5 of padding
    std::string padded = record;
    padded[k_record_header_size + 4] = 'x';
    EXPECT_EQ(parse_journal(header + record, "j").records.size(), 1u);
    const JournalRead j = parse_journal(header + padded, "j");
    EXPECT_TRUE(j.records.empty());
    EXPECT_TRUE(j.torn);
}

TEST(Journal, AnotherJournalsRecordIsNotARecord) {
    const Generation g = Generation::random(), other = Generation::random();
    const std::string header = journal_header(g);
    const JournalRead j = parse_journal(header + journal_record(other, header.size(), "payload"), "j");
    EXPECT_TRUE(j.records.empty());
}

TEST(Journal, DamagedHeaderOrOtherVersionIsAnError) {
    const Generation g = Generation::random();
    std::string bytes = journal_bytes(g, k_three);
    std::string flipped = bytes;
    flipped[20] ^= 1;  // the generation
    EXPECT_EQ(parse_journal(flipped, "j").problems.at(0).code, ProblemCode::corrupt_snapshot);
    std::string version = bytes;
    version[12] = 9;
    const JournalRead v = parse_journal(version, "j");
    EXPECT_EQ(v.problems.at(0).code, ProblemCode::bad_version);
    EXPECT_EQ(parse_journal("", "j").problems.at(0).code, ProblemCode::corrupt_snapshot);
    EXPECT_EQ(parse_journal(bytes.substr(0, 40), "j").problems.at(0).code, ProblemCode::corrupt_snapshot);
    EXPECT_EQ(parse_journal("<corpus/>", "j").problems.at(0).code, ProblemCode::corrupt_snapshot);
}

TEST(Journal, AWriterCutsATornTailBeforeAppending) {
    const std::string dir = test::scratch_dir("journal_cut");
    const std::string path = dir + "/r.ndb-journal";
    const Generation g = Generation::random();
    const std::string whole = journal_bytes(g, k_three);
    test::write_file(path, whole.substr(0, whole.size() - 5));
    auto open = JournalWriter::open(path, g);
    ASSERT_TRUE(open);
    ASSERT_EQ(open.problems.size(), 1u);
    EXPECT_EQ(open.problems[0].code, ProblemCode::torn_journal);
    open.writer->append("after the crash");
    const JournalRead j = read_journal(path);
    EXPECT_TRUE(j.problems.empty());
    EXPECT_EQ(payloads(j), (std::vector<std::string>{k_three[0], k_three[1], "after the crash"}));
}

TEST(Journal, AWriterRefusesAJournalOfAnotherGeneration) {
    const std::string dir = test::scratch_dir("journal_stale_writer");
    const std::string path = dir + "/r.ndb-journal";
    test::write_file(path, journal_bytes(Generation::random(), {"x"}));
    auto open = JournalWriter::open(path, Generation::random());
    EXPECT_FALSE(open);
    ASSERT_FALSE(open.problems.empty());
    EXPECT_NE(open.problems.back().message.find("a stale journal"), std::string::npos);
}

// ---- the registry's files together ------------------------------------------------------------

struct Registry {
    std::string dir, path;
    explicit Registry(const std::string& name) : dir(test::scratch_dir(name)), path(dir + "/r.ndb") {}
    Generation compile(const std::string& content) {
        SnapshotWriter w;
        w.add(make_tag("TEXT"), content);
        commit_snapshot(path, w, lineage_replacing(path));
        return w.generation();
    }
    std::string snapshot_text(const RegistryFiles& f) const { return std::string(f.snapshot.bytes(make_tag("TEXT"))); }
};

TEST(RegistryFiles, NamedAfterTheRegistry) {
    EXPECT_EQ(journal_path("/x/r.ndb"), "/x/r.ndb-journal");
    EXPECT_EQ(lock_path("/x/r.ndb"), "/x/r.ndb.lock");
}

TEST(RegistryFiles, ChangesGoToTheJournalAndAreReadBack) {
    Registry r("registry_files_changes");
    r.compile("v1");
    auto open = open_registry(r.path);
    ASSERT_TRUE(open);
    auto j = open_journal_for_append(r.path, open.files->snapshot);
    ASSERT_TRUE(j);
    j.writer->append("change 1");
    j.writer->append("change 2");
    auto again = open_registry(r.path);
    ASSERT_TRUE(again);
    EXPECT_EQ(payloads(again.files->journal), (std::vector<std::string>{"change 1", "change 2"}));
    // The reader that opened before keeps its state.
    EXPECT_TRUE(open.files->journal.records.empty());
}

TEST(RegistryFiles, AfterTheSnapshotRenameTheFoldedJournalIsIgnored) {
    // A compaction stopped between its two renames (or a reader between them): the new snapshot
    // beside the old journal is the new state, and the next writer resets the journal.
    Registry r("registry_files_half_fold");
    r.compile("v1");
    auto open = open_registry(r.path);
    auto j = open_journal_for_append(r.path, open.files->snapshot);
    j.writer->append("change 1");
    auto before = open_registry(r.path);
    SnapshotWriter folded;
    folded.add(make_tag("TEXT"), std::string_view("v1+change 1"));
    folded.set_lineage(lineage_of_compaction(*before.files));
    folded.write(r.path);  // step 1 only
    auto mid = open_registry(r.path);
    ASSERT_TRUE(mid) << mid.problems.at(0).message;
    EXPECT_EQ(r.snapshot_text(*mid.files), "v1+change 1");
    EXPECT_TRUE(mid.files->journal.records.empty());
    auto next = open_journal_for_append(r.path, mid.files->snapshot);
    ASSERT_TRUE(next);
    EXPECT_EQ(next.writer->records(), 0u);
    EXPECT_EQ(read_journal(journal_path(r.path)).generation, folded.generation());
}

TEST(RegistryFiles, AJournalWithMoreThanWasFoldedIsNotIgnored) {
    Registry r("registry_files_more_than_folded");
    r.compile("v1");
    auto open = open_registry(r.path);
    auto j = open_journal_for_append(r.path, open.files->snapshot);
    j.writer->append("change 1");
    auto before = open_registry(r.path);
    SnapshotWriter folded;
    folded.set_lineage(lineage_of_compaction(*before.files));
    j.writer->append("change 2, which no lock stopped");  // cannot happen under the writer lock
    folded.write(r.path);
    auto after = open_registry(r.path);
    ASSERT_FALSE(after);
    EXPECT_NE(after.problems.at(0).message.find("a stale journal"), std::string::npos);
}

TEST(RegistryFiles, CompactionFoldsTheJournalIn) {
    Registry r("registry_files_compact");
    r.compile("v1");
    auto open = open_registry(r.path);
    open_journal_for_append(r.path, open.files->snapshot).writer->append("change 1");
    auto before = open_registry(r.path);
    SnapshotWriter folded;
    folded.add(make_tag("TEXT"), std::string_view("v1+change 1"));
    commit_snapshot(r.path, folded, lineage_of_compaction(*before.files));
    auto after = open_registry(r.path);
    ASSERT_TRUE(after);
    EXPECT_EQ(r.snapshot_text(*after.files), "v1+change 1");
    EXPECT_TRUE(after.files->journal.exists);
    EXPECT_TRUE(after.files->journal.records.empty());
    EXPECT_EQ(after.files->journal.generation, folded.generation());
    // SPEC §12: nothing but the registry and the files named after it.
    std::vector<std::string> names;
    for (const auto& e : fs::directory_iterator(r.dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, (std::vector<std::string>{"r.ndb", "r.ndb-journal"}));
}

TEST(RegistryFiles, TwoFoldInsStoppedBetweenTheirRenamesInARowStillOpen) {
    // Found by the kill test: compile stopped after its snapshot (the old journal left, replaced),
    // then a compaction stopped after its snapshot. The writer's open resets the replaced journal
    // first, so the compaction's snapshot replaces the journal that is on disk.
    Registry r("registry_files_two_half_folds");
    r.compile("v1");
    auto open = open_registry(r.path);
    open_journal_for_append(r.path, open.files->snapshot).writer->append("change to v1");
    SnapshotWriter compiled;
    compiled.add(make_tag("TEXT"), std::string_view("v2"));
    compiled.set_lineage(lineage_replacing(r.path));
    compiled.write(r.path);  // compile, step 1 only
    {
        const WriterLock lock = WriterLock::acquire(r.path);
        auto writing = open_registry_for_writing(r.path, lock);
        ASSERT_TRUE(writing);
        SnapshotWriter folded;
        folded.add(make_tag("TEXT"), std::string_view("v2"));
        folded.set_lineage(lineage_of_compaction(*writing.files));
        folded.write(r.path);  // compact, step 1 only
    }
    auto after = open_registry(r.path);
    ASSERT_TRUE(after) << after.problems.at(0).message;
    EXPECT_EQ(r.snapshot_text(*after.files), "v2");
    EXPECT_TRUE(after.files->journal.records.empty());
}

TEST(RegistryFiles, CompilingOverARegistryReplacesItsJournal) {
    Registry r("registry_files_recompile");
    r.compile("v1");
    auto open = open_registry(r.path);
    open_journal_for_append(r.path, open.files->snapshot).writer->append("change to v1");
    // Step 1 of compile over it: the old journal, whatever it holds, is no longer in force.
    SnapshotWriter w;
    w.add(make_tag("TEXT"), std::string_view("v2"));
    w.set_lineage(lineage_replacing(r.path));
    w.write(r.path);
    auto mid = open_registry(r.path);
    ASSERT_TRUE(mid);
    EXPECT_EQ(r.snapshot_text(*mid.files), "v2");
    EXPECT_TRUE(mid.files->journal.records.empty());
}

TEST(RegistryFiles, AStaleJournalIsAnError) {
    // An older snapshot put back beside a newer registry's journal: its changes are not this
    // snapshot's, and dropping them silently would be a wrong answer.
    Registry r("registry_files_stale");
    r.compile("v1");
    const std::string old_snapshot = test::read_text(r.path);
    auto open = open_registry(r.path);
    open_journal_for_append(r.path, open.files->snapshot).writer->append("change");
    auto before = open_registry(r.path);
    SnapshotWriter folded;
    commit_snapshot(r.path, folded, lineage_of_compaction(*before.files));
    open_journal_for_append(r.path, *Snapshot::open(r.path).snapshot).writer->append("change after compaction");
    test::write_file(r.path, old_snapshot);
    const RegistryOpen stale = open_registry(r.path);
    ASSERT_FALSE(stale);
    EXPECT_EQ(stale.problems.at(0).code, ProblemCode::corrupt_snapshot);
    EXPECT_EQ(stale.problems[0].file, r.path + "-journal");
    EXPECT_NE(stale.problems[0].message.find("a stale journal"), std::string::npos) << stale.problems[0].message;
}

TEST(RegistryFiles, ATornJournalOpensWithAWarning) {
    Registry r("registry_files_torn");
    r.compile("v1");
    auto open = open_registry(r.path);
    auto j = open_journal_for_append(r.path, open.files->snapshot);
    j.writer->append("kept");
    j.writer->append("torn");
    fs::resize_file(journal_path(r.path), fs::file_size(journal_path(r.path)) - 3);
    const RegistryOpen torn = open_registry(r.path);
    ASSERT_TRUE(torn);
    ASSERT_EQ(torn.problems.size(), 1u);
    EXPECT_EQ(torn.problems[0].code, ProblemCode::torn_journal);
    EXPECT_EQ(payloads(torn.files->journal), std::vector<std::string>{"kept"});
}

}  // namespace
}  // namespace normdoc::registry
