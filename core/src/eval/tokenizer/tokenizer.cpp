#include "qf/eval/tokenizer.h"

#include <algorithm>
#include <cstring>
#include <optional>

#include <fmt/format.h>

#include "qf/eval/bpe_tokenizer.h"
#include "symbol_merge.h"

namespace qf::eval {
namespace {

constexpr std::string_view kSpaceEscape = "\xe2\x96\x81"; // U+2581 '▁'

// Bytes in the UTF-8 sequence that starts with `lead` (1 for continuation or invalid bytes, as llama.cpp).
std::string escapeSpaces(std::string_view text, bool spacePrefix) {
    std::string out;
    out.reserve(text.size() + text.size() / 4 + 3);
    if (spacePrefix) out += kSpaceEscape;
    for (char c : text) {
        if (c == ' ')
            out += kSpaceEscape;
        else
            out += c;
    }
    return out;
}

const gguf::Array* arrayOf(const gguf::Metadata& metadata, std::string_view key, gguf::ValueType type) {
    const gguf::Array* array = metadata.getArray(key);
    return array && array->elementType() == type ? array : nullptr;
}

} // namespace

Result<Tokenizer> Tokenizer::fromMetadata(const gguf::Metadata& metadata) {
    const auto model = metadata.getString("tokenizer.ggml.model");
    if (!model) return makeError("no tokenizer in the model (tokenizer.ggml.model is missing)");
    if (*model != "llama" && *model != "gpt2" && *model != "gemma4")
        return makeError("tokenizer '{}' is not supported yet (only SentencePiece 'llama', byte-level BPE "
                         "'gpt2' and SentencePiece-style BPE 'gemma4')",
                         *model);
    const bool bpe = *model != "llama";
    const bool gemma4 = *model == "gemma4";
    const gguf::Array* tokens = arrayOf(metadata, "tokenizer.ggml.tokens", gguf::ValueType::String);
    if (!tokens || tokens->size() == 0)
        return makeError("tokenizer.ggml.tokens is missing or not a string array");
    const size_t n = tokens->size();
    if (n > size_t(INT32_MAX)) return makeError("tokenizer.ggml.tokens has {} entries", n);

    // Present but of another type is a damaged file, not an absent key.
    for (const auto& [key, type] : {std::pair{"tokenizer.ggml.scores", gguf::ValueType::Float32},
                                    std::pair{"tokenizer.ggml.token_type", gguf::ValueType::Int32}})
        if (metadata.find(key) && !arrayOf(metadata, key, type))
            return makeError("{} is not an array of {}", key,
                             type == gguf::ValueType::Float32 ? "float32" : "int32");
    const gguf::Array* scores = arrayOf(metadata, "tokenizer.ggml.scores", gguf::ValueType::Float32);
    if (scores && scores->size() != n)
        return makeError("tokenizer.ggml.scores has {} entries, expected {}", scores->size(), n);
    const gguf::Array* types = arrayOf(metadata, "tokenizer.ggml.token_type", gguf::ValueType::Int32);
    if (types && types->size() != n)
        return makeError("tokenizer.ggml.token_type has {} entries, expected {}", types->size(), n);

    Tokenizer t;
    if (bpe) {
        auto encoder = BpeEncoder::fromMetadata(metadata);
        if (!encoder) return encoder.error();
        t.m_bpe = std::make_shared<const BpeEncoder>(std::move(*encoder));
    }
    t.m_texts.resize(n);
    t.m_scores.assign(n, 0.0f);
    t.m_types.assign(n, TokenType::Normal);
    for (size_t i = 0; i < n; ++i) {
        t.m_texts[i] = tokens->stringAt(i);
        // llama.cpp renames empty entries so that they can never match text.
        if (t.m_texts[i].empty()) t.m_texts[i] = fmt::format("[EMPTY_{}]", i);
        if (scores) std::memcpy(&t.m_scores[i], scores->raw().data() + i * 4, 4);
        if (types) {
            int32_t type;
            std::memcpy(&type, types->raw().data() + i * 4, 4);
            t.m_types[i] = type >= 0 && type <= 6 ? TokenType(type) : TokenType::Undefined;
        }
    }
    t.m_byText.reserve(n);
    for (size_t i = 0; i < n; ++i)
        t.m_byText[t.m_texts[i]] = Token(i); // a repeated text: the last id wins

    auto tokenId = [&](std::string_view key, Token fallback) -> Result<Token> {
        const auto id = metadata.getInt(key);
        // llama.cpp disables a default id outside the vocabulary.
        if (!id) return fallback >= 0 && size_t(fallback) < n ? fallback : Token(-1);
        if (*id < 0 || uint64_t(*id) >= n)
            return makeError("{} = {} is outside the vocabulary of {}", key, *id, n);
        return Token(*id);
    };
    // llama.cpp's defaults: 1/2/0 for SentencePiece, 11/11/none for BPE, none for gemma4.
    auto bos = tokenId("tokenizer.ggml.bos_token_id", gemma4 ? -1 : bpe ? 11 : 1);
    if (!bos) return bos.error();
    auto eos = tokenId("tokenizer.ggml.eos_token_id", gemma4 ? -1 : bpe ? 11 : 2);
    if (!eos) return eos.error();
    auto unk = tokenId("tokenizer.ggml.unknown_token_id", bpe ? -1 : 0);
    if (!unk) return unk.error();
    for (const char* key : {"tokenizer.ggml.padding_token_id", "tokenizer.ggml.eot_token_id",
                            "tokenizer.ggml.separator_token_id"})
        if (auto other = tokenId(key, -1); !other) return other.error();
    t.m_bos = *bos;
    t.m_eos = *eos;
    t.m_unknown = *unk;
    t.m_addBos = metadata.getBool("tokenizer.ggml.add_bos_token")
                     .value_or(bpe ? t.m_bpe->preTokenizer().addBos : true);
    // llama.cpp overrides a false add_bos_token for Gemma 4's pre-tokenizer.
    if (bpe && t.m_bpe->preTokenizer().spmStyle) t.m_addBos = true;
    t.m_addEos = metadata.getBool("tokenizer.ggml.add_eos_token").value_or(false);
    t.m_addSpacePrefix = metadata.getBool("tokenizer.ggml.add_space_prefix").value_or(!bpe);
    if (t.m_addBos && t.m_bos < 0)
        return makeError("tokenizer.ggml.add_bos_token is true, but there is no BOS token");
    if (t.m_addEos && t.m_eos < 0)
        return makeError("tokenizer.ggml.add_eos_token is true, but there is no EOS token");

    for (int b = 0; b < 256; ++b) {
        Token id = t.lookup(fmt::format("<0x{:02X}>", b));
        if (id < 0) id = t.lookup(std::string(1, char(b))); // llama.cpp's fallback: the byte as text
        t.m_byteTokens[size_t(b)] = id < 0 ? t.m_unknown : id;
    }
    for (size_t i = 0; i < n; ++i) {
        const TokenType type = t.m_types[i];
        if (type == TokenType::UserDefined || type == TokenType::Control || type == TokenType::Unknown)
            t.m_specialTokens.push_back(Token(i));
    }
    std::stable_sort(t.m_specialTokens.begin(), t.m_specialTokens.end(),
                     [&](Token a, Token b) { return t.tokenText(a).size() > t.tokenText(b).size(); });
    return t;
}

Token Tokenizer::lookup(std::string_view text) const {
    const auto it = m_byText.find(text);
    return it == m_byText.end() ? -1 : it->second;
}

Token Tokenizer::byteToken(uint8_t byte) const {
    return m_byteTokens[byte];
}

void Tokenizer::tokenizeFragment(std::string_view fragment, bool spacePrefix, std::vector<Token>& out) const {
    const std::string text = escapeSpaces(fragment, spacePrefix);
    if (text.empty()) return;

    // SentencePiece merges the pair whose merged piece scores highest: priority = -score.
    auto priorityOf = [&](std::string_view left, std::string_view right) -> std::optional<float> {
        const Token token = lookup(std::string_view(left.data(), left.size() + right.size()));
        if (token < 0) return std::nullopt;
        return -m_scores[size_t(token)];
    };
    detail::mergeSymbols<float>(text, priorityOf, [&](std::string_view piece) {
        const Token token = lookup(piece);
        if (token >= 0) {
            out.push_back(token);
            return;
        }
        // Merged pieces are always tokens, so this is a single character missing from the vocabulary.
        for (char c : piece)
            out.push_back(byteToken(uint8_t(c)));
    });
}

std::vector<Token> Tokenizer::tokenize(std::string_view text, bool addSpecial, bool parseSpecial) const {
    // Split around special tokens, longest first; user-defined ones even with parse_special off (as
    // llama.cpp and Hugging Face tokenizers do).
    struct Fragment {
        std::string_view text;
        Token token; // -1 for raw text
    };
    std::vector<Fragment> fragments;
    if (!text.empty()) fragments.push_back({text, -1});
    for (Token special : m_specialTokens) {
        if (!parseSpecial && tokenType(special) != TokenType::UserDefined) continue;
        const std::string_view needle = tokenText(special);
        std::vector<Fragment> split;
        for (const Fragment& f : fragments) {
            if (f.token >= 0) {
                split.push_back(f);
                continue;
            }
            std::string_view rest = f.text;
            for (size_t at; (at = rest.find(needle)) != std::string_view::npos;) {
                if (at > 0) split.push_back({rest.substr(0, at), -1});
                split.push_back({{}, special});
                rest.remove_prefix(at + needle.size());
            }
            if (!rest.empty()) split.push_back({rest, -1});
        }
        fragments = std::move(split);
    }

    std::vector<Token> out;
    out.reserve(text.size() / 3 + 2);
    if (addSpecial && m_addBos) out.push_back(m_bos);
    if (m_bpe) {
        for (const Fragment& f : fragments) {
            if (f.token >= 0)
                out.push_back(f.token);
            else
                m_bpe->encode(f.text, m_byText, out);
        }
        if (addSpecial && m_addEos) out.push_back(m_eos);
        return out;
    }
    bool previousWasSpecial = true; // the first fragment gets the space prefix too
    for (const Fragment& f : fragments) {
        if (f.token >= 0) {
            out.push_back(f.token);
            previousWasSpecial = true;
        } else {
            tokenizeFragment(f.text, m_addSpacePrefix && previousWasSpecial, out);
            previousWasSpecial = false;
        }
    }
    if (addSpecial && m_addEos) out.push_back(m_eos);
    return out;
}

std::string Tokenizer::tokenToPiece(Token token) const {
    if (token < 0 || size_t(token) >= size()) return {};
    const std::string& text = tokenText(token);
    switch (tokenType(token)) {
    case TokenType::Normal: {
        if (m_bpe) return m_bpe->decodeNormalToken(text);
        std::string piece;
        for (size_t i = 0; i < text.size();) {
            if (text.compare(i, kSpaceEscape.size(), kSpaceEscape) == 0) {
                piece += ' ';
                i += kSpaceEscape.size();
            } else {
                piece += text[i++];
            }
        }
        return piece;
    }
    case TokenType::Byte:
        if (text.size() == 6 && text.starts_with("<0x"))
            return std::string(1, char(std::strtol(text.substr(3, 2).c_str(), nullptr, 16)));
        return text;
    case TokenType::Control:
    case TokenType::Unknown:
    case TokenType::UserDefined:
        return text;
    default:
        return {};
    }
}

std::string Tokenizer::detokenize(std::span<const Token> tokens) const {
    std::string out;
    for (Token t : tokens)
        out += tokenToPiece(t);
    return out;
}

} // namespace qf::eval
