#include "qf/text/unicode.h"

#include <algorithm>
#include <array>

#include "unicode_data.h"

namespace qf::text {
namespace {

constexpr uint32_t kReplacement = 0xFFFD;
constexpr uint32_t kMaxCodepoint = 0x10FFFF;

struct ByteLevelTables {
    std::array<uint32_t, 256> toCodepoint{};
    std::array<int16_t, 512> toByte{}; // every alphabet codepoint is below 0x144
};

const ByteLevelTables& byteLevelTables() {
    static const ByteLevelTables tables = [] {
        ByteLevelTables t;
        t.toByte.fill(-1);
        auto printable = [](int b) {
            return (b >= 0x21 && b <= 0x7E) || (b >= 0xA1 && b <= 0xAC) || b >= 0xAE;
        };
        uint32_t next = 256;
        for (int b = 0; b < 256; ++b) {
            const uint32_t cp = printable(b) ? uint32_t(b) : next++;
            t.toCodepoint[size_t(b)] = cp;
            t.toByte[cp] = int16_t(b);
        }
        return t;
    }();
    return tables;
}

} // namespace

uint16_t codepointFlags(uint32_t cp) {
    if (cp > kMaxCodepoint) return kUndefined;
    const auto* begin = detail::kCodepointRuns;
    const auto* end = begin + detail::kCodepointRunCount;
    const auto* run = std::upper_bound(begin, end, cp,
                                       [](uint32_t v, const detail::CodepointRun& r) { return v < r.first; });
    return run == begin ? uint16_t(kUndefined) : (run - 1)->flags;
}

uint32_t toLower(uint32_t cp) {
    const auto* begin = detail::kLowercase;
    const auto* end = begin + detail::kLowercaseCount;
    const auto* it =
        std::lower_bound(begin, end, cp, [](const detail::CasePair& p, uint32_t v) { return p.from < v; });
    return it != end && it->from == cp ? it->to : cp;
}

const char* unicodeVersion() {
    return detail::kUnicodeVersion;
}

size_t utf8SequenceLength(uint8_t lead) {
    static constexpr uint8_t kLengths[16] = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 2, 2, 3, 4};
    return kLengths[lead >> 4];
}

std::vector<uint32_t> decodeUtf8(std::string_view text) {
    std::vector<uint32_t> out;
    out.reserve(text.size());
    auto continuation = [&](size_t i) { return i < text.size() && (uint8_t(text[i]) & 0xC0) == 0x80; };
    for (size_t i = 0; i < text.size();) {
        const uint8_t b = uint8_t(text[i]);
        size_t length = 0;
        uint32_t cp = 0;
        if (b < 0x80) {
            length = 1;
            cp = b;
        } else if ((b & 0xE0) == 0xC0) {
            length = 2;
            cp = b & 0x1F;
        } else if ((b & 0xF0) == 0xE0) {
            length = 3;
            cp = b & 0x0F;
        } else if ((b & 0xF8) == 0xF0) {
            length = 4;
            cp = b & 0x07;
        }
        bool valid = length > 0;
        for (size_t k = 1; valid && k < length; ++k)
            valid = continuation(i + k);
        if (!valid) {
            out.push_back(kReplacement);
            ++i;
            continue;
        }
        for (size_t k = 1; k < length; ++k)
            cp = (cp << 6) | (uint8_t(text[i + k]) & 0x3F);
        out.push_back(cp);
        i += length;
    }
    return out;
}

void appendUtf8(std::string& out, uint32_t cp) {
    if (cp > kMaxCodepoint) cp = kReplacement;
    if (cp < 0x80) {
        out += char(cp);
    } else if (cp < 0x800) {
        out += char(0xC0 | (cp >> 6));
        out += char(0x80 | (cp & 0x3F));
    } else if (cp < 0x10000) {
        out += char(0xE0 | (cp >> 12));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    } else {
        out += char(0xF0 | (cp >> 18));
        out += char(0x80 | ((cp >> 12) & 0x3F));
        out += char(0x80 | ((cp >> 6) & 0x3F));
        out += char(0x80 | (cp & 0x3F));
    }
}

std::string encodeUtf8(const std::vector<uint32_t>& cps) {
    std::string out;
    out.reserve(cps.size());
    for (uint32_t cp : cps)
        appendUtf8(out, cp);
    return out;
}

uint32_t byteToCodepoint(uint8_t byte) {
    return byteLevelTables().toCodepoint[byte];
}

int codepointToByte(uint32_t cp) {
    const auto& t = byteLevelTables();
    return cp < t.toByte.size() ? t.toByte[cp] : -1;
}

std::string byteLevelEncode(std::string_view bytes) {
    std::string out;
    out.reserve(bytes.size() * 2);
    for (char c : bytes)
        appendUtf8(out, byteToCodepoint(uint8_t(c)));
    return out;
}

} // namespace qf::text
