#include "qf/eval/bpe_tokenizer.h"

#include <algorithm>
#include <queue>

#include <fmt/format.h>

#include "qf/text/unicode.h"

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

// One piece of the word being merged: a byte range and its neighbours in the live chain.
struct Symbol {
    int prev;
    int next;
    uint32_t offset;
    uint32_t length; // 0 once merged into its left neighbour
};

struct Bigram {
    int left;
    int right;
    int rank;
    uint32_t length;
};

// Lowest rank first; among equal ranks the leftmost pair first.
struct BigramOrder {
    bool operator()(const Bigram& a, const Bigram& b) const {
        return a.rank > b.rank || (a.rank == b.rank && a.left > b.left);
    }
};

Token find(const std::unordered_map<std::string_view, Token>& vocabulary, std::string_view text) {
    const auto it = vocabulary.find(text);
    return it == vocabulary.end() ? -1 : it->second;
}

} // namespace

Result<BpeEncoder> BpeEncoder::fromMetadata(const gguf::Metadata& metadata) {
    BpeEncoder e;
    // Without the key llama.cpp falls back to its "default" regexes (and warns that quality suffers).
    const auto key = metadata.getString("tokenizer.ggml.pre");
    const std::string pre = key ? std::string(*key) : std::string("default");
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
    std::vector<Symbol> symbols;
    std::priority_queue<Bigram, std::vector<Bigram>, BigramOrder> queue;
    for (const std::string& raw : bpePreTokenize(m_pre.regex, text)) {
        const std::string word = text::byteLevelEncode(raw);
        if (m_pre.ignoreMerges) {
            if (const Token whole = find(vocabulary, word); whole >= 0) {
                out.push_back(whole);
                continue;
            }
        }
        symbols.clear();
        for (size_t offset = 0; offset < word.size();) {
            const size_t length =
                std::min(text::utf8SequenceLength(uint8_t(word[offset])), word.size() - offset);
            const int index = int(symbols.size());
            symbols.push_back({index - 1, offset + length == word.size() ? -1 : index + 1, uint32_t(offset),
                               uint32_t(length)});
            offset += length;
        }
        auto piece = [&](const Symbol& s) { return std::string_view(word).substr(s.offset, s.length); };
        auto tryAddBigram = [&](int left, int right) {
            if (left < 0 || right < 0) return;
            const Symbol& l = symbols[size_t(left)];
            const Symbol& r = symbols[size_t(right)];
            const int rank = mergeRank(piece(l), piece(r));
            if (rank >= 0) queue.push({left, right, rank, l.length + r.length});
        };
        for (int i = 1; i < int(symbols.size()); ++i)
            tryAddBigram(i - 1, i);

        while (!queue.empty()) {
            const Bigram bigram = queue.top();
            queue.pop();
            Symbol& left = symbols[size_t(bigram.left)];
            Symbol& right = symbols[size_t(bigram.right)];
            // Stale entry: a side has changed since it was queued (the pair's text would differ).
            if (left.length == 0 || right.length == 0 || left.next != bigram.right ||
                left.length + right.length != bigram.length)
                continue;
            left.length += right.length;
            right.length = 0;
            left.next = right.next;
            if (right.next >= 0) symbols[size_t(right.next)].prev = bigram.left;
            tryAddBigram(left.prev, bigram.left);
            tryAddBigram(bigram.left, left.next);
        }

        for (int i = symbols.empty() ? -1 : 0; i != -1; i = symbols[size_t(i)].next) {
            const std::string_view pieceText = piece(symbols[size_t(i)]);
            if (const Token token = find(vocabulary, pieceText); token >= 0) {
                out.push_back(token);
                continue;
            }
            // llama.cpp's fallback: the piece's single bytes that happen to be tokens; the rest is lost.
            for (char c : pieceText)
                if (const Token token = find(vocabulary, std::string_view(&c, 1)); token >= 0)
                    out.push_back(token);
        }
    }
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
