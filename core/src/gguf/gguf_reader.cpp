// GGUF parsing. Every count and length is checked against the bytes that remain before anything is
// allocated, so a hostile file cannot make us allocate more than a small multiple of its own size.
#include <algorithm>
#include <bit>
#include <cstring>
#include <limits>
#include <regex>
#include <unordered_set>

#include <fmt/format.h>

#include "qf/gguf/gguf_file.h"
#include "qf/io/mapped_file.h"

static_assert(std::endian::native == std::endian::little, "GGUF I/O assumes a little-endian host");

namespace qf::gguf {
namespace {

constexpr uint64_t kMaxTensorNameBytes = 63; // ggml's GGML_MAX_NAME - 1

class Cursor {
public:
    Cursor(std::span<const uint8_t> bytes, const ParseLimits& limits) : m_bytes(bytes), m_limits(limits) {}

    uint64_t offset() const { return m_pos; }
    uint64_t remaining() const { return m_bytes.size() - m_pos; }

    template <class T>
    Result<T> read(std::string_view what) {
        if (remaining() < sizeof(T))
            return makeError("at byte {}: expected {} ({} bytes), but the file ends after {} more bytes", m_pos,
                             what, sizeof(T), remaining());
        T v;
        std::memcpy(&v, m_bytes.data() + m_pos, sizeof(T));
        m_pos += sizeof(T);
        return v;
    }

    Result<std::string> readString(std::string_view what) {
        const uint64_t at = m_pos;
        auto len = read<uint64_t>(fmt::format("the length of {}", what));
        if (!len) return len.error();
        if (*len > remaining())
            return makeError("at byte {}: {} claims {} bytes, but only {} remain in the file", at, what, *len,
                             remaining());
        if (*len > m_limits.maxStringBytes)
            return makeError("at byte {}: {} claims {} bytes, more than the {} allowed", at, what, *len,
                             m_limits.maxStringBytes);
        std::string s(reinterpret_cast<const char*>(m_bytes.data() + m_pos), size_t(*len));
        m_pos += *len;
        return s;
    }

    Result<std::vector<uint8_t>> readRaw(uint64_t count, std::string_view what) {
        if (count > remaining())
            return makeError("at byte {}: {} needs {} bytes, but only {} remain", m_pos, what, count, remaining());
        std::vector<uint8_t> raw(m_bytes.begin() + ptrdiff_t(m_pos), m_bytes.begin() + ptrdiff_t(m_pos + count));
        m_pos += count;
        return raw;
    }

