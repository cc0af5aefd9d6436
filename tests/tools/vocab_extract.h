#pragma once
// A compact extract of one of llama.cpp's vocabulary test files (models/ggml-vocab-NAME.gguf, several MB):
// only the tokens and merges that tokenizing its test texts (NAME.gguf.inp / .out) can touch, with their
// original ids, so that the suites run from a few KB of committed data.
//
// Which tokens a tokenization touches follows from the expected output alone, not from our tokenizer:
//  - every token of the expected output, every special (control, user-defined, unknown) and byte token;
//  - BPE: every merge whose result is a kept token, and both of its parts (repeated until nothing is
//    added). A BPE run only ever applies merges whose results end up inside output tokens, so every merge
//    it applies is kept; with a subset of the merges that holds all applied ones, the lowest-ranked
//    applicable merge at each step is the same, and so is the result;
//  - SentencePiece: every split of a kept token into two pieces that are tokens or single characters (the
//    symbols SentencePiece merges), repeated; again every token a run forms is kept, and missing tokens
//    were never merge candidates that could win.
// The file keeps the tokenizer.ggml.* keys except the arrays, which hold only the kept entries (merges in
// their original order, so ranks keep their order), plus:
//    quantforge.vocab_extract.ids   int32[]  original id of each kept token
//    quantforge.vocab_extract.size  uint32   tokens in the original vocabulary
// expandVocabExtract() rebuilds full-size arrays: absent ids become unused tokens whose text no input can
// contain.
#include <fmt/format.h>

#include <algorithm>
#include <cstring>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "qf/gguf/value.h"
#include "qf/result.h"
#include "qf/text/unicode.h"

