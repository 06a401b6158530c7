// SPEC §7: "saving never leaves a partly written file behind (write aside in the same directory,
// flush, fsync, rename, fsync the directory); an existing target that is not a regular file (a
// device, a directory) is refused". Every system step is made to fail in turn, as SQLite tests
// its commits: the old file stays as it was, no temporary file is left, and the IoError names the
// path and the reason.
#include "normdoc/atomic_file.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <cerrno>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <set>
#include <stdexcept>
#include <string>

#include <sys/stat.h>
#include <unistd.h>

namespace normdoc {
namespace {

namespace fs = std::filesystem;

enum class Step { none, inspect, open_unnamed, open_named, write, short_write, zero_write, set_permissions, sync, close,
                  link_unnamed, rename, sync_directory };

// The POSIX file system with one step failing (with `error`).
class FailingFileSystem : public PosixFileSystem {
public:
    FailingFileSystem(Step step, int error, int on_call = 1) : step_(step), error_(error), on_call_(on_call) {}

    int inspect(const std::string& path, TargetInfo& info) override {
        return fails(Step::inspect) ? error_ : PosixFileSystem::inspect(path, info);
    }
    int open_unnamed(const std::string& directory, int& fd) override {
        if (no_unnamed_) return EOPNOTSUPP;
        return fails(Step::open_unnamed) ? error_ : PosixFileSystem::open_unnamed(directory, fd);
    }
    int open_named(std::string& path, int& fd) override {
        return fails(Step::open_named) ? error_ : PosixFileSystem::open_named(path, fd);
    }
    int write(int fd, const char* data, std::size_t size, std::size_t& written) override {
        ++writes_;
        if (step_ == Step::short_write) {  // every write takes one byte: must still come out whole
            return PosixFileSystem::write(fd, data, 1, written);
        }
        if (step_ == Step::zero_write && writes_ >= on_call_) {
            written = 0;
            return 0;
        }
        if (step_ == Step::write && writes_ >= on_call_) return error_;
        return PosixFileSystem::write(fd, data, size, written);
    }
    int set_permissions(int fd, unsigned permissions) override {
        return fails(Step::set_permissions) ? error_ : PosixFileSystem::set_permissions(fd, permissions);
    }
    int sync(int fd) override { return fails(Step::sync) ? error_ : PosixFileSystem::sync(fd); }
    int close(int fd) override {
        if (fails(Step::close)) {
            PosixFileSystem::close(fd);
            return error_;
        }
        return PosixFileSystem::close(fd);
    }
    int link_unnamed(int fd, const std::string& path) override {
        return fails(Step::link_unnamed) ? error_ : PosixFileSystem::link_unnamed(fd, path);
    }
    int rename(const std::string& from, const std::string& to) override {
        return fails(Step::rename) ? error_ : PosixFileSystem::rename(from, to);
    }
    int sync_directory(const std::string& directory) override {
        return fails(Step::sync_directory) ? error_ : PosixFileSystem::sync_directory(directory);
    }

