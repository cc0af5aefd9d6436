// The converters' output type: names, and `--outtype auto` resolved as llama.cpp's converters do it.
#include <algorithm>
#include <string>
#include <string_view>
#include <vector>

#include "hf_out_type.h"
#include "qf/hf/hf_convert.h"

namespace qf::hf {

namespace detail {

// The tensors of other modalities that llama.cpp's text-model converter drops on reading
// (TextModel.filter_tensors), so they never decide `--outtype auto`.
bool isMultimodalTensorName(std::string_view name) {
    for (std::string_view prefix : {"mlp", "vit.", "vpm.", "siglip2.", "conformer.", "merger.", "resampler.",
                                    "sound_encoder.", "sound_projection.", "speech_embeddings."})
        if (name.starts_with(prefix)) return true;
    for (std::string_view part :
         {"visual.", "vision.", "audio.", "talker.", "vision_", "audio_", "token2wav.", "code2wav.",
          "projector.", "pre_mm_projector_norm", "image_newline", "view_seperator", "patch_embed",
          "patch_embedding", "patch_merger.", "patch_merge_mlp.", "model.connector."})
        if (name.find(part) != std::string_view::npos) return true;
    return false;
}

} // namespace detail

std::optional<OutType> parseOutType(std::string_view text) {
    if (text == "f32") return OutType::F32;
    if (text == "f16") return OutType::F16;
    if (text == "bf16") return OutType::BF16;
    if (text == "auto") return OutType::Auto;
    return std::nullopt;
}

std::string_view outTypeName(OutType type) {
    switch (type) {
    case OutType::F32:
        return "f32";
    case OutType::F16:
        return "f16";
    case OutType::BF16:
        return "bf16";
    case OutType::Auto:
        return "auto";
    }
    return "?";
}

OutType autoOutType(const SafetensorsModel& weights, bool (*skip)(std::string_view name)) {
    // llama.cpp (ModelBase.__init__, ftype GUESSED) walks its tensor index: the shards in sorted file-name
    // order, each shard's tensors sorted by name (gguf-py's SafetensorsLocal), without those its
    // filter_tensors drops. Tensors of fewer than 2 dimensions are passed over, and so is any 2-D tensor
    // neither BF16 nor F16 (the loop only breaks on those two).
    const auto& all = weights.tensors();
    const auto& shards = weights.shardPaths();
    std::vector<size_t> order(all.size());
    for (size_t i = 0; i < order.size(); ++i)
        order[i] = i;
    auto shardName = [&](const SafetensorInfo& t) {
        return t.shard < shards.size() ? shards[t.shard].filename().string() : std::string();
    };
    std::sort(order.begin(), order.end(), [&](size_t a, size_t b) {
        const std::string sa = shardName(all[a]), sb = shardName(all[b]);
        if (sa != sb) return sa < sb;
        return all[a].name < all[b].name;
    });
    for (size_t i : order) {
        const SafetensorInfo& t = all[i];
        if (t.shape.size() < 2 || (skip && skip(t.name))) continue;
        if (t.dtype == StDtype::BF16) return OutType::BF16;
        if (t.dtype == StDtype::F16) return OutType::F16;
    }
    return OutType::F16;
}

} // namespace qf::hf
