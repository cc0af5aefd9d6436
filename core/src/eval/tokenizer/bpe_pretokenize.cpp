// The BPE pre-tokenizers as llama.cpp's unicode.cpp runs them: a chain of regexes, each cutting every piece
// the previous one left into its matches and the gaps between them. The GPT-2 and Llama 3 regexes are
// implemented by hand as llama.cpp does (each function walks a piece's codepoints once, trying the
// alternatives in order at each position); the others go through SplitRegex, which sees the text as
// llama.cpp's std::regex fallback does.
#include <memory>

#include "bpe_regex.h"
#include "qf/eval/bpe_tokenizer.h"
#include "qf/text/unicode.h"

namespace qf::eval {

// deepseek-llm's cased letters (Unicode Lu/Ll/Lt ranges), spelled as in its tokenizer.json.
const std::string_view kDeepseekLettersRegex =
    "\\s?[A-Za-z\u00B5\u00C0-\u00D6\u00D8-\u00F6\u00F8-\u01BA\u01BC-\u01BF\u01C4-\u0293\u0295-\u02AF\u0370-"
    "\u0373\u0376\u0377\u037B-\u037D\u037F\u0386\u0388-\u038A\u038C\u038E-\u03A1\u03A3-\u03F5\u03F7-\u0481"
    "\u048A-\u052F\u0531-\u0556\u10A0-\u10C5\u13A0-\u13F5\u13F8-\u13FD\u1C90-\u1CBA\u1CBD-\u1CBF\u1D00-"
    "\u1D2B\u1D6B-\u1D77\u1D79-\u1D9A\u1E00-\u1F15\u1F18-\u1F1D\u1F20-\u1F45\u1F48-\u1F4D\u1F50-\u1F57\u1F59"
    "\u1F5B\u1F5D\u1F5F-\u1F7D\u1F80-\u1FB4\u1FB6-\u1FBC\u1FBE\u1FC2-\u1FC4\u1FC6-\u1FCC\u1FD0-\u1FD3\u1FD6-"
    "\u1FDB\u1FE0-\u1FEC\u1FF2-\u1FF4\u1FF6-\u1FFC\u2102\u2107\u210A-\u2113\u2115\u2119-\u211D\u2124\u2126"
    "\u2128\u212A-\u212D\u212F-\u2134\u2139\u213C-\u213F\u2145-\u2149\u214E\u2183\u2184\u2C00-\u2C7B\u2C7E-"
    "\u2CE4\u2CEB-\u2CEE\u2CF2\u2CF3\uA640-\uA66D\uA680-\uA69B\uA722-\uA76F\uA771-\uA787\uA78B-\uA78E\uAB70-"
    "\uABBF\uFB00-\uFB06\uFB13-\uFB17\uFF21-\uFF3A\uFF41-\uFF5A\U00010400-\U0001044F\U000104B0-\U000104D3"
    "\U000104D8-\U000104FB\U00010C80-\U00010CB2\U00010CC0-\U00010CF2\U000118A0-\U000118DF\U0001E900-"
    "\U0001E943]+";
// ASCII punctuation, fullwidth forms, quotation marks, ideographic space/comma/full stop.
const std::string_view kDeepseekPunctuationRegex =
    "\\s?[!-/:-~\uFF01-\uFF0F\uFF1A-\uFF5E\u2018-\u201F\u3000-\u3002]+";
// CJK ideographs U+4E00..U+9FA5, U+0800..U+4E00 (sic) and Hangul U+AC00..U+D7FF.
const std::string_view kDeepseekCjkRegex = "[\u4E00-\u9FA5\u0800-\u4E00\uAC00-\uD7FF]+";

const std::string_view kDeepseek3WordsRegex =
    "[!\"#$%&'()*+,\\-./:;<=>?@\\[\\\\\\]^_`{|}~][A-Za-z]+|[^\r\n\\p{L}\\p{P}\\p{S}]?[\\p{L}\\p{M}]+| "
    "?[\\p{P}\\p{S}]+[\r\n]*|\\s*[\r\n]+|\\s+(?!\\S)|\\s+";

namespace {

using namespace qf::text;

// One piece [begin, end) of the text, cut into words by one of the hand-written regexes; past the piece's
// end there is nothing (as in llama.cpp, where (?!\S) and the like stop at the piece's end).
class Splitter {
public:
    Splitter(const std::vector<uint32_t>& cps, const std::vector<uint16_t>& flags, size_t begin, size_t end,
             std::vector<size_t>& lengths)
        : m_cps(cps), m_flags(flags), m_begin(begin), m_end(end), m_wordStart(begin), m_lengths(lengths) {}

