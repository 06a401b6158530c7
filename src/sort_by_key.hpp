// Indices sorted by a string key in byte order (ids for CSV rows, numbers for lookup).
#pragma once

#include <algorithm>
#include <cstdint>
#include <string_view>
#include <vector>

namespace normdoc::detail {

// Sorting a million string_views chases two pointers per comparison, and generated or real ids
// share long prefixes (cn-js-wx-jy-gov-…). So: sort by the first 8 bytes as a big-endian integer,
// then each run of equal keys by the next 8 bytes, and so on (most-significant-digit first,
// iterative); the strings are read once per level. Ties keep index order (stable).
// `key(i)` gives the key of index i; `indices` are sorted in place.
template <class Key>
void sort_by_key(std::vector<std::uint32_t>& indices, const Key& key) {
    struct Entry {
        std::uint64_t digit;
        std::uint32_t index;
    };
    auto digit_at = [&](std::uint32_t index, std::size_t offset) {
        const std::string_view k = key(index);
        std::uint64_t digit = 0;
        for (std::size_t b = offset; b < offset + 8; ++b)
            digit = (digit << 8) | (b < k.size() ? static_cast<unsigned char>(k[b]) : 0u);
        return digit;
    };
    std::vector<Entry> keys(indices.size());
    for (std::size_t i = 0; i < keys.size(); ++i) keys[i] = {0, indices[i]};
    struct Run {
        std::size_t begin, end, offset;
    };
    std::vector<Run> runs{{0, keys.size(), 0}};
    while (!runs.empty()) {
        const Run run = runs.back();
        runs.pop_back();
        std::size_t longest = 0;
        for (std::size_t i = run.begin; i < run.end; ++i) {
            keys[i].digit = digit_at(keys[i].index, run.offset);
            longest = std::max(longest, key(keys[i].index).size());
        }
        std::sort(keys.begin() + static_cast<std::ptrdiff_t>(run.begin), keys.begin() + static_cast<std::ptrdiff_t>(run.end),
                  [](const Entry& a, const Entry& b) { return a.digit != b.digit ? a.digit < b.digit : a.index < b.index; });
        if (longest <= run.offset + 8) continue;  // the digits covered every byte: the run is in order
        for (std::size_t i = run.begin; i < run.end;) {
            std::size_t j = i + 1;
            while (j < run.end && keys[j].digit == keys[i].digit) ++j;
            if (j - i > 1) runs.push_back({i, j, run.offset + 8});
            i = j;
        }
    }
    for (std::size_t i = 0; i < keys.size(); ++i) indices[i] = keys[i].index;
}

}  // namespace normdoc::detail
