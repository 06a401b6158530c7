// How fast a registry snapshot opens "ready to answer" (issue 15: at 1M documents at most 0.02x
// pugixml's parse of the XML, about 35 ms, peak RSS at most 0.5x the XML file), against the
// physical floor: a plain pass over the same bytes (memory bandwidth). docs/registry-format.md
// has the figures.
//
//   normdoc_registry_open_bench [MB=300] [DIR=build dir] [REPEATS=7]
//
// Writes a snapshot of about MB megabytes of six sections (sizes in the proportions the corpus
// layout is expected to have) once, reads it into the page cache, then times, each REPEATS times
// (minimum and median): the floor passes (sum of the 64-bit words through a fresh mapping, and by
// pread into a 1 MiB buffer, on 1 and 2 threads), and Snapshot::open with each read mode and
// thread count, and with the checksums off (the structural checks alone). Peak RSS of each is
// measured in a child process of its own.
#include "registry/snapshot_file.hpp"

#include <algorithm>
#include <atomic>
#include <chrono>
#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <functional>
#include <string>
#include <thread>
#include <vector>

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/resource.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

using namespace normdoc::registry;
using Clock = std::chrono::steady_clock;

namespace {

double ms_since(Clock::time_point t) { return std::chrono::duration<double, std::milli>(Clock::now() - t).count(); }

std::vector<std::uint64_t> filled(std::size_t bytes, std::uint64_t seed) {
    std::vector<std::uint64_t> v(bytes / 8);
    std::uint64_t x = seed * 0x9E3779B97F4A7C15ull + 1;
    for (auto& w : v) {
        x ^= x << 13;
        x ^= x >> 7;
        x ^= x << 17;
        w = x;
    }
    return v;
}

std::uint64_t file_size(const std::string& path) { return std::filesystem::file_size(path); }

// The floor: every 64-bit word of the file summed, through a fresh mapping or by pread.
std::uint64_t floor_pass(const std::string& path, bool mapped, unsigned threads) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    const std::size_t size = file_size(path);
    const char* base = nullptr;
    if (mapped) base = static_cast<const char*>(::mmap(nullptr, size, PROT_READ, MAP_SHARED, fd, 0));
    const std::size_t block = 1 << 20, blocks = (size + block - 1) / block;
    std::atomic<std::size_t> next{0};
    std::vector<std::uint64_t> sums(threads);
    auto work = [&](unsigned t) {
        std::vector<char> buf(mapped ? 0 : block);
        std::uint64_t s = 0;
        for (std::size_t b; (b = next.fetch_add(1)) < blocks;) {
            const std::size_t n = std::min(block, size - b * block) / 8 * 8;
            const char* p = base + b * block;
            if (!mapped) {
                if (::pread(fd, buf.data(), n, static_cast<off_t>(b * block)) != static_cast<ssize_t>(n)) std::abort();
                p = buf.data();
            }
            const auto* w = reinterpret_cast<const std::uint64_t*>(p);
            for (std::size_t i = 0; i < n / 8; ++i) s += w[i];
        }
        sums[t] = s;
    };
    std::vector<std::thread> helpers;
    for (unsigned t = 1; t < threads; ++t) helpers.emplace_back(work, t);
    work(0);
    for (auto& h : helpers) h.join();
    if (mapped) ::munmap(const_cast<char*>(base), size);
    ::close(fd);
    std::uint64_t total = 0;
    for (auto s : sums) total += s;
    return total;
}

struct Figure {
    double min_ms, median_ms;
    long peak_rss_mb;
};

// Times `run` REPEATS times here, and measures its peak RSS once in a child.
Figure measure(const std::function<void()>& run, int repeats) {
    std::vector<double> times;
    for (int i = 0; i < repeats; ++i) {
        const auto t = Clock::now();
        run();
        times.push_back(ms_since(t));
    }
    std::sort(times.begin(), times.end());
    long rss = -1;
    const pid_t pid = ::fork();
    if (pid == 0) {
        run();
        ::_exit(0);
    }
    int status = 0;
    struct rusage usage {};
    ::wait4(pid, &status, 0, &usage);
    rss = usage.ru_maxrss / 1024;
    return {times.front(), times[times.size() / 2], rss};
}

