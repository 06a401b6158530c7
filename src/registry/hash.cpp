// XXH64, from the xxHash specification (doc/xxhash_spec.md of Cyan4973/xxHash): four lanes over
// 32-byte stripes, then the tail in 8-, 4- and 1-byte steps, then the avalanche. Little-endian
// reads, as the specification has them (the registry's files are little-endian on this machine
// and say so in their byte-order mark).
#include "hash.hpp"

namespace normdoc::registry {

namespace {

constexpr std::uint64_t k_p1 = 0x9E3779B185EBCA87ull;
constexpr std::uint64_t k_p2 = 0xC2B2AE3D27D4EB4Full;
constexpr std::uint64_t k_p3 = 0x165667B19E3779F9ull;
constexpr std::uint64_t k_p4 = 0x85EBCA77C2B2AE63ull;
constexpr std::uint64_t k_p5 = 0x27D4EB2F165667C5ull;

inline std::uint64_t rotl(std::uint64_t x, int r) noexcept { return (x << r) | (x >> (64 - r)); }

inline std::uint64_t read64(const unsigned char* p) noexcept {
    std::uint64_t v;
    std::memcpy(&v, p, 8);
    return v;
}

inline std::uint32_t read32(const unsigned char* p) noexcept {
    std::uint32_t v;
    std::memcpy(&v, p, 4);
    return v;
}

inline std::uint64_t round(std::uint64_t acc, std::uint64_t input) noexcept {
    acc += input * k_p2;
    acc = rotl(acc, 31);
    return acc * k_p1;
}

inline std::uint64_t merge_round(std::uint64_t acc, std::uint64_t value) noexcept {
    acc ^= round(0, value);
    return acc * k_p1 + k_p4;
}

inline void init_lanes(std::uint64_t (&v)[4], std::uint64_t seed) noexcept {
    v[0] = seed + k_p1 + k_p2;
    v[1] = seed + k_p2;
    v[2] = seed;
    v[3] = seed - k_p1;
}

// The stripes of 32 bytes; returns where the tail begins.
inline const unsigned char* stripes(std::uint64_t (&v)[4], const unsigned char* p, const unsigned char* end) noexcept {
    std::uint64_t v0 = v[0], v1 = v[1], v2 = v[2], v3 = v[3];
    while (end - p >= 32) {
        v0 = round(v0, read64(p));
        v1 = round(v1, read64(p + 8));
        v2 = round(v2, read64(p + 16));
        v3 = round(v3, read64(p + 24));
        p += 32;
    }
    v[0] = v0;
    v[1] = v1;
    v[2] = v2;
    v[3] = v3;
    return p;
}

inline std::uint64_t converge(const std::uint64_t (&v)[4]) noexcept {
    std::uint64_t h = rotl(v[0], 1) + rotl(v[1], 7) + rotl(v[2], 12) + rotl(v[3], 18);
    for (std::uint64_t lane : v) h = merge_round(h, lane);
    return h;
}

inline std::uint64_t finish(std::uint64_t h, const unsigned char* p, const unsigned char* end) noexcept {
    while (end - p >= 8) {
        h ^= round(0, read64(p));
        h = rotl(h, 27) * k_p1 + k_p4;
        p += 8;
    }
    if (end - p >= 4) {
        h ^= static_cast<std::uint64_t>(read32(p)) * k_p1;
        h = rotl(h, 23) * k_p2 + k_p3;
        p += 4;
    }
    while (p < end) {
        h ^= static_cast<std::uint64_t>(*p) * k_p5;
        h = rotl(h, 11) * k_p1;
        ++p;
    }
    h ^= h >> 33;
    h *= k_p2;
    h ^= h >> 29;
    h *= k_p3;
    h ^= h >> 32;
    return h;
}

}  // namespace

std::uint64_t hash64(const void* data, std::size_t size, std::uint64_t seed) noexcept {
    const auto* p = static_cast<const unsigned char*>(data);
    const unsigned char* end = p + size;
    std::uint64_t h;
    if (size >= 32) {
        std::uint64_t v[4];
        init_lanes(v, seed);
        p = stripes(v, p, end);
        h = converge(v);
    } else {
        h = seed + k_p5;
    }
    h += static_cast<std::uint64_t>(size);
    return finish(h, p, end);
}

void Hasher64::reset(std::uint64_t seed) noexcept {
    seed_ = seed;
    init_lanes(v_, seed);
    total_ = 0;
    buffered_ = 0;
}

void Hasher64::update(const void* data, std::size_t size) noexcept {
    if (size == 0) return;
    const auto* p = static_cast<const unsigned char*>(data);
    const unsigned char* end = p + size;
    total_ += size;
    if (buffered_ + size < 32) {
        std::memcpy(buffer_ + buffered_, p, size);
        buffered_ += size;
        return;
    }
    if (buffered_ > 0) {
        const std::size_t take = 32 - buffered_;
        std::memcpy(buffer_ + buffered_, p, take);
        stripes(v_, buffer_, buffer_ + 32);
        p += take;
        buffered_ = 0;
    }
    p = stripes(v_, p, end);
    buffered_ = static_cast<std::size_t>(end - p);
    std::memcpy(buffer_, p, buffered_);
}

std::uint64_t Hasher64::digest() const noexcept {
    std::uint64_t h = total_ >= 32 ? converge(v_) : seed_ + k_p5;
    h += total_;
    return finish(h, buffer_, buffer_ + buffered_);
}

}  // namespace normdoc::registry

