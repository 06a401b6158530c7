// The store decision for the registry's changes (issue 15: "weigh LMDB or SQLite against your own
// file, measure"): one durable commit of a ~2 KB record, a 4 MB section stored whole, and the open
// + read of a 4 MB section, with normdoc's journal and snapshot container, LMDB (one put + commit,
// default durable sync) and SQLite (WAL, synchronous=FULL). docs/registry-store.md has the figures
// and the choice.
//
//   normdoc_registry_store_bench [DIR=.] [COMMITS=200]
#include "registry/journal.hpp"
#include "registry/snapshot_file.hpp"

#include <lmdb.h>
#include <sqlite3.h>

#include <algorithm>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <vector>

using namespace normdoc::registry;
using Clock = std::chrono::steady_clock;
namespace fs = std::filesystem;

namespace {

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

struct Stats {
    double median, p90, min;
};

Stats stats(std::vector<double> v) {
    std::sort(v.begin(), v.end());
    return {v[v.size() / 2], v[v.size() * 9 / 10], v.front()};
}

void row(const char* name, const Stats& s) { std::printf("%-58s %8.3f %8.3f %8.3f\n", name, s.min, s.median, s.p90); }

std::vector<double> times(int n, const std::function<void(int)>& f) {
    std::vector<double> out;
    for (int i = 0; i < n; ++i) {
        const auto t = Clock::now();
        f(i);
        out.push_back(ms_since(t));
    }
    return out;
}

void check(int rc, const char* what) {
    if (rc != 0) {
        std::fprintf(stderr, "%s failed: %d\n", what, rc);
        std::exit(1);
    }
}

void sq(sqlite3* db, const char* sql) {
    char* err = nullptr;
    if (sqlite3_exec(db, sql, nullptr, nullptr, &err) != SQLITE_OK) {
        std::fprintf(stderr, "sqlite: %s: %s\n", sql, err);
        std::exit(1);
    }
}

std::uint64_t touch(const void* p, std::size_t n) {
    std::uint64_t s = 0;
    const auto* w = static_cast<const std::uint64_t*>(p);
    for (std::size_t i = 0; i < n / 8; ++i) s += w[i];
    return s;
}

}  // namespace

