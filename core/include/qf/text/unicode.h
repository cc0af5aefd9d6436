#pragma once
// Unicode character classes and UTF-8 helpers for the BPE pre-tokenizers, with the semantics llama.cpp's
// unicode.cpp gives them: one general-category class per codepoint (\p{L}, \p{N}, ...), the White_Space
// property, simple lower-casing, and UTF-8 decoding where every invalid byte becomes U+FFFD.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace qf::text {

enum CodepointFlag : uint16_t {
    kUndefined = 0x0001, // unassigned (Cn), or beyond U+10FFFF
    kNumber = 0x0002,    // \p{N}
    kLetter = 0x0004,    // \p{L}
    kSeparator = 0x0008, // \p{Z}
    kMark = 0x0010,      // \p{M}
    kPunctuation = 0x0020,
    kSymbol = 0x0040,
    kControl = 0x0080, // \p{C} except Cn
    kWhitespace = 0x0100,
};

// Never 0: every codepoint has exactly one class bit, plus kWhitespace for White_Space characters.
uint16_t codepointFlags(uint32_t cp);
inline bool isLetter(uint32_t cp) {
    return codepointFlags(cp) & kLetter;
}
inline bool isNumber(uint32_t cp) {
    return codepointFlags(cp) & kNumber;
}
inline bool isWhitespace(uint32_t cp) {
    return codepointFlags(cp) & kWhitespace;
}
// Simple (one-codepoint) lowercase mapping; the codepoint itself when it has none.
uint32_t toLower(uint32_t cp);
// The Unicode version the tables were generated from.
const char* unicodeVersion();

// Decodes UTF-8 as llama.cpp does: a lead byte whose continuation bytes are missing or wrong, a stray
// continuation byte and bytes 0xF8..0xFF each become one U+FFFD and decoding resumes at the next byte.
// Overlong forms and surrogates are not rejected (they decode to their value).
std::vector<uint32_t> decodeUtf8(std::string_view text);
void appendUtf8(std::string& out, uint32_t cp); // codepoints above U+10FFFF are written as U+FFFD
std::string encodeUtf8(const std::vector<uint32_t>& cps);
// Bytes in the UTF-8 sequence that starts with `lead`, from its high bits (1 for continuation bytes).
size_t utf8SequenceLength(uint8_t lead);

// GPT-2's byte-level alphabet: every byte has a printable codepoint ('!'..'~', U+00A1..U+00AC and
// U+00AE..U+00FF stand for themselves; the other 68 bytes map to U+0100.. in byte order).
uint32_t byteToCodepoint(uint8_t byte);
// The byte for a byte-level codepoint; -1 for codepoints outside the alphabet.
int codepointToByte(uint32_t cp);
// `bytes` spelled in the byte-level alphabet, as UTF-8.
std::string byteLevelEncode(std::string_view bytes);

} // namespace qf::text
