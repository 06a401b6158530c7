// What the generator keeps of the documents it has written, for later ones to point at: a few
// bytes a document (DocRef), in a small sample per authority and a weighted sampler per scope of
// hubs (laws, regulations, rules, upper government documents). Memory flat in N.
#pragma once

#include "generate/rng.hpp"
#include "normdoc/date.hpp"
#include "normdoc/document.hpp"

#include <algorithm>
#include <cstdint>
#include <optional>
#include <vector>

namespace normdoc::detail::gen {

constexpr int k_no_hub = -1;

// What is kept of a document that later ones may point at.
struct DocRef {
    std::uint32_t index = 0;      // generation order (unique)
    std::uint32_t authority = 0;  // its id's authority
    std::uint32_t serial = 0;
    std::uint16_t year = 0;
    DocumentKind kind = DocumentKind::normative;
    bool trial = false;
    Date published;
    Date effective;
    std::optional<Date> last;     // SPEC §4 base last day
    int hub = k_no_hub;           // its index among the hubs, k_no_hub when it is not one
};

// Hubs of one scope (the nation, a province, a city) with heavy-tailed weights: an append-only
// Fenwick tree over the weights gives weighted sampling in O(log n); a hub that is repealed
// stops being picked (its weight goes to zero). Recent hubs are also picked uniformly, as new
// documents rest on the law of the day as well as on the classics.
class HubSampler {
public:
    // Returns the hub's position in this sampler.
    std::uint32_t add(std::uint32_t hub, std::uint64_t weight) {
        hubs_.push_back(hub);
        const std::size_t i = hubs_.size();  // 1-based
        const std::size_t low = i & (~i + 1);
        tree_.push_back(weight + prefix(i - 1) - prefix(i - low));
        total_ += weight;
        recent_[recent_next_++ % k_recent] = hub;
        return static_cast<std::uint32_t>(i - 1);
    }
    void retire(std::uint32_t position, std::uint64_t weight) {
        for (std::size_t i = position + 1; i <= tree_.size(); i += i & (~i + 1)) tree_[i - 1] -= weight;
        total_ -= weight;
    }
    bool empty() const { return total_ == 0; }
    std::uint32_t pick(Rng& rng) const {
        std::uint64_t r = rng.below64(total_);
        std::size_t pos = 0;
        std::size_t step = 1;
        while (step * 2 <= hubs_.size()) step *= 2;
        for (; step; step /= 2) {
            if (pos + step <= hubs_.size() && tree_[pos + step - 1] <= r) {
                pos += step;
                r -= tree_[pos - 1];
            }
        }
        return hubs_[pos];
    }
    // One of the last k_recent hubs, uniformly (it may have been retired since).
    std::uint32_t pick_recent(Rng& rng) const {
        const std::size_t n = std::min<std::size_t>(recent_next_, k_recent);
        return recent_[rng.below(static_cast<std::uint32_t>(n))];
    }

private:
    static constexpr std::size_t k_recent = 64;
    std::uint64_t prefix(std::size_t i) const {  // sum of the first i weights
        std::uint64_t s = 0;
        for (; i; i &= i - 1) s += tree_[i - 1];
        return s;
    }
    std::vector<std::uint32_t> hubs_;
    std::vector<std::uint64_t> tree_;
    std::uint64_t total_ = 0;
    std::uint32_t recent_[k_recent] = {};
    std::size_t recent_next_ = 0;
};

// A small sample of an authority's earlier documents, recent ones favoured (a full ring
// replaces a random slot, so older documents stay with a geometrically falling chance).
class Sample {
public:
    static constexpr std::size_t k_slots = 8;
    void add(const DocRef& d, Rng& rng) {
        if (count_ < k_slots) {
            slots_[count_++] = d;
        } else {
            slots_[rng.below(k_slots)] = d;
        }
    }
    std::size_t size() const { return count_; }
    const DocRef& at(std::size_t i) const { return slots_[i]; }
    void remove(std::size_t i) { slots_[i] = slots_[--count_]; }

private:
    DocRef slots_[k_slots];
    std::size_t count_ = 0;
};

struct Hub {
    DocRef ref;
    std::uint32_t dependents = 0;
    std::uint32_t scope = 0;
    std::uint32_t position = 0;  // in its scope's sampler
    std::uint64_t weight = 0;
    bool retired = false;
};

}  // namespace normdoc::detail::gen