int main(int argc, char** argv) {
    const std::string dir = (argc > 1 ? std::string(argv[1]) : std::string(".")) + "/registry-store-bench";
    const int commits = argc > 2 ? std::atoi(argv[2]) : 200;
    fs::remove_all(dir);
    fs::create_directories(dir);
    const std::string record(2048, 'r');
    const std::string section(4u << 20, 's');
    volatile std::uint64_t sink = 0;

    std::printf("%d commits each, in %s\n%-58s %8s %8s %8s\n", commits, dir.c_str(), "ms per operation", "min", "median", "p90");

    // ---- one durable commit of a 2 KB record: the three side by side, one of each in turn ----
    const Generation g = Generation::random();
    auto journal = JournalWriter::open(dir + "/r.ndb-journal", g);
    MDB_env* env;
    check(mdb_env_create(&env), "mdb_env_create");
    check(mdb_env_set_mapsize(env, std::size_t{1} << 30), "mapsize");
    fs::create_directories(dir + "/lmdb");
    check(mdb_env_open(env, (dir + "/lmdb").c_str(), 0, 0644), "mdb_env_open");
    MDB_dbi dbi;
    {
        MDB_txn* txn;
        check(mdb_txn_begin(env, nullptr, 0, &txn), "begin");
        check(mdb_dbi_open(txn, nullptr, 0, &dbi), "dbi");
        check(mdb_txn_commit(txn), "commit");
    }
    sqlite3* db;
    check(sqlite3_open((dir + "/r.sqlite").c_str(), &db), "sqlite3_open");
    sq(db, "PRAGMA journal_mode=WAL");
    sq(db, "PRAGMA synchronous=FULL");
    sq(db, "CREATE TABLE changes(seq INTEGER PRIMARY KEY, payload BLOB)");
    sq(db, "CREATE TABLE sections(tag TEXT PRIMARY KEY, bytes BLOB)");
    sqlite3_stmt* ins;
    sqlite3_prepare_v2(db, "INSERT INTO changes(payload) VALUES(?)", -1, &ins, nullptr);
    std::vector<double> t_journal, t_lmdb, t_sqlite;
    for (int i = 0; i < commits; ++i) {
        auto t = Clock::now();
        journal.writer->append(record);
        t_journal.push_back(ms_since(t));
        t = Clock::now();
        MDB_txn* txn;
        check(mdb_txn_begin(env, nullptr, 0, &txn), "begin");
        std::uint64_t k = static_cast<std::uint64_t>(i);
        MDB_val key{sizeof k, &k}, val{record.size(), const_cast<char*>(record.data())};
        check(mdb_put(txn, dbi, &key, &val, 0), "put");
        check(mdb_txn_commit(txn), "commit");
        t_lmdb.push_back(ms_since(t));
        t = Clock::now();
        sqlite3_bind_blob(ins, 1, record.data(), static_cast<int>(record.size()), SQLITE_STATIC);
        if (sqlite3_step(ins) != SQLITE_DONE) std::exit(1);
        sqlite3_reset(ins);
        t_sqlite.push_back(ms_since(t));
    }
    sqlite3_finalize(ins);
    row("journal: append 2 KB (pwrite + fdatasync)", stats(t_journal));
    row("LMDB: put 2 KB + commit (default: durable sync)", stats(t_lmdb));
    row("SQLite: INSERT 2 KB BLOB (WAL, synchronous=FULL)", stats(t_sqlite));
    {
        row("LMDB: put a 4 MB section + commit", stats(times(std::max(5, commits / 10), [&](int) {
                MDB_txn* txn;
                check(mdb_txn_begin(env, nullptr, 0, &txn), "begin");
                std::uint64_t k = ~std::uint64_t{0};
                MDB_val key{sizeof k, &k}, val{section.size(), const_cast<char*>(section.data())};
                check(mdb_put(txn, dbi, &key, &val, 0), "put");
                check(mdb_txn_commit(txn), "commit");
            })));
        mdb_env_close(env);
        row("LMDB: open the environment + get the 4 MB section + read it", stats(times(commits, [&](int) {
                MDB_env* e;
                check(mdb_env_create(&e), "create");
                check(mdb_env_set_mapsize(e, std::size_t{1} << 30), "mapsize");
                check(mdb_env_open(e, (dir + "/lmdb").c_str(), MDB_RDONLY, 0644), "open");
                MDB_txn* txn;
                check(mdb_txn_begin(e, nullptr, MDB_RDONLY, &txn), "begin");
                MDB_dbi d;
                check(mdb_dbi_open(txn, nullptr, 0, &d), "dbi");
                std::uint64_t k = ~std::uint64_t{0};
                MDB_val key{sizeof k, &k}, val;
                check(mdb_get(txn, d, &key, &val), "get");
                sink = sink + touch(val.mv_data, val.mv_size);
                mdb_txn_abort(txn);
                mdb_env_close(e);
            })));
    }
    {
        sqlite3_stmt* put;
        sqlite3_prepare_v2(db, "INSERT OR REPLACE INTO sections VALUES('DOCS', ?)", -1, &put, nullptr);
        row("SQLite: a 4 MB section as one BLOB (WAL, FULL)", stats(times(std::max(5, commits / 10), [&](int) {
                sqlite3_bind_blob(put, 1, section.data(), static_cast<int>(section.size()), SQLITE_STATIC);
                if (sqlite3_step(put) != SQLITE_DONE) std::exit(1);
                sqlite3_reset(put);
            })));
        sqlite3_finalize(put);
        sq(db, "PRAGMA wal_checkpoint(TRUNCATE)");
        sqlite3_close(db);
        row("SQLite: open + SELECT the 4 MB BLOB + read it", stats(times(commits, [&](int) {
                sqlite3* d;
                check(sqlite3_open_v2((dir + "/r.sqlite").c_str(), &d, SQLITE_OPEN_READONLY, nullptr), "open");
                sqlite3_stmt* get;
                sqlite3_prepare_v2(d, "SELECT bytes FROM sections WHERE tag='DOCS'", -1, &get, nullptr);
                if (sqlite3_step(get) != SQLITE_ROW) std::exit(1);
                sink = sink + touch(sqlite3_column_blob(get, 0), static_cast<std::size_t>(sqlite3_column_bytes(get, 0)));
                sqlite3_finalize(get);
                sqlite3_close(d);
            })));
    }
    {
        const std::string path = dir + "/r.ndb";
        SnapshotWriter w;
        w.add(make_tag("DOCS"), section, 64);
        row("snapshot: write a 4 MB section (atomic writer: fsync, rename, fsync dir)",
            stats(times(std::max(5, commits / 10), [&](int) { w.write(path); })));
        row("snapshot: open (all checks) + view the 4 MB section + read it", stats(times(commits, [&](int) {
                const SnapshotOpen r = Snapshot::open(path);
                const std::string_view b = r.snapshot->bytes(make_tag("DOCS"));
                sink = sink + touch(b.data(), b.size());
            })));
        row("journal: read back the journal of the 2 KB commits", stats(times(commits, [&](int) {
                const JournalRead j = read_journal(dir + "/r.ndb-journal");
                sink = sink + j.records.size();
            })));
    }
    std::printf("(journal %ju bytes; LMDB data.mdb %ju bytes; SQLite db %ju bytes)\n",
                static_cast<std::uintmax_t>(fs::file_size(dir + "/r.ndb-journal")),
                static_cast<std::uintmax_t>(fs::file_size(dir + "/lmdb/data.mdb")),
                static_cast<std::uintmax_t>(fs::file_size(dir + "/r.sqlite")));
    fs::remove_all(dir);
    return 0;
}
