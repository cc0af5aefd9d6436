// libFuzzer entry point for the tokenizers on hostile text (prompts and evaluation texts are anyone's):
// a byte-level BPE vocabulary with every pre-tokenizer llama.cpp names for it, and special tokens. Any
// input must tokenize without a crash or a hang, and valid UTF-8 must come back unchanged from
// detokenize(tokenize(text)) - the byte-level round trip is exact.
#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "qf/eval/tokenizer.h"
#include "qf/gguf/value.h"
#include "qf/text/unicode.h"

namespace {

using namespace qf;

// Ids 0..255: the byte-level characters; then a few merges that real vocabularies have, and specials.
gguf::Metadata vocabulary(const char* pre) {
    std::vector<std::string> tokens;
    std::vector<int32_t> types;
    for (int b = 0; b < 256; ++b) {
        std::string s;
        text::appendUtf8(s, text::byteToCodepoint(uint8_t(b)));
        tokens.push_back(s);
        types.push_back(1);
    }
    std::vector<std::string> merges;
    auto merge = [&](std::string_view a, std::string_view b) {
        const std::string left = text::byteLevelEncode(a), right = text::byteLevelEncode(b);
        merges.push_back(left + " " + right);
        tokens.push_back(left + right);
        types.push_back(1);
    };
    merge(" ", "t");
    merge(" t", "h");
    merge(" th", "e");
    merge("i", "n");
    merge("1", "2");
    merge("\n", "\n");
    merge("'", "s");
    for (const char* special : {"<|begin_of_text|>", "<|end_of_text|>", "<|eot_id|>"}) {
        tokens.push_back(special);
        types.push_back(3); // control
    }
    gguf::Metadata md;
    md.set("tokenizer.ggml.model", gguf::Value::string("gpt2"));
    md.set("tokenizer.ggml.pre", gguf::Value::string(pre));
    md.set("tokenizer.ggml.tokens", gguf::Value::array(gguf::Array::ofStrings(tokens)));
    md.set("tokenizer.ggml.token_type", gguf::Value::array(gguf::Array::of(gguf::ValueType::Int32, types)));
    md.set("tokenizer.ggml.merges", gguf::Value::array(gguf::Array::ofStrings(merges)));
    md.set("tokenizer.ggml.bos_token_id", gguf::Value::u32(uint32_t(tokens.size() - 3)));
    md.set("tokenizer.ggml.eos_token_id", gguf::Value::u32(uint32_t(tokens.size() - 2)));
    return md;
}

const std::vector<eval::Tokenizer>& tokenizers() {
    static const std::vector<eval::Tokenizer> all = [] {
        std::vector<eval::Tokenizer> out;
        for (const char* pre : {"llama-bpe", "qwen2", "gpt-2", "default", "starcoder", "falcon",
                                "deepseek-llm", "deepseek-coder", "deepseek-v3", "gpt-4o"}) {
            auto t = eval::Tokenizer::fromMetadata(vocabulary(pre));
            if (!t) std::abort();
            out.push_back(std::move(*t));
        }
        return out;
    }();
    return all;
}

bool validUtf8(std::string_view s) {
    size_t i = 0;
    while (i < s.size()) {
        const auto c = uint8_t(s[i]);
        size_t n = c < 0x80 ? 1 : (c >> 5) == 6 ? 2 : (c >> 4) == 14 ? 3 : (c >> 3) == 30 ? 4 : 0;
        if (n == 0 || i + n > s.size()) return false;
        uint32_t cp = n == 1 ? c : c & (0x7F >> n);
        for (size_t k = 1; k < n; ++k) {
            const auto d = uint8_t(s[i + k]);
            if ((d >> 6) != 2) return false;
            cp = (cp << 6) | (d & 0x3F);
        }
        if ((n == 2 && cp < 0x80) || (n == 3 && cp < 0x800) || (n == 4 && (cp < 0x10000 || cp > 0x10FFFF)) ||
            (cp >= 0xD800 && cp <= 0xDFFF))
            return false;
        i += n;
    }
    return true;
}

} // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
    if (size == 0) return 0;
    const auto& all = tokenizers();
    const eval::Tokenizer& tokenizer = all[data[0] % all.size()];
    const bool parseSpecial = (data[0] & 0x80) != 0;
    const std::string_view text(reinterpret_cast<const char*>(data + 1), size - 1);
    const auto tokens = tokenizer.tokenize(text, false, parseSpecial);
    const std::string back = tokenizer.detokenize(tokens);
    if (!parseSpecial && validUtf8(text) && back != text) std::abort();
    return 0;
}
