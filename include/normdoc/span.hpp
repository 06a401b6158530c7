// Read-only runs of values owned by a corpus: a contiguous Span<T>, a run of ids 0..n-1, and a
// range that decodes stored records into values as it is walked. C++17 has no std::span.
#pragma once

#include <cstddef>
#include <cstdint>
#include <iterator>
#include <stdexcept>
#include <utility>

namespace normdoc {

// A contiguous run of T that someone else owns (a corpus, in memory or mapped from a snapshot).
template <class T>
class Span {
public:
    using value_type = T;
    using iterator = const T*;

    constexpr Span() noexcept = default;
    constexpr Span(const T* b, const T* e) noexcept : begin_(b), end_(e) {}
    constexpr Span(const T* b, std::size_t n) noexcept : begin_(b), end_(b + n) {}

    constexpr const T* begin() const noexcept { return begin_; }
    constexpr const T* end() const noexcept { return end_; }
    constexpr const T* data() const noexcept { return begin_; }
    constexpr std::size_t size() const noexcept { return static_cast<std::size_t>(end_ - begin_); }
    constexpr bool empty() const noexcept { return begin_ == end_; }
    constexpr const T& operator[](std::size_t i) const noexcept { return begin_[i]; }
    constexpr const T& front() const noexcept { return *begin_; }
    constexpr const T& back() const noexcept { return end_[-1]; }
    const T& at(std::size_t i) const {
        if (i >= size()) throw std::out_of_range("normdoc::Span::at");
        return begin_[i];
    }
    constexpr Span subspan(std::size_t first, std::size_t count) const noexcept { return {begin_ + first, count}; }

private:
    const T* begin_ = nullptr;
    const T* end_ = nullptr;
};

// The ids 0..n-1 of a corpus's documents or authorities (file order), for range-for.
template <class IdT>
class IdRange {
public:
    class iterator {
    public:
        using iterator_category = std::forward_iterator_tag;
        using value_type = IdT;
        using difference_type = std::ptrdiff_t;
        using pointer = const IdT*;
        using reference = IdT;
        constexpr explicit iterator(std::uint32_t i = 0) noexcept : i_(i) {}
        constexpr IdT operator*() const noexcept { return IdT(i_); }
        constexpr iterator& operator++() noexcept { ++i_; return *this; }
        constexpr iterator operator++(int) noexcept { iterator old = *this; ++i_; return old; }
        friend constexpr bool operator==(iterator a, iterator b) noexcept { return a.i_ == b.i_; }
        friend constexpr bool operator!=(iterator a, iterator b) noexcept { return a.i_ != b.i_; }
    private:
        std::uint32_t i_;
    };
    constexpr explicit IdRange(std::size_t n) noexcept : n_(static_cast<std::uint32_t>(n)) {}
    constexpr iterator begin() const noexcept { return iterator(0); }
    constexpr iterator end() const noexcept { return iterator(n_); }
    constexpr std::size_t size() const noexcept { return n_; }
    constexpr bool empty() const noexcept { return n_ == 0; }
private:
    std::uint32_t n_;
};

// A run of stored records seen as values: `Decode` is a small copyable function object
// (`Value operator()(const Record&) const`) that knows where the corpus keeps its strings.
template <class Record, class Decode>
class DecodedRange {
public:
    using value_type = decltype(std::declval<const Decode&>()(std::declval<const Record&>()));

    class iterator {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = DecodedRange::value_type;
        using difference_type = std::ptrdiff_t;
        using pointer = void;
        using reference = value_type;
        iterator() = default;
        iterator(const Record* at, Decode decode) noexcept : at_(at), decode_(decode) {}
        value_type operator*() const { return decode_(*at_); }
        value_type operator[](difference_type k) const { return decode_(at_[k]); }
        iterator& operator++() noexcept { ++at_; return *this; }
        iterator operator++(int) noexcept { iterator old = *this; ++at_; return old; }
        iterator& operator--() noexcept { --at_; return *this; }
        iterator& operator+=(difference_type k) noexcept { at_ += k; return *this; }
        friend iterator operator+(iterator it, difference_type k) noexcept { return it += k; }
        friend difference_type operator-(iterator a, iterator b) noexcept { return a.at_ - b.at_; }
        friend bool operator==(const iterator& a, const iterator& b) noexcept { return a.at_ == b.at_; }
        friend bool operator!=(const iterator& a, const iterator& b) noexcept { return a.at_ != b.at_; }
        friend bool operator<(const iterator& a, const iterator& b) noexcept { return a.at_ < b.at_; }
    private:
        const Record* at_ = nullptr;
        Decode decode_{};
    };

    DecodedRange() = default;
    DecodedRange(Span<Record> records, Decode decode) noexcept : records_(records), decode_(decode) {}

    iterator begin() const noexcept { return {records_.begin(), decode_}; }
    iterator end() const noexcept { return {records_.end(), decode_}; }
    std::size_t size() const noexcept { return records_.size(); }
    bool empty() const noexcept { return records_.empty(); }
    value_type operator[](std::size_t i) const { return decode_(records_[i]); }
    value_type front() const { return decode_(records_.front()); }

private:
    Span<Record> records_;
    Decode decode_{};
};

}  // namespace normdoc
