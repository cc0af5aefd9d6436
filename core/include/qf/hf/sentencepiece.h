#pragma once
// The vocabulary of a SentencePiece model file (tokenizer.model): a protobuf ModelProto, read here
// without protobuf. Only the pieces (text, score, type) are used; other fields are skipped. The bytes
// are hostile input: every length and tag is checked against what remains.
#include <cstdint>
#include <filesystem>
#include <span>
#include <string>
#include <vector>

#include "qf/result.h"

namespace qf::hf {

// sentencepiece::ModelProto::SentencePiece::Type
enum class PieceType : int32_t {
    Normal = 1,
    Unknown = 2,
    Control = 3,
    UserDefined = 4,
    Unused = 5,
    Byte = 6
};

struct SentencePiece {
    std::string text;
    float score = 0.0f;
    PieceType type = PieceType::Normal;
};

Result<std::vector<SentencePiece>> parseSentencePieceModel(std::span<const uint8_t> bytes,
                                                           const std::string& fileName);
Result<std::vector<SentencePiece>> readSentencePieceModel(const std::filesystem::path& path);

} // namespace qf::hf
