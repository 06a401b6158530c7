// String id → index, by open addressing over views of strings that outlive the index.
// One flat array of slots: no node per id, no string copies (SPEC §11: resolving millions of
// references must not cost a hash-map node and a std::string each).
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <vector>

namespace normdoc {

class IdIndex {
public:
    static constexpr std::uint32_t k_none = 0xffffffffu;

    void reserve(std::size_t n) {
        std::size_t cap = 16;
        while (cap < n * 2) cap <<= 1;
        if (cap > slots_.size()) rehash(cap);
    }

    // False (and no change) when the key is there already.
    bool insert(std::string_view key, std::uint32_t value) {
        if ((size_ + 1) * 2 > slots_.size()) rehash(slots_.empty() ? 16 : slots_.size() * 2);
        const std::size_t mask = slots_.size() - 1;
        const std::size_t h = hash(key);
        const auto tag = static_cast<std::uint32_t>(h >> 32);
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            Slot& s = slots_[i];
            if (s.value == k_none) {
                s = {key, value, tag};
                ++size_;
                return true;
            }
            if (s.tag == tag && s.key == key) return false;
        }
    }

    std::uint32_t find(std::string_view key) const noexcept {
        if (slots_.empty()) return k_none;
        const std::size_t mask = slots_.size() - 1;
        const std::size_t h = hash(key);
        const auto tag = static_cast<std::uint32_t>(h >> 32);
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const Slot& s = slots_[i];
            if (s.value == k_none) return k_none;
            if (s.tag == tag && s.key == key) return s.value;  // strings compared only on a likely match
        }
    }

    std::size_t size() const noexcept { return size_; }

private:
    struct Slot {
        std::string_view key;
        std::uint32_t value = k_none;
        std::uint32_t tag = 0;  // high bits of the hash
    };

    static std::size_t hash(std::string_view key) noexcept { return std::hash<std::string_view>{}(key); }

    void rehash(std::size_t capacity) {
        std::vector<Slot> old = std::move(slots_);
        slots_.assign(capacity, Slot{});
        size_ = 0;
        for (const Slot& s : old)
            if (s.value != k_none) insert(s.key, s.value);  // (rehashing recomputes the tag)
    }

    std::vector<Slot> slots_;
    std::size_t size_ = 0;
};

}  // namespace normdoc
