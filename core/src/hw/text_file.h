#pragma once
// Small helpers for the detection sources: reading pseudo-files (/proc, /sys) and parsing their numbers.
#include <charconv>
#include <cstdint>
#include <filesystem>
#include <fstream>
#include <optional>
#include <sstream>
#include <string>
#include <string_view>

namespace qf::hw::detail {

// The whole file, or nullopt when it cannot be read. /proc and /sys files report a size of 0 or 4096,
// so they are read as a stream rather than by their size.
inline std::optional<std::string> readTextFile(const std::filesystem::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return std::nullopt;
    std::ostringstream out;
    out << in.rdbuf();
    if (in.bad()) return std::nullopt;
    return out.str();
}

inline std::string_view trim(std::string_view s) {
    while (!s.empty() && (s.front() == ' ' || s.front() == '\t' || s.front() == '\n' || s.front() == '\r'))
        s.remove_prefix(1);
    while (!s.empty() && (s.back() == ' ' || s.back() == '\t' || s.back() == '\n' || s.back() == '\r'))
        s.remove_suffix(1);
    return s;
}

// A whole unsigned decimal number (surrounding blanks allowed); nullopt for anything else.
inline std::optional<uint64_t> parseUnsigned(std::string_view s) {
    s = trim(s);
    uint64_t value = 0;
    const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), value);
    if (ec != std::errc{} || end != s.data() + s.size() || s.empty()) return std::nullopt;
    return value;
}

inline std::optional<uint64_t> readUnsignedFile(const std::filesystem::path& path) {
    auto text = readTextFile(path);
    return text ? parseUnsigned(*text) : std::nullopt;
}

// Calls fn(line) for each line of `text`.
template <class Fn> void forEachLine(std::string_view text, Fn&& fn) {
    while (!text.empty()) {
        const size_t end = text.find('\n');
        fn(text.substr(0, end));
        if (end == std::string_view::npos) break;
        text.remove_prefix(end + 1);
    }
}

} // namespace qf::hw::detail
