#pragma once
// Byte-level BPE (tokenizer.ggml.model "gpt2"), tokenizing as llama.cpp's BPE tokenizer does:
//  - the pre-tokenizer (tokenizer.ggml.pre) cuts the text into words with its regex, implemented by hand
//    as in llama.cpp's unicode.cpp; invalid UTF-8 bytes become U+FFFD first;
//  - each word is spelled in GPT-2's byte-level alphabet and split into characters;
//  - adjacent pieces are merged, the pair with the lowest merge rank (tokenizer.ggml.merges) first, ties
//    leftmost first; with ignore_merges (the llama3 pre-tokenizer) a word that is itself a token is taken
//    whole;
//  - each final piece is its token; a piece that is not a token (which a consistent vocabulary never
//    produces) falls back to its single bytes that are tokens.
// Special-token partitioning and BOS/EOS are Tokenizer's job (qf/eval/tokenizer.h).
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "qf/gguf/value.h"
#include "qf/result.h"

namespace qf::eval {

using Token = int32_t;

// The regex families llama.cpp implements, by the tokenizer.ggml.pre names that select them. Several are a
// chain of regexes, each cutting the pieces of the one before (matches and the gaps between them).
enum class BpePreTokenizer {
    Gpt2,      // 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
    Llama3,    // (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|
               // \s*[\r\n]+|\s+(?!\S)|\s+
    Qwen2,     // as Llama3 with \p{N} (one digit per word) instead of \p{N}{1,3}
    Qwen35,    // as Qwen2, letter runs take combining marks: [\p{L}\p{M}]+ (Qwen3.5/3.6)
    Default,   // no/"default" tokenizer.ggml.pre: punctuation runs, GPT-2, \p{N}+, [0-9]{3}
    Starcoder, // digits one by one, then GPT-2 (starcoder, refact, smollm, command-r, ...)
    Falcon,    // punctuation runs, GPT-2, [0-9]{3}
    DeepseekLlm,   // newlines, cased letters, ASCII/fullwidth punctuation, trailing spaces, CJK, \p{N}+
    DeepseekCoder, // newlines, \s?\p{L}+, \s?\p{P}+, CJK, single digits
    Deepseek3, // \p{N}{1,3}, CJK/kana, then a Llama-3-like regex on \p{P}\p{S} (deepseek-v3, hunyuan-dense)
    Gpt4o,     // o200k: case-aware words with contractions, \p{N}{1,3} (gpt-4o, llama4, minimax-m2)
    Newlines,  // [^\n]+|[\n]+ : SentencePiece-style BPE merges whole lines (gemma4)
};

struct BpePreTokenizerInfo {
    BpePreTokenizer regex;
    bool ignoreMerges; // a word that is itself a token is taken whole
    bool addBos;       // llama.cpp's add_bos_token when the key is absent
    bool cleanSpaces;  // llama.cpp's clean_spaces (llama_detokenize's clean-up; Tokenizer does not apply it)
    // SentencePiece-style BPE (Gemma 4): ' ' becomes U+2581 before the split, words stay raw UTF-8 (no
    // byte-level spelling), a word of newlines that is a token is taken whole, a piece that is not a token
    // falls back to <0xXX> byte tokens, and BOS is added even when the vocabulary says not to.
    bool spmStyle = false;
};
// What llama.cpp's llama-vocab.cpp selects for a tokenizer.ggml.pre name ("llama-bpe", "qwen2", "gpt-2",
// ...); nullopt for names whose regex is not implemented here.
std::optional<BpePreTokenizerInfo> bpePreTokenizerFromName(std::string_view name);

// The words `text` is cut into, as UTF-8 (before the byte-level spelling).
std::vector<std::string> bpePreTokenize(BpePreTokenizer type, std::string_view text);
// DeepSeek's Split regexes, identical in llama.cpp and in the models' tokenizer.json (deepseek-llm-7b-base,
// deepseek-coder-6.7b-base): cased letters, punctuation, and the CJK/Hangul ranges.
extern const std::string_view kDeepseekLettersRegex;
extern const std::string_view kDeepseekPunctuationRegex;
extern const std::string_view kDeepseekCjkRegex;
// DeepSeek V3's third Split regex (also in llama.cpp unchanged).
extern const std::string_view kDeepseek3WordsRegex;

// True when every regex the pre-tokenizers use is one the regex engine understands (a self-check for tests).
bool bpePreTokenizerRegexesCompile();

class BpeEncoder {
public:
    // Reads tokenizer.ggml.pre (absent: "default", as llama.cpp) and tokenizer.ggml.merges; for the
    // tokenizer model "gemma4" the pre-tokenizer is always "gemma4".
    static Result<BpeEncoder> fromMetadata(const gguf::Metadata& metadata);

    const BpePreTokenizerInfo& preTokenizer() const { return m_pre; }
    // Rank of merging `left` and `right` (both byte-level text); -1 when they do not merge.
    int mergeRank(std::string_view left, std::string_view right) const;

    // Appends the tokens of one stretch of plain text (no special tokens in it).
    void encode(std::string_view text, const std::unordered_map<std::string_view, Token>& vocabulary,
                std::vector<Token>& out) const;

    // A normal token's text back to its bytes; a character outside the byte-level alphabet comes out as
    // "[UNK_BYTE_0x..]" as in llama.cpp. SentencePiece-style: U+2581 back to ' '.
    std::string decodeNormalToken(std::string_view text) const;
    static std::string decodeTokenText(std::string_view text);

private:
    BpeEncoder() = default;
    BpePreTokenizerInfo m_pre{};
    std::unordered_map<std::string, int> m_ranks; // key: left + '\0' + right
};

} // namespace qf::eval
