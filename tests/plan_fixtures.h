#pragma once
// Inputs for plan tests: the reference digests (../shared/reference/quants/*.json) as tensor tables and
// metadata, and small synthetic llama models with the shapes a test needs.
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <filesystem>
#include <string>
#include <vector>

#include "qf/gguf/gguf_file.h"
#include "qf/gguf/value.h"

namespace qf::test {

struct ReferenceDigest {
    uint64_t fileSize = 0;
    gguf::Metadata metadata; // scalars only: the digests leave out arrays (the vocabulary)
    std::vector<gguf::TensorInfo> tensors;
};

inline gguf::Value valueFromJson(const QJsonValue& v) {
    if (v.isBool()) return gguf::Value::boolean(v.toBool());
    if (v.isString()) return gguf::Value::string(v.toString().toStdString());
    const double d = v.toDouble();
    if (d == double(int64_t(d)) && d >= 0 && d <= double(UINT32_MAX)) return gguf::Value::u32(uint32_t(d));
    if (d == double(int64_t(d))) return gguf::Value::i32(int32_t(d));
    return gguf::Value::f32(float(d));
}

// The metadata keys of a digest in file order (QJsonObject loses it, so the raw text is scanned).
inline std::vector<std::string> digestKeyOrder(const std::filesystem::path& path) {
    QFile f(QString::fromStdString(path.string()));
    if (!f.open(QIODevice::ReadOnly)) return {};
    const QByteArray text = f.readAll();
    const int start = text.indexOf("\"metadata\"");
    const int end = text.indexOf("\"tensors\"");
    std::vector<std::string> keys;
    for (int at = text.indexOf('"', start + 11); at >= 0 && at < end; at = text.indexOf('"', at + 1)) {
        const int close = text.indexOf('"', at + 1);
        const int colon = text.indexOf(':', close);
        if (close < 0 || colon != close + 1) break;
        keys.push_back(text.mid(at + 1, close - at - 1).toStdString());
        // skip the value: strings contain no quotes in these digests
        const int next = text.indexOf('\n', colon);
        at = next;
    }
    return keys;
}

inline ReferenceDigest readDigest(const std::filesystem::path& path) {
    ReferenceDigest digest;
    QFile f(QString::fromStdString(path.string()));
    if (!f.open(QIODevice::ReadOnly)) return digest;
    const QJsonObject root = QJsonDocument::fromJson(f.readAll()).object();
    digest.fileSize = uint64_t(root.value(QStringLiteral("file_size")).toDouble());
    const QJsonObject md = root.value(QStringLiteral("metadata")).toObject();
    // QJsonObject sorts its keys, so the file's order is taken from the text.
    for (const std::string& key : digestKeyOrder(path))
        digest.metadata.set(key, valueFromJson(md.value(QString::fromStdString(key))));
    for (const QJsonValue& tv : root.value(QStringLiteral("tensors")).toArray()) {
        const QJsonObject t = tv.toObject();
        gguf::TensorInfo info;
        info.name = t.value(QStringLiteral("name")).toString().toStdString();
        info.type = *ggmlTypeFromName(t.value(QStringLiteral("type")).toString().toStdString());
        for (const QJsonValue& d : t.value(QStringLiteral("shape")).toArray())
            info.shape.push_back(uint64_t(d.toDouble()));
        info.byteSize = uint64_t(t.value(QStringLiteral("bytes")).toDouble());
        digest.tensors.push_back(std::move(info));
    }
    return digest;
}

struct SyntheticModel {
    gguf::Metadata metadata;
    std::vector<gguf::TensorInfo> tensors;
};

struct ModelShape {
    uint32_t layers = 8;
    uint64_t embd = 256;
    uint64_t ff = 768;
    uint32_t heads = 8;
    uint32_t headsKv = 8;
    uint64_t vocab = 1000;
    uint32_t experts = 0; // 0: dense FFN; else 3-D ffn_*_exps tensors and a router
    bool tied = false;    // no output.weight: token_embd doubles as the output projection
    GgmlType weightType = GgmlType::F16;
    std::string architecture = "llama";
};

inline SyntheticModel makeModel(const ModelShape& s) {
    SyntheticModel m;
    const std::string& a = s.architecture;
    m.metadata.set("general.architecture", gguf::Value::string(a));
    m.metadata.set(a + ".block_count", gguf::Value::u32(s.layers));
    m.metadata.set(a + ".embedding_length", gguf::Value::u32(uint32_t(s.embd)));
    m.metadata.set(a + ".attention.head_count", gguf::Value::u32(s.heads));
    m.metadata.set(a + ".attention.head_count_kv", gguf::Value::u32(s.headsKv));
    if (s.experts) m.metadata.set(a + ".expert_count", gguf::Value::u32(s.experts));
    m.metadata.set("general.file_type", gguf::Value::u32(1));
    auto add = [&](std::string name, std::vector<uint64_t> shape, GgmlType type) {
        gguf::TensorInfo t;
        t.name = std::move(name);
        t.shape = std::move(shape);
        t.type = type;
        m.tensors.push_back(std::move(t));
    };
    const uint64_t kvDim = s.embd / s.heads * s.headsKv;
    add("token_embd.weight", {s.embd, s.vocab}, s.weightType);
    for (uint32_t i = 0; i < s.layers; ++i) {
        const std::string p = "blk." + std::to_string(i) + ".";
        add(p + "attn_norm.weight", {s.embd}, GgmlType::F32);
        add(p + "attn_q.weight", {s.embd, s.embd}, s.weightType);
        add(p + "attn_k.weight", {s.embd, kvDim}, s.weightType);
        add(p + "attn_v.weight", {s.embd, kvDim}, s.weightType);
        add(p + "attn_output.weight", {s.embd, s.embd}, s.weightType);
        add(p + "ffn_norm.weight", {s.embd}, GgmlType::F32);
        if (s.experts) {
            add(p + "ffn_gate_inp.weight", {s.embd, s.experts}, GgmlType::F32);
            add(p + "ffn_gate_exps.weight", {s.embd, s.ff, s.experts}, s.weightType);
            add(p + "ffn_up_exps.weight", {s.embd, s.ff, s.experts}, s.weightType);
            add(p + "ffn_down_exps.weight", {s.ff, s.embd, s.experts}, s.weightType);
        } else {
            add(p + "ffn_gate.weight", {s.embd, s.ff}, s.weightType);
            add(p + "ffn_up.weight", {s.embd, s.ff}, s.weightType);
            add(p + "ffn_down.weight", {s.ff, s.embd}, s.weightType);
        }
    }
    add("output_norm.weight", {s.embd}, GgmlType::F32);
    if (!s.tied) add("output.weight", {s.embd, s.vocab}, s.weightType);
    return m;
}

// Llama-2-7B: 32 layers, 4096 wide, 32 heads without grouped-query attention, 11008 feed-forward.
inline SyntheticModel llama7B() {
    ModelShape s;
    s.layers = 32;
    s.embd = 4096;
    s.ff = 11008;
    s.heads = 32;
    s.headsKv = 32;
    s.vocab = 32000;
    auto m = makeModel(s);
    m.metadata.set("llama.feed_forward_length", gguf::Value::u32(11008));
    m.metadata.set("llama.context_length", gguf::Value::u32(4096));
    return m;
}

} // namespace qf::test
