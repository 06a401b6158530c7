// SPEC §12: "a second writer while one is writing is exit 3, with a message saying the registry is
// in use" (src/registry/writer_lock.*). Two processes, as two `normdoc add` would be.
#include "registry/registry_files.hpp"
#include "registry/writer_lock.hpp"
#include "test_support.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <chrono>
#include <filesystem>
#include <vector>
#include <csignal>
#include <string>

#include <sys/wait.h>
#include <unistd.h>

namespace normdoc::registry {
namespace {

// A child process that takes the writer lock of `registry`, says so through a pipe, and holds it
// until it is killed or `hold_ms` have passed.
struct LockHolder {
    pid_t pid = -1;
    LockHolder(const std::string& registry, int hold_ms) {
        int fds[2];
        if (::pipe(fds) != 0) return;
        pid = ::fork();
        if (pid == 0) {
            ::close(fds[0]);
            try {
                WriterLock lock = WriterLock::acquire(registry);
                const char ok = 'y';
                if (::write(fds[1], &ok, 1) != 1) ::_exit(2);
                ::usleep(static_cast<useconds_t>(hold_ms) * 1000);
            } catch (...) {
                ::_exit(1);
            }
            ::_exit(0);
        }
        ::close(fds[1]);
        char c = 0;
        if (::read(fds[0], &c, 1) != 1) pid = -1;
        ::close(fds[0]);
    }
    int kill_and_wait() {
        ::kill(pid, SIGKILL);
        return wait();
    }
    int wait() {
        int status = 0;
        ::waitpid(pid, &status, 0);
        return status;
    }
};

TEST(WriterLock, ASecondWriterIsRefusedSayingTheRegistryIsInUse) {
    const std::string dir = test::scratch_dir("writer_lock_second");
    const std::string registry = dir + "/r.ndb";
    LockHolder holder(registry, 60'000);
    ASSERT_GT(holder.pid, 0);
    try {
        WriterLock::acquire(registry);
        ADD_FAILURE() << "a second writer got the lock";
    } catch (const IoError& e) {  // SPEC §10: exit 3
        EXPECT_EQ(std::string(e.what()),
                  registry + ": the registry is in use by another writer (" + registry + ".lock is held)");
        EXPECT_EQ(e.path(), registry);
    }
    // A killed writer leaves nothing locked.
    holder.kill_and_wait();
    EXPECT_NO_THROW(WriterLock::acquire(registry));
}

TEST(WriterLock, TwoWritersInOneProcessAreSerialisedToo) {
    const std::string dir = test::scratch_dir("writer_lock_same_process");
    const std::string registry = dir + "/r.ndb";
    {
        WriterLock first = WriterLock::acquire(registry);
        EXPECT_THROW(WriterLock::acquire(registry), IoError);
        WriterLock moved = std::move(first);  // still held
        EXPECT_THROW(WriterLock::acquire(registry), IoError);
    }
    EXPECT_NO_THROW(WriterLock::acquire(registry));
}

TEST(WriterLock, AWaitingWriterGetsTheLockWhenTheFirstIsDone) {
    const std::string dir = test::scratch_dir("writer_lock_wait");
    const std::string registry = dir + "/r.ndb";
    LockHolder holder(registry, 200);
    ASSERT_GT(holder.pid, 0);
    const auto start = std::chrono::steady_clock::now();
    WriterLock lock = WriterLock::acquire(registry, /*wait=*/true);
    EXPECT_GE(std::chrono::steady_clock::now() - start, std::chrono::milliseconds(100));
    EXPECT_EQ(holder.wait(), 0);
}

TEST(WriterLock, ReadersDoNotTakeIt) {
    const std::string dir = test::scratch_dir("writer_lock_readers");
    const std::string registry = dir + "/r.ndb";
    SnapshotWriter w;
    w.add(make_tag("TEXT"), std::string_view("v1"));
    w.write(registry);
    WriterLock lock = WriterLock::acquire(registry);
    EXPECT_TRUE(open_registry(registry));
}

TEST(WriterLock, TakingItRemovesTheTemporaryAKilledWriterLeft) {
    // The atomic writer links its temporary in just before renaming it over the target: a
    // SIGKILL between the two leaves `.r.ndb.tmp.XXXXXX` (SPEC §12: none other is left behind).
    const std::string dir = test::scratch_dir("writer_lock_sweep");
    const std::string registry = dir + "/r.ndb";
    for (const char* name : {"/.r.ndb.tmp.a1B2c3", "/.r.ndb-journal.tmp.Zz09Yy", "/.other.ndb.tmp.a1B2c3", "/.r.ndb.tmp.toolong7"})
        test::write_file(dir + name, "x");
    { const WriterLock lock = WriterLock::acquire(registry); }
    std::vector<std::string> names;
    for (const auto& e : std::filesystem::directory_iterator(dir)) names.push_back(e.path().filename().string());
    std::sort(names.begin(), names.end());
    EXPECT_EQ(names, (std::vector<std::string>{".other.ndb.tmp.a1B2c3", ".r.ndb.tmp.toolong7", "r.ndb.lock"}));
}

TEST(WriterLock, AMissingDirectoryIsAnIoError) {
    EXPECT_THROW(WriterLock::acquire("/nonexistent-normdoc-dir/r.ndb"), IoError);
}

}  // namespace
}  // namespace normdoc::registry