namespace qf::test {

inline constexpr const char* kExtractIdsKey = "quantforge.vocab_extract.ids";
inline constexpr const char* kExtractSizeKey = "quantforge.vocab_extract.size";

inline Result<gguf::Metadata> makeVocabExtract(const gguf::Metadata& full,
                                               const std::vector<std::vector<int32_t>>& expected) {
    const gguf::Array* tokens = full.getArray("tokenizer.ggml.tokens");
    const gguf::Array* types = full.getArray("tokenizer.ggml.token_type");
    const gguf::Array* scores = full.getArray("tokenizer.ggml.scores");
    const gguf::Array* merges = full.getArray("tokenizer.ggml.merges");
    const auto model = full.getString("tokenizer.ggml.model").value_or("");
    if (!tokens || tokens->elementType() != gguf::ValueType::String) return makeError("no token list");
    const size_t n = tokens->size();
    std::map<std::string, int32_t> byText;
    for (size_t i = 0; i < n; ++i)
        byText[tokens->stringAt(i)] = int32_t(i); // the last of duplicates, as the tokenizer
    auto typeOf = [&](size_t i) { return types ? int32_t(types->intAt(i).value_or(1)) : 1; };

    std::set<int32_t> kept;
    std::vector<int32_t> work;
    auto keep = [&](int32_t id) {
        if (id >= 0 && size_t(id) < n && kept.insert(id).second) work.push_back(id);
    };
    for (const auto& ids : expected)
        for (int32_t id : ids) {
            if (id < 0 || size_t(id) >= n)
                return makeError("expected token {} is outside the vocabulary", id);
            keep(id);
        }
    for (size_t i = 0; i < n; ++i) {
        const int32_t t = typeOf(i);
        const std::string& text = tokens->stringAt(i);
        if (t == 2 || t == 3 || t == 4 || t == 6 || (text.size() == 6 && text.starts_with("<0x")))
            keep(int32_t(i));
    }
    for (const char* key : {"tokenizer.ggml.bos_token_id", "tokenizer.ggml.eos_token_id",
                            "tokenizer.ggml.unknown_token_id", "tokenizer.ggml.padding_token_id"})
        if (const auto id = full.getInt(key)) keep(int32_t(*id));

    const bool bpe = model != "llama";
    std::map<std::string, std::vector<size_t>> mergesByResult;
    std::set<size_t> keptMerges;
    if (bpe) {
        if (!merges) return makeError("BPE vocabulary without merges");
        for (size_t i = 0; i < merges->size(); ++i) {
            const std::string& m = merges->stringAt(i);
            const size_t space = m.find(' ', 1);
            if (space == std::string::npos) continue;
            mergesByResult[m.substr(0, space) + m.substr(space + 1)].push_back(i);
        }
    }
    auto keepText = [&](const std::string& text) {
        if (const auto it = byText.find(text); it != byText.end()) keep(it->second);
    };
    while (!work.empty()) {
        const int32_t id = work.back();
        work.pop_back();
        const std::string& text = tokens->stringAt(size_t(id));
        if (bpe) {
            const auto it = mergesByResult.find(text);
            if (it == mergesByResult.end()) continue;
            for (size_t m : it->second) {
                keptMerges.insert(m);
                const std::string& merge = merges->stringAt(m);
                const size_t space = merge.find(' ', 1);
                keepText(merge.substr(0, space));
                keepText(merge.substr(space + 1));
            }
            continue;
        }
        // SentencePiece: the symbols are characters and merged tokens.
        std::vector<size_t> bounds;
        for (size_t i = 0; i < text.size();
             i += std::max<size_t>(1, text::utf8SequenceLength(uint8_t(text[i]))))
            bounds.push_back(i);
        auto symbol = [&](const std::string& piece) {
            return byText.count(piece) || text::decodeUtf8(piece).size() == 1;
        };
        for (size_t b = 1; b < bounds.size(); ++b) {
            const std::string left = text.substr(0, bounds[b]);
            const std::string right = text.substr(bounds[b]);
            if (!symbol(left) || !symbol(right)) continue;
            keepText(left);
            keepText(right);
        }
    }

    gguf::Metadata out;
    for (const auto& e : full.entries()) {
        if (!e.key.starts_with("tokenizer.ggml.") || e.value.asArray()) continue;
        out.set(e.key, e.value);
    }
    std::vector<std::string> keptTexts;
    std::vector<int32_t> keptIds, keptTypes;
    std::vector<float> keptScores;
    for (int32_t id : kept) {
        keptIds.push_back(id);
        keptTexts.push_back(tokens->stringAt(size_t(id)));
        keptTypes.push_back(typeOf(size_t(id)));
        if (scores) keptScores.push_back(float(scores->numberAt(size_t(id)).value_or(0.0)));
    }
    out.set("tokenizer.ggml.tokens", gguf::Value::array(gguf::Array::ofStrings(std::move(keptTexts))));
    if (scores)
        out.set("tokenizer.ggml.scores",
                gguf::Value::array(gguf::Array::of(gguf::ValueType::Float32, keptScores)));
    out.set("tokenizer.ggml.token_type",
            gguf::Value::array(gguf::Array::of(gguf::ValueType::Int32, keptTypes)));
    if (bpe) {
        std::vector<std::string> keptMergeTexts;
        for (size_t m : keptMerges)
            keptMergeTexts.push_back(merges->stringAt(m));
        out.set("tokenizer.ggml.merges",
                gguf::Value::array(gguf::Array::ofStrings(std::move(keptMergeTexts))));
    }
    out.set(kExtractIdsKey, gguf::Value::array(gguf::Array::of(gguf::ValueType::Int32, keptIds)));
    out.set(kExtractSizeKey, gguf::Value::u32(uint32_t(n)));
    return out;
}

inline Result<gguf::Metadata> expandVocabExtract(const gguf::Metadata& extract) {
    const gguf::Array* ids = extract.getArray(kExtractIdsKey);
    const gguf::Array* tokens = extract.getArray("tokenizer.ggml.tokens");
    const gguf::Array* types = extract.getArray("tokenizer.ggml.token_type");
    const gguf::Array* scores = extract.getArray("tokenizer.ggml.scores");
    const auto size = extract.getUInt(kExtractSizeKey);
    if (!ids || !tokens || !types || !size || ids->size() != tokens->size() ||
        types->size() != tokens->size() || (scores && scores->size() != tokens->size()) || *size > (1u << 24))
        return makeError("not a vocabulary extract");
    const size_t n = size_t(*size);
    std::vector<std::string> allTokens(n);
    std::vector<int32_t> allTypes(n, 5); // unused
    std::vector<float> allScores(n, 0.0f);
    for (size_t i = 0; i < n; ++i)
        allTokens[i] = fmt::format("\x01[absent {}]\x01", i);
    for (size_t k = 0; k < ids->size(); ++k) {
        const int64_t id = ids->intAt(k).value_or(-1);
        if (id < 0 || size_t(id) >= n) return makeError("extract id {} is outside {}", id, n);
        allTokens[size_t(id)] = tokens->stringAt(k);
        allTypes[size_t(id)] = int32_t(types->intAt(k).value_or(1));
        if (scores) allScores[size_t(id)] = float(scores->numberAt(k).value_or(0.0));
    }
    gguf::Metadata out;
    for (const auto& e : extract.entries()) {
        if (e.key == kExtractIdsKey || e.key == kExtractSizeKey) continue;
        if (e.key == "tokenizer.ggml.tokens")
            out.set(e.key, gguf::Value::array(gguf::Array::ofStrings(allTokens)));
        else if (e.key == "tokenizer.ggml.token_type")
            out.set(e.key, gguf::Value::array(gguf::Array::of(gguf::ValueType::Int32, allTypes)));
        else if (e.key == "tokenizer.ggml.scores")
            out.set(e.key, gguf::Value::array(gguf::Array::of(gguf::ValueType::Float32, allScores)));
        else
            out.set(e.key, e.value);
    }
    return out;
}

// The tests of a NAME.gguf.inp / .out pair, as llama.cpp's test-tokenizer-0 reads them.
struct VocabCase {
    std::string text;
    std::vector<int32_t> expected;
};
inline Result<std::vector<VocabCase>> parseVocabSuite(const std::string& inp, const std::string& out) {
    static constexpr std::string_view kSep = "\n__ggml_vocab_test__\n";
    std::vector<std::string> texts;
    for (size_t pos = 0; pos < inp.size();) {
        const size_t next = inp.find(kSep, pos);
        if (next == std::string::npos) {
            texts.push_back(inp.substr(pos));
            break;
        }
        texts.push_back(inp.substr(pos, next - pos));
        pos = next + kSep.size();
    }
    std::vector<std::vector<int32_t>> outputs;
    size_t pos = 0;
    while (pos < out.size()) {
        size_t end = out.find('\n', pos);
        if (end == std::string::npos) end = out.size();
        std::vector<int32_t> ids;
        const std::string line = out.substr(pos, end - pos);
        for (size_t i = 0; i < line.size();) {
            while (i < line.size() && line[i] == ' ')
                ++i;
            size_t j = i;
            while (j < line.size() && line[j] != ' ')
                ++j;
            if (j > i) ids.push_back(int32_t(std::stol(line.substr(i, j - i))));
            i = j;
        }
        outputs.push_back(std::move(ids));
        pos = end + 1;
    }
    // llama.cpp's reader: the input's last part runs to the end of the file; outputs are one per line.
    if (texts.size() != outputs.size())
        return makeError("{} texts but {} expected outputs", texts.size(), outputs.size());
    std::vector<VocabCase> cases;
    for (size_t i = 0; i < texts.size(); ++i)
        cases.push_back({texts[i], outputs[i]});
    return cases;
}

} // namespace qf::test
