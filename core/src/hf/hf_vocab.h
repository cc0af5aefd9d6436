#pragma once
// Internal to the Hugging Face converter: the tokenizer part of the metadata, and the model-name
// heuristics llama.cpp applies to a folder name.
#include <filesystem>
#include <string>

#include "qf/gguf/value.h"
#include "qf/json_reader.h"
#include "qf/result.h"

namespace qf::hf::detail {

// Appends tokenizer.* keys in llama.cpp's order: model, pre, tokens, scores, token_type, the special
// token ids, add_*_token flags, chat template, add_space_prefix.
Status addSentencePieceVocab(gguf::Metadata& metadata, const std::filesystem::path& folder,
                             const JsonValue& config);

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
