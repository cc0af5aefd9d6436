#include "qf/quant/imatrix.h"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <map>

#include <fmt/format.h>

#include "qf/gguf/gguf_file.h"
#include "qf/gguf/gguf_writer.h"
#include "qf/io/atomic_file.h"
#include "qf/io/mapped_file.h"

namespace qf::quant {
namespace {

constexpr std::string_view kInSum2 = ".in_sum2";
constexpr std::string_view kInSum = ".in_sum";
constexpr std::string_view kCounts = ".counts";
constexpr const char* kKeyDatasets = "imatrix.datasets";
constexpr const char* kKeyChunkCount = "imatrix.chunk_count";
constexpr const char* kKeyChunkSize = "imatrix.chunk_size";

// Little-endian reader over a byte span; every read checks what remains.
class Reader {
public:
    Reader(std::span<const uint8_t> bytes, const std::string& fileName) : m_bytes(bytes), m_file(fileName) {}

    uint64_t remaining() const { return m_bytes.size() - m_pos; }
    uint64_t offset() const { return m_pos; }

    Result<int32_t> i32(std::string_view what) {
        if (remaining() < 4)
            return makeError("{}: at byte {}: expected {} (4 bytes), but only {} remain", m_file, m_pos, what,
                             remaining());
        int32_t v;
        std::memcpy(&v, m_bytes.data() + m_pos, 4);
        m_pos += 4;
        return v;
    }