    // Makes open_unnamed unavailable, as on a file system without O_TMPFILE.
    void without_unnamed_files() { no_unnamed_ = true; }
    int writes() const { return writes_; }

private:
    bool fails(Step s) const { return s == step_; }
    Step step_;
    int error_;
    int on_call_;
    int writes_ = 0;
    bool no_unnamed_ = false;
};

std::set<std::string> entries(const std::string& dir) {
    std::set<std::string> out;
    for (const auto& e : fs::directory_iterator(dir)) out.insert(e.path().filename().string());
    return out;
}

void write_text(const std::string& path, const std::string& text) {
    std::ofstream(path, std::ios::binary) << text;
}

// A producer of about 1 MiB, so that the sink's buffer is handed over many times.
void big_producer(OutputSink& out) {
    const std::string line(1023, 'x');
    for (int i = 0; i < 1024; ++i) {
        out.write(line);
        out.write("\n", 1);
    }
}

struct Case {
    const char* name;
    Step step;
    int error;
    bool unnamed;  // with O_TMPFILE (else the named temporary file)
};

class EveryStepFails : public ::testing::TestWithParam<Case> {};

TEST_P(EveryStepFails, TheOldFileIsIntactNothingIsLeftAndTheErrorNamesThePathAndReason) {
    const Case c = GetParam();
    const std::string dir = test::scratch_dir(std::string("atomic-") + c.name);
    const std::string path = dir + "/corpus.xml";
    write_text(path, "old content\n");
    FailingFileSystem failing(c.step, c.error, c.step == Step::write ? 3 : 1);
    if (!c.unnamed) failing.without_unnamed_files();
    try {
        write_file_atomically(path, big_producer, failing);
        FAIL() << "no IoError";
    } catch (const IoError& e) {
        EXPECT_EQ(e.path(), path);
        const std::string what = e.what();
        EXPECT_EQ(what.rfind(path + ": ", 0), 0u) << what;
        const std::string reason = c.error ? std::strerror(c.error) : std::strerror(EIO);
        EXPECT_NE(what.find(reason), std::string::npos) << what;
    }
    EXPECT_EQ(test::read_text(path), "old content\n");
    EXPECT_EQ(entries(dir), std::set<std::string>{"corpus.xml"});
}

INSTANTIATE_TEST_SUITE_P(
    AtomicFile, EveryStepFails,
    ::testing::Values(Case{"inspect", Step::inspect, EACCES, true},
                      Case{"open-unnamed-then-named", Step::open_named, EACCES, false},
                      Case{"write", Step::write, EIO, true},
                      Case{"write-named", Step::write, EIO, false},
                      Case{"enospc", Step::write, ENOSPC, true},
                      Case{"enospc-named", Step::write, ENOSPC, false},
                      Case{"zero-write", Step::zero_write, 0, true},
                      Case{"set-permissions", Step::set_permissions, EPERM, true},
                      Case{"fsync", Step::sync, EIO, true},
                      Case{"fsync-named", Step::sync, EIO, false},
                      Case{"link", Step::link_unnamed, EXDEV, true},
                      Case{"close", Step::close, EIO, true},
                      Case{"close-named", Step::close, EIO, false},
                      Case{"rename", Step::rename, EACCES, true},
                      Case{"rename-named", Step::rename, EACCES, false}),
    [](const ::testing::TestParamInfo<Case>& p) {
        std::string name = p.param.name;
        for (char& ch : name)
            if (ch == '-') ch = '_';
        return name;
    });

TEST(AtomicFile, ShortWritesStillWriteEverything) {
    const std::string dir = test::scratch_dir("atomic-short-writes");
    const std::string path = dir + "/out.txt";
    FailingFileSystem one_byte_at_a_time(Step::short_write, 0);
    const std::string text = "第一行\nsecond line\n";
    write_file_atomically(path, [&](OutputSink& out) { out.write(text); }, one_byte_at_a_time);
    EXPECT_EQ(test::read_text(path), text);
    EXPECT_EQ(one_byte_at_a_time.writes(), static_cast<int>(text.size()));
}

TEST(AtomicFile, AFailedDirectorySyncIsReportedWithTheNewContentInPlace) {
    // After the rename there is no way back: the new file is complete, and the error says that the
    // directory entry may not be durable yet.
    const std::string dir = test::scratch_dir("atomic-dir-sync");
    const std::string path = dir + "/corpus.xml";
    write_text(path, "old\n");
    FailingFileSystem failing(Step::sync_directory, EIO);
    try {
        write_file_atomically(path, [](OutputSink& out) { out.write("new\n"); }, failing);
        FAIL() << "no IoError";
    } catch (const IoError& e) {
        EXPECT_EQ(e.path(), path);
        EXPECT_NE(std::string(e.what()).find(std::strerror(EIO)), std::string::npos) << e.what();
    }
    EXPECT_EQ(test::read_text(path), "new\n");
    EXPECT_EQ(entries(dir), std::set<std::string>{"corpus.xml"});
}

TEST(AtomicFile, AProducerThatThrowsLeavesNothingBehind) {
    const std::string dir = test::scratch_dir("atomic-producer-throws");
    const std::string path = dir + "/corpus.xml";
    write_text(path, "old\n");
    for (bool unnamed : {true, false}) {
        FailingFileSystem fs(Step::none, 0);
        if (!unnamed) fs.without_unnamed_files();
        EXPECT_THROW(write_file_atomically(
                         path,
                         [](OutputSink& out) {
                             big_producer(out);
                             throw std::runtime_error("the producer gave up");
                         },
                         fs),
                     std::runtime_error);
        EXPECT_EQ(test::read_text(path), "old\n");
        EXPECT_EQ(entries(dir), std::set<std::string>{"corpus.xml"});
    }
    // And a new file is not created either.
    const std::string fresh = dir + "/fresh.xml";
    EXPECT_THROW(write_file_atomically(fresh, [](OutputSink&) { throw std::runtime_error("no"); }), std::runtime_error);
    EXPECT_FALSE(fs::exists(fresh));
}

TEST(AtomicFile, WritesANewFileAndReplacesAnOldOneWithOrWithoutUnnamedFiles) {
    const std::string dir = test::scratch_dir("atomic-success");
    for (bool unnamed : {true, false}) {
        const std::string path = dir + (unnamed ? "/a.xml" : "/b.xml");
        FailingFileSystem fs(Step::none, 0);
        if (!unnamed) fs.without_unnamed_files();
        write_file_atomically(path, [](OutputSink& out) { out.write("first\n"); }, fs);
        EXPECT_EQ(test::read_text(path), "first\n");
        write_file_atomically(path, big_producer, fs);
        EXPECT_EQ(fs::file_size(path), 1024u * 1024u);
    }
    EXPECT_EQ(entries(dir), (std::set<std::string>{"a.xml", "b.xml"}));
}

TEST(AtomicFile, AReplacedFileKeepsItsPermissions) {
    const std::string dir = test::scratch_dir("atomic-permissions");
    const std::string path = dir + "/corpus.xml";
    write_text(path, "old\n");
    ASSERT_EQ(::chmod(path.c_str(), 0640), 0);
    write_file_atomically(path, [](OutputSink& out) { out.write("new\n"); });
    struct stat st {};
    ASSERT_EQ(::stat(path.c_str(), &st), 0);
    EXPECT_EQ(st.st_mode & 07777, 0640u);
}

TEST(AtomicFile, AMissingDirectoryIsAnIoError) {
    const std::string dir = test::scratch_dir("atomic-missing-dir");
    const std::string path = dir + "/no/such/dir/corpus.xml";
    try {
        write_file_atomically(path, [](OutputSink& out) { out.write("x"); });
        FAIL() << "no IoError";
    } catch (const IoError& e) {
        EXPECT_EQ(e.path(), path);
        EXPECT_NE(std::string(e.what()).find(std::strerror(ENOENT)), std::string::npos) << e.what();
    }
    EXPECT_FALSE(fs::exists(dir + "/no"));
}

TEST(AtomicFile, ADeviceIsRefusedNotReplaced) {
    // CI runs as root, where permissions stop nothing: the writer must look before it writes.
    ASSERT_TRUE(fs::exists("/dev/full"));
    try {
        write_file_atomically("/dev/full", [](OutputSink& out) { out.write("x"); });
        FAIL() << "no IoError";
    } catch (const IoError& e) {
        EXPECT_EQ(e.path(), "/dev/full");
        EXPECT_NE(std::string(e.what()).find("not a regular file"), std::string::npos) << e.what();
    }
    EXPECT_TRUE(fs::is_character_file("/dev/full"));
}

TEST(AtomicFile, ADirectoryOrAFifoIsRefused) {
    const std::string dir = test::scratch_dir("atomic-not-regular");
    fs::create_directory(dir + "/sub");
    ASSERT_EQ(::mkfifo((dir + "/fifo").c_str(), 0600), 0);
    for (const std::string& path : {dir + "/sub", dir + "/fifo"}) {
        EXPECT_THROW(write_file_atomically(path, [](OutputSink& out) { out.write("x"); }), IoError) << path;
    }
    EXPECT_TRUE(fs::is_directory(dir + "/sub"));
    EXPECT_TRUE(fs::is_fifo(dir + "/fifo"));
    EXPECT_EQ(entries(dir), (std::set<std::string>{"fifo", "sub"}));
}

TEST(AtomicFile, ARelativePathWritesInTheCurrentDirectory) {
    const std::string dir = test::scratch_dir("atomic-relative");
    const fs::path before = fs::current_path();
    fs::current_path(dir);
    write_file_atomically("plain.txt", [](OutputSink& out) { out.write("here\n"); });
    fs::current_path(before);
    EXPECT_EQ(test::read_text(dir + "/plain.txt"), "here\n");
}

}  // namespace
}  // namespace normdoc
