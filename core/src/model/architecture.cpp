#include "qf/model/architecture.h"

#include <array>

namespace qf::model {
namespace {

constexpr ArchitectureInfo llamaLike(std::string_view name) {
    ArchitectureInfo a;
    a.name = name;
    a.evaluable = true;
    a.allowsExperts = true; // Mixtral is stored as llama with experts
    return a;
}

constexpr ArchitectureInfo qwen2() {
    ArchitectureInfo a;
    a.name = "qwen2";
    a.evaluable = true;
    a.rope = RopeKind::Neox;
    return a;
}

constexpr ArchitectureInfo qwen3(bool moe) {
    ArchitectureInfo a;
    a.name = moe ? "qwen3moe" : "qwen3";
    a.evaluable = true;
    a.rope = RopeKind::Neox;
    a.queryKeyNorm = true;
    a.allowsExperts = moe;
    a.requiresExperts = moe;
    return a;
}

constexpr ArchitectureInfo gemma(int version) {
    ArchitectureInfo a;
    a.name = version == 2 ? "gemma2" : "gemma3";
    a.evaluable = true;
    a.rope = RopeKind::Neox;
    a.activation = Activation::GeluTanh;
    a.postNorms = true;
    a.scaleEmbedding = true;
    a.scaleQueryBeforeAttention = true;
    a.queryKeyNorm = version == 3;
    a.defaultSwaPattern = version == 2 ? 2 : 6;
    a.defaultSlidingWindow = version == 2 ? 4096 : 0;
    a.swaFromMetadata = version == 3;
    a.swaRopeBaseFromTrain = version == 2;
    a.attentionSoftcap = version == 2;
    return a;
}

constexpr ArchitectureInfo phi3() {
    ArchitectureInfo a;
    a.name = "phi3";
    a.evaluable = true;
    a.rope = RopeKind::Neox;
    a.scaleQueryBeforeAttention = true;
    a.fusedQkv = true;
    a.fusedGateUp = true;
    return a;
}

constexpr ArchitectureInfo gptOss() {
    ArchitectureInfo a;
    a.name = "gpt-oss";
    a.evaluable = true;
    a.rope = RopeKind::Neox;
    a.activation = Activation::SwigluOai;
    a.attentionSinks = true;
    a.ffnNormName = "post_attention_norm";
    a.defaultGating = ExpertGating::SoftmaxWeight;
    a.defaultExpertWeightsNorm = false;
    a.defaultSwaPattern = 2;
    a.swaRopeBaseFromTrain = true;
    a.allowsExperts = true;
    a.requiresExperts = true;
    return a;
}

constexpr ArchitectureInfo deepseek2() {
    ArchitectureInfo a;
    a.name = "deepseek2";
    a.evaluable = true;
    a.latentAttention = true;
    a.defaultExpertWeightsNorm = false;
    a.allowsExperts = true;
    a.requiresExperts = true;
    return a;
}

constexpr std::array kArchitectures = {
    llamaLike("llama"),
    llamaLike("mistral"),
    qwen2(),
    qwen3(false),
    qwen3(true),
    gemma(2),
    gemma(3),
    phi3(),
    deepseek2(),
    gptOss(),
};

} // namespace

const ArchitectureInfo* findArchitecture(std::string_view name) {
    for (const ArchitectureInfo& a : kArchitectures)
        if (a.name == name) return &a;
    return nullptr;
}

std::span<const ArchitectureInfo> architectures() {
    return kArchitectures;
}

std::string_view whyNotEvaluable(std::string_view name) {
    const ArchitectureInfo* a = findArchitecture(name);
    if (!a) return "the evaluation engine does not know this architecture's graph";
    return a->evaluable ? std::string_view() : a->notEvaluableWhy;
}

} // namespace qf::model
