// The BPE pre-tokenizer regexes, implemented by hand as llama.cpp's unicode.cpp does (std::regex has no
// \p{..} classes and backtracks badly). Each function walks the codepoints once, trying the regex's
// alternatives in order at each position, and records where each word ends.
#include "qf/eval/bpe_tokenizer.h"

#include "qf/text/unicode.h"

namespace qf::eval {
namespace {

using namespace qf::text;

class Splitter {
public:
    explicit Splitter(std::string_view text) : m_cps(decodeUtf8(text)) {
        m_flags.reserve(m_cps.size());
        for (uint32_t cp : m_cps)
            m_flags.push_back(codepointFlags(cp));
    }

    size_t size() const { return m_cps.size(); }
    // Past the end: codepoint kEnd and no flags at all (every real codepoint has a class bit).
    uint32_t cp(size_t i) const { return i < m_cps.size() ? m_cps[i] : kEnd; }
    uint16_t flags(size_t i) const { return i < m_flags.size() ? m_flags[i] : 0; }
    bool letter(size_t i) const { return flags(i) & kLetter; }
    bool number(size_t i) const { return flags(i) & kNumber; }
    bool whitespace(size_t i) const { return flags(i) & kWhitespace; }
    // [^\s\p{L}\p{N}]: any real codepoint that is neither.
    static bool other(uint16_t f) { return f != 0 && !(f & (kWhitespace | kLetter | kNumber)); }

    // Ends the current word at `end` (nothing when empty); returns its length.
    size_t cut(size_t end) {
        const size_t length = end - m_wordStart;
        if (length > 0) m_ends.push_back(end);
        m_wordStart = end;
        return length;
    }

