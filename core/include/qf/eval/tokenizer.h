#pragma once
// The vocabulary stored in GGUF metadata, tokenizing text exactly as llama.cpp does. Two models:
// byte-level BPE ("gpt2", see qf/eval/bpe_tokenizer.h) and SentencePiece ("llama"). For both:
//  - the text is split around user-defined tokens (longest first); control and unknown tokens in the
//    text are recognised only with parseSpecial (llama_tokenize's parse_special), otherwise they are
//    tokenized as plain text.
// The SentencePiece tokenizer then works as llama.cpp's SPM tokenizer:
//  - every text fragment that starts the input or follows a special token gets a leading space when
//    tokenizer.ggml.add_space_prefix is true (the default), then every ' ' becomes U+2581 '▁';
//  - the fragment is split into UTF-8 characters and adjacent pieces are merged greedily, the pair whose
//    merged text is a vocabulary token with the highest score first (ties: leftmost first);
//  - a final piece that is not a token is emitted as its bytes, each as the <0xXX> byte token.
#include <array>
#include <cstdint>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "qf/gguf/value.h"
#include "qf/result.h"

namespace qf::eval {

using Token = int32_t;

// tokenizer.ggml.token_type values (llama_token_type).
enum class TokenType : int32_t {
    Undefined = 0,
    Normal = 1,
    Unknown = 2,
    Control = 3,
    UserDefined = 4,
    Unused = 5,
    Byte = 6,
};

class BpeEncoder;

class Tokenizer {
public:
    // Reads tokenizer.ggml.* from the metadata: the "llama" (SentencePiece) and "gpt2" (byte-level BPE)
    // tokenizer models.
    static Result<Tokenizer> fromMetadata(const gguf::Metadata& metadata);

    Tokenizer(Tokenizer&&) noexcept = default;
    Tokenizer& operator=(Tokenizer&&) noexcept = default;

    // addSpecial: prepend BOS when the vocabulary asks for it (tokenizer.ggml.add_bos_token, default true)
    // and append EOS when it asks for that. parseSpecial: control tokens written in the text become those
    // tokens.
    std::vector<Token> tokenize(std::string_view text, bool addSpecial, bool parseSpecial = false) const;

    // The text a token stands for: '▁' back to ' ' (SentencePiece) or the byte-level spelling back to bytes
    // (BPE), byte tokens as their byte, control tokens as their text. Pieces of a multi-byte character
    // come out as separate bytes.
    std::string tokenToPiece(Token token) const;
    std::string detokenize(std::span<const Token> tokens) const;

    size_t size() const { return m_texts.size(); }
    const std::string& tokenText(Token token) const { return m_texts[size_t(token)]; }
    TokenType tokenType(Token token) const { return m_types[size_t(token)]; }
    float tokenScore(Token token) const { return m_scores[size_t(token)]; }

    Token bos() const { return m_bos; }
    Token eos() const { return m_eos; }
    Token unknown() const { return m_unknown; }
    bool addsBos() const { return m_addBos; }
    bool addsEos() const { return m_addEos; }
    bool addsSpacePrefix() const { return m_addSpacePrefix; }
    bool isBpe() const { return m_bpe != nullptr; }

private:
    Tokenizer() = default;
    Token lookup(std::string_view text) const;
    Token byteToken(uint8_t byte) const;
    void tokenizeFragment(std::string_view fragment, bool spacePrefix, std::vector<Token>& out) const;

    std::vector<std::string> m_texts;
    std::vector<float> m_scores;
    std::vector<TokenType> m_types;
    // Keys view into m_texts, whose strings never move after construction (a moved vector keeps its buffer).
    std::unordered_map<std::string_view, Token> m_byText;
    std::array<Token, 256> m_byteTokens{};
    std::vector<Token> m_specialTokens;      // user-defined, control and unknown tokens, longest text first
    std::shared_ptr<const BpeEncoder> m_bpe; // set for BPE vocabularies
    Token m_bos = 1;
    Token m_eos = 2;
    Token m_unknown = 0;
    bool m_addBos = true;
    bool m_addEos = false;
    bool m_addSpacePrefix = true;
};

} // namespace qf::eval
