// Converting a Hugging Face folder whose vocabulary is a byte-level BPE tokenizer.json (as Llama 3): the
// shared model's config and weights with a hand-made tokenizer.json must give llama.cpp's tokenizer keys
// (gpt2 model, pre-tokenizer name, tokens padded to vocab_size, token types, merges, special ids,
// add_bos_token from the post-processor), and unknown pre-tokenizers must be refused clearly.
#include <QTemporaryDir>
#include <QTest>

#include <filesystem>
#include <fstream>

#include "qf/eval/bpe_tokenizer.h"
#include "qf/eval/llama_model.h"
#include "qf/eval/tokenizer.h"
#include "qf/hf/hf_convert.h"
#include "qf/json_writer.h"
#include "qf/text/unicode.h"
#include "test_support.h"

using namespace qf;
namespace fs = std::filesystem;

namespace {

const fs::path kHfFolder = test::sharedPath("models/qf-books-22m-hf");

const char* kLlama3Regex =
    R"re((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)re";
const char* kQwen2Regex =
    R"re((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?\p{L}+|\p{N}| ?[^\s\p{L}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)re";

std::string jsonString(std::string_view s) {
    return JsonWriter::escape(s);
}

std::string splitThenByteLevel(const char* regex) {
    return R"({"type":"Sequence","pretokenizers":[{"type":"Split","pattern":{"Regex":)" + jsonString(regex) +
           R"(},"behavior":"Isolated","invert":false},{"type":"ByteLevel","add_prefix_space":false,)"
           R"("trim_offsets":true,"use_regex":false}]})";
}

// Pre-tokenizer chains as real tokenizer.json files spell them.
std::string splitJson(std::string_view regex, const char* behavior = "Isolated", bool invert = false) {
    return R"({"type":"Split","pattern":{"Regex":)" + jsonString(regex) + R"(},"behavior":")" + behavior +
           R"(","invert":)" + (invert ? "true" : "false") + "}";
}
std::string digitsJson(bool individual) {
    return std::string(R"({"type":"Digits","individual_digits":)") + (individual ? "true" : "false") + "}";
}
std::string byteLevelJson(bool useRegex) {
    return std::string(R"({"type":"ByteLevel","add_prefix_space":false,"trim_offsets":true,"use_regex":)") +
           (useRegex ? "true" : "false") + "}";
}
std::string sequenceJson(const std::vector<std::string>& parts) {
    std::string j = R"({"type":"Sequence","pretokenizers":[)";
    for (size_t i = 0; i < parts.size(); ++i)
        j += (i ? "," : "") + parts[i];
    return j + "]}";
}
// o200k as openai/gpt-oss-20b's tokenizer.json spells it.
const char* kO200kRegex =
    R"re([^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]*[\p{Ll}\p{Lm}\p{Lo}\p{M}]+(?i:'s|'t|'re|'ve|'m|'ll|'d)?|[^\r\n\p{L}\p{N}]?[\p{Lu}\p{Lt}\p{Lm}\p{Lo}\p{M}]+[\p{Ll}\p{Lm}\p{Lo}\p{M}]*(?i:'s|'t|'re|'ve|'m|'ll|'d)?|\p{N}{1,3}| ?[^\s\p{L}\p{N}]+[\r\n/]*|\s*[\r\n]+|\s+(?!\S)|\s+)re";

// A vocabulary of the 256 byte-level characters and the merges that build a few words.
struct Bpe {
    std::vector<std::string> tokens;
    std::vector<std::pair<std::string, std::string>> merges;

    Bpe() {
        for (int b = 0; b < 256; ++b)
            tokens.push_back(text::byteLevelEncode(std::string(1, char(b))));
        for (const char* w : {"Hello", " world", " the", "the", " tokenizer", "'s", "123", "\n\n"}) {
            const std::string spelled = text::byteLevelEncode(w);
            const auto cps = text::decodeUtf8(spelled);
            std::string current;
            text::appendUtf8(current, cps[0]);
            for (size_t i = 1; i < cps.size(); ++i) {
                std::string next;
                text::appendUtf8(next, cps[i]);
                if (std::find(merges.begin(), merges.end(), std::pair{current, next}) == merges.end()) {
                    merges.emplace_back(current, next);
                    if (std::find(tokens.begin(), tokens.end(), current + next) == tokens.end())
                        tokens.push_back(current + next);
                }
                current += next;
            }
        }
    }
    int id(std::string_view raw) const {
        const auto it = std::find(tokens.begin(), tokens.end(), text::byteLevelEncode(raw));
        return it == tokens.end() ? -1 : int(it - tokens.begin());
    }
};

