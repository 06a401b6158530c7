// String id → index, by open addressing. A slot holds only the index and 32 bits of the hash (8
// bytes): the key itself is read back through `KeyOf` (index → the string it was inserted with,
// which must outlive the index) and compared only when the hash bits match. No node per id, no
// string copies (SPEC §11: resolving millions of references must not cost a hash-map node and
// a std::string each), and a table a third the size of one holding views.
#pragma once

#include <cstdint>
#include <functional>
#include <string_view>
#include <utility>
#include <vector>

namespace normdoc {

inline constexpr std::uint32_t k_not_indexed = 0xffffffffu;

template <class KeyOf>
class IdIndex {
public:
    static constexpr std::uint32_t k_none = k_not_indexed;

    explicit IdIndex(KeyOf key_of) : key_of_(std::move(key_of)) {}

    void reserve(std::size_t n) {
        std::size_t cap = 16;
        while (cap < n * 2) cap <<= 1;
        if (cap > slots_.size()) rehash(cap);
    }

    // False (and no change) when the key is there already. `key` is key_of(value).
    bool insert(std::string_view key, std::uint32_t value) {
        if ((size_ + 1) * 2 > slots_.size()) rehash(slots_.empty() ? 16 : slots_.size() * 2);
        const std::size_t mask = slots_.size() - 1;
        const std::size_t h = hash(key);
        const auto tag = static_cast<std::uint32_t>(h >> 32);
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            Slot& s = slots_[i];
            if (s.value == k_none) {
                s = {value, tag};
                ++size_;
                return true;
            }
            if (s.tag == tag && key_of_(s.value) == key) return false;
        }
    }

    std::uint32_t find(std::string_view key) const {
        if (slots_.empty()) return k_none;
        const std::size_t mask = slots_.size() - 1;
        const std::size_t h = hash(key);
        const auto tag = static_cast<std::uint32_t>(h >> 32);
        for (std::size_t i = h & mask;; i = (i + 1) & mask) {
            const Slot& s = slots_[i];
            if (s.value == k_none) return k_none;
            if (s.tag == tag && key_of_(s.value) == key) return s.value;  // strings compared only on a likely match
        }
    }

    std::size_t size() const noexcept { return size_; }

private:
    struct Slot {
        std::uint32_t value = k_not_indexed;
        std::uint32_t tag = 0;  // high bits of the hash
    };

    static std::size_t hash(std::string_view key) noexcept { return std::hash<std::string_view>{}(key); }

    void rehash(std::size_t capacity) {
        std::vector<Slot> old = std::move(slots_);
        slots_.assign(capacity, Slot{});
        size_ = 0;
        for (const Slot& s : old)
            if (s.value != k_none) insert(key_of_(s.value), s.value);
    }

    KeyOf key_of_;
    std::vector<Slot> slots_;
    std::size_t size_ = 0;
};

}  // namespace normdoc
