// The generator's randomness: one stream (xoshiro256** seeded by splitmix64) and integer-only
// sampling, so that the bytes depend on the seed alone, not on the standard library (no <random>
// distribution, no libm beyond sqrt, which IEEE 754 rounds exactly).
#pragma once

#include <cstddef>
#include <cstdint>

namespace normdoc::detail::gen {

inline std::uint64_t splitmix64(std::uint64_t& x) {
    std::uint64_t z = (x += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
}

// xoshiro256** (Blackman, Vigna): fixed output on every platform.
class Rng {
public:
    explicit Rng(std::uint64_t seed) {
        std::uint64_t x = seed;
        for (auto& v : s_) v = splitmix64(x);
    }
    std::uint64_t next() noexcept {
        const std::uint64_t result = rotl(s_[1] * 5, 7) * 9;
        const std::uint64_t t = s_[1] << 17;
        s_[2] ^= s_[0];
        s_[3] ^= s_[1];
        s_[1] ^= s_[2];
        s_[0] ^= s_[3];
        s_[2] ^= t;
        s_[3] = rotl(s_[3], 45);
        return result;
    }
    // Uniform in [0, n) for n < 2^32 (multiply-shift; the bias is below 2^-32).
    std::uint32_t below(std::uint32_t n) noexcept {
        return static_cast<std::uint32_t>(((next() >> 32) * n) >> 32);
    }
    // Uniform in [0, n) for any n > 0 (rejection on a power-of-two mask: exact).
    std::uint64_t below64(std::uint64_t n) noexcept {
        std::uint64_t mask = n - 1;
        mask |= mask >> 1; mask |= mask >> 2; mask |= mask >> 4;
        mask |= mask >> 8; mask |= mask >> 16; mask |= mask >> 32;
        for (;;) {
            const std::uint64_t r = next() & mask;
            if (r < n) return r;
        }
    }
    int between(int lo, int hi) noexcept {  // inclusive
        return lo + static_cast<int>(below(static_cast<std::uint32_t>(hi - lo + 1)));
    }
    // True with probability per_mille / 1000.
    bool chance(std::uint32_t per_mille) noexcept { return below(1000) < per_mille; }
    // Uniform in [0, 1) with 53 bits.
    double unit() noexcept { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    // Picks an index by integer weights.
    template <std::size_t N>
    std::size_t weighted(const std::uint32_t (&weights)[N]) noexcept {
        std::uint32_t total = 0;
        for (auto w : weights) total += w;
        std::uint32_t r = below(total);
        for (std::size_t i = 0; i < N; ++i) {
            if (r < weights[i]) return i;
            r -= weights[i];
        }
        return N - 1;
    }

private:
    static std::uint64_t rotl(std::uint64_t x, int k) noexcept { return (x << k) | (x >> (64 - k)); }
    std::uint64_t s_[4];
};

// A heavy-tailed factor in [1, cap]: P(f > x) = 1/x (Pareto, alpha 1), in integers.
std::uint32_t pareto1(Rng& rng, std::uint32_t cap);

// A heavy-tailed weight in [1, 2^15]: P(w > x) = x^-2 (Pareto, alpha 2), in integers.
std::uint64_t pareto2(Rng& rng);

}  // namespace normdoc::detail::gen