struct Options {
    std::string preTokenizer = splitThenByteLevel(kLlama3Regex);
    bool pairMerges = false;
    std::string modelType = "BPE";
    bool byteFallback = false;
    std::string extraPairMerge; // appended as ["<it>", "z"] (pair merges only)
};

std::string tokenizerJson(const Bpe& bpe, const Options& o) {
    std::string j = R"({"version":"1.0","truncation":null,"padding":null,"added_tokens":[)";
    j += R"({"id":600,"content":"<|begin_of_text|>","single_word":false,"lstrip":false,"rstrip":false,)"
         R"("normalized":false,"special":true},)";
    j += R"({"id":601,"content":"<|eot_id|>","single_word":false,"lstrip":false,"rstrip":false,)"
         R"("normalized":false,"special":true},)";
    j += R"({"id":602,"content":"<tool>","single_word":false,"lstrip":false,"rstrip":false,)"
         R"("normalized":true,"special":false},)";
    j += R"({"id":603,"content":"<|fim|>","single_word":false,"lstrip":false,"rstrip":false,)"
         R"("normalized":false,"special":false}],)";
    j += R"("normalizer":null,"pre_tokenizer":)" + o.preTokenizer + ",";
    j += R"("post_processor":{"type":"Sequence","processors":[{"type":"ByteLevel","add_prefix_space":true,)"
         R"("trim_offsets":false,"use_regex":true},{"type":"TemplateProcessing","single":[{"SpecialToken":)"
         R"({"id":"<|begin_of_text|>","type_id":0}},{"Sequence":{"id":"A","type_id":0}}],"pair":[],)"
         R"("special_tokens":{}}]},)";
    j += R"("decoder":{"type":"ByteLevel","add_prefix_space":true,"trim_offsets":true,"use_regex":true},)";
    j += R"("model":{"type":")" + o.modelType +
         R"(","dropout":null,"unk_token":null,)"
         R"("continuing_subword_prefix":null,"end_of_word_suffix":null,"fuse_unk":false,"byte_fallback":)" +
         std::string(o.byteFallback ? "true" : "false") + R"(,"ignore_merges":true,"vocab":{)";
    for (size_t i = 0; i < bpe.tokens.size(); ++i) {
        if (i) j += ',';
        j += jsonString(bpe.tokens[i]);
        j += ':';
        j += std::to_string(i);
    }
    j += R"(},"merges":[)";
    for (size_t i = 0; i < bpe.merges.size(); ++i) {
        const auto& [a, b] = bpe.merges[i];
        if (i) j += ',';
        if (o.pairMerges) {
            j += '[';
            j += jsonString(a);
            j += ',';
            j += jsonString(b);
            j += ']';
        } else {
            j += jsonString(a + " " + b);
        }
    }
    if (o.pairMerges && !o.extraPairMerge.empty()) j += ",[" + jsonString(o.extraPairMerge) + R"(,"z"])";
    j += "]}}";
    return j;
}

// The shared model's config and weights (32000 embedding rows) with our tokenizer files.
fs::path makeFolder(const QTemporaryDir& dir, const Bpe& bpe, const Options& o) {
    const fs::path folder = fs::path(dir.path().toStdString()) / "bpe-22m";
    fs::create_directories(folder);
    fs::copy_file(kHfFolder / "config.json", folder / "config.json");
    fs::create_symlink(kHfFolder / "model.safetensors", folder / "model.safetensors");
    std::ofstream(folder / "tokenizer.json", std::ios::binary) << tokenizerJson(bpe, o);
    std::ofstream(folder / "tokenizer_config.json", std::ios::binary)
        << R"({"bos_token":"<|begin_of_text|>","eos_token":"<|eot_id|>","chat_template":"{{ messages }}"})";
    return folder;
}

