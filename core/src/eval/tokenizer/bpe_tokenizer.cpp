#include "qf/eval/bpe_tokenizer.h"

#include <algorithm>
#include <optional>

#include <fmt/format.h>

#include "qf/text/unicode.h"
#include "symbol_merge.h"

namespace qf::eval {
namespace {

std::string rankKey(std::string_view left, std::string_view right) {
    std::string key;
    key.reserve(left.size() + right.size() + 1);
    key.append(left);
    key += '\0';
    key.append(right);
    return key;
}

Token find(const std::unordered_map<std::string_view, Token>& vocabulary, std::string_view text) {
    const auto it = vocabulary.find(text);
    return it == vocabulary.end() ? -1 : it->second;
}

} // namespace

Result<BpeEncoder> BpeEncoder::fromMetadata(const gguf::Metadata& metadata) {
    BpeEncoder e;
    // Without the key llama.cpp falls back to its "default" regexes (and warns that quality suffers).
    const auto key = metadata.getString("tokenizer.ggml.pre");
    std::string pre = key ? std::string(*key) : std::string("default");
    if (metadata.getString("tokenizer.ggml.model").value_or("") == "gemma4") pre = "gemma4";
    const auto info = bpePreTokenizerFromName(pre);
    if (!info) return makeError("BPE pre-tokenizer '{}' is not supported yet", pre);
    e.m_pre = *info;

    const gguf::Array* merges = metadata.getArray("tokenizer.ggml.merges");
    if (!merges || merges->elementType() != gguf::ValueType::String)
        return makeError("BPE vocabulary without tokenizer.ggml.merges");
    e.m_ranks.reserve(merges->size());
    for (size_t i = 0; i < merges->size(); ++i) {
        // As llama.cpp: split at the first space after the first byte; the first of duplicates wins.
        const std::string& merge = merges->stringAt(i);
        const size_t space = merge.find(' ', 1);
        std::string key = space == std::string::npos ? rankKey({}, {})
                                                     : rankKey(std::string_view(merge).substr(0, space),
                                                               std::string_view(merge).substr(space + 1));
        e.m_ranks.emplace(std::move(key), int(std::min<size_t>(i, INT32_MAX)));
    }
    return e;
}

int BpeEncoder::mergeRank(std::string_view left, std::string_view right) const {
    const auto it = m_ranks.find(rankKey(left, right));
    return it == m_ranks.end() ? -1 : it->second;
}

void BpeEncoder::encode(std::string_view text, const std::unordered_map<std::string_view, Token>& vocabulary,
                        std::vector<Token>& out) const {
    std::string escaped;
    if (m_pre.spmStyle) {
        escaped.reserve(text.size() + text.size() / 4);
        for (char c : text)
            escaped += c == ' ' ? std::string_view("\xe2\x96\x81") : std::string_view(&c, 1);
        text = escaped;
    }
    for (const std::string& raw : bpePreTokenize(m_pre.regex, text)) {
        const std::string word = m_pre.spmStyle ? raw : text::byteLevelEncode(raw);
        const bool newlines = m_pre.spmStyle && word.find_first_not_of('\n') == std::string::npos;
        if (m_pre.ignoreMerges || newlines) {
            if (const Token whole = find(vocabulary, word); whole >= 0) {
                out.push_back(whole);
                continue;
            }
        }
        auto rankOf = [&](std::string_view left, std::string_view right) -> std::optional<int> {
            const int rank = mergeRank(left, right);
            return rank >= 0 ? std::optional<int>(rank) : std::nullopt;
        };
        detail::mergeSymbols<int>(word, rankOf, [&](std::string_view piece) {
            if (const Token token = find(vocabulary, piece); token >= 0) {
                out.push_back(token);
                return;
            }
            // llama.cpp's fallback: the piece's single bytes that happen to be tokens (as <0xXX> when
            // SentencePiece-style); the rest is lost.
            for (char c : piece) {
                const std::string byte =
                    m_pre.spmStyle ? fmt::format("<0x{:02X}>", uint8_t(c)) : std::string(1, c);
                if (const Token token = find(vocabulary, byte); token >= 0) out.push_back(token);
            }
        });
    }
}

std::string BpeEncoder::decodeNormalToken(std::string_view text) const {
    if (!m_pre.spmStyle) return decodeTokenText(text);
    std::string out;
    for (size_t i = 0; i < text.size();) {
        if (text.substr(i, 3) == "\xe2\x96\x81") {
            out += ' ';
            i += 3;
        } else {
            out += text[i++];
        }
    }
    return out;
}

std::string BpeEncoder::decodeTokenText(std::string_view text) {
    std::string out;
    out.reserve(text.size());
    for (uint32_t cp : text::decodeUtf8(text)) {
        const int byte = text::codepointToByte(cp);
        if (byte >= 0) {
            out += char(byte);
            continue;
        }
        std::string utf8;
        text::appendUtf8(utf8, cp);
        out += "[UNK_BYTE_0x";
        for (char c : utf8)
            out += fmt::format("{:02x}", uint8_t(c));
        out += text;
        out += ']';
    }
    return out;
}

} // namespace qf::eval
