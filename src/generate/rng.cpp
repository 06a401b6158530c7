// Heavy-tailed sampling in integers (rng.hpp).
#include "generate/rng.hpp"

#include <algorithm>

namespace normdoc::detail::gen {
namespace {

// Integer square root (floor) of x < 2^62.
std::uint64_t isqrt(std::uint64_t x) {
    std::uint64_t lo = 0, hi = 1u << 31;
    while (lo < hi) {
        const std::uint64_t mid = (lo + hi + 1) / 2;
        if (mid * mid <= x) lo = mid; else hi = mid - 1;
    }
    return lo;
}

}  // namespace

// A heavy-tailed factor in [1, cap]: P(f > x) = 1/x (Pareto, alpha 1), in integers.
std::uint32_t pareto1(Rng& rng, std::uint32_t cap) {
    const std::uint32_t u = rng.below(1u << 16) + 1;
    return std::min<std::uint32_t>(cap, (1u << 16) / u);
}

// A heavy-tailed weight in [1, 2^15]: P(w > x) = x^-2 (Pareto, alpha 2), in integers.
std::uint64_t pareto2(Rng& rng) {
    const std::uint64_t x = (1ULL << 30) / (rng.below(1u << 30) + 1ULL);  // alpha 1, up to 2^30
    return std::max<std::uint64_t>(1, isqrt(x));
}

}  // namespace normdoc::detail::gen
