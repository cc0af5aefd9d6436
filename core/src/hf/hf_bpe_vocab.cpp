// The byte-level BPE vocabulary of a Hugging Face tokenizer.json, as llama.cpp's converter writes it
// (convert_hf_to_gguf.py: get_vocab_base + _set_vocab_gpt2, gguf-py's SpecialVocab with merges).
//
// llama.cpp names the pre-tokenizer by hashing what the Hugging Face tokenizer makes of a test text; we
// cannot run that tokenizer, so the pre-tokenizer is recognised from tokenizer.json itself: its chain of
// pre-tokenizers (Splits with their exact regexes, Digits, ByteLevel) must be one a known model uses.
#include <fmt/format.h>

#include <map>

#include "hf_vocab.h"
#include "qf/eval/bpe_tokenizer.h"

namespace qf::hf::detail {
namespace fs = std::filesystem;

namespace {

std::string stringOf(const JsonValue* v) {
    return v && v->asString() ? *v->asString() : std::string();
}

bool boolOf(const JsonValue* v, bool fallback) {
    return v && v->asBool() ? *v->asBool() : fallback;
}

// A short description of a pre-tokenizer for error messages: "Sequence[Split(\"...\"), ByteLevel]".
std::string describe(const JsonValue& p) {
    const std::string type = stringOf(p.find("type"));
    if (type == "Sequence") {
        std::string out = "Sequence[";
        if (const auto* list = p.find("pretokenizers"); list && list->asArray())
            for (size_t i = 0; i < list->asArray()->size(); ++i)
                out += (i ? ", " : "") + describe((*list->asArray())[i]);
        return out + "]";
    }
    if (type == "Split") {
        const auto* pattern = p.find("pattern");
        const std::string regex = pattern ? stringOf(pattern->find("Regex")) : std::string();
        const std::string text = pattern ? stringOf(pattern->find("String")) : std::string();
        return fmt::format("Split(\"{}\")", regex.empty() ? text : regex);
    }
    if (type == "ByteLevel") return boolOf(p.find("use_regex"), true) ? "ByteLevel(regex)" : "ByteLevel";
    return type.empty() ? std::string("(none)") : type;
}

// One pre-tokenizer of the chain in a comparable form: "split:<regex>" (Isolated, not inverted),
// "split-kept:<regex>" (Removed + invert: only the matches are kept, the same for a regex that matches
// everything), "digits:1"/"digits:0", "bytelevel"/"bytelevel+regex" (no prefix space); "" when unknown.
std::string chainLink(const JsonValue& p) {
    const std::string type = stringOf(p.find("type"));
    if (type == "ByteLevel")
        return boolOf(p.find("add_prefix_space"), true) ? std::string()
               : boolOf(p.find("use_regex"), true)      ? "bytelevel+regex"
                                                        : "bytelevel";
    if (type == "Digits") return boolOf(p.find("individual_digits"), false) ? "digits:1" : "digits:0";
    if (type != "Split") return {};
    const auto* pattern = p.find("pattern");
    const std::string regex = pattern ? stringOf(pattern->find("Regex")) : std::string();
    const std::string behavior = stringOf(p.find("behavior"));
    const bool invert = boolOf(p.find("invert"), false);
    if (regex.empty()) return {};
    if (behavior == "Isolated" && !invert) return "split:" + regex;
    if (behavior == "Removed" && invert) return "split-kept:" + regex;
    return {};
}

std::string split(std::string_view regex) {
    return "split:" + std::string(regex);
}

// The tokenizer.ggml.pre name, or empty when the pre-tokenizer chain is not one of llama.cpp's known ones.
std::string preTokenizerName(const JsonValue* pre, bool cleanUpSpaces) {
    if (!pre || !pre->isObject()) return {};
    std::vector<std::string> chain;
    if (stringOf(pre->find("type")) == "Sequence") {
        const auto* list = pre->find("pretokenizers");
        if (!list || !list->asArray()) return {};
        for (const auto& p : *list->asArray())
            chain.push_back(chainLink(p));
    } else {
        chain.push_back(chainLink(*pre));
    }

    constexpr std::string_view kLlama3 =
        R"re((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)re";
    constexpr std::string_view kQwen2 =
        R"re((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)re";
    // Qwen/Qwen3.5-9B-Instruct: letter runs take combining marks.
    constexpr std::string_view kQwen35 =
        R"re((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?[\p{L}\p{M}]+|\p{N}| ?[^\s\p{L}\p{M}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)re";
    // o200k (openai/gpt-oss-20b, meta-llama/Llama-4-Scout-17B-16E, MiniMaxAI/MiniMax-M2).
    constexpr std::string_view kO200k =
        R"re([^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+)re";
    struct Known {
        std::vector<std::string> chain;
        std::string_view pre;
    };
    const Known known[] = {
        {{split(kLlama3), "bytelevel"}, "llama-bpe"}, // meta-llama/Llama-3.2-1B
        {{split(kQwen2), "bytelevel"}, "qwen2"},      // Qwen/Qwen2.5-0.5B
        {{split(kQwen35), "bytelevel"}, "qwen35"},    // Qwen/Qwen3.5-9B-Instruct, Qwen3.6
        {{"bytelevel+regex"}, "gpt-2"},               // openai-community/gpt2
        // HuggingFaceTB/SmolLM2-135M, bigcode/starcoder2-3b: llama.cpp names them smollm and starcoder
        // (same regexes; only clean_spaces differs, which is tokenizer_config.json's
        // clean_up_tokenization_spaces).
        {{"digits:1", "bytelevel+regex"}, cleanUpSpaces ? "starcoder" : "smollm"},
        // deepseek-ai/deepseek-llm-7b-base, DeepSeek-Coder-V2-Lite-Instruct (llama.cpp's regex for the
        // digits is \p{N}+ although the file splits them one by one).
        {{"split:[\r\n]", split(eval::kDeepseekLettersRegex), split(eval::kDeepseekPunctuationRegex),
          split(R"(\s+$)"), split(eval::kDeepseekCjkRegex), "digits:1", "bytelevel"},
         "deepseek-llm"},
        // deepseek-ai/deepseek-coder-6.7b-base
        {{"split:[\r\n]", split(R"(\s?\p{L}+)"), split(R"(\s?\p{P}+)"), split(eval::kDeepseekCjkRegex),
          "digits:1", "bytelevel"},
         "deepseek-coder"},
        // deepseek-ai/DeepSeek-V3 (and R1, V3.1, V3.2)
        {{split(R"(\p{N}{1,3})"), split("[\u4E00-\u9FA5\u3040-\u309F\u30A0-\u30FF]+"),
          split(eval::kDeepseek3WordsRegex), "bytelevel"},
         "deepseek-v3"},
        {{split(kO200k), "bytelevel"}, "gpt-4o"},                           // openai/gpt-oss-20b, Llama 4
        {{"split-kept:" + std::string(kO200k), "bytelevel"}, "minimax-m2"}, // MiniMaxAI/MiniMax-M2
    };
    for (const auto& k : known)
        if (k.chain == chain) return std::string(k.pre);
    return {};
}

// convert_hf_to_gguf.py's does_token_look_special: added tokens that are control tokens in all but name.
bool looksSpecial(const std::string& t) {
    if (t == "<pad>" || t == "<mask>" || t == "<2mass>" || t == "[@BOS@]") return true;
    if (t.starts_with("<|") && t.ends_with("|>")) return true;
    if (t.starts_with("<\xef\xbd\x9c") && t.ends_with("\xef\xbd\x9c>")) return true; // <｜...｜>
    return t.starts_with("<unused") && t.ends_with(">");
}

} // namespace

Status addTokenizerJsonVocab(gguf::Metadata& md, const fs::path& folder, const JsonValue& config) {
    const fs::path path = folder / "tokenizer.json";
    auto json = readJsonFile(path);
    if (!json) return json.error();
    const JsonValue* model = json->find("model");
    if (!model || !model->isObject()) return makeError("{}: no \"model\" object", path.string());
    const std::string modelType = stringOf(model->find("type"));
    if (modelType != "BPE")
        return makeError("{}: tokenizer model \"{}\" is not supported yet (only byte-level BPE)",
                         path.string(), modelType);
    if (boolOf(model->find("byte_fallback"), false))
        return makeError("{}: a BPE with byte fallback (SentencePiece style) is not supported yet without "
                         "tokenizer.model",
                         path.string());
    if (const auto* normalizer = json->find("normalizer"); normalizer && !normalizer->isNull()) {
        // llama.cpp ignores an NFC normalizer (Qwen2); anything else would change the text.
        const std::string type = stringOf(normalizer->find("type"));
        if (type != "NFC")
            return makeError("{}: normalizer \"{}\" is not supported yet", path.string(), type);
    }
    std::optional<JsonValue> tokenizerConfig;
    std::error_code ec;
    if (fs::is_regular_file(folder / "tokenizer_config.json", ec)) {
        auto parsed = readJsonFile(folder / "tokenizer_config.json");
        if (!parsed) return parsed.error();
        tokenizerConfig = std::move(*parsed);
    }

    const JsonValue* preTokenizer = json->find("pre_tokenizer");
    const bool cleanUpSpaces =
        tokenizerConfig && boolOf(tokenizerConfig->find("clean_up_tokenization_spaces"), false);
    const std::string pre = preTokenizerName(preTokenizer, cleanUpSpaces);
    if (pre.empty())
        return makeError("{}: pre-tokenizer {} is not supported yet (known: Llama 3, Qwen2, Qwen3.5, GPT-2, "
                         "StarCoder/SmolLM, DeepSeek LLM/Coder/V3, o200k)",
                         path.string(), preTokenizer ? describe(*preTokenizer) : std::string("(none)"));

    // Hugging Face's get_vocab(): the model's vocabulary plus the added tokens.
    const JsonValue* vocab = model->find("vocab");
    if (!vocab || !vocab->asObject()) return makeError("{}: model.vocab is not an object", path.string());
    std::map<uint64_t, std::string> byId;
    std::map<std::string, uint64_t> byText;
    for (const auto& [text, idValue] : *vocab->asObject()) {
        const auto id = idValue.asUInt();
        if (!id || *id >= (1u << 24))
            return makeError("{}: token \"{}\" has no valid id", path.string(), text);
        byId[*id] = text;
        byText[text] = *id;
    }
    struct Added {
        bool special;
    };
    std::map<uint64_t, Added> added;
    if (const auto* list = json->find("added_tokens"); list && list->asArray()) {
        for (const auto& t : *list->asArray()) {
            const auto id = t.find("id") ? t.find("id")->asUInt() : std::nullopt;
            const auto* content = t.find("content");
            if (!id || *id >= (1u << 24) || !content || !content->asString())
                return makeError("{}: an added token has no valid id or content", path.string());
            byId[*id] = *content->asString();
            byText[*content->asString()] = *id;
            added[*id] = {boolOf(t.find("special"), false)};
        }
    }
    uint64_t vocabSize = byText.size();
    if (const auto* v = config.find("vocab_size"); v && v->asUInt()) vocabSize = *v->asUInt();
    if (vocabSize > (1u << 24))
        return makeError("{}: vocab_size {} is implausible", folder.string(), vocabSize);
    if (!byId.empty() && byId.rbegin()->first >= vocabSize)
        return makeError("{}: token id {} is outside vocab_size {}", path.string(), byId.rbegin()->first,
                         vocabSize);

    std::vector<std::string> tokens(vocabSize);
    std::vector<int32_t> types(vocabSize, tokenType(eval::TokenType::Unused));
    for (uint64_t i = 0; i < vocabSize; ++i) {
        const auto it = byId.find(i);
        if (it == byId.end()) {
            tokens[i] = fmt::format("[PAD{}]", i);
            continue;
        }
        tokens[i] = it->second;
        const auto a = added.find(i);
        if (a == added.end()) {
            types[i] = tokenType(eval::TokenType::Normal);
        } else if (a->second.special || looksSpecial(tokens[i])) {
            types[i] = tokenType(eval::TokenType::Control);
        } else {
            tokens[i] = replaceAll(tokens[i], "\xe2\x96\x81", " "); // user-defined tokens keep plain spaces
            types[i] = tokenType(eval::TokenType::UserDefined);
        }
    }

    // Merges: "a b" strings, or [a, b] pairs (transformers >= 4.45, which allow spaces inside a part;
    // gguf-py spells such a space as U+0120 'Ġ', the byte-level space).
    std::vector<std::string> merges;
    if (const auto* list = model->find("merges"); list && list->asArray()) {
        merges.reserve(list->asArray()->size());
        const bool pairs = !list->asArray()->empty() && list->asArray()->front().isArray();
        for (const auto& m : *list->asArray()) {
            if (!pairs && m.asString()) {
                merges.push_back(*m.asString());
                continue;
            }
            const auto* pair = m.asArray();
            if (!pairs || !pair || pair->size() != 2 || !(*pair)[0].asString() || !(*pair)[1].asString())
                return makeError("{}: model.merges mixes or has unknown formats (merge {})", path.string(),
                                 merges.size());
            merges.push_back(replaceAll(*(*pair)[0].asString(), " ", "\xc4\xa0") + ' ' +
                             replaceAll(*(*pair)[1].asString(), " ", "\xc4\xa0"));
        }
    }
    if (merges.empty()) return makeError("{}: the BPE model has no merges", path.string());

    md.set("tokenizer.ggml.model", gguf::Value::string("gpt2"));
    md.set("tokenizer.ggml.pre", gguf::Value::string(pre));
    md.set("tokenizer.ggml.tokens", gguf::Value::array(gguf::Array::ofStrings(std::move(tokens))));
    md.set("tokenizer.ggml.token_type", gguf::Value::array(gguf::Array::of(gguf::ValueType::Int32, types)));
    md.set("tokenizer.ggml.merges", gguf::Value::array(gguf::Array::ofStrings(std::move(merges))));
    QF_TRY(addSpecialVocab(md, folder, config, tokenizerConfig ? &*tokenizerConfig : nullptr, &*json,
                           vocabSize));
    // LlamaModel.set_vocab: the small Granite models must not get a BOS.
    if (vocabSize == 49152) md.set("tokenizer.ggml.add_bos_token", gguf::Value::boolean(false));
    return {};
}

} // namespace qf::hf::detail