    Result<std::span<const uint8_t>> take(uint64_t count, std::string_view what) {
        if (count > remaining())
            return makeError("{}: at byte {}: {} needs {} bytes, but only {} remain", m_file, m_pos, what,
                             count, remaining());
        auto out = m_bytes.subspan(size_t(m_pos), size_t(count));
        m_pos += count;
        return out;
    }

private:
    std::span<const uint8_t> m_bytes;
    const std::string& m_file;
    uint64_t m_pos = 0;
};

std::vector<float> floatsFrom(std::span<const uint8_t> bytes) {
    std::vector<float> out(bytes.size() / sizeof(float));
    if (!out.empty()) std::memcpy(out.data(), bytes.data(), out.size() * sizeof(float));
    return out;
}

Status checkFinite(const std::vector<float>& values, const std::string& file, const std::string& entry,
                   std::string_view what) {
    for (size_t i = 0; i < values.size(); ++i)
        if (!std::isfinite(values[i]))
            return makeError("{}: entry {}: {} value {} is {} (not a finite number)", file, entry, what, i,
                             values[i]);
    return {};
}

template <class T> void append(std::vector<uint8_t>& out, T v) {
    const auto* p = reinterpret_cast<const uint8_t*>(&v);
    out.insert(out.end(), p, p + sizeof(T));
}

void appendFloats(std::vector<uint8_t>& out, const std::vector<float>& values) {
    const auto* p = reinterpret_cast<const uint8_t*>(values.data());
    out.insert(out.end(), p, p + values.size() * sizeof(float));
}

Status writeBytes(const std::filesystem::path& path, const std::vector<uint8_t>& bytes, const io::OutputPolicy& policy) {
    auto file = io::AtomicFile::create(path, bytes.size(), policy);
    if (!file) return file.error();
    QF_TRY(file->write(bytes));
    return file->commit();
}

bool stripSuffix(std::string& name, std::string_view suffix) {
    if (name.size() <= suffix.size() || !std::string_view(name).ends_with(suffix)) return false;
    name.resize(name.size() - suffix.size());
    return true;
}

} // namespace

Status Imatrix::add(ImatrixEntry entry) {
    if (entry.name.empty()) return makeError("an imatrix entry has no name");
    if (entry.counts.empty() || entry.sumSquares.empty())
        return makeError("imatrix entry {} has no values", entry.name);
    if (entry.sumSquares.size() % entry.counts.size() != 0)
        return makeError("imatrix entry {} has {} values, not a multiple of its {} matrices", entry.name,
                         entry.sumSquares.size(), entry.counts.size());
    if (!entry.sums.empty() && entry.sums.size() != entry.sumSquares.size())
        return makeError("imatrix entry {} has {} sums but {} sums of squares", entry.name, entry.sums.size(),
                         entry.sumSquares.size());
    if (m_index.count(entry.name)) return makeError("imatrix entry {} appears twice", entry.name);
    m_index.emplace(entry.name, m_entries.size());
    m_entries.push_back(std::move(entry));
    return {};
}

const ImatrixEntry* Imatrix::find(std::string_view name) const {
    auto it = m_index.find(std::string(name));
    return it == m_index.end() ? nullptr : &m_entries[it->second];
}

std::vector<float> Imatrix::importance(const ImatrixEntry& entry) const {
    std::vector<float> out(entry.sumSquares.size());
    if (format == ImatrixFormat::Legacy) {
        const float ncall = float(entry.counts.front());
        for (size_t i = 0; i < out.size(); ++i)
            out[i] = ncall > 0 ? entry.sumSquares[i] / ncall : entry.sumSquares[i];
        return out;
    }
    const size_t columns = entry.columns();
    for (size_t m = 0; m < entry.matrixCount(); ++m) {
        const float count = float(entry.counts[m]);
        for (size_t j = m * columns; j < (m + 1) * columns; ++j)
            out[j] =
                count > 0 ? entry.sumSquares[j] / count : 1.0f; // a matrix never activated: no preference
    }
    return out;
}

Result<Imatrix> parseLegacyImatrix(std::span<const uint8_t> bytes, const std::string& fileName) {
    Reader in(bytes, fileName);
    Imatrix im;
    im.format = ImatrixFormat::Legacy;
    auto count = in.i32("the number of entries");
    if (!count) return count.error();
    if (*count < 1)
        return makeError("{}: the file claims {} entries; an imatrix has at least one", fileName, *count);
    constexpr uint64_t kSmallestEntry = 4 + 1 + 4 + 4 + 4; // name length, 1-byte name, ncall, nval, one value
    if (uint64_t(*count) > in.remaining() / kSmallestEntry)
        return makeError("{}: the file claims {} entries, but its {} remaining bytes hold at most {}",
                         fileName, *count, in.remaining(), in.remaining() / kSmallestEntry);
    for (int32_t i = 0; i < *count; ++i) {
        const std::string what = fmt::format("entry {}", i + 1);
        auto length = in.i32(what + "'s name length");
        if (!length) return length.error();
        if (*length < 1 || uint64_t(*length) > in.remaining())
            return makeError("{}: at byte {}: {} claims a name of {} bytes, but {} remain", fileName,
                             in.offset() - 4, what, *length, in.remaining());
        auto nameBytes = in.take(uint64_t(*length), what + "'s name");
        ImatrixEntry entry;
        entry.name.assign(reinterpret_cast<const char*>(nameBytes->data()), nameBytes->size());
        auto ncall = in.i32(what + "'s call count");
        if (!ncall) return ncall.error();
        if (*ncall < 0)
            return makeError("{}: entry {} has a negative call count ({})", fileName, entry.name, *ncall);
        auto nval = in.i32(what + "'s value count");
        if (!nval) return nval.error();
        if (*nval < 1 || uint64_t(*nval) > in.remaining() / 4)
            return makeError("{}: entry {} claims {} values, but {} bytes remain", fileName, entry.name,
                             *nval, in.remaining());
        auto values = in.take(uint64_t(*nval) * 4, entry.name + "'s values");
        entry.sumSquares = floatsFrom(*values);
        QF_TRY(checkFinite(entry.sumSquares, fileName, entry.name, "a"));
        entry.counts = {double(*ncall)};
        if (auto added = im.add(std::move(entry)); !added)
            return rewordError(added.error(), "{}: {}", fileName, added.error().message);
    }
    // Newer legacy files end with the number of chunks and the calibration file's name; older ones do not.
    if (in.remaining() == 0) return im;
    auto chunks = in.i32("the chunk count");
    if (!chunks) return chunks.error();
    if (*chunks < 0) return makeError("{}: the chunk count is negative ({})", fileName, *chunks);
    im.chunkCount = uint32_t(*chunks);
    if (in.remaining() == 0) return im;
    auto length = in.i32("the dataset name's length");
    if (!length) return length.error();
    if (*length < 0 || uint64_t(*length) > in.remaining())
        return makeError("{}: the dataset name claims {} bytes, but {} remain", fileName, *length,
                         in.remaining());
    auto name = in.take(uint64_t(*length), "the dataset name");
    if (*length > 0) im.datasets.emplace_back(reinterpret_cast<const char*>(name->data()), name->size());
    if (in.remaining() != 0)
        return makeError("{}: {} unexpected bytes after the dataset name at byte {}", fileName,
                         in.remaining(), in.offset());
    return im;
}

Result<Imatrix> parseGgufImatrix(std::span<const uint8_t> bytes, const std::string& fileName) {
    auto header = gguf::parseHeader(bytes, fileName);
    if (!header) return header.error();
    Imatrix im;
    im.format = ImatrixFormat::Gguf;
    const gguf::Metadata& md = header->metadata;
    if (auto type = md.getString("general.type"); type && *type != "imatrix")
        return makeError("{} is a GGUF file of type '{}', not an imatrix", fileName, *type);
    if (const gguf::Value* v = md.find(kKeyDatasets)) {
        const auto* array = v->asArray();
        if (!array || array->elementType() != gguf::ValueType::String)
            return makeError("{}: {} is not an array of strings", fileName, kKeyDatasets);
        im.datasets = array->strings();
    }
    for (auto [key, field] :
         {std::pair{kKeyChunkCount, &im.chunkCount}, std::pair{kKeyChunkSize, &im.chunkSize}}) {
        if (const gguf::Value* v = md.find(key)) {
            auto n = v->asUInt();
            if (!n || *n > UINT32_MAX) return makeError("{}: {} is not a 32-bit count", fileName, key);
            *field = uint32_t(*n);
        }
    }

    struct Parts {
        const gguf::TensorInfo* sumSquares = nullptr;
        const gguf::TensorInfo* counts = nullptr;
        const gguf::TensorInfo* sums = nullptr;
    };
    std::map<std::string, Parts> parts; // sorted: entries come out in a deterministic order
    for (const auto& t : header->tensors) {
        std::string name = t.name;
        if (stripSuffix(name, kInSum2))
            parts[name].sumSquares = &t;
        else if (stripSuffix(name, kCounts))
            parts[name].counts = &t;
        else if (stripSuffix(name, kInSum))
            parts[name].sums = &t;
    }
    if (parts.empty()) return makeError("{} holds no imatrix entries (no *.in_sum2 tensors)", fileName);

    auto floatsOf = [&](const gguf::TensorInfo& t) -> Result<std::vector<float>> {
        if (t.type != GgmlType::F32)
            return makeError("{}: tensor {} is {}, expected F32", fileName, t.name, ggmlTypeName(t.type));
        return floatsFrom(bytes.subspan(size_t(header->dataOffset + t.offset), size_t(t.byteSize)));
    };
    for (const auto& [name, p] : parts) {
        if (!p.sumSquares || !p.counts)
            return makeError("{}: entry {} needs both {}{} and {}{}", fileName, name, name, kInSum2, name,
                             kCounts);
        ImatrixEntry entry;
        entry.name = name;
        auto sumSquares = floatsOf(*p.sumSquares);
        if (!sumSquares) return sumSquares.error();
        entry.sumSquares = std::move(*sumSquares);
        auto counts = floatsOf(*p.counts);
        if (!counts) return counts.error();
        QF_TRY(checkFinite(entry.sumSquares, fileName, name, "a sum of squares"));
        QF_TRY(checkFinite(*counts, fileName, name, "a count"));
        for (float c : *counts)
            if (c < 0) return makeError("{}: entry {} has a negative count ({})", fileName, name, c);
        entry.counts.assign(counts->begin(), counts->end());
        if (p.sums) {
            auto sums = floatsOf(*p.sums);
            if (!sums) return sums.error();
            QF_TRY(checkFinite(*sums, fileName, name, "a sum"));
            entry.sums = std::move(*sums);
        }
        if (auto added = im.add(std::move(entry)); !added)
            return rewordError(added.error(), "{}: {}", fileName, added.error().message);
    }
    return im;
}

// Numbers that parse but cannot be an importance matrix: llama-quantize would use them and make a model
// far worse than one without an imatrix (all zeros or negative values flatten the rounding weights).
static Status checkUsable(const Imatrix& im, const std::string& fileName) {
    bool anyPositive = false;
    for (const auto& entry : im.entries()) {
        for (size_t i = 0; i < entry.sumSquares.size(); ++i) {
            if (entry.sumSquares[i] < 0)
                return makeError("{}: entry {}: value {} is negative ({}); squared activations cannot be; the file "
                                 "is damaged or not an importance matrix", fileName, entry.name, i, entry.sumSquares[i]);
            anyPositive |= entry.sumSquares[i] > 0;
        }
    }
    if (!im.entries().empty() && !anyPositive)
        return makeError("{}: every value is zero: the importance matrix holds no information (was it computed "
                         "on an empty text?)", fileName);
    return {};
}

Result<Imatrix> parseImatrix(std::span<const uint8_t> bytes, const std::string& fileName) {
    uint32_t magic = 0;
    if (bytes.size() >= 4) std::memcpy(&magic, bytes.data(), 4);
    auto im = magic == gguf::kMagic ? parseGgufImatrix(bytes, fileName) : parseLegacyImatrix(bytes, fileName);
    if (im) QF_TRY(checkUsable(*im, fileName));
    return im;
}

Result<Imatrix> loadImatrix(const std::filesystem::path& path) {
    auto mapped = gguf::MappedFile::open(path);
    if (!mapped) return mapped.error();
    auto im = parseImatrix((*mapped)->bytes(), path.string());
    if (im) im->sourcePath = path;
    return im;
}

Result<std::vector<uint8_t>> serializeLegacyImatrix(const Imatrix& im) {
    const bool fromGguf = im.format == ImatrixFormat::Gguf;
    if (fromGguf && im.chunkSize == 0)
        return makeError("writing this imatrix in the legacy format needs its chunk size (tokens per chunk)");
    std::vector<const ImatrixEntry*> entries;
    for (const auto& e : im.entries()) {
        // llama-imatrix leaves out entries that never saw an activation.
        if (fromGguf && std::all_of(e.counts.begin(), e.counts.end(), [](double c) { return c == 0; }))
            continue;
        entries.push_back(&e);
    }
    if (entries.empty()) return makeError("the imatrix has no entries with data");
    if (entries.size() > size_t(INT32_MAX)) return makeError("the imatrix has too many entries");
    if (fromGguf)
        std::sort(entries.begin(), entries.end(),
                  [](const auto* a, const auto* b) { return a->name < b->name; });

    std::vector<uint8_t> out;
    append<int32_t>(out, int32_t(entries.size()));
    for (const ImatrixEntry* e : entries) {
        if (e->name.size() > size_t(INT32_MAX) || e->sumSquares.size() > size_t(INT32_MAX))
            return makeError("imatrix entry {} is too large for the legacy format", e->name);
        append<int32_t>(out, int32_t(e->name.size()));
        out.insert(out.end(), e->name.begin(), e->name.end());
        if (!fromGguf) {
            append<int32_t>(out, int32_t(std::llround(e->counts.front())));
            append<int32_t>(out, int32_t(e->sumSquares.size()));
            appendFloats(out, e->sumSquares);
            continue;
        }
        // As llama-imatrix's save_imatrix_legacy: ncall = rows seen in chunks, rounded up; value = mean ×
        // ncall.
        const int64_t maxCount = std::llround(*std::max_element(e->counts.begin(), e->counts.end()));
        const int64_t ncall = (maxCount + im.chunkSize - 1) / im.chunkSize;
        append<int32_t>(out, int32_t(std::min<int64_t>(ncall, INT32_MAX)));
        append<int32_t>(out, int32_t(e->sumSquares.size()));
        std::vector<float> values(e->sumSquares.size());
        const size_t columns = e->columns();
        for (size_t i = 0; i < values.size(); ++i) {
            float count = float(e->counts[i / columns]);
            float value = e->sumSquares[i];
            if (count == 0.0f) value = count = 1.0f; // a matrix without data is stored as 1
            values[i] = (value / count) * float(ncall);
        }
        appendFloats(out, values);
    }
    append<int32_t>(out, int32_t(std::min<uint32_t>(im.chunkCount, INT32_MAX)));
    const std::string dataset = im.datasets.empty() ? std::string() : im.datasets.back();
    append<int32_t>(out, int32_t(dataset.size()));
    out.insert(out.end(), dataset.begin(), dataset.end());
    return out;
}

Status saveLegacyImatrix(const Imatrix& imatrix, const std::filesystem::path& path, const io::OutputPolicy& policy) {
    auto bytes = serializeLegacyImatrix(imatrix);
    if (!bytes) return bytes.error();
    return writeBytes(path, *bytes, policy);
}

Status saveGgufImatrix(const Imatrix& im, const std::filesystem::path& path, const io::OutputPolicy& policy) {
    const bool fromLegacy = im.format == ImatrixFormat::Legacy;
    if (fromLegacy && im.chunkSize == 0)
        return makeError(
            "writing a legacy imatrix as GGUF needs its chunk size (tokens per chunk, llama-imatrix -c)");
    std::vector<const ImatrixEntry*> entries;
    for (const auto& e : im.entries())
        entries.push_back(&e);
    std::sort(entries.begin(), entries.end(), [](const auto* a, const auto* b) { return a->name < b->name; });

    // What each tensor holds, in llama-imatrix's order: in_sum2, counts, then in_sum when present.
    std::vector<std::vector<float>> data;
    gguf::WriteParams params;
    params.output = path;
    params.overwrite = policy.overwrite;
    params.protectedInputs = policy.inputs;
    uint32_t chunkCount = im.chunkCount;
    if (fromLegacy) chunkCount = 0;
    for (const ImatrixEntry* e : entries) {
        const uint64_t matrices = e->matrixCount();
        const uint64_t columns = e->columns();
        auto shape2 = [](uint64_t a, uint64_t b) {
            return b == 1 ? std::vector<uint64_t>{a} : std::vector<uint64_t>{a, b}; // ggml drops trailing 1s
        };
        std::vector<float> sumSquares = e->sumSquares;
        std::vector<float> counts(e->counts.begin(), e->counts.end());
        if (fromLegacy) {
            // As llama-imatrix does when it reads a legacy file: back to sums over chunkSize-token chunks.
            for (auto& v : sumSquares)
                v *= float(im.chunkSize);
            const int64_t rows = std::llround(e->counts.front()) * int64_t(im.chunkSize);
            counts.assign(size_t(matrices), float(rows));
            chunkCount = std::max<uint32_t>(chunkCount, uint32_t(std::llround(e->counts.front())));
        }
        params.tensors.push_back({e->name + std::string(kInSum2), shape2(columns, matrices), GgmlType::F32});
        data.push_back(std::move(sumSquares));
        params.tensors.push_back({e->name + std::string(kCounts), shape2(1, matrices), GgmlType::F32});
        data.push_back(std::move(counts));
        if (!e->sums.empty()) {
            params.tensors.push_back(
                {e->name + std::string(kInSum), shape2(columns, matrices), GgmlType::F32});
            data.push_back(e->sums);
        }
    }
    params.metadata.set("general.type", gguf::Value::string("imatrix"));
    params.metadata.set(kKeyDatasets, gguf::Value::array(gguf::Array::ofStrings(im.datasets)));
    params.metadata.set(kKeyChunkCount, gguf::Value::u32(chunkCount));
    params.metadata.set(kKeyChunkSize, gguf::Value::u32(im.chunkSize));
    return gguf::writeGguf(params, [&](size_t index, std::span<uint8_t> out) -> Status {
        const auto& values = data[index];
        if (out.size() != values.size() * sizeof(float))
            return makeError("internal error: imatrix tensor {} has {} bytes, expected {}",
                             params.tensors[index].name, values.size() * sizeof(float), out.size());
        std::memcpy(out.data(), values.data(), out.size());
        return {};
    });
}

} // namespace qf::quant