    size_t begin() const { return m_begin; }
    size_t end() const { return m_end; }
    // Past the end: codepoint kEnd and no flags at all (every real codepoint has a class bit).
    uint32_t cp(size_t i) const { return i < m_end ? m_cps[i] : kEnd; }
    uint16_t flags(size_t i) const { return i < m_end ? m_flags[i] : 0; }
    bool letter(size_t i) const { return flags(i) & kLetter; }
    bool number(size_t i) const { return flags(i) & kNumber; }
    bool whitespace(size_t i) const { return flags(i) & kWhitespace; }
    // [^\s\p{L}\p{N}]: any real codepoint that is neither.
    static bool other(uint16_t f) { return f != 0 && !(f & (kWhitespace | kLetter | kNumber)); }

    // Ends the current word at `end` (nothing when empty); returns its length.
    size_t cut(size_t end) {
        const size_t length = end - m_wordStart;
        if (length > 0) m_lengths.push_back(length);
        m_wordStart = end;
        return length;
    }

    // 's 't 'm 'd 're 've 'll at `pos`; length matched (0 if none). `fold` lower-cases the letters.
    size_t contraction(size_t pos, bool fold) const {
        if (cp(pos) != '\'' || pos + 1 >= m_end) return 0;
        auto at = [&](size_t i) { return fold ? toLower(cp(i)) : cp(i); };
        const uint32_t a = at(pos + 1);
        if (a == 's' || a == 't' || a == 'm' || a == 'd') return 2;
        if (pos + 2 >= m_end) return 0;
        const uint32_t b = at(pos + 2);
        if ((a == 'r' && b == 'e') || (a == 'v' && b == 'e') || (a == 'l' && b == 'l')) return 3;
        return 0;
    }