long baseline_rss_mb() {
    const pid_t pid = ::fork();
    if (pid == 0) ::_exit(0);
    int status = 0;
    struct rusage usage {};
    ::wait4(pid, &status, 0, &usage);
    return usage.ru_maxrss / 1024;
}

}  // namespace

int main(int argc, char** argv) {
    const std::size_t mb = argc > 1 ? std::strtoul(argv[1], nullptr, 10) : 300;
    const std::string dir = argc > 2 ? argv[2] : ".";
    const int repeats = argc > 3 ? std::atoi(argv[3]) : 7;
    const std::string path = dir + "/registry-open-bench-" + std::to_string(mb) + "mb.ndb";
    const std::size_t bytes = mb << 20;

    if (!std::filesystem::exists(path)) {
        // Proportions: strings 40%, document records 30%, relations 15%, three indexes 5% each.
        const double shares[] = {0.40, 0.30, 0.15, 0.05, 0.05, 0.05};
        const char* tags[] = {"STRS", "DOCS", "RELS", "IXID", "IXNO", "IXAU"};
        const std::uint32_t element[] = {1, 64, 16, 4, 4, 8};
        std::vector<std::vector<std::uint64_t>> data;
        SnapshotWriter w;
        for (int i = 0; i < 6; ++i) {
            data.push_back(filled(static_cast<std::size_t>(static_cast<double>(bytes) * shares[i]) / 64 * 64, static_cast<std::uint64_t>(i + 1)));
            Tag tag = 0;
            std::memcpy(&tag, tags[i], 4);
            w.add(tag, std::string_view(reinterpret_cast<const char*>(data.back().data()), data.back().size() * 8), element[i]);
        }
        w.write(path);
    }
    const double file_mb = static_cast<double>(file_size(path)) / (1 << 20);
    floor_pass(path, false, 1);  // into the page cache
    std::printf("snapshot %s: %.1f MiB, %d repeats; baseline RSS of a forked child %ld MB\n", path.c_str(), file_mb, repeats,
                baseline_rss_mb());
    std::printf("%-44s %9s %9s %9s %8s\n", "pass", "min ms", "median ms", "GB/s", "peak RSS");
    auto row = [&](const char* name, const Figure& f) {
        std::printf("%-44s %9.1f %9.1f %9.1f %6ld MB\n", name, f.min_ms, f.median_ms, file_mb * 1.048576 / f.min_ms, f.peak_rss_mb);
    };
    for (unsigned threads : {1u, 2u}) {
        row(threads == 1 ? "floor: sum through a fresh mapping, 1 thread" : "floor: sum through a fresh mapping, 2 threads",
            measure([&] { floor_pass(path, true, threads); }, repeats));
        row(threads == 1 ? "floor: sum by pread (1 MiB), 1 thread" : "floor: sum by pread (1 MiB), 2 threads",
            measure([&] { floor_pass(path, false, threads); }, repeats));
    }
    auto open_with = [&](OpenOptions::Read read, unsigned threads, bool verify) {
        OpenOptions o;
        o.read = read;
        o.threads = threads;
        o.verify_checksums = verify;
        return [=] {
            const SnapshotOpen r = Snapshot::open(path, o);
            if (!r) std::abort();
        };
    };
    row("Snapshot::open, pread, 1 thread", measure(open_with(OpenOptions::Read::pread, 1, true), repeats));
    row("Snapshot::open, pread, 2 threads", measure(open_with(OpenOptions::Read::pread, 2, true), repeats));
    row("Snapshot::open, mapped, 1 thread", measure(open_with(OpenOptions::Read::mapped, 1, true), repeats));
    row("Snapshot::open, mapped, 2 threads", measure(open_with(OpenOptions::Read::mapped, 2, true), repeats));
    row("Snapshot::open, mapped_drop, 1 thread", measure(open_with(OpenOptions::Read::mapped_drop, 1, true), repeats));
    row("Snapshot::open, mapped_drop, 2 threads", measure(open_with(OpenOptions::Read::mapped_drop, 2, true), repeats));
    row("Snapshot::open, checksums off (structure)", measure(open_with(OpenOptions::Read::pread, 1, false), repeats));
    return 0;
}