    // 's 't 'm 'd 're 've 'll at `pos`; length matched (0 if none). `fold` lower-cases the letters.
    size_t contraction(size_t pos, bool fold) const {
        if (cp(pos) != '\'' || pos + 1 >= size()) return 0;
        auto at = [&](size_t i) { return fold ? toLower(cp(i)) : cp(i); };
        const uint32_t a = at(pos + 1);
        if (a == 's' || a == 't' || a == 'm' || a == 'd') return 2;
        if (pos + 2 >= size()) return 0;
        const uint32_t b = at(pos + 2);
        if ((a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l')) return 3;
        return 0;
    }

    std::vector<std::string> words() const {
        std::vector<std::string> out;
        out.reserve(m_ends.size());
        size_t start = 0;
        for (size_t end : m_ends) {
            std::string word;
            for (size_t i = start; i < end; ++i)
                appendUtf8(word, m_cps[i]);
            out.push_back(std::move(word));
            start = end;
        }
        return out;
    }

    static constexpr uint32_t kEnd = 0xFFFFFFFF;

private:
    std::vector<uint32_t> m_cps;
    std::vector<uint16_t> m_flags;
    std::vector<size_t> m_ends;
    size_t m_wordStart = 0;
};

// 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
void splitGpt2(Splitter& s) {
    for (size_t pos = 0; pos < s.size();) {
        if (const size_t n = s.contraction(pos, false)) {
            pos += s.cut(pos + n);
            continue;
        }
        const bool space = s.cp(pos) == ' ';
        const uint16_t head = space ? s.flags(pos + 1) : s.flags(pos);
        auto run = [&](auto inClass) { // <space>?<class>+
            pos += space;
            while (inClass(s.flags(pos)))
                ++pos;
            s.cut(pos);
        };
        if (head & kLetter) {
            run([](uint16_t f) { return (f & kLetter) != 0; });
            continue;
        }
        if (head & kNumber) {
            run([](uint16_t f) { return (f & kNumber) != 0; });
            continue;
        }
        if (Splitter::other(head)) {
            run(Splitter::other);
            continue;
        }
        size_t spaces = 0;
        while (s.whitespace(pos + spaces))
            ++spaces;
        if (spaces > 1 && pos + spaces < s.size()) { // \s+(?!\S): leave the last one to the next word
            pos += spaces - 1;
            s.cut(pos);
        } else if (spaces > 0) {
            pos += spaces;
            s.cut(pos);
        } else {
            s.cut(++pos);
        }
    }
}

// (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,maxDigits}| ?[^\s\p{L}\p{N}]+[\r\n]*|
// \s*[\r\n]+|\s+(?!\S)|\s+
void splitLlama3(Splitter& s, size_t maxDigits) {
    auto newline = [](uint32_t cp) { return cp == '\r' || cp == '\n'; };
    for (size_t pos = 0; pos < s.size();) {
        const uint32_t cp = s.cp(pos);
        const uint16_t flags = s.flags(pos);
        if (const size_t n = s.contraction(pos, true)) {
            pos += s.cut(pos + n);
            continue;
        }
        if (!newline(cp) && !(flags & kNumber) && ((flags & kLetter) || s.letter(pos + 1))) {
            ++pos; // the optional non-letter, or the first letter
            while (s.letter(pos))
                ++pos;
            s.cut(pos);
            continue;
        }
        if (flags & kNumber) {
            size_t start = pos;
            while (s.number(pos)) {
                if (++pos - start >= maxDigits) {
                    s.cut(pos);
                    start = pos;
                }
            }
            s.cut(pos);
            continue;
        }
        // llama.cpp tests the current codepoint's flags here, not the one after the space; the only
        // difference is a lone space at the end, which is one word either way.
        uint16_t head = cp == ' ' ? s.flags(pos + 1) : flags;
        if (!(head & (kWhitespace | kLetter | kNumber)) && flags != 0) {
            pos += cp == ' ';
            while (Splitter::other(head))
                head = s.flags(++pos);
            while (newline(s.cp(pos)))
                ++pos;
            s.cut(pos);
            continue;
        }
        size_t spaces = 0;
        size_t afterLastNewline = 0;
        while (s.whitespace(pos + spaces)) {
            if (newline(s.cp(pos + spaces))) afterLastNewline = pos + spaces + 1;
            ++spaces;
        }
        if (afterLastNewline > 0) { // \s*[\r\n]+
            pos = afterLastNewline;
            s.cut(pos);
        } else if (spaces > 1 && pos + spaces < s.size()) { // \s+(?!\S)
            pos += spaces - 1;
            s.cut(pos);
        } else if (spaces > 0) {
            pos += spaces;
            s.cut(pos);
        } else {
            s.cut(++pos);
        }
    }
}

} // namespace

std::optional<BpePreTokenizerInfo> bpePreTokenizerFromName(std::string_view name) {
    // The names llama.cpp's llama-vocab.cpp maps to these regexes, with the flags it sets for them
    // (clean_spaces only changes llama_detokenize's clean-up, which Tokenizer does not do).
    struct Entry {
        std::string_view name;
        BpePreTokenizerInfo info;
    };
    static constexpr BpePreTokenizerInfo kLlama3{BpePreTokenizer::Llama3, true, true};
    static constexpr BpePreTokenizerInfo kLlama3Regex{BpePreTokenizer::Llama3, false, false};
    static constexpr BpePreTokenizerInfo kQwen2{BpePreTokenizer::Qwen2, false, false};
    static constexpr BpePreTokenizerInfo kGpt2{BpePreTokenizer::Gpt2, false, false};
    static constexpr Entry kNames[] = {
        {"llama3", kLlama3},
        {"llama-v3", kLlama3},
        {"llama-bpe", kLlama3},
        {"falcon3", kLlama3},
        {"falcon-h1", kLlama3},
        {"pixtral", kLlama3},
        {"midm-2.0", kLlama3},
        {"lfm2", kLlama3},
        {"jina-v5-nano", kLlama3},
        {"dbrx", kLlama3Regex},
        {"smaug-bpe", kLlama3Regex},
        {"qwen2", kQwen2},
        {"deepseek-r1-qwen", kQwen2},
        {"kormo", kQwen2},
        {"f2llmv2", kQwen2},
        {"megrez", kQwen2},
        {"stablelm2", kQwen2},
        {"gpt-2", kGpt2},
        {"phi-2", kGpt2},
        {"jina-es", kGpt2},
        {"jina-de", kGpt2},
        {"gigachat", kGpt2},
        {"jina-v2-es", kGpt2},
        {"jina-v2-de", kGpt2},
        {"a.x-4.0", kGpt2},
        {"mellum", kGpt2},
        {"modern-bert", kGpt2},
        {"exaone4", kGpt2},
        {"mpt", kGpt2},
        {"olmo", kGpt2},
    };
    for (const auto& e : kNames)
        if (e.name == name) return e.info;
    return std::nullopt;
}

std::vector<std::string> bpePreTokenize(BpePreTokenizer type, std::string_view text) {
    Splitter s(text);
    switch (type) {
    case BpePreTokenizer::Gpt2:
        splitGpt2(s);
        break;
    case BpePreTokenizer::Llama3:
        splitLlama3(s, 3);
        break;
    case BpePreTokenizer::Qwen2:
        splitLlama3(s, 1);
        break;
    }
    return s.words();
}

} // namespace qf::eval
