#pragma once
// Internal to the Hugging Face converter: the tokenizer part of the metadata, and the model-name
// heuristics llama.cpp applies to a folder name.
#include <filesystem>
#include <string>
#include <string_view>

#include "qf/eval/tokenizer.h"
#include "qf/gguf/value.h"
#include "qf/json_reader.h"
#include "qf/result.h"

namespace qf::hf::detail {

// Every occurrence of `from` replaced by `to`, left to right (tokenizer texts, tensor names).
std::string replaceAll(std::string text, std::string_view from, std::string_view to);

// A tokenizer.ggml.token_type value (llama.cpp's llama_token_type, as the engine reads it).
constexpr int32_t tokenType(eval::TokenType type) {
    return static_cast<int32_t>(type);
}

// Appends tokenizer.* keys in llama.cpp's order: model, pre, tokens, scores, token_type, the special
// token ids, add_*_token flags, chat template, add_space_prefix. A folder with tokenizer.json but no
// tokenizer.model goes to addTokenizerJsonVocab.
Status addSentencePieceVocab(gguf::Metadata& metadata, const std::filesystem::path& folder,
                             const JsonValue& config);

// A byte-level BPE tokenizer.json (Llama 3, Qwen2, GPT-2 style), as llama.cpp's _set_vocab_gpt2: model
// "gpt2", pre (recognised from the pre-tokenizer's regex), tokens, token_type, merges, then as
// addSpecialVocab.
Status addTokenizerJsonVocab(gguf::Metadata& metadata, const std::filesystem::path& folder,
                             const JsonValue& config);

// gguf-py's SpecialVocab without merges: special token ids (bos, eos, unk, sep, pad, cls, mask) from
// tokenizer.json's added tokens by tokenizer_config.json's texts, then config.json's *_token_id;
// add_*_token flags (tokenizer.json's post-processor, then tokenizer_config.json); the chat template.
// tokenizerConfig / tokenizerJson: the parsed files, nullptr when the folder has none.
Status addSpecialVocab(gguf::Metadata& metadata, const std::filesystem::path& folder, const JsonValue& config,
                       const JsonValue* tokenizerConfig, const JsonValue* tokenizerJson, uint64_t vocabSize);

struct NameParts {
    std::string finetune;
    std::string basename;
    std::string sizeLabel;
};
// "qf-books-22m-hf" -> basename "qf-books", size label "22M", finetune "hf".
NameParts splitModelName(const std::string& name);
// gguf-py's Metadata.id_to_title: "qf-books-22m-hf" -> "Qf Books 22m Hf" (the default general.name).
std::string idToTitle(const std::string& id);

} // namespace qf::hf::detail