// ---- XXH3-64 ------------------------------------------------------------------------------------

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <immintrin.h>
#define NORMDOC_XXH3_AVX2 1
#endif

namespace normdoc::registry {

namespace {

constexpr std::uint64_t k_p32_1 = 0x9E3779B1u;
constexpr std::uint64_t k_p32_2 = 0x85EBCA77u;
constexpr std::uint64_t k_p32_3 = 0xC2B2AE3Du;
constexpr std::uint64_t k_mx1 = 0x165667919E3779F9ull;
constexpr std::uint64_t k_mx2 = 0x9FB21C651E98DF25ull;

alignas(64) constexpr unsigned char k_secret[192] = {
    0xb8, 0xfe, 0x6c, 0x39, 0x23, 0xa4, 0x4b, 0xbe, 0x7c, 0x01, 0x81, 0x2c, 0xf7, 0x21, 0xad, 0x1c,
    0xde, 0xd4, 0x6d, 0xe9, 0x83, 0x90, 0x97, 0xdb, 0x72, 0x40, 0xa4, 0xa4, 0xb7, 0xb3, 0x67, 0x1f,
    0xcb, 0x79, 0xe6, 0x4e, 0xcc, 0xc0, 0xe5, 0x78, 0x82, 0x5a, 0xd0, 0x7d, 0xcc, 0xff, 0x72, 0x21,
    0xb8, 0x08, 0x46, 0x74, 0xf7, 0x43, 0x24, 0x8e, 0xe0, 0x35, 0x90, 0xe6, 0x81, 0x3a, 0x26, 0x4c,
    0x3c, 0x28, 0x52, 0xbb, 0x91, 0xc3, 0x00, 0xcb, 0x88, 0xd0, 0x65, 0x8b, 0x1b, 0x53, 0x2e, 0xa3,
    0x71, 0x64, 0x48, 0x97, 0xa2, 0x0d, 0xf9, 0x4e, 0x38, 0x19, 0xef, 0x46, 0xa9, 0xde, 0xac, 0xd8,
    0xa8, 0xfa, 0x76, 0x3f, 0xe3, 0x9c, 0x34, 0x3f, 0xf9, 0xdc, 0xbb, 0xc7, 0xc7, 0x0b, 0x4f, 0x1d,
    0x8a, 0x51, 0xe0, 0x4b, 0xcd, 0xb4, 0x59, 0x31, 0xc8, 0x9f, 0x7e, 0xc9, 0xd9, 0x78, 0x73, 0x64,
    0xea, 0xc5, 0xac, 0x83, 0x34, 0xd3, 0xeb, 0xc3, 0xc5, 0x81, 0xa0, 0xff, 0xfa, 0x13, 0x63, 0xeb,
    0x17, 0x0d, 0xdd, 0x51, 0xb7, 0xf0, 0xda, 0x49, 0xd3, 0x16, 0x55, 0x26, 0x29, 0xd4, 0x68, 0x9e,
    0x2b, 0x16, 0xbe, 0x58, 0x7d, 0x47, 0xa1, 0xfc, 0x8f, 0xf8, 0xb8, 0xd1, 0x7a, 0xd0, 0x31, 0xce,
    0x45, 0xcb, 0x3a, 0x8f, 0x95, 0x16, 0x04, 0x28, 0xaf, 0xd7, 0xfb, 0xca, 0xbb, 0x4b, 0x40, 0x7e,
};
constexpr std::size_t k_secret_size = sizeof k_secret;
constexpr std::size_t k_stripes_per_block = (k_secret_size - 64) / 8;  // 16
constexpr std::size_t k_block_size = 64 * k_stripes_per_block;         // 1024

inline std::uint64_t swap64(std::uint64_t x) noexcept { return __builtin_bswap64(x); }

__extension__ typedef unsigned __int128 u128;  // GCC and clang; -Wpedantic knows it is not ISO

inline std::uint64_t mul128_fold64(std::uint64_t a, std::uint64_t b) noexcept {
    const u128 r = static_cast<u128>(a) * b;
    return static_cast<std::uint64_t>(r) ^ static_cast<std::uint64_t>(r >> 64);
}

inline std::uint64_t avalanche3(std::uint64_t x) noexcept {
    x ^= x >> 37;
    x *= k_mx1;
    return x ^ (x >> 32);
}

inline std::uint64_t avalanche64(std::uint64_t x) noexcept {
    x ^= x >> 33;
    x *= k_p2;
    x ^= x >> 29;
    x *= k_p3;
    return x ^ (x >> 32);
}

inline std::uint64_t secret64(std::size_t offset) noexcept { return read64(k_secret + offset); }

std::uint64_t xxh3_0to16(const unsigned char* p, std::size_t n) noexcept {
    if (n > 8) {
        const std::uint64_t lo = (secret64(24) ^ secret64(32)) ^ read64(p);
        const std::uint64_t hi = (secret64(40) ^ secret64(48)) ^ read64(p + n - 8);
        return avalanche3(n + swap64(lo) + hi + mul128_fold64(lo, hi));
    }
    if (n >= 4) {
        const std::uint64_t combined = read32(p + n - 4) | (static_cast<std::uint64_t>(read32(p)) << 32);
        std::uint64_t v = (secret64(8) ^ secret64(16)) ^ combined;  // seed 0: the modified seed is 0
        v ^= rotl(v, 49) ^ rotl(v, 24);
        v *= k_mx2;
        v ^= (v >> 35) + n;
        v *= k_mx2;
        return v ^ (v >> 28);
    }
    if (n > 0) {
        const std::uint32_t combined = static_cast<std::uint32_t>(p[n - 1]) | static_cast<std::uint32_t>(n << 8) |
                                       (static_cast<std::uint32_t>(p[0]) << 16) | (static_cast<std::uint32_t>(p[n >> 1]) << 24);
        return avalanche64(static_cast<std::uint64_t>(read32(k_secret) ^ read32(k_secret + 4)) ^ combined);
    }
    return avalanche64(secret64(56) ^ secret64(64));
}

inline std::uint64_t mix16(const unsigned char* p, std::size_t secret_offset) noexcept {
    return mul128_fold64(read64(p) ^ secret64(secret_offset), read64(p + 8) ^ secret64(secret_offset + 8));
}

std::uint64_t xxh3_17to128(const unsigned char* p, std::size_t n) noexcept {
    std::uint64_t acc = n * k_p1;
    const std::size_t rounds = ((n - 1) >> 5) + 1;
    for (std::size_t r = rounds; r-- > 0;) {
        acc += mix16(p + r * 16, r * 32);
        acc += mix16(p + n - r * 16 - 16, r * 32 + 16);
    }
    return avalanche3(acc);
}

std::uint64_t xxh3_129to240(const unsigned char* p, std::size_t n) noexcept {
    std::uint64_t acc = n * k_p1;
    for (std::size_t i = 0; i < 8; ++i) acc += mix16(p + i * 16, i * 16);
    acc = avalanche3(acc);
    const std::size_t chunks = n >> 4;
    for (std::size_t i = 8; i < chunks; ++i) acc += mix16(p + i * 16, (i - 8) * 16 + 3);
    acc += mix16(p + n - 16, 119);
    return avalanche3(acc);
}

// ---- the long input: 8 accumulators over 64-byte stripes ----

inline void accumulate_scalar(std::uint64_t* acc, const unsigned char* stripe, const unsigned char* secret) noexcept {
    for (std::size_t i = 0; i < 8; ++i) {
        const std::uint64_t data = read64(stripe + 8 * i);
        const std::uint64_t key = data ^ read64(secret + 8 * i);
        acc[i ^ 1] += data;
        acc[i] += (key & 0xFFFFFFFFu) * (key >> 32);
    }
}

inline void scramble_scalar(std::uint64_t* acc) noexcept {
    const unsigned char* secret = k_secret + k_secret_size - 64;
    for (std::size_t i = 0; i < 8; ++i) {
        std::uint64_t a = acc[i];
        a ^= a >> 47;
        a ^= read64(secret + 8 * i);
        acc[i] = a * k_p32_1;
    }
}

void long_scalar(std::uint64_t* acc, const unsigned char* p, std::size_t n) noexcept {
    const std::size_t blocks = (n - 1) / k_block_size;
    for (std::size_t b = 0; b < blocks; ++b) {
        const unsigned char* block = p + b * k_block_size;
        for (std::size_t s = 0; s < k_stripes_per_block; ++s) accumulate_scalar(acc, block + s * 64, k_secret + s * 8);
        scramble_scalar(acc);
    }
    const unsigned char* last = p + blocks * k_block_size;
    const std::size_t stripes = (n - blocks * k_block_size - 1) / 64;
    for (std::size_t s = 0; s < stripes; ++s) accumulate_scalar(acc, last + s * 64, k_secret + s * 8);
    accumulate_scalar(acc, p + n - 64, k_secret + k_secret_size - 64 - 7);
}

#ifdef NORMDOC_XXH3_AVX2
__attribute__((target("avx2"))) inline void accumulate_avx2(__m256i* acc, const unsigned char* stripe,
                                                            const unsigned char* secret) noexcept {
    for (int i = 0; i < 2; ++i) {
        const __m256i data = _mm256_loadu_si256(reinterpret_cast<const __m256i*>(stripe) + i);
        const __m256i key = _mm256_xor_si256(data, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(secret) + i));
        const __m256i key_hi = _mm256_shuffle_epi32(key, _MM_SHUFFLE(0, 3, 0, 1));
        const __m256i product = _mm256_mul_epu32(key, key_hi);
        const __m256i swapped = _mm256_shuffle_epi32(data, _MM_SHUFFLE(1, 0, 3, 2));
        acc[i] = _mm256_add_epi64(acc[i], _mm256_add_epi64(product, swapped));
    }
}

__attribute__((target("avx2"))) inline void scramble_avx2(__m256i* acc) noexcept {
    const __m256i prime = _mm256_set1_epi32(static_cast<int>(k_p32_1));
    for (int i = 0; i < 2; ++i) {
        __m256i a = acc[i];
        a = _mm256_xor_si256(a, _mm256_srli_epi64(a, 47));
        const __m256i key = _mm256_xor_si256(
            a, _mm256_loadu_si256(reinterpret_cast<const __m256i*>(k_secret + k_secret_size - 64) + i));
        const __m256i key_hi = _mm256_shuffle_epi32(key, _MM_SHUFFLE(0, 3, 0, 1));
        const __m256i lo = _mm256_mul_epu32(key, prime);
        const __m256i hi = _mm256_mul_epu32(key_hi, prime);
        acc[i] = _mm256_add_epi64(lo, _mm256_slli_epi64(hi, 32));
    }
}

__attribute__((target("avx2"))) void long_avx2(std::uint64_t* acc64, const unsigned char* p, std::size_t n) noexcept {
    __m256i acc[2] = {_mm256_loadu_si256(reinterpret_cast<const __m256i*>(acc64)),
                      _mm256_loadu_si256(reinterpret_cast<const __m256i*>(acc64) + 1)};
    const std::size_t blocks = (n - 1) / k_block_size;
    for (std::size_t b = 0; b < blocks; ++b) {
        const unsigned char* block = p + b * k_block_size;
        for (std::size_t s = 0; s < k_stripes_per_block; ++s) accumulate_avx2(acc, block + s * 64, k_secret + s * 8);
        scramble_avx2(acc);
    }
    const unsigned char* last = p + blocks * k_block_size;
    const std::size_t stripes = (n - blocks * k_block_size - 1) / 64;
    for (std::size_t s = 0; s < stripes; ++s) accumulate_avx2(acc, last + s * 64, k_secret + s * 8);
    accumulate_avx2(acc, p + n - 64, k_secret + k_secret_size - 64 - 7);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(acc64), acc[0]);
    _mm256_storeu_si256(reinterpret_cast<__m256i*>(acc64) + 1, acc[1]);
}

const bool k_has_avx2 = __builtin_cpu_supports("avx2");
#endif

std::uint64_t xxh3_long(const unsigned char* p, std::size_t n) noexcept {
    std::uint64_t acc[8] = {k_p32_3, k_p1, k_p2, k_p3, k_p4, k_p32_2, k_p5, k_p32_1};
#ifdef NORMDOC_XXH3_AVX2
    if (k_has_avx2)
        long_avx2(acc, p, n);
    else
#endif
        long_scalar(acc, p, n);
    std::uint64_t result = n * k_p1;
    for (std::size_t i = 0; i < 4; ++i)
        result += mul128_fold64(acc[2 * i] ^ secret64(11 + 16 * i), acc[2 * i + 1] ^ secret64(11 + 16 * i + 8));
    return avalanche3(result);
}

}  // namespace

std::uint64_t checksum64(const void* data, std::size_t size) noexcept {
    const auto* p = static_cast<const unsigned char*>(data);
    if (size <= 16) return xxh3_0to16(p, size);
    if (size <= 128) return xxh3_17to128(p, size);
    if (size <= 240) return xxh3_129to240(p, size);
    return xxh3_long(p, size);
}

}  // namespace normdoc::registry
