// Fast 64-bit hashes for the registry's files, written here from the xxHash specification
// (doc/xxhash_spec.md of Cyan4973/xxHash) and equal to the reference bit for bit (tests check
// published values):
// - hash64 / Hasher64: XXH64, one-shot or streamed (about 7 GB/s a core here); for what comes in
//   pieces: the source XML file while it streams by, journal records, the snapshot's metadata.
// - checksum64: XXH3-64 (default secret, seed 0), one-shot, with AVX2 where the processor has it
//   (about 3-4x XXH64): the snapshot's sections, which must be checked at memory speed on open.
// Not cryptographic: they find damage (torn writes, flipped bits, truncation, a foreign file),
// not forgery. docs/registry-format.md has the figures.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>
#include <string_view>

namespace normdoc::registry {

// XXH64 of `size` bytes at `data` with `seed`.
std::uint64_t hash64(const void* data, std::size_t size, std::uint64_t seed = 0) noexcept;
inline std::uint64_t hash64(std::string_view bytes, std::uint64_t seed = 0) noexcept {
    return hash64(bytes.data(), bytes.size(), seed);
}

// XXH3-64 of `size` bytes (seed 0, the default secret).
std::uint64_t checksum64(const void* data, std::size_t size) noexcept;
inline std::uint64_t checksum64(std::string_view bytes) noexcept { return checksum64(bytes.data(), bytes.size()); }

// The same hash (XXH64) over bytes given in pieces (a source XML file hashed while it streams by):
// Hasher64 h; h.update(a); h.update(b); h.digest() == hash64(a + b).
class Hasher64 {
public:
    explicit Hasher64(std::uint64_t seed = 0) noexcept { reset(seed); }
    void reset(std::uint64_t seed = 0) noexcept;
    void update(const void* data, std::size_t size) noexcept;
    void update(std::string_view bytes) noexcept { update(bytes.data(), bytes.size()); }
    // The hash of everything given so far; update may go on afterwards.
    std::uint64_t digest() const noexcept;

private:
    std::uint64_t seed_ = 0;
    std::uint64_t v_[4] = {};
    std::uint64_t total_ = 0;
    unsigned char buffer_[32] = {};
    std::size_t buffered_ = 0;
};

}  // namespace normdoc::registry
