#pragma once
// SHA-256 (FIPS 180-4), for comparing tensor bytes with published digests without Qt.
#include <array>
#include <cstddef>
#include <cstdint>
#include <span>
#include <string>

namespace qf {

class Sha256 {
public:
    using Digest = std::array<uint8_t, 32>;

    Sha256();
    void update(const void* data, size_t size);
    void update(std::span<const uint8_t> bytes) { update(bytes.data(), bytes.size()); }
    // The digest of everything passed to update(); the object must not be updated afterwards.
    Digest finish();

    static std::string toHex(const Digest& digest);

    // The compression runs on x86's SHA extensions (SHA-NI) when the CPU has them, else the portable
    // code; both give the same digests. forceScalar(true) selects the portable code (tests, comparisons).
    static bool hardwareAvailable();
    static void forceScalar(bool scalar);
    static bool usingHardware();

private:
    void compress(const uint8_t* blocks, size_t count);

    std::array<uint32_t, 8> m_state;
    std::array<uint8_t, 64> m_buffer{};
    size_t m_buffered = 0;
    uint64_t m_totalBytes = 0;
};

// Lower-case hex digest of bytes.
std::string sha256Hex(std::span<const uint8_t> bytes);

} // namespace qf