std::vector<std::string> tokenizerKeys(const gguf::Metadata& md) {
    std::vector<std::string> keys;
    for (const auto& e : md.entries())
        if (e.key.starts_with("tokenizer.")) keys.push_back(e.key);
    return keys;
}

int32_t typeAt(const gguf::Array& a, size_t i) {
    return int32_t(a.intAt(i).value_or(-1));
}

} // namespace

class TestHfTokenizerJson : public QObject {
    Q_OBJECT

private slots:
    void llama3FolderGivesLlamaCppKeys() {
        QTemporaryDir dir;
        const Bpe bpe;
        auto conv = hf::HfConversion::open(makeFolder(dir, bpe, {}));
        QVERIFY2(conv.ok(), conv.ok() ? "" : conv.error().message.c_str());
        const gguf::Metadata& md = conv->metadata();
        QCOMPARE(tokenizerKeys(md), (std::vector<std::string>{
                                        "tokenizer.ggml.model", "tokenizer.ggml.pre", "tokenizer.ggml.tokens",
                                        "tokenizer.ggml.token_type", "tokenizer.ggml.merges",
                                        "tokenizer.ggml.bos_token_id", "tokenizer.ggml.eos_token_id",
                                        "tokenizer.ggml.add_bos_token", "tokenizer.chat_template"}));
        QCOMPARE(md.getString("tokenizer.ggml.model").value_or(""), std::string("gpt2"));
        QCOMPARE(md.getString("tokenizer.ggml.pre").value_or(""), std::string("llama-bpe"));
        QCOMPARE(md.getUInt("tokenizer.ggml.bos_token_id").value_or(0), uint64_t(600));
        QCOMPARE(md.getUInt("tokenizer.ggml.eos_token_id").value_or(0), uint64_t(601));
        QCOMPARE(md.getBool("tokenizer.ggml.add_bos_token"), std::optional<bool>(true));
        QVERIFY(!md.find("tokenizer.ggml.scores"));

        const gguf::Array* tokens = md.getArray("tokenizer.ggml.tokens");
        const gguf::Array* types = md.getArray("tokenizer.ggml.token_type");
        QVERIFY(tokens && types);
        QCOMPARE(tokens->size(), size_t(32000)); // config.json's vocab_size
        QCOMPARE(types->size(), size_t(32000));
        for (size_t i = 0; i < bpe.tokens.size(); ++i) {
            QCOMPARE(tokens->stringAt(i), bpe.tokens[i]);
            QCOMPARE(typeAt(*types, i), 1); // normal
        }
        QCOMPARE(tokens->stringAt(65), std::string("A"));
        QCOMPARE(tokens->stringAt(' '), std::string("\xc4\xa0")); // 'Ġ'
        QCOMPARE(tokens->stringAt(500), std::string("[PAD500]"));
        QCOMPARE(typeAt(*types, 500), 5); // unused
        QCOMPARE(tokens->stringAt(31999), std::string("[PAD31999]"));
        QCOMPARE(tokens->stringAt(600), std::string("<|begin_of_text|>"));
        QCOMPARE(typeAt(*types, 600), 3); // control (special)
        QCOMPARE(typeAt(*types, 601), 3);
        QCOMPARE(tokens->stringAt(602), std::string("<tool>"));
        QCOMPARE(typeAt(*types, 602), 4); // user-defined (not special)
        QCOMPARE(typeAt(*types, 603), 3); // not special, but looks like a control token: <|...|>

        const gguf::Array* merges = md.getArray("tokenizer.ggml.merges");
        QVERIFY(merges);
        QCOMPARE(merges->size(), bpe.merges.size());
        QCOMPARE(merges->stringAt(0), std::string("H e"));
        QCOMPARE(merges->stringAt(4), std::string("\xc4\xa0 w")); // "Ġ w"

        // The converted vocabulary tokenizes as llama.cpp would.
        auto t = eval::Tokenizer::fromMetadata(md);
        QVERIFY2(t.ok(), t.ok() ? "" : t.error().message.c_str());
        QVERIFY(t->isBpe());
        QCOMPARE(t->tokenize("Hello world", true),
                 (std::vector<eval::Token>{600, bpe.id("Hello"), bpe.id(" world")}));
        QCOMPARE(t->tokenize("the 12345<tool>", false),
                 (std::vector<eval::Token>{bpe.id("the"), bpe.id(" "), bpe.id("123"), bpe.id("4"),
                                           bpe.id("5"), 602}));
        QCOMPARE(t->tokenize("<|eot_id|>", false, true), (std::vector<eval::Token>{601}));
        const std::string text = "Hello world, the tokenizer's\n\n\xf0\x9f\xa6\x99 123!";
        QCOMPARE(t->detokenize(t->tokenize(text, false)), text);
        // The written file opens in the engine with this vocabulary.
        const fs::path out = fs::path(dir.path().toStdString()) / "bpe.gguf";
        QVERIFY(conv->write(out).ok());
        auto model = eval::LlamaModel::open(out);
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message.c_str());
        QVERIFY((*model)->tokenizer().isBpe());
        QCOMPARE((*model)->tokenizer().tokenize("Hello world", true), t->tokenize("Hello world", true));
    }

    void pairMergesEqualStringMerges() {
        QTemporaryDir dirA, dirB;
        const Bpe bpe;
        Options pairs;
        pairs.pairMerges = true;
        pairs.extraPairMerge = "x y"; // a space inside a part is written as 'Ġ'
        auto a = hf::HfConversion::open(makeFolder(dirA, bpe, {}));
        auto b = hf::HfConversion::open(makeFolder(dirB, bpe, pairs));
        QVERIFY(a.ok() && b.ok());
        const gguf::Array* ma = a->metadata().getArray("tokenizer.ggml.merges");
        const gguf::Array* mb = b->metadata().getArray("tokenizer.ggml.merges");
        QVERIFY(ma && mb);
        QCOMPARE(mb->size(), ma->size() + 1);
        for (size_t i = 0; i < ma->size(); ++i)
            QCOMPARE(mb->stringAt(i), ma->stringAt(i));
        QCOMPARE(mb->stringAt(ma->size()), std::string("x\xc4\xa0y z"));
    }

    void preTokenizerNames_data() {
        QTest::addColumn<QString>("preTokenizer");
        QTest::addColumn<QString>("expected");
        QTest::newRow("llama3") << QString::fromStdString(splitThenByteLevel(kLlama3Regex)) << "llama-bpe";
        QTest::newRow("qwen2") << QString::fromStdString(splitThenByteLevel(kQwen2Regex)) << "qwen2";
        // Qwen/Qwen3.5-9B-Instruct (and Qwen3.6): \p{M} joins letter runs.
        QTest::newRow("qwen35")
            << QString::fromStdString(splitThenByteLevel(
                   R"re((?i:'s|'t|'re|'ve|'m|'ll|'d)|[^\r\n\p{L}\p{N}]?[\p{L}\p{M}]+|\p{N}| ?[^\s\p{L}\p{M}\p{N}]+[\r\n]*|\s*[\r\n]+|\s+(?!\S)|\s+)re"))
            << "qwen35";
        QTest::newRow("gpt2")
            << R"({"type":"ByteLevel","add_prefix_space":false,"trim_offsets":true,"use_regex":true})"
            << "gpt-2";
        // HuggingFaceTB/SmolLM2-135M (no clean_up_tokenization_spaces in tokenizer_config.json: smollm).
        QTest::newRow("smollm") << QString::fromStdString(
                                       sequenceJson({digitsJson(true), byteLevelJson(true)}))
                                << "smollm";
        // deepseek-ai/deepseek-llm-7b-base, DeepSeek-Coder-V2-Lite-Instruct.
        QTest::newRow("deepseek-llm")
            << QString::fromStdString(
                   sequenceJson({splitJson("[\r\n]"), splitJson(eval::kDeepseekLettersRegex),
                                 splitJson(eval::kDeepseekPunctuationRegex), splitJson("\\s+$"),
                                 splitJson(eval::kDeepseekCjkRegex), digitsJson(true), byteLevelJson(false)}))
            << "deepseek-llm";
        // deepseek-ai/deepseek-coder-6.7b-base.
        QTest::newRow("deepseek-coder")
            << QString::fromStdString(
                   sequenceJson({splitJson("[\r\n]"), splitJson(R"(\s?\p{L}+)"), splitJson(R"(\s?\p{P}+)"),
                                 splitJson(eval::kDeepseekCjkRegex), digitsJson(true), byteLevelJson(false)}))
            << "deepseek-coder";
        // deepseek-ai/DeepSeek-V3.
        QTest::newRow("deepseek-v3") << QString::fromStdString(sequenceJson(
                                            {splitJson(R"(\p{N}{1,3})"),
                                             splitJson("[\u4E00-\u9FA5\u3040-\u309F\u30A0-\u30FF]+"),
                                             splitJson(eval::kDeepseek3WordsRegex), byteLevelJson(false)}))
                                     << "deepseek-v3";
        // openai/gpt-oss-20b; MiniMaxAI/MiniMax-M2 keeps the matches with Removed + invert.
        QTest::newRow("o200k") << QString::fromStdString(splitThenByteLevel(kO200kRegex)) << "gpt-4o";
        QTest::newRow("minimax") << QString::fromStdString(sequenceJson(
                                        {splitJson(kO200kRegex, "Removed", true), byteLevelJson(false)}))
                                 << "minimax-m2";
    }
    void preTokenizerNames() {
        QFETCH(QString, preTokenizer);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        Options o;
        o.preTokenizer = preTokenizer.toStdString();
        auto conv = hf::HfConversion::open(makeFolder(dir, Bpe(), o));
        QVERIFY2(conv.ok(), conv.ok() ? "" : conv.error().message.c_str());
        QCOMPARE(QString::fromStdString(conv->metadata().getString("tokenizer.ggml.pre").value_or("")),
                 expected);
        QVERIFY(eval::Tokenizer::fromMetadata(conv->metadata()).ok());
    }

    void unsupportedTokenizersAreRefused_data() {
        QTest::addColumn<QString>("preTokenizer");
        QTest::addColumn<QString>("modelType");
        QTest::addColumn<bool>("byteFallback");
        QTest::addColumn<QString>("expected");
        const QString llama3 = QString::fromStdString(splitThenByteLevel(kLlama3Regex));
        QTest::newRow("grouped digits then byte level")
            << R"({"type":"Sequence","pretokenizers":[{"type":"Digits","individual_digits":false},)"
               R"({"type":"ByteLevel","add_prefix_space":false,"trim_offsets":true,"use_regex":true}]})"
            << "BPE" << false << "pre-tokenizer Sequence[Digits, ByteLevel(regex)] is not supported yet";
        QTest::newRow("deepseek chain missing a link")
            << QString::fromStdString(sequenceJson(
                   {splitJson("[\r\n]"), splitJson(R"(\s?\p{L}+)"), digitsJson(true), byteLevelJson(false)}))
            << "BPE" << false << "is not supported yet";
        QTest::newRow("other regex")
            << QString::fromStdString(splitThenByteLevel(R"(\p{N}{1,4}| ?\p{L}+)")) << "BPE" << false
            << R"(pre-tokenizer Sequence[Split("\p{N}{1,4}| ?\p{L}+"), ByteLevel] is not supported yet)";
        QTest::newRow("byte level with prefix space")
            << R"({"type":"ByteLevel","add_prefix_space":true,"use_regex":true})"
            << "BPE" << false << "pre-tokenizer ByteLevel(regex) is not supported yet";
        QTest::newRow("metaspace") << R"({"type":"Metaspace","replacement":"▁"})"
                                   << "BPE" << false << "pre-tokenizer Metaspace is not supported yet";
        QTest::newRow("wordpiece") << llama3 << "WordPiece" << false
                                   << "tokenizer model \"WordPiece\" is not supported yet";
        QTest::newRow("byte fallback") << llama3 << "BPE" << true << "byte fallback";
    }
    void unsupportedTokenizersAreRefused() {
        QFETCH(QString, preTokenizer);
        QFETCH(QString, modelType);
        QFETCH(bool, byteFallback);
        QFETCH(QString, expected);
        QTemporaryDir dir;
        Options o;
        o.preTokenizer = preTokenizer.toStdString();
        o.modelType = modelType.toStdString();
        o.byteFallback = byteFallback;
        auto conv = hf::HfConversion::open(makeFolder(dir, Bpe(), o));
        QVERIFY(!conv.ok());
        QVERIFY2(QString::fromStdString(conv.error().message).contains(expected),
                 conv.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestHfTokenizerJson)
#include "test_hf_tokenizer_json.moc"
