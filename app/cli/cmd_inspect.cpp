#include <cstdio>

#include <fmt/format.h>

#include "cli/cli_args.h"
#include "cli/commands.h"
#include "qf/json_writer.h"
#include "qf/model_summary.h"

namespace qf::cli {
namespace {

constexpr const char* kUsage = "usage: quantforge-cli inspect FILE [--json] [--metadata]\n"
                               "  Prints the model card and the tensor table of a GGUF file (or split model).\n"
                               "  --json      machine-readable output\n"
                               "  --metadata  also list every metadata key\n";

std::string shapeText(const std::vector<uint64_t>& shape) {
    std::string s;
    for (size_t i = 0; i < shape.size(); ++i) s += (i ? " x " : "") + fmt::format("{}", shape[i]);
    return s;
}

template <class T>
std::string optionalText(const std::optional<T>& v) {
    return v ? fmt::format("{}", *v) : std::string("-");
}

void printText(const gguf::GgufFile& file, const ModelSummary& s, bool withMetadata) {
    fmt::print("{}\n", file.path().string());
    fmt::print("  name            {}\n", s.name);
    fmt::print("  architecture    {}\n", s.architecture.empty() ? "-" : s.architecture);
    fmt::print("  parameters      {} ({:.1f} M)\n", s.parameterCount, double(s.parameterCount) / 1e6);
    fmt::print("  layers          {}\n", optionalText(s.layers));
    fmt::print("  embedding       {}\n", optionalText(s.embeddingLength));
    fmt::print("  feed-forward    {}\n", optionalText(s.feedForwardLength));
    fmt::print("  heads / KV      {} / {}\n", optionalText(s.headCount), optionalText(s.headCountKv));
    if (s.expertCount) fmt::print("  experts         {}\n", *s.expertCount);
    fmt::print("  context         {}\n", optionalText(s.contextLength));
    fmt::print("  vocabulary      {} ({})\n", s.vocabularySize, s.tokenizerModel.empty() ? "no tokenizer" : s.tokenizerModel);
    fmt::print("  file type       {}\n", s.fileTypeName.empty() ? "-" : s.fileTypeName);
    fmt::print("  size            {} ({} bytes{})\n", humanBytes(s.fileBytes), s.fileBytes,
               s.shardCount > 1 ? fmt::format(", {} parts", s.shardCount) : "");
    fmt::print("  bits per weight {:.2f}\n", s.bitsPerWeight);
    fmt::print("  GGUF version    {}, {} tensors, {} metadata keys\n", s.ggufVersion, s.tensorCount,
               file.metadata().size());
    for (const auto& [type, totals] : s.perType)
        fmt::print("    {:<8} {:>4} tensors {:>14} bytes\n", ggmlTypeName(type), totals.tensors, totals.bytes);
    if (withMetadata) {
        fmt::print("\nmetadata\n");
        for (const auto& e : file.metadata().entries())
            fmt::print("  {:<40} {:<6} {}\n", e.key, gguf::valueTypeName(e.value.type()), e.value.toDisplayString());
    }
    fmt::print("\n  {:<40} {:<24} {:<8} {:>12}\n", "tensor", "shape", "type", "bytes");
    for (const auto& t : file.tensors())
        fmt::print("  {:<40} {:<24} {:<8} {:>12}\n", t.name, shapeText(t.shape), ggmlTypeName(t.type), t.byteSize);
}

void printJson(const gguf::GgufFile& file, const ModelSummary& s, bool withMetadata) {
    JsonWriter j;
    j.beginObject();
    j.field("file", file.path().string());
    j.field("name", s.name).field("architecture", s.architecture);
    j.field("parameters", s.parameterCount);
    auto opt = [&](const char* k, const std::optional<uint64_t>& v) {
        j.key(k);
        v ? j.value(*v) : j.null();
    };
    opt("layers", s.layers);
    opt("embedding_length", s.embeddingLength);
    opt("feed_forward_length", s.feedForwardLength);
    opt("head_count", s.headCount);
    opt("head_count_kv", s.headCountKv);
    opt("context_length", s.contextLength);
    opt("expert_count", s.expertCount);
    j.field("vocabulary_size", s.vocabularySize).field("tokenizer", s.tokenizerModel);
    j.key("file_type");
    s.fileType ? j.value(uint64_t(*s.fileType)) : j.null();
    j.field("file_type_name", s.fileTypeName);
    j.field("file_bytes", s.fileBytes).field("tensor_bytes", s.tensorBytes).field("bits_per_weight", s.bitsPerWeight);
    j.field("gguf_version", uint64_t(s.ggufVersion)).field("parts", uint64_t(s.shardCount));
    j.key("types").beginObject();
    for (const auto& [type, totals] : s.perType) {
        j.key(ggmlTypeName(type)).beginObject();
        j.field("tensors", totals.tensors).field("elements", totals.elements).field("bytes", totals.bytes);
        j.endObject();
    }
    j.endObject();
    if (withMetadata) {
        j.key("metadata").beginObject();
        for (const auto& e : file.metadata().entries()) j.field(e.key, e.value.toDisplayString(16, 4096));
        j.endObject();
    }
    j.key("tensors").beginArray();
    for (const auto& t : file.tensors()) {
        j.beginObject().field("name", t.name).key("shape").beginArray();
        for (auto d : t.shape) j.value(d);
        j.endArray().field("type", ggmlTypeName(t.type)).field("bytes", t.byteSize).endObject();
    }
    j.endArray().endObject();
    fmt::print("{}\n", j.str());
}

} // namespace

int runInspect(const std::vector<std::string>& argv) {
    auto args = Args::parse(argv, {.flags = {"--json", "--metadata", "--help"}});
    if (!args || args->has("--help") || args->positional().size() != 1) {
        if (!args) fmt::print(stderr, "quantforge-cli inspect: {}\n", args.error().message);
        fmt::print(stderr, "{}", kUsage);
        return args && args->has("--help") ? 0 : 2;
    }
    auto file = gguf::GgufFile::open(args->positional()[0]);
    if (!file) {
        fmt::print(stderr, "error: {}\n", file.error().message);
        return 1;
    }
    const auto summary = summarize(*file);
    if (args->has("--json")) printJson(*file, summary, args->has("--metadata"));
    else printText(*file, summary, args->has("--metadata"));
    return 0;
}

} // namespace qf::cli
