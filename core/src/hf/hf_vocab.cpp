#include "hf_vocab.h"

#include <cctype>
#include <fstream>
#include <map>
#include <sstream>

#include "qf/hf/sentencepiece.h"

namespace qf::hf::detail {
namespace fs = std::filesystem;

namespace {

int32_t ggufTokenType(PieceType type) {
    // As llama.cpp's converter: user-defined SentencePiece pieces become normal tokens.
    switch (type) {
    case PieceType::Unknown:
        return tokenType(eval::TokenType::Unknown);
    case PieceType::Control:
        return tokenType(eval::TokenType::Control);
    case PieceType::Unused:
        return tokenType(eval::TokenType::Unused);
    case PieceType::Byte:
        return tokenType(eval::TokenType::Byte);
    default:
        return tokenType(eval::TokenType::Normal);
    }
}

Result<std::string> readTextFile(const fs::path& path) {
    std::ifstream in(path, std::ios::binary);
    if (!in) return makeError("{}: cannot open", path.string());
    std::ostringstream s;
    s << in.rdbuf();
    return s.str();
}

// The text of a tokenizer_config "xxx_token" entry: a string or {"content": "..."}.
const std::string* tokenText(const JsonValue* entry) {
    if (!entry) return nullptr;
    if (entry->asString()) return entry->asString();
    if (const auto* content = entry->find("content")) return content->asString();
    return nullptr;
}

} // namespace

std::string replaceAll(std::string text, std::string_view from, std::string_view to) {
    for (size_t at = 0; (at = text.find(from, at)) != std::string::npos; at += to.size())
        text.replace(at, from.size(), to);
    return text;
}

Status addSpecialVocab(gguf::Metadata& md, const fs::path& folder, const JsonValue& config,
                       const JsonValue* tokenizerConfig, const JsonValue* tokenizerJson, uint64_t vocabSize) {
    // Special tokens as gguf-py's SpecialVocab finds them: by text through tokenizer.json's added tokens,
    // then by id from config.json; the first found wins.
    static constexpr const char* kSpecialTypes[] = {"bos", "eos", "unk", "sep", "pad", "cls", "mask"};
    std::map<std::string, uint32_t> ids;
    std::vector<std::string> idOrder;
    auto setId = [&](const std::string& type, uint64_t id) {
        if (id >= vocabSize || ids.count(type)) return;
        ids[type] = uint32_t(id);
        idOrder.push_back(type);
    };
    // Whether BOS/EOS are added, first from tokenizer.json's post-processor template (gguf-py's "crude
    // parsing" of a TemplateProcessing: a leading BOS and a trailing EOS special token), then from
    // tokenizer_config.json's add_*_token, which wins.
    std::map<std::string, bool> addFlags;
    std::vector<std::string> addOrder;
    auto setAdd = [&](const std::string& type, bool value) {
        if (!addFlags.count(type)) addOrder.push_back(type);
        addFlags[type] = value;
    };
    std::error_code ec;
    if (tokenizerJson) {
        const std::string* bosText =
            tokenizerConfig ? tokenText(tokenizerConfig->find("bos_token")) : nullptr;
        const std::string* eosText =
            tokenizerConfig ? tokenText(tokenizerConfig->find("eos_token")) : nullptr;
        const std::string* clsText =
            tokenizerConfig ? tokenText(tokenizerConfig->find("cls_token")) : nullptr;
        if (!bosText) bosText = clsText;
        std::vector<const JsonValue*> processors;
        if (const auto* post = tokenizerJson->find("post_processor"); post && post->isObject()) {
            if (const auto* list = post->find("processors"); list && list->asArray())
                for (const auto& p : *list->asArray())
                    processors.push_back(&p);
            else
                processors.push_back(post);
        }
        auto specialId = [](const JsonValue& item) -> const std::string* {
            const auto* special = item.find("SpecialToken");
            return special ? tokenText(special->find("id")) : nullptr;
        };
        for (const JsonValue* p : processors) {
            const auto* type = p->find("type");
            if (!type || !type->asString() || *type->asString() != "TemplateProcessing") continue;
            const auto* single = p->find("single");
            if (!single || !single->asArray() || single->asArray()->size() < 2) continue;
            if (const std::string* first = specialId(single->asArray()->front())) {
                if (!tokenizerConfig) bosText = first;
                setAdd("bos", (bosText && *first == *bosText) || (clsText && *first == *clsText));
            }
            if (const std::string* last = specialId(single->asArray()->back())) {
                if (!tokenizerConfig) eosText = last;
                setAdd("eos", eosText && *last == *eosText);
            }
        }
    }
    if (tokenizerConfig) {
        for (const char* type : kSpecialTypes)
            if (const auto* add = tokenizerConfig->find(fmt::format("add_{}_token", type));
                add && add->asBool())
                setAdd(type, *add->asBool());
    }
    if (tokenizerConfig && tokenizerJson) {
        const auto* added = tokenizerJson->find("added_tokens");
        if (added && added->asArray()) {
            for (const char* type : kSpecialTypes) {
                const std::string* text = tokenText(tokenizerConfig->find(fmt::format("{}_token", type)));
                if (!text) continue;
                for (const auto& t : *added->asArray()) {
                    const auto* content = t.find("content");
                    const auto* id = t.find("id");
                    if (content && content->asString() && *content->asString() == *text && id &&
                        id->asUInt()) {
                        setId(type, *id->asUInt());
                        break;
                    }
                }
            }
        }
    }
    for (const char* type : kSpecialTypes)
        if (const auto* id = config.find(fmt::format("{}_token_id", type)); id && id->asUInt())
            setId(type, *id->asUInt());
    // gguf-py's key names (Keys.Tokenizer), spelling included.
    auto idKey = [](const std::string& type) -> std::string {
        if (type == "unk") return "tokenizer.ggml.unknown_token_id";
        if (type == "sep") return "tokenizer.ggml.seperator_token_id";
        if (type == "pad") return "tokenizer.ggml.padding_token_id";
        return fmt::format("tokenizer.ggml.{}_token_id", type);
    };
    for (const auto& type : idOrder)
        md.set(idKey(type), gguf::Value::u32(ids[type]));

    for (const auto& type : addOrder)
        md.set(fmt::format("tokenizer.ggml.add_{}_token", type), gguf::Value::boolean(addFlags[type]));

    std::optional<std::string> chatTemplate;
    if (tokenizerConfig)
        if (const auto* t = tokenizerConfig->find("chat_template"); t && t->asString())
            chatTemplate = *t->asString();
    if (!chatTemplate && fs::is_regular_file(folder / "chat_template.jinja", ec)) {
        auto text = readTextFile(folder / "chat_template.jinja");
        if (!text) return text.error();
        chatTemplate = std::move(*text);
    }
    if (!chatTemplate && fs::is_regular_file(folder / "chat_template.json", ec)) {
        auto json = readJsonFile(folder / "chat_template.json");
        if (!json) return json.error();
        if (const auto* t = json->find("chat_template"); t && t->asString()) chatTemplate = *t->asString();
    }
    if (chatTemplate) md.set("tokenizer.chat_template", gguf::Value::string(std::move(*chatTemplate)));

    return {};
}

Status addSentencePieceVocab(gguf::Metadata& md, const fs::path& folder, const JsonValue& config) {
    const fs::path modelFile = folder / "tokenizer.model";
    std::error_code ec;
    if (!fs::is_regular_file(modelFile, ec)) {
        // llama.cpp's converter falls back to tokenizer.json (byte-level BPE, as Llama 3) the same way.
        if (fs::is_regular_file(folder / "tokenizer.json", ec))
            return addTokenizerJsonVocab(md, folder, config);
        return makeError("{}: no tokenizer.model: the model's vocabulary is missing", folder.string());
    }
    auto pieces = readSentencePieceModel(modelFile);
    if (!pieces) return pieces.error();

    uint64_t vocabSize = pieces->size();
    if (const auto* v = config.find("vocab_size"); v && v->asUInt()) vocabSize = *v->asUInt();
    if (vocabSize > (1u << 24))
        return makeError("{}: vocab_size {} is implausible", folder.string(), vocabSize);

    std::vector<std::string> tokens(vocabSize);
    std::vector<float> scores(vocabSize, -10000.0f); // padding: _create_vocab_sentencepiece's -10000
    std::vector<int32_t> types(vocabSize, tokenType(eval::TokenType::Unused));
    for (uint64_t i = 0; i < vocabSize; ++i)
        tokens[i] = fmt::format("[PAD{}]", i);
    for (size_t i = 0; i < pieces->size() && i < vocabSize; ++i) {
        tokens[i] = (*pieces)[i].text;
        scores[i] = (*pieces)[i].score;
        types[i] = ggufTokenType((*pieces)[i].type);
    }

    if (fs::is_regular_file(folder / "added_tokens.json", ec)) {
        auto added = readJsonFile(folder / "added_tokens.json");
        if (!added) return added.error();
        if (const auto* members = added->asObject()) {
            for (const auto& [text, idValue] : *members) {
                const auto id = idValue.asUInt();
                if (!id || *id >= vocabSize) continue;
                tokens[*id] = text;
                scores[*id] = -1000.0f;
                types[*id] = tokenType(eval::TokenType::UserDefined);
            }
        }
    }

    std::optional<JsonValue> tokenizerConfig;
    if (fs::is_regular_file(folder / "tokenizer_config.json", ec)) {
        auto parsed = readJsonFile(folder / "tokenizer_config.json");
        if (!parsed) return parsed.error();
        tokenizerConfig = std::move(*parsed);
    }
    if (tokenizerConfig) {
        if (const auto* decoder = tokenizerConfig->find("added_tokens_decoder");
            decoder && decoder->asObject()) {
            for (const auto& [idText, data] : *decoder->asObject()) {
                uint64_t id = 0;
                if (idText.empty() || idText.size() > 9 ||
                    idText.find_first_not_of("0123456789") != std::string::npos)
                    continue;
                id = std::stoull(idText);
                const auto* content = data.find("content");
                if (id >= vocabSize || !content || !content->asString()) continue;
                std::string text = *content->asString();
                const auto* special = data.find("special");
                if (special && special->asBool().value_or(false)) {
                    types[id] = tokenType(eval::TokenType::Control);
                } else {
                    // User-defined tokens are stored with plain spaces instead of SentencePiece's U+2581.
                    text = replaceAll(text, "\xe2\x96\x81", " ");
                    types[id] = tokenType(eval::TokenType::UserDefined);
                }
                scores[id] = -1000.0f;
                tokens[id] = std::move(text);
            }
        }
    }

    md.set("tokenizer.ggml.model", gguf::Value::string("llama"));
    md.set("tokenizer.ggml.pre", gguf::Value::string("default"));
    md.set("tokenizer.ggml.tokens", gguf::Value::array(gguf::Array::ofStrings(std::move(tokens))));
    md.set("tokenizer.ggml.scores", gguf::Value::array(gguf::Array::of(gguf::ValueType::Float32, scores)));
    md.set("tokenizer.ggml.token_type", gguf::Value::array(gguf::Array::of(gguf::ValueType::Int32, types)));

    std::optional<JsonValue> tokenizerJson;
    if (fs::is_regular_file(folder / "tokenizer.json", ec)) {
        auto parsed = readJsonFile(folder / "tokenizer.json");
        if (!parsed) return parsed.error();
        tokenizerJson = std::move(*parsed);
    }
    QF_TRY(addSpecialVocab(md, folder, config, tokenizerConfig ? &*tokenizerConfig : nullptr,
                           tokenizerJson ? &*tokenizerJson : nullptr, vocabSize));

    if (tokenizerConfig)
        if (const auto* p = tokenizerConfig->find("add_prefix_space"); p && p->asBool())
            md.set("tokenizer.ggml.add_space_prefix", gguf::Value::boolean(*p->asBool()));
    return {};
}

NameParts splitModelName(const std::string& name) {
    std::vector<std::string> parts;
    std::string current;
    for (char c : name) {
        if (c == '-') {
            parts.push_back(current);
            current.clear();
        } else {
            current += c;
        }
    }
    parts.push_back(current);

    auto isSizeLabel = [](const std::string& p) {
        // e.g. "7b", "22M", "1.5B", "8x7B"
        size_t i = 0;
        auto digits = [&] {
            const size_t from = i;
            while (i < p.size() && std::isdigit(uint8_t(p[i])))
                ++i;
            return i > from;
        };
        if (!digits()) return false;
        if (i < p.size() && (p[i] == 'x' || p[i] == 'X')) {
            ++i;
            if (!digits()) return false;
        }
        if (i < p.size() && p[i] == '.') {
            ++i;
            if (!digits()) return false;
        }
        return i + 1 == p.size() && std::string_view("kKmMbBtT").find(p[i]) != std::string_view::npos;
    };

    NameParts out;
    size_t sizeAt = parts.size();
    for (size_t i = 1; i < parts.size(); ++i)
        if (isSizeLabel(parts[i])) {
            sizeAt = i;
            break;
        }
    if (sizeAt == parts.size()) {
        out.basename = name;
        return out;
    }
    for (size_t i = 0; i < sizeAt; ++i)
        out.basename += (i ? "-" : "") + parts[i];
    out.sizeLabel = parts[sizeAt];
    out.sizeLabel.back() = char(std::toupper(uint8_t(out.sizeLabel.back())));
    for (size_t i = sizeAt + 1; i < parts.size(); ++i)
        out.finetune += (out.finetune.empty() ? "" : "-") + parts[i];
    return out;
}

std::string idToTitle(const std::string& id) {
    std::vector<std::string> words;
    std::string word;
    for (char c : id) {
        if (c == '-' || std::isspace(uint8_t(c))) {
            if (!word.empty()) words.push_back(word);
            word.clear();
        } else {
            word += c;
        }
    }
    if (!word.empty()) words.push_back(word);

    auto isLowerWord = [](const std::string& w) { // Python's str.islower() for ASCII
        bool cased = false;
        for (char c : w) {
            if (std::isupper(uint8_t(c))) return false;
            cased = cased || std::islower(uint8_t(c));
        }
        return cased;
    };
    auto isVersionOrNumber = [](const std::string& w) { // ^(v\d+(?:\.\d+)*|\d.*)$
        if (!w.empty() && std::isdigit(uint8_t(w[0]))) return true;
        if (w.size() < 2 || w[0] != 'v') return false;
        bool digitExpected = true;
        for (size_t i = 1; i < w.size(); ++i) {
            if (std::isdigit(uint8_t(w[i])))
                digitExpected = false;
            else if (w[i] == '.' && !digitExpected)
                digitExpected = true;
            else
                return false;
        }
        return !digitExpected;
    };
    std::string out;
    for (const auto& w : words) {
        if (!out.empty()) out += ' ';
        if (!isLowerWord(w) || isVersionOrNumber(w)) {
            out += w;
            continue;
        }
        // str.title(): a letter after a non-letter is upper case, other letters lower case.
        bool afterLetter = false;
        for (char c : w) {
            const bool letter = std::isalpha(uint8_t(c));
            out += letter ? char(afterLetter ? std::tolower(uint8_t(c)) : std::toupper(uint8_t(c))) : c;
            afterLetter = letter;
        }
    }
    return out;
}

} // namespace qf::hf::detail
