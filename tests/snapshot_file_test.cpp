// SPEC §12: the registry snapshot's container (src/registry/snapshot_file.*): sections written
// through the atomic writer and read in place; a damaged file (truncated, bit-flipped, foreign,
// wrong version, zero-length) is a CORRUPT_SNAPSHOT or BAD_VERSION problem, never a crash and
// never a snapshot.
#include "registry/hash.hpp"
#include "registry/snapshot_file.hpp"
#include "test_support.hpp"

#include "normdoc/io.hpp"

#include <gtest/gtest.h>

#include <cstring>
#include <filesystem>
#include <numeric>
#include <string>
#include <vector>

namespace normdoc::registry {
namespace {

namespace fs = std::filesystem;

constexpr Tag k_ints = make_tag("INTS");
constexpr Tag k_text = make_tag("TEXT");
constexpr Tag k_pair = make_tag("PAIR");

struct Pair {
    std::uint32_t a;
    std::uint32_t b;
};

struct Meta {
    std::uint64_t documents;
    std::uint64_t source_size;
    std::uint64_t source_hash;
};

std::string pattern(std::size_t n) {
    std::string s(n, '\0');
    for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>((i * 7 + 3) & 255);
    return s;
}

// A small snapshot of three sections and a header area.
struct Sample {
    std::vector<std::uint64_t> ints{1, 2, 3, 5, 8, 13, 21};
    std::string text = "江阴市人民政府|jy-gov-2018-12";
    std::vector<Pair> pairs{{1, 2}, {3, 4}};
    SnapshotWriter writer;
    Sample() {
        writer.set_meta_value(Meta{7, 12345, 0xfeedull});
        writer.add_array(k_ints, ints);
        writer.add(k_text, text);
        writer.add_array(k_pair, pairs);
    }
};

std::string code_of(const SnapshotOpen& r) {
    return r.problems.empty() ? std::string("none") : std::string(to_string(r.problems.front().code));
}

TEST(Hash, Xxh64MatchesTheReference) {
    // Values of the reference implementation (libxxhash 0.8.1) over bytes (i*7+3) mod 256.
    const struct { std::size_t n; std::uint64_t xxh64, xxh3; } k_cases[] = {
        {0, 0xef46db3751d8e999ull, 0x2d06800538d394c2ull},    {1, 0x1f25c8d0bc1f4bb6ull, 0x13e608bc156defedull},
        {3, 0x31d2363f52e564c9ull, 0xa9088dda485b481cull},    {4, 0x9bb64b7d66ee9fdaull, 0x6d9253b16c8b1ed3ull},
        {8, 0xdab99d95c6f90092ull, 0x60539db630471163ull},    {9, 0x170bb6bf975b4c02ull, 0xfeff668361d723a8ull},
        {16, 0x434850232b787be2ull, 0xb8c859b0f030b585ull},   {17, 0x1efa7025f1b97a7aull, 0x714a04408e79b80full},
        {128, 0x46fbcfbf0150793full, 0x67425a03650261bfull},  {129, 0x3eb5d118151c8303ull, 0xc664bf3311c6abc4ull},
        {240, 0x42562f61ef11b5aeull, 0x64556dc6b462a6cfull},  {241, 0x07cf94f8eba111b5ull, 0x8beadd3a8874fe17ull},
        {1024, 0xe6816a6e134b7a33ull, 0x9b81661c641c72b1ull}, {1025, 0x6385e21250a735caull, 0x806c2072ed713576ull},
        {5000, 0x9a8d831c04aa8b1dull, 0x799aaddd7339581dull},
    };
    const std::string bytes = pattern(5000);
    for (const auto& c : k_cases) {
        EXPECT_EQ(hash64(bytes.data(), c.n), c.xxh64) << c.n;
        EXPECT_EQ(checksum64(bytes.data(), c.n), c.xxh3) << c.n;
    }
    EXPECT_EQ(hash64("abc", 3, 0x9E3779B185EBCA8Dull), 0x7e49c9d7e85a4ab6ull);
}

TEST(Hash, StreamedEqualsOneShotWhateverThePieces) {
    const std::string bytes = pattern(3000);
    for (std::size_t n : {0u, 5u, 31u, 32u, 33u, 100u, 3000u}) {
        for (std::size_t piece : {1u, 3u, 31u, 32u, 64u, 1000u}) {
            Hasher64 h(42);
            for (std::size_t at = 0; at < n; at += piece) h.update(bytes.data() + at, std::min(piece, n - at));
            EXPECT_EQ(h.digest(), hash64(bytes.data(), n, 42)) << n << " in pieces of " << piece;
        }
    }
}

TEST(SnapshotFile, MagicIsNotTheStartOfAnyXmlFile) {
    // SPEC §12: told apart from corpus XML by the first bytes. 0x89 starts no UTF-8 text, so no
    // XML document (with or without a BOM, declaration or leading white space) begins so.
    EXPECT_EQ(k_snapshot_magic[0], 0x89);
    const std::string file = Sample().writer.to_string();
    EXPECT_TRUE(looks_like_snapshot(file));
    EXPECT_FALSE(looks_like_snapshot("<?xml version=\"1.0\"?><corpus/>"));
    EXPECT_FALSE(looks_like_snapshot("\xEF\xBB\xBF<corpus/>"));
    EXPECT_FALSE(looks_like_snapshot(std::string_view("\x89NDB\r\n\x1a", 7)));  // too short
    EXPECT_FALSE(looks_like_snapshot("\x89PNG\r\n\x1a\n"));
}

TEST(SnapshotFile, ADamagedMagicNumberIsReadAsXmlAndGetsXmlSyntax) {
    // SPEC §12: "a file whose first bytes are not a snapshot's is read as corpus XML, so a
    // snapshot with a damaged magic number gets XML_SYNTAX". Whatever byte of the magic is hit.
    const std::string file = Sample().writer.to_string();
    for (std::size_t i = 0; i < sizeof k_snapshot_magic; ++i) {
        for (int to : {0x00, 0x20, 0x3c, 0xff}) {
            std::string damaged = file;
            if (static_cast<unsigned char>(damaged[i]) == to) continue;  // not a change
            damaged[i] = static_cast<char>(to);
            ASSERT_FALSE(looks_like_snapshot(damaged));
            const LoadResult r = read_corpus(damaged, "r.ndb");
            ASSERT_FALSE(r.problems.empty()) << i;
            EXPECT_EQ(r.problems.front().code, ProblemCode::xml_syntax) << "byte " << i << " as " << int(to);
            EXPECT_FALSE(r.corpus.has_value());
        }
    }
}

TEST(SnapshotFile, SectionsComeBackAsWritten) {
    Sample s;
    const std::string file = s.writer.to_string();
    const SnapshotOpen r = Snapshot::open_memory(file, "r.ndb");
    ASSERT_TRUE(r) << code_of(r) << ": " << r.problems.front().message;
    const Snapshot& snap = *r.snapshot;
    EXPECT_EQ(snap.generation(), s.writer.generation());
    EXPECT_EQ(snap.file_size(), file.size());
    const auto meta = snap.meta_value<Meta>();
    ASSERT_TRUE(meta);
    EXPECT_EQ(meta->documents, 7u);
    EXPECT_EQ(meta->source_hash, 0xfeedull);
    ASSERT_EQ(snap.sections().size(), 3u);
    auto ints = snap.view<std::uint64_t>(k_ints);
    ASSERT_TRUE(ints);
    EXPECT_EQ(std::vector<std::uint64_t>(ints.view->begin(), ints.view->end()), s.ints);
    EXPECT_EQ(snap.bytes(k_text), s.text);
    auto pairs = snap.view<Pair>(k_pair);
    ASSERT_TRUE(pairs);
    ASSERT_EQ(pairs.view->size(), 2u);
    EXPECT_EQ((*pairs.view)[1].b, 4u);
    for (const SectionInfo& info : snap.sections()) {
        EXPECT_EQ(info.offset % 64, 0u) << tag_name(info.tag);
        EXPECT_EQ(reinterpret_cast<std::uintptr_t>(snap.bytes(info.tag).data()) % 64, 0u);
    }
}

TEST(SnapshotFile, OneContentHasOneFile) {
    // The layout is canonical: the same generation and sections give the same bytes.
    Sample a;
    SnapshotWriter b(a.writer.generation());
    b.set_meta_value(Meta{7, 12345, 0xfeedull});
    b.add_array(k_ints, a.ints);
    b.add_produced(k_text, 1, [&](OutputSink& out) {
        for (char c : a.text) out.write(&c, 1);
    });
    b.add_array(k_pair, a.pairs);
    EXPECT_EQ(a.writer.to_string(), b.to_string());
}

TEST(SnapshotFile, WrittenAtomicallyAndMappedFromTheFile) {
    const std::string dir = test::scratch_dir("snapshot_file_write");
    const std::string path = dir + "/r.ndb";
    Sample s;
    s.writer.write(path);
    EXPECT_TRUE(file_looks_like_snapshot(path));
    for (auto read : {OpenOptions::Read::pread, OpenOptions::Read::mapped, OpenOptions::Read::mapped_drop}) {
        OpenOptions options;
        options.read = read;
        const SnapshotOpen r = Snapshot::open(path, options);
        ASSERT_TRUE(r) << r.problems.front().message;
        EXPECT_EQ(r.snapshot->bytes(k_text), s.text);  // after mapped_drop: read again from the page cache
    }
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
}

TEST(SnapshotFile, ViewsOutliveTheSnapshotAndTheOpenCall) {
    Sample s;
    SectionView<std::uint64_t> kept;
    {
        const SnapshotOpen r = Snapshot::open_memory(s.writer.to_string(), "r.ndb");
        ASSERT_TRUE(r);
        kept = *r.snapshot->view<std::uint64_t>(k_ints).view;
    }
    // The snapshot and its result are gone; the view still owns the mapping (ASan would see).
    ASSERT_EQ(kept.size(), s.ints.size());
    EXPECT_EQ(std::accumulate(kept.begin(), kept.end(), std::uint64_t{0}), 53u);
}

TEST(SnapshotFile, TypedViewChecksPresenceElementSizeAndAlignment) {
    Sample s;
    const SnapshotOpen r = Snapshot::open_memory(s.writer.to_string(), "r.ndb");
    ASSERT_TRUE(r);
    auto missing = r.snapshot->view<std::uint64_t>(make_tag("NONE"));
    EXPECT_FALSE(missing);
    EXPECT_EQ(missing.problem.code, ProblemCode::corrupt_snapshot);
    EXPECT_NE(missing.problem.message.find("no section 'NONE'"), std::string::npos) << missing.problem.message;
    auto wrong = r.snapshot->view<std::uint32_t>(k_ints);  // written as 8-byte elements
    EXPECT_FALSE(wrong);
    EXPECT_NE(wrong.problem.message.find("8-byte elements, read as 4-byte"), std::string::npos) << wrong.problem.message;
    EXPECT_EQ(wrong.problem.file, "r.ndb");
}

TEST(SnapshotFile, LargeSectionsAreCheckedPerMebibyteOnTwoThreads) {
    // 33.5 MiB and 2 MiB sections: blocks of several sections are shared between the threads.
    const std::string big = pattern(33 * k_checksum_block + k_checksum_block / 2);
    const std::string other = pattern(2 * k_checksum_block);
    SnapshotWriter w;
    w.add(k_text, big);
    w.add(k_ints, other, 8);
    std::string file = w.to_string();
    for (unsigned threads : {1u, 2u, 3u}) {
        OpenOptions options;
        options.threads = threads;
        EXPECT_TRUE(Snapshot::open_memory(file, "r.ndb", options)) << threads;
    }
    // One bit in the last MiB of the first section.
    const SnapshotOpen good = Snapshot::open_memory(file, "r.ndb");
    const std::uint64_t at = good.snapshot->find(k_text)->offset + 33 * k_checksum_block + 12345;
    file[at] = static_cast<char>(file[at] ^ 0x10);
    const SnapshotOpen bad = Snapshot::open_memory(file, "r.ndb");
    ASSERT_FALSE(bad);
    EXPECT_EQ(bad.problems.front().code, ProblemCode::corrupt_snapshot);
    EXPECT_NE(bad.problems.front().message.find("section 'TEXT'"), std::string::npos) << bad.problems.front().message;
    EXPECT_NE(bad.problems.front().message.find("is damaged"), std::string::npos);
}

TEST(SnapshotFile, PagesGivenBackAfterCheckingReadTheSameFromTheFile) {
    // mapped_drop drops the checked pages from this process; the views read them in again.
    const std::string dir = test::scratch_dir("snapshot_file_drop");
    const std::string big = pattern(5 * k_checksum_block + 4321);
    SnapshotWriter w;
    w.add(k_text, big);
    w.write(dir + "/r.ndb");
    OpenOptions options;
    options.read = OpenOptions::Read::mapped_drop;
    const SnapshotOpen r = Snapshot::open(dir + "/r.ndb", options);
    ASSERT_TRUE(r);
    EXPECT_EQ(r.snapshot->bytes(k_text), big);
    // And damage in the middle of it is found the same way.
    std::string file = w.to_string();
    file[r.snapshot->find(k_text)->offset + 2 * k_checksum_block + 5] ^= 2;
    test::write_file(dir + "/bad.ndb", file);
    EXPECT_FALSE(Snapshot::open(dir + "/bad.ndb", options));
}

TEST(SnapshotFile, AnEmptySnapshotIsValid) {
    SnapshotWriter w;
    const std::string file = w.to_string();
    EXPECT_EQ(file.size(), 128u);  // header and footer
    const SnapshotOpen r = Snapshot::open_memory(file, "r.ndb");
    ASSERT_TRUE(r);
    EXPECT_TRUE(r.snapshot->sections().empty());
    EXPECT_TRUE(r.snapshot->meta().empty());
}

// ---- hostile files --------------------------------------------------------------------------------

TEST(SnapshotHostile, ZeroLengthFileIsCorrupt) {
    const std::string dir = test::scratch_dir("snapshot_zero");
    test::write_file(dir + "/r.ndb", "");
    const SnapshotOpen r = Snapshot::open(dir + "/r.ndb");
    ASSERT_FALSE(r);
    ASSERT_EQ(r.problems.size(), 1u);
    EXPECT_EQ(to_string(r.problems.front()), dir + "/r.ndb: error: CORRUPT_SNAPSHOT: empty file (0 bytes): not a registry snapshot");
    EXPECT_FALSE(file_looks_like_snapshot(dir + "/r.ndb"));
}

TEST(SnapshotHostile, EveryTruncationIsCorrupt) {
    const std::string file = Sample().writer.to_string();
    for (std::size_t n = 0; n < file.size(); ++n) {
        const SnapshotOpen r = Snapshot::open_memory(file.substr(0, n), "r.ndb");
        ASSERT_FALSE(r) << n;
        EXPECT_EQ(r.problems.front().code, ProblemCode::corrupt_snapshot) << n;
    }
    // Truncated on disk, the same through the mapping.
    const std::string dir = test::scratch_dir("snapshot_truncated");
    test::write_file(dir + "/r.ndb", file.substr(0, file.size() - 100));
    const SnapshotOpen r = Snapshot::open(dir + "/r.ndb");
    ASSERT_FALSE(r);
    EXPECT_NE(r.problems.front().message.find("no end marker"), std::string::npos) << r.problems.front().message;
}

TEST(SnapshotHostile, BytesAppendedAreCorrupt) {
    const std::string file = Sample().writer.to_string();
    for (const std::string& tail : {std::string(1, '\0'), std::string(64, '\0'), file}) {
        const SnapshotOpen r = Snapshot::open_memory(file + tail, "r.ndb");
        ASSERT_FALSE(r) << tail.size();
        EXPECT_EQ(r.problems.front().code, ProblemCode::corrupt_snapshot);
    }
}

TEST(SnapshotHostile, EveryFlippedBitIsFound) {
    // Every byte of the file is covered: the header, header area, table and footer by their
    // checksum, the sections by theirs, the padding by being zero, the end marker by itself.
    const std::string file = Sample().writer.to_string();
    std::string damaged = file;
    for (std::size_t i = 0; i < file.size(); ++i) {
        for (int bit = 0; bit < 8; ++bit) {
            damaged[i] = static_cast<char>(file[i] ^ (1 << bit));
            const SnapshotOpen r = Snapshot::open_memory(damaged, "r.ndb");
            ASSERT_FALSE(r) << "byte " << i << " bit " << bit;
            const ProblemCode code = r.problems.front().code;
            EXPECT_TRUE(code == ProblemCode::corrupt_snapshot || code == ProblemCode::bad_version) << i;
            damaged[i] = file[i];
        }
    }
}

TEST(SnapshotHostile, AnotherFormatVersionIsBadVersion) {
    std::string file = Sample().writer.to_string();
    const std::uint32_t version = 2;
    std::memcpy(&file[12], &version, 4);
    const SnapshotOpen r = Snapshot::open_memory(file, "r.ndb");
    ASSERT_FALSE(r);
    EXPECT_EQ(to_string(r.problems.front()),
              "r.ndb: error: BAD_VERSION: format version 2; this normdoc reads version 1 (compile the corpus again)");
}

TEST(SnapshotHostile, TheOtherByteOrderIsBadVersion) {
    std::string file = Sample().writer.to_string();
    std::reverse(file.begin() + 8, file.begin() + 12);
    const SnapshotOpen r = Snapshot::open_memory(file, "r.ndb");
    ASSERT_FALSE(r);
    EXPECT_EQ(r.problems.front().code, ProblemCode::bad_version);
    EXPECT_NE(r.problems.front().message.find("other byte order"), std::string::npos);
}

TEST(SnapshotHostile, ForeignFilesAreNotSnapshots) {
    const std::string xml = test::read_text(NORMDOC_SOURCE_DIR "/examples/jiangyin.xml");
    ASSERT_GT(xml.size(), 1000u);
    for (const std::string& foreign : {xml, std::string("\x89PNG\r\n\x1a\n") + std::string(200, 'x'), pattern(4096),
                                       std::string(4096, '\0')}) {
        const SnapshotOpen r = Snapshot::open_memory(foreign, "r.ndb");
        ASSERT_FALSE(r);
        EXPECT_EQ(r.problems.front().code, ProblemCode::corrupt_snapshot);
        EXPECT_NE(r.problems.front().message.find("magic number"), std::string::npos) << r.problems.front().message;
    }
}

TEST(SnapshotHostile, PiecesOfTwoSnapshotsAreCorrupt) {
    // The head of one snapshot and the tail of another of the same size.
    const std::string a = Sample().writer.to_string();
    const std::string b = Sample().writer.to_string();
    ASSERT_EQ(a.size(), b.size());
    const std::string mixed = a.substr(0, 64) + b.substr(64);
    const SnapshotOpen r = Snapshot::open_memory(mixed, "r.ndb");
    ASSERT_FALSE(r);
    EXPECT_NE(r.problems.front().message.find("different generations"), std::string::npos) << r.problems.front().message;
}

TEST(SnapshotHostile, NotARegularFileIsAnIoError) {
    const std::string dir = test::scratch_dir("snapshot_dir");
    EXPECT_THROW(Snapshot::open(dir), IoError);
    EXPECT_THROW(Snapshot::open(dir + "/missing.ndb"), IoError);
}

TEST(SnapshotWriterRules, AProducerThatFailsLeavesTheOldFile) {
    const std::string dir = test::scratch_dir("snapshot_producer_fails");
    const std::string path = dir + "/r.ndb";
    Sample().writer.write(path);
    const std::string before = test::read_text(path);
    SnapshotWriter w;
    w.add_produced(k_ints, 8, [](OutputSink& out) { out.write("12345", 5); });  // not whole elements
    EXPECT_THROW(w.write(path), std::logic_error);
    EXPECT_EQ(test::read_text(path), before);
    EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
}

TEST(SnapshotWriterRules, TagsAreUniqueAndSizesWhole) {
    SnapshotWriter w;
    w.add(k_text, "abc");
    EXPECT_THROW(w.add(k_text, "again"), std::invalid_argument);
    EXPECT_THROW(w.add(0, "zero tag"), std::invalid_argument);
    EXPECT_THROW(w.add(k_ints, "12345", 8), std::invalid_argument);
    EXPECT_THROW(w.set_meta(std::string(k_max_meta_size + 1, 'm')), std::invalid_argument);
}

}  // namespace
}  // namespace normdoc::registry
