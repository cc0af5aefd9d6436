#include "qf/gguf/gguf_split_writer.h"

#include <fmt/format.h>

#include <algorithm>
#include <charconv>

namespace qf::gguf {

Result<uint64_t> parseSplitSize(std::string_view text) {
    auto bad = [&] {
        return makeError(
            "split size '{}' is not a number followed by M or G (megabytes or gigabytes of 10^6 and "
            "10^9 bytes, as gguf-split), e.g. 50G",
            text);
    };
    if (text.size() < 2) return bad();
    const char unit = text.back();
    const uint64_t scale = unit == 'M' ? 1000ull * 1000 : unit == 'G' ? 1000ull * 1000 * 1000 : 0;
    if (!scale) return bad();
    uint64_t n = 0;
    const auto digits = text.substr(0, text.size() - 1);
    const auto [end, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
    if (ec != std::errc() || end != digits.data() + digits.size() || n == 0 || n > (1ull << 40)) return bad();
    return n * scale;
}

std::filesystem::path splitShardPath(const std::filesystem::path& output, int index, int count) {
    std::string stem = output.filename().string();
    if (stem.size() > 5 && stem.ends_with(".gguf")) stem.resize(stem.size() - 5);
    return output.parent_path() / fmt::format("{}-{:05d}-of-{:05d}.gguf", stem, index + 1, count);
}

Result<std::vector<int>> planSplit(const WriteParams& params, const SplitOptions& split) {
    std::vector<int> shardOf(params.tensors.size(), 0);
    int shard = 0;
    size_t inShard = 0;
    uint64_t shardBytes = 0;
    for (size_t i = 0; i < params.tensors.size(); ++i) {
        auto size = tensorByteSize(params.tensors[i]);
        if (!size) return size.error();
        const uint64_t padded = (*size + 31) / 32 * 32; // gguf-split counts GGUF_DEFAULT_ALIGNMENT
        const bool full = split.maxBytes ? shardBytes + padded > split.maxBytes
                                         : split.maxTensors && i > 0 && i % split.maxTensors == 0;
        if (full) {
            if (inShard == 0)
                return makeError("tensor {} ({} bytes) alone is larger than the split size of {} bytes",
                                 params.tensors[i].name, *size, split.maxBytes);
            ++shard;
            inShard = 0;
            shardBytes = 0;
        }
        shardOf[i] = shard;
        ++inShard;
        shardBytes += padded;
    }
    if (shard + 1 > 65535) return makeError("{} shards are more than a split model can have", shard + 1);
    return shardOf;
}

Result<std::vector<std::filesystem::path>> splitOutputPaths(const WriteParams& params, const SplitOptions& split) {
    if (!split.enabled()) return std::vector<std::filesystem::path>{params.output};
    auto shardOf = planSplit(params, split);
    if (!shardOf) return shardOf.error();
    const int count = shardOf->empty() ? 1 : shardOf->back() + 1;
    std::vector<std::filesystem::path> paths;
    for (int s = 0; s < count; ++s) paths.push_back(splitShardPath(params.output, s, count));
    return paths;
}

std::vector<std::filesystem::path> existingSplitShards(const std::filesystem::path& output) {
    std::string stem = output.filename().string();
    if (stem.size() > 5 && stem.ends_with(".gguf")) stem.resize(stem.size() - 5);
    std::vector<std::filesystem::path> found;
    std::error_code ec;
    const std::filesystem::path dir = output.parent_path().empty() ? "." : output.parent_path();
    for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) {
        const std::string name = it->path().filename().string();
        // "<stem>-00001-of-00003.gguf": the stem, then 20 characters.
        if (name.size() != stem.size() + 20 || !name.starts_with(stem) || !name.ends_with(".gguf")) continue;
        const std::string_view tail = std::string_view(name).substr(stem.size(), 15); // "-00001-of-00003"
        bool shaped = tail[0] == '-' && tail.substr(6, 4) == "-of-";
        for (size_t i : {1, 2, 3, 4, 5, 10, 11, 12, 13, 14}) shaped = shaped && tail[i] >= '0' && tail[i] <= '9';
        if (shaped) found.push_back(output.parent_path() / name);
    }
    std::sort(found.begin(), found.end());
    return found;
}

Result<SplitStreamWriter> SplitStreamWriter::create(const WriteParams& params, const SplitOptions& split) {
    SplitStreamWriter w;
    if (!split.enabled()) {
        auto single = GgufStreamWriter::create(params);
        if (!single) return single.error();
        w.m_writers.push_back(std::move(*single));
        w.m_paths.push_back(params.output);
        w.m_shardOf.assign(params.tensors.size(), 0);
        return w;
    }
    auto shardOf = planSplit(params, split);
    if (!shardOf) return shardOf.error();
    const int count = shardOf->empty() ? 1 : shardOf->back() + 1;
    for (int s = 0; s < count; ++s) {
        WriteParams shard;
        shard.output = splitShardPath(params.output, s, count);
        shard.version = params.version;
        shard.alignment = s == 0 ? params.alignment : 32; // later shards: no general.alignment, the default
        shard.protectedInputs = params.protectedInputs;
        shard.overwrite = params.overwrite;
        shard.durable = params.durable;
        if (s == 0) shard.deferredStrings = params.deferredStrings;
        if (s == 0)
            for (const auto& e : params.metadata.entries())
                if (e.key != "split.no" && e.key != "split.count" && e.key != "split.tensors.count")
                    shard.metadata.set(e.key, e.value);
        // gguf-split's order: it sets split.no, a placeholder split.count and split.tensors.count, then
        // split.count again once the shards are known, and ggml's gguf_set_val moves a key set again to
        // the end: split.no, split.tensors.count, split.count.
        shard.metadata.set("split.no", Value{Value::Storage{std::in_place_index<2>, uint16_t(s)}});
        shard.metadata.set("split.tensors.count", Value::i32(int32_t(params.tensors.size())));
        shard.metadata.set("split.count", Value{Value::Storage{std::in_place_index<2>, uint16_t(count)}});
        for (size_t i = 0; i < params.tensors.size(); ++i)
            if ((*shardOf)[i] == s) shard.tensors.push_back(params.tensors[i]);
        auto writer = GgufStreamWriter::create(shard);
        if (!writer) return writer.error();
        w.m_writers.push_back(std::move(*writer));
        w.m_paths.push_back(shard.output);
    }
    w.m_shardOf = std::move(*shardOf);
    return w;
}

Status SplitStreamWriter::writeTensor(std::span<const uint8_t> bytes) {
    if (m_next >= m_shardOf.size()) return makeError("internal error: more tensors written than planned");
    QF_TRY(m_writers[size_t(m_shardOf[m_next])].writeTensor(bytes));
    ++m_next;
    return {};
}

Status SplitStreamWriter::writeTensorPart(std::span<const uint8_t> bytes) {
    if (m_next >= m_shardOf.size()) return makeError("internal error: more tensors written than planned");
    GgufStreamWriter& shard = m_writers[size_t(m_shardOf[m_next])];
    const size_t before = shard.nextTensor();
    QF_TRY(shard.writeTensorPart(bytes));
    if (shard.nextTensor() != before) ++m_next; // that part completed the tensor
    return {};
}

Status SplitStreamWriter::finish() {
    for (auto& w : m_writers)
        QF_TRY(w.finish());
    return {};
}

uint64_t SplitStreamWriter::plannedBytes() const {
    uint64_t total = 0;
    for (const auto& w : m_writers)
        total += w.plannedBytes();
    return total;
}

} // namespace qf::gguf