    const ParseLimits& limits() const { return m_limits; }

private:
    std::span<const uint8_t> m_bytes;
    const ParseLimits& m_limits;
    uint64_t m_pos = 0;
};

// The fewest bytes one element of this type takes in a file, to bound counts before allocating.
uint64_t minimumEncodedSize(ValueType type) {
    switch (type) {
    case ValueType::String: return 8;
    case ValueType::Array: return 12;
    default: return fixedValueSize(type);
    }
}

Result<Array> readArray(Cursor& in, const std::string& key, uint32_t depth);

Result<Value> readValue(Cursor& in, ValueType type, const std::string& key, uint32_t depth) {
    using S = Value::Storage;
    auto scalar = [&](auto tag) -> Result<Value> {
        using T = decltype(tag);
        auto v = in.read<T>(fmt::format("the {} value of '{}'", valueTypeName(type), key));
        if (!v) return v.error();
        return Value{S{std::in_place_type<T>, *v}};
    };
    switch (type) {
    case ValueType::UInt8: return scalar(uint8_t{});
    case ValueType::Int8: return scalar(int8_t{});
    case ValueType::UInt16: return scalar(uint16_t{});
    case ValueType::Int16: return scalar(int16_t{});
    case ValueType::UInt32: return scalar(uint32_t{});
    case ValueType::Int32: return scalar(int32_t{});
    case ValueType::Float32: return scalar(float{});
    case ValueType::UInt64: return scalar(uint64_t{});
    case ValueType::Int64: return scalar(int64_t{});
    case ValueType::Float64: return scalar(double{});
    case ValueType::Bool: {
        const uint64_t at = in.offset();
        auto v = in.read<uint8_t>(fmt::format("the bool value of '{}'", key));
        if (!v) return v.error();
        if (*v > 1) return makeError("at byte {}: the bool value of '{}' must be 0 or 1, found {}", at, key, int(*v));
        return Value{S{std::in_place_type<bool>, *v != 0}};
    }
    case ValueType::String: {
        auto s = in.readString(fmt::format("the string value of '{}'", key));
        if (!s) return s.error();
        return Value::string(std::move(*s));
    }
    case ValueType::Array: {
        auto a = readArray(in, key, depth + 1);
        if (!a) return a.error();
        return Value::array(std::move(*a));
    }
    }
    return makeError("unknown value type {}", uint32_t(type));
}

Result<Array> readArray(Cursor& in, const std::string& key, uint32_t depth) {
    const uint64_t at = in.offset();
    if (depth > in.limits().maxArrayDepth)
        return makeError("at byte {}: the value of '{}' nests arrays more than {} deep", at, key,
                         in.limits().maxArrayDepth);
    auto rawType = in.read<uint32_t>(fmt::format("the element type of array '{}'", key));
    if (!rawType) return rawType.error();
    if (!isValidValueType(*rawType))
        return makeError("at byte {}: array '{}' has element type {}, which is not a GGUF value type (0-12)", at,
                         key, *rawType);
    const auto type = static_cast<ValueType>(*rawType);
    auto count = in.read<uint64_t>(fmt::format("the element count of array '{}'", key));
    if (!count) return count.error();
    const uint64_t minBytes = minimumEncodedSize(type);
    if (*count > in.remaining() / minBytes)
        return makeError("at byte {}: array '{}' claims {} elements of type {}, which cannot fit in the {} bytes "
                         "that remain",
                         at + 4, key, *count, valueTypeName(type), in.remaining());

    if (const uint32_t size = fixedValueSize(type)) {
        const uint64_t dataAt = in.offset();
        auto raw = in.readRaw(*count * size, fmt::format("array '{}'", key));
        if (!raw) return raw.error();
        if (type == ValueType::Bool) {
            for (size_t i = 0; i < raw->size(); ++i)
                if ((*raw)[i] > 1)
                    return makeError("at byte {}: element {} of bool array '{}' must be 0 or 1, found {}",
                                     dataAt + i, i, key, int((*raw)[i]));
        }
        return Array::ofRaw(type, std::move(*raw));
    }
    if (type == ValueType::String) {
        std::vector<std::string> items;
        items.reserve(size_t(*count));
        for (uint64_t i = 0; i < *count; ++i) {
            auto s = in.readString(fmt::format("string {} of array '{}'", i, key));
            if (!s) return s.error();
            items.push_back(std::move(*s));
        }
        return Array::ofStrings(std::move(items));
    }
    std::vector<Array> items;
    items.reserve(size_t(*count));
    for (uint64_t i = 0; i < *count; ++i) {
        auto inner = readArray(in, key, depth + 1);
        if (!inner) return inner.error();
        items.push_back(std::move(*inner));
    }
    return Array::ofArrays(ValueType::Array, std::move(items));
}

Result<TensorInfo> readTensorInfo(Cursor& in, uint64_t index) {
    TensorInfo t;
    const uint64_t at = in.offset();
    auto name = in.readString(fmt::format("the name of tensor {}", index));
    if (!name) return name.error();
    if (name->size() > kMaxTensorNameBytes)
        return makeError("at byte {}: tensor {} has a {}-byte name; GGUF readers accept at most {} bytes", at, index,
                         name->size(), kMaxTensorNameBytes);
    t.name = std::move(*name);

    const uint64_t dimsAt = in.offset();
    auto nDims = in.read<uint32_t>(fmt::format("the dimension count of tensor '{}'", t.name));
    if (!nDims) return nDims.error();
    if (*nDims > kMaxDims)
        return makeError("at byte {}: tensor '{}' has {} dimensions; at most {} are allowed", dimsAt, t.name, *nDims,
                         kMaxDims);
    uint64_t elements = 1;
    for (uint32_t d = 0; d < *nDims; ++d) {
        const uint64_t dimAt = in.offset();
        auto dim = in.read<uint64_t>(fmt::format("dimension {} of tensor '{}'", d, t.name));
        if (!dim) return dim.error();
        if (*dim > uint64_t(std::numeric_limits<int64_t>::max()))
            return makeError("at byte {}: dimension {} of tensor '{}' is {}, out of range", dimAt, d, t.name, *dim);
        if (*dim != 0 && elements > uint64_t(std::numeric_limits<int64_t>::max()) / *dim)
            return makeError("at byte {}: tensor '{}' has more elements than can be counted (shape overflows)", dimAt,
                             t.name);
        elements *= *dim;
        t.shape.push_back(*dim);
    }

    const uint64_t typeAt = in.offset();
    auto rawType = in.read<uint32_t>(fmt::format("the type of tensor '{}'", t.name));
    if (!rawType) return rawType.error();
    const GgmlTypeTraits* traits = ggmlTypeTraits(*rawType);
    if (!traits)
        return makeError("at byte {}: tensor '{}' has type id {}, which is not a known ggml type (a newer GGUF "
                         "type, or a damaged file)",
                         typeAt, t.name, *rawType);
    t.type = traits->type;
    const uint64_t rowLength = t.shape.empty() ? 1 : t.shape[0];
    if (rowLength % traits->blockSize != 0)
        return makeError("at byte {}: tensor '{}' of type {} has rows of {} values, not a multiple of the type's "
                         "block size {}",
                         typeAt, t.name, traits->name, rowLength, traits->blockSize);
    const uint64_t blocks = elements / traits->blockSize;
    if (blocks > std::numeric_limits<uint64_t>::max() / traits->blockBytes)
        return makeError("at byte {}: tensor '{}' would need more bytes than can be counted", typeAt, t.name);
    t.byteSize = blocks * traits->blockBytes;

    auto offset = in.read<uint64_t>(fmt::format("the data offset of tensor '{}'", t.name));
    if (!offset) return offset.error();
    t.offset = *offset;
    return t;
}

Status checkTensorPlacement(std::vector<TensorInfo>& tensors, uint64_t dataOffset, uint64_t fileSize,
                            uint32_t alignment) {
    const uint64_t dataBytes = fileSize >= dataOffset ? fileSize - dataOffset : 0;
    for (const auto& t : tensors) {
        if (t.offset % alignment != 0)
            return makeError("tensor '{}' starts at data offset {}, which is not a multiple of the alignment {}",
                             t.name, t.offset, alignment);
        if (t.offset > dataBytes || t.byteSize > dataBytes - t.offset)
            return makeError("tensor '{}' needs bytes {} to {} of the data section, but the file holds only {} bytes "
                             "of tensor data (is the file truncated?)",
                             t.name, t.offset, t.offset + t.byteSize, dataBytes);
    }
    std::vector<const TensorInfo*> order;
    order.reserve(tensors.size());
    for (const auto& t : tensors) order.push_back(&t);
    std::sort(order.begin(), order.end(), [](auto* a, auto* b) { return a->offset < b->offset; });
    for (size_t i = 1; i < order.size(); ++i) {
        const auto* prev = order[i - 1];
        if (prev->byteSize > 0 && order[i]->offset < prev->offset + prev->byteSize)
            return makeError("tensors '{}' (bytes {} to {}) and '{}' (from byte {}) overlap", prev->name,
                             prev->offset, prev->offset + prev->byteSize, order[i]->name, order[i]->offset);
    }
    return {};
}

} // namespace

uint64_t TensorInfo::elementCount() const {
    uint64_t n = 1;
    for (auto d : shape) n *= d;
    return n;
}

Result<Header> parseHeader(std::span<const uint8_t> bytes, const std::string& fileName, const ParseLimits& limits) {
    auto fail = [&](const Error& e) -> Error { return rewordError(e, "{}: {}", fileName, e.message); };
    Cursor in(bytes, limits);
    Header h;

    auto magic = in.read<uint32_t>("the GGUF magic");
    if (!magic) return fail(makeError("not a GGUF file: it is only {} bytes long", bytes.size()));
    if (*magic != kMagic) {
        char shown[5] = {};
        std::memcpy(shown, bytes.data(), 4);
        for (char& c : shown)
            if (c && (uint8_t(c) < 0x20 || uint8_t(c) > 0x7e)) c = '?';
        return fail(makeError("not a GGUF file: it starts with \"{}\" (0x{:08x}), expected \"GGUF\"", shown,
                              __builtin_bswap32(*magic)));
    }
    auto version = in.read<uint32_t>("the GGUF version");
    if (!version) return fail(version.error());
    if (*version == 1)
        return fail(makeError("unsupported old GGUF v1 file; re-convert the model with a current converter"));
    if ((*version & 0xffff) == 0 && *version != 0)
        return fail(makeError("this GGUF file is big-endian (version field 0x{:08x}); only little-endian files are "
                              "supported",
                              *version));
    if (*version < 2 || *version > 3)
        return fail(makeError("at byte 4: GGUF version {} is not supported (expected 2 or 3)", *version));
    h.version = *version;

    const uint64_t countsAt = in.offset();
    auto tensorCount = in.read<uint64_t>("the tensor count");
    if (!tensorCount) return fail(tensorCount.error());
    auto kvCount = in.read<uint64_t>("the metadata count");
    if (!kvCount) return fail(kvCount.error());
    if (*kvCount > in.remaining() / 13)
        return fail(makeError("at byte {}: the file claims {} metadata entries, which cannot fit in its {} remaining "
                              "bytes",
                              countsAt + 8, *kvCount, in.remaining()));
    if (*tensorCount > in.remaining() / 24)
        return fail(makeError("at byte {}: the file claims {} tensors, which cannot fit in its {} remaining bytes",
                              countsAt, *tensorCount, in.remaining()));

    std::unordered_set<std::string> keys;
    auto& entries = h.metadata.entries();
    entries.reserve(size_t(*kvCount));
    for (uint64_t i = 0; i < *kvCount; ++i) {
        const uint64_t keyAt = in.offset();
        auto key = in.readString(fmt::format("the key of metadata entry {}", i));
        if (!key) return fail(key.error());
        if (!keys.insert(*key).second)
            return fail(makeError("at byte {}: metadata key '{}' appears twice", keyAt, *key));
        const uint64_t typeAt = in.offset();
        auto rawType = in.read<uint32_t>(fmt::format("the value type of '{}'", *key));
        if (!rawType) return fail(rawType.error());
        if (!isValidValueType(*rawType))
            return fail(makeError("at byte {}: metadata '{}' has value type {}, which is not a GGUF value type (0-12)",
                                  typeAt, *key, *rawType));
        auto value = readValue(in, static_cast<ValueType>(*rawType), *key, 0);
        if (!value) return fail(value.error());
        entries.push_back({std::move(*key), std::move(*value)});
    }

    if (const Value* a = h.metadata.find("general.alignment")) {
        const auto* v = std::get_if<uint32_t>(&a->data);
        if (!v)
            return fail(makeError("general.alignment must be a u32, found a {}", valueTypeName(a->type())));
        if (*v == 0 || (*v & (*v - 1)) != 0 || *v > (1u << 20))
            return fail(makeError("general.alignment is {}; it must be a power of two up to 1 MiB", *v));
        h.alignment = *v;
    }

    std::unordered_set<std::string> names;
    h.tensors.reserve(size_t(*tensorCount));
    for (uint64_t i = 0; i < *tensorCount; ++i) {
        const uint64_t at = in.offset();
        auto t = readTensorInfo(in, i);
        if (!t) return fail(t.error());
        if (!names.insert(t->name).second)
            return fail(makeError("at byte {}: tensor name '{}' appears twice", at, t->name));
        h.tensors.push_back(std::move(*t));
    }

    const uint64_t end = in.offset();
    h.dataOffset = (end + h.alignment - 1) / h.alignment * h.alignment;
    if (!h.tensors.empty() && h.dataOffset > bytes.size())
        return fail(makeError("the file ends at byte {}, before its tensor data section (byte {})", bytes.size(),
                              h.dataOffset));
    if (auto placed = checkTensorPlacement(h.tensors, h.dataOffset, bytes.size(), h.alignment); !placed)
        return fail(placed.error());
    return h;
}

// ---------------------------------------------------------------------------------------------------------

GgufFile::GgufFile(GgufFile&&) noexcept = default;
GgufFile& GgufFile::operator=(GgufFile&&) noexcept = default;
GgufFile::~GgufFile() = default;

const TensorInfo* GgufFile::findTensor(std::string_view name) const {
    for (const auto& t : m_tensors)
        if (t.name == name) return &t;
    return nullptr;
}

std::span<const uint8_t> GgufFile::tensorData(const TensorInfo& tensor) const {
    const auto bytes = m_maps[tensor.shard]->bytes();
    return bytes.subspan(size_t(m_dataOffsets[tensor.shard] + tensor.offset), size_t(tensor.byteSize));
}

void GgufFile::releaseTensorData(const TensorInfo& tensor) const {
    m_maps[tensor.shard]->release(m_dataOffsets[tensor.shard] + tensor.offset, tensor.byteSize);
}

uint64_t GgufFile::tensorDataBytes() const {
    uint64_t total = 0;
    for (const auto& t : m_tensors) total += t.byteSize;
    return total;
}

namespace {

struct SplitName {
    std::string prefix;
    int index = 0; // 1-based as in the name
    int count = 0;
};

std::optional<SplitName> parseSplitName(const std::filesystem::path& path) {
    static const std::regex pattern(R"((.*)-(\d{5})-of-(\d{5})\.gguf)");
    std::smatch m;
    const std::string name = path.filename().string();
    if (!std::regex_match(name, m, pattern)) return std::nullopt;
    return SplitName{m[1].str(), std::stoi(m[2].str()), std::stoi(m[3].str())};
}

std::filesystem::path shardPath(const std::filesystem::path& any, const SplitName& s, int index) {
    return any.parent_path() / fmt::format("{}-{:05d}-of-{:05d}.gguf", s.prefix, index, s.count);
}

} // namespace

Result<GgufFile> GgufFile::open(const std::filesystem::path& path) {
    auto firstMap = MappedFile::open(path);
    if (!firstMap) return firstMap.error();
    auto first = parseHeader((*firstMap)->bytes(), path.string());
    if (!first) return first.error();

    GgufFile file;
    file.m_version = first->version;
    file.m_alignment = first->alignment;

    const auto splitCount = first->metadata.getUInt("split.count").value_or(1);
    if (splitCount <= 1) {
        file.m_metadata = std::move(first->metadata);
        file.m_tensors = std::move(first->tensors);
        file.m_shardPaths = {path};
        file.m_dataOffsets = {first->dataOffset};
        file.m_totalFileBytes = (*firstMap)->bytes().size();
        file.m_maps.push_back(std::move(*firstMap));
        return file;
    }

    // A split model: open every shard, starting from the first whichever one was given.
    const auto split = parseSplitName(path);
    if (!split || uint64_t(split->count) != splitCount)
        return makeError("{}: this is shard of a split model ({} parts) but its name does not follow the "
                         "'name-00001-of-{:05d}.gguf' pattern, so the other parts cannot be found",
                         path.string(), splitCount, splitCount);
    const auto expectedTensors = first->metadata.getUInt("split.tensors.count");
    for (int i = 1; i <= split->count; ++i) {
        const auto shard = shardPath(path, *split, i);
        std::error_code ec;
        if (!std::filesystem::exists(shard, ec))
            return makeError("{}: part {} of this split model is missing (expected {})", path.string(), i,
                             shard.string());
        auto map = MappedFile::open(shard);
        if (!map) return map.error();
        auto header = parseHeader((*map)->bytes(), shard.string());
        if (!header) return header.error();
        const auto no = header->metadata.getUInt("split.no");
        if (!no || *no != uint64_t(i - 1))
            return makeError("{}: split.no is {}, expected {} for part {} of {}", shard.string(),
                             no ? fmt::format("{}", *no) : std::string("missing"), i - 1, i, split->count);
        for (auto& t : header->tensors) {
            if (file.findTensor(t.name))
                return makeError("{}: tensor '{}' appears in more than one part", shard.string(), t.name);
            t.shard = uint32_t(i - 1);
            file.m_tensors.push_back(std::move(t));
        }
        if (i == 1) {
            file.m_metadata = std::move(header->metadata);
            file.m_version = header->version;
            file.m_alignment = header->alignment;
        }
        file.m_shardPaths.push_back(shard);
        file.m_dataOffsets.push_back(header->dataOffset);
        file.m_totalFileBytes += (*map)->bytes().size();
        file.m_maps.push_back(std::move(*map));
    }
    if (expectedTensors && *expectedTensors != file.m_tensors.size())
        return makeError("{}: the split model should hold {} tensors but its parts hold {}", path.string(),
                         *expectedTensors, file.m_tensors.size());
    return file;
}

Status GgufFile::checkIntact() const {
    for (size_t i = 0; i < m_maps.size(); ++i)
        if (m_maps[i] && m_maps[i]->truncatedWhileMapped())
            return makeError("{} was truncated by another program while it was being read; nothing was written",
                             m_shardPaths[i].string());
    return {};
}

} // namespace qf::gguf
