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

// The regex families llama.cpp implements, by the tokenizer.ggml.pre names that select them.
enum class BpePreTokenizer {
    Gpt2,   // 's|'t|'re|'ve|'m|'ll|'d| ?\p{L}+| ?\p{N}+| ?[^\s\p{L}\p{N}]+|\s+(?!\S)|\s+
    Llama3, // (?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|
            // \s*[\r\n]+|\s+(?!\S)|\s+
    Qwen2,  // as Llama3 with \p{N} (one digit per word) instead of \p{N}{1,3}
};

struct BpePreTokenizerInfo {
    BpePreTokenizer regex;
    bool ignoreMerges; // a word that is itself a token is taken whole
    bool addBos;       // llama.cpp's add_bos_token when the key is absent
};
// What llama.cpp's llama-vocab.cpp selects for a tokenizer.ggml.pre name ("llama-bpe", "qwen2", "gpt-2",
// ...); nullopt for names whose regex is not implemented here.
std::optional<BpePreTokenizerInfo> bpePreTokenizerFromName(std::string_view name);

// The words `text` is cut into, as UTF-8 (before the byte-level spelling).
std::vector<std::string> bpePreTokenize(BpePreTokenizer type, std::string_view text);

class BpeEncoder {
public:
    // Reads tokenizer.ggml.pre and tokenizer.ggml.merges.
    static Result<BpeEncoder> fromMetadata(const gguf::Metadata& metadata);

    const BpePreTokenizerInfo& preTokenizer() const { return m_pre; }
    // Rank of merging `left` and `right` (both byte-level text); -1 when they do not merge.
    int mergeRank(std::string_view left, std::string_view right) const;

    // Appends the tokens of one stretch of plain text (no special tokens in it).
    void encode(std::string_view text, const std::unordered_map<std::string_view, Token>& vocabulary,
                std::vector<Token>& out) const;

    // A normal token's text back to its bytes; a character outside the byte-level alphabet comes out as
    // "[UNK_BYTE_0x..]" as in llama.cpp.
    static std::string decodeTokenText(std::string_view text);

private:
    BpeEncoder() = default;
    BpePreTokenizerInfo m_pre{};
    std::unordered_map<std::string, int> m_ranks; // key: left + '\0' + right
};

} // namespace qf::eval