    static constexpr uint32_t kEnd = 0xFFFFFFFF;

private:
    const std::vector<uint32_t>& m_cps;
    const std::vector<uint16_t>& m_flags;
    size_t m_begin;
    size_t m_end;
    size_t m_wordStart;
    std::vector<size_t>& m_lengths;
};

// 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
void splitGpt2(Splitter& s) {
    for (size_t pos = s.begin(); pos < s.end();) {
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
        if (spaces > 1 && pos + spaces < s.end()) { // \s+(?!\S): leave the last one to the next word
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
// With `marks` (Qwen3.5): [^\r\n\p{L}\p{N}]?[\p{L}\p{M}]+ and  ?[^\s\p{L}\p{M}\p{N}]+[\r\n]* instead.
void splitLlama3(Splitter& s, size_t maxDigits, bool marks = false) {
    const uint16_t word = marks ? uint16_t(kLetter | kMark) : uint16_t(kLetter);
    auto inWord = [&](size_t i) { return (s.flags(i) & word) != 0; };
    auto newline = [](uint32_t cp) { return cp == '\r' || cp == '\n'; };
    for (size_t pos = s.begin(); pos < s.end();) {
        const uint32_t cp = s.cp(pos);
        const uint16_t flags = s.flags(pos);
        if (const size_t n = s.contraction(pos, true)) {
            pos += s.cut(pos + n);
            continue;
        }
        if (!newline(cp) && !(flags & kNumber) && ((flags & word) || inWord(pos + 1))) {
            ++pos; // the optional non-letter, or the first letter
            while (inWord(pos))
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
        auto other = [&](uint16_t f) { return f != 0 && !(f & (kWhitespace | kNumber | word)); };
        if (!(head & (kWhitespace | kNumber | word)) && flags != 0) {
            pos += cp == ' ';
            while (other(head))
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
        } else if (spaces > 1 && pos + spaces < s.end()) { // \s+(?!\S)
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

// llama.cpp's regex for GPT-2 without the final \s+; it runs its hand-written GPT-2 code for this string.
constexpr const char* kGpt2Regex =
    "'s|'t|'re|'ve|'m|'ll|'d| ?\\p{L}+| ?\\p{N}+| ?[^\\s\\p{L}\\p{N}]+|\\s+(?!\\S)";
// llama.cpp's stand-in for o200k's regex: std::regex cannot spell \p{Lu} and \p{Ll}, so an upper-case
// letter is a letter but not a-z, a lower-case one a letter but not A-Z.
// clang-format off
constexpr const char* kGpt4oRegex =
    "[^\\r\\n\\p{L}\\p{N}]?((?=[\\p{L}])([^a-z]))*((?=[\\p{L}])([^A-Z]))+"
    "(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])?|"
    "[^\\r\\n\\p{L}\\p{N}]?((?=[\\p{L}])([^a-z]))+((?=[\\p{L}])([^A-Z]))*"
    "(?:'[sS]|'[tT]|'[rR][eE]|'[vV][eE]|'[mM]|'[lL][lL]|'[dD])?|"
    "\\p{N}{1,3}| ?[^\\s\\p{L}\\p{N}]+[\\r\\n/]*|\\s*[\\r\\n]+|\\s+(?!\\S)|\\s+";
// clang-format on
// One link of the chain: a hand-written splitter, or a regex.
struct Stage {
    enum class Hand { None, Gpt2, Llama3, Qwen2, Qwen35 } hand = Hand::None;
    std::shared_ptr<const detail::SplitRegex> regex;
};

Stage hand(Stage::Hand h) {
    return Stage{h, nullptr};
}
Stage regex(std::string_view pattern) {
    if (pattern == kGpt2Regex) return hand(Stage::Hand::Gpt2);
    return Stage{Stage::Hand::None, std::make_shared<const detail::SplitRegex>(pattern)};
}

// The regex_exprs llama.cpp's llm_tokenizer_bpe lists for each pre-tokenizer type.
const std::vector<Stage>& stagesFor(BpePreTokenizer type) {
    switch (type) {
    case BpePreTokenizer::Gpt2: {
        static const std::vector<Stage> stages{hand(Stage::Hand::Gpt2)};
        return stages;
    }
    case BpePreTokenizer::Llama3: {
        static const std::vector<Stage> stages{hand(Stage::Hand::Llama3)};
        return stages;
    }
    case BpePreTokenizer::Qwen2: {
        static const std::vector<Stage> stages{hand(Stage::Hand::Qwen2)};
        return stages;
    }
    case BpePreTokenizer::Qwen35: {
        static const std::vector<Stage> stages{hand(Stage::Hand::Qwen35)};
        return stages;
    }
    case BpePreTokenizer::Newlines: {
        static const std::vector<Stage> stages{regex("[^\\n]+|[\\n]+")};
        return stages;
    }
    case BpePreTokenizer::Default: {
        static const std::vector<Stage> stages{regex("[\\p{P}\\$\\+<=>\\^~\\|]+"), regex(kGpt2Regex),
                                               regex("\\p{N}+"), regex("[0-9][0-9][0-9]")};
        return stages;
    }
    case BpePreTokenizer::Starcoder: {
        static const std::vector<Stage> stages{regex("\\p{N}"), regex(kGpt2Regex)};
        return stages;
    }
    case BpePreTokenizer::Falcon: {
        static const std::vector<Stage> stages{regex("[\\p{P}\\$\\+<=>\\^~\\|`]+"), regex(kGpt2Regex),
                                               regex("[0-9][0-9][0-9]")};
        return stages;
    }
    case BpePreTokenizer::DeepseekLlm: {
        static const std::vector<Stage> stages{
            regex("[\r\n]"), regex(kDeepseekLettersRegex), regex(kDeepseekPunctuationRegex),
            regex("\\s+$"),  regex(kDeepseekCjkRegex),     regex("\\p{N}+")};
        return stages;
    }
    case BpePreTokenizer::DeepseekCoder: {
        static const std::vector<Stage> stages{regex("[\r\n]"), regex("\\s?\\p{L}+"), regex("\\s?\\p{P}+"),
                                               regex(kDeepseekCjkRegex), regex("\\p{N}")};
        return stages;
    }
    case BpePreTokenizer::Deepseek3: {
        static const std::vector<Stage> stages{regex("\\p{N}{1,3}"),
                                               regex("[\u4E00-\u9FA5\u3040-\u309F\u30A0-\u30FF]+"),
                                               regex(kDeepseek3WordsRegex)};
        return stages;
    }
    case BpePreTokenizer::Gpt4o: {
        static const std::vector<Stage> stages{regex(kGpt4oRegex)};
        return stages;
    }
    }
    static const std::vector<Stage> none;
    return none;
}

} // namespace

std::optional<BpePreTokenizerInfo> bpePreTokenizerFromName(std::string_view name) {
    // The names llama.cpp's llama-vocab.cpp maps to these regexes, with the flags it sets for them.
    struct Entry {
        std::string_view name;
        BpePreTokenizerInfo info;
    };
    using P = BpePreTokenizer;
    static constexpr BpePreTokenizerInfo kLlama3{P::Llama3, true, true, true};
    static constexpr BpePreTokenizerInfo kLlama3Regex{P::Llama3, false, false, true};
    static constexpr BpePreTokenizerInfo kQwen2{P::Qwen2, false, false, false};
    static constexpr BpePreTokenizerInfo kQwen2Clean{P::Qwen2, false, false, true};
    static constexpr BpePreTokenizerInfo kGpt2{P::Gpt2, false, false, true};
    static constexpr BpePreTokenizerInfo kStarcoder{P::Starcoder, false, false, true};
    static constexpr BpePreTokenizerInfo kStarcoderRaw{P::Starcoder, false, false, false};
    static constexpr BpePreTokenizerInfo kDeepseek3{P::Deepseek3, false, false, false};
    static constexpr BpePreTokenizerInfo kGpt4o{P::Gpt4o, false, false, false};
    static constexpr Entry kNames[] = {
        {"default", {P::Default, false, false, true}},
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
        {"qwen35", {P::Qwen35, false, false, false}},
        {"deepseek-r1-qwen", kQwen2},
        {"kormo", kQwen2},
        {"f2llmv2", kQwen2},
        {"megrez", kQwen2Clean},
        {"stablelm2", kQwen2Clean},
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
        {"starcoder", kStarcoder},
        {"refact", kStarcoder},
        {"codeshell", kStarcoder},
        {"exaone", kStarcoder},
        {"minerva-7b", kStarcoder},
        {"mellum2", kStarcoder},
        {"smollm", kStarcoderRaw},
        {"command-r", kStarcoderRaw},
        {"falcon", {P::Falcon, false, false, true}},
        {"deepseek-llm", {P::DeepseekLlm, false, false, false}},
        {"deepseek-coder", {P::DeepseekCoder, false, false, false}},
        {"deepseek-v3", kDeepseek3},
        {"hunyuan-dense", kDeepseek3},
        {"joyai-llm", kDeepseek3},
        {"hy_v4", kDeepseek3},
        {"gpt-4o", kGpt4o},
        {"llama4", kGpt4o},
        {"kanana2", kGpt4o},
        {"talkie", kGpt4o},
        {"minimax-m2", kGpt4o},
        // SentencePiece-style BPE (tokenizer.ggml.model "gemma4", whatever tokenizer.ggml.pre says).
        {"gemma4", {P::Newlines, false, true, true, true}},
        {"granite-embed-multi-311m", {P::Newlines, false, true, true, true}},
    };
    for (const auto& e : kNames)
        if (e.name == name) return e.info;
    return std::nullopt;
}

std::vector<std::string> bpePreTokenize(BpePreTokenizer type, std::string_view text) {
    const std::vector<uint32_t> cps = decodeUtf8(text);
    std::vector<uint16_t> flags(cps.size());
    for (size_t i = 0; i < cps.size(); ++i)
        flags[i] = codepointFlags(cps[i]);
    std::vector<size_t> pieces;
    if (!cps.empty()) pieces.push_back(cps.size());
    for (const Stage& stage : stagesFor(type)) {
        if (stage.regex) {
            pieces = stage.regex->split(cps, pieces);
            continue;
        }
        std::vector<size_t> next;
        next.reserve(pieces.size());
        size_t start = 0;
        for (size_t length : pieces) {
            Splitter s(cps, flags, start, start + length, next);
            if (stage.hand == Stage::Hand::Gpt2)
                splitGpt2(s);
            else
                splitLlama3(s, stage.hand == Stage::Hand::Llama3 ? 3 : 1, stage.hand == Stage::Hand::Qwen35);
            start += length;
        }
        pieces = std::move(next);
    }
    std::vector<std::string> words;
    words.reserve(pieces.size());
    size_t start = 0;
    for (size_t length : pieces) {
        std::string word;
        for (size_t i = start; i < start + length; ++i)
            appendUtf8(word, cps[i]);
        words.push_back(std::move(word));
        start += length;
    }
    return words;
}

bool bpePreTokenizerRegexesCompile() {
    for (BpePreTokenizer type :
         {BpePreTokenizer::Gpt2, BpePreTokenizer::Llama3, BpePreTokenizer::Qwen2, BpePreTokenizer::Qwen35,
          BpePreTokenizer::Newlines, BpePreTokenizer::Default, BpePreTokenizer::Starcoder,
          BpePreTokenizer::Falcon, BpePreTokenizer::DeepseekLlm, BpePreTokenizer::DeepseekCoder,
          BpePreTokenizer::Deepseek3, BpePreTokenizer::Gpt4o})
        for (const Stage& stage : stagesFor(type))
            if (stage.regex && !stage.regex->ok()) return false;
    return true;
}

} // namespace qf::eval
