#include "qf/hf/safetensors.h"

#include <algorithm>
#include <map>
#include <set>

#include "qf/io/mapped_file.h"
#include "qf/json_reader.h"

namespace qf::hf {
namespace fs = std::filesystem;

namespace {

struct DtypeEntry {
    std::string_view name;
    StDtype dtype;
    uint32_t size;
};

constexpr DtypeEntry kDtypes[] = {
    {"F64", StDtype::F64, 8},   {"F32", StDtype::F32, 4},        {"F16", StDtype::F16, 2},
    {"BF16", StDtype::BF16, 2}, {"I64", StDtype::I64, 8},        {"I32", StDtype::I32, 4},
    {"I16", StDtype::I16, 2},   {"I8", StDtype::I8, 1},          {"U8", StDtype::U8, 1},
    {"BOOL", StDtype::Bool, 1}, {"F8_E4M3", StDtype::F8E4M3, 1}, {"F8_E5M2", StDtype::F8E5M2, 1},
    {"U16", StDtype::U16, 2},   {"U32", StDtype::U32, 4},        {"U64", StDtype::U64, 8},
};

constexpr uint64_t kMaxHeaderBytes = 100ull << 20; // the limit the safetensors reference library applies
constexpr size_t kMaxDims = 8;

bool mulOverflows(uint64_t a, uint64_t b, uint64_t& out) {
    return __builtin_mul_overflow(a, b, &out);
}

} // namespace

std::string_view stDtypeName(StDtype dtype) {
    for (const auto& e : kDtypes)
        if (e.dtype == dtype) return e.name;
    return "?";
}

uint32_t stDtypeSize(StDtype dtype) {
    for (const auto& e : kDtypes)
        if (e.dtype == dtype) return e.size;
    return 0;
}

bool isFloatDtype(StDtype dtype) {
    return dtype == StDtype::F32 || dtype == StDtype::F16 || dtype == StDtype::BF16;
}

uint64_t SafetensorInfo::elementCount() const {
    uint64_t n = 1;
    for (uint64_t d : shape)
        n *= d;
    return n;
}

Result<SafetensorsHeader> parseSafetensorsHeader(std::span<const uint8_t> bytes,
                                                 const std::string& fileName) {
    auto fail = [&](const std::string& what) { return makeError("{}: {}", fileName, what); };
    if (bytes.size() < 8)
        return fail(fmt::format("{} bytes is too short for a safetensors file", bytes.size()));
    uint64_t headerLen = 0;
    for (int i = 7; i >= 0; --i)
        headerLen = (headerLen << 8) | bytes[size_t(i)];
    if (headerLen > kMaxHeaderBytes)
        return fail(
            fmt::format("header length {} is larger than the limit of {}", headerLen, kMaxHeaderBytes));
    if (headerLen > bytes.size() - 8)
        return fail(fmt::format("header length {} runs past the end of the file ({} bytes)", headerLen,
                                bytes.size()));
    const std::string_view text(reinterpret_cast<const char*>(bytes.data() + 8), size_t(headerLen));
    if (text.empty() || text.front() != '{') return fail("the header is not a JSON object");
    JsonLimits limits;
    limits.maxDepth = 4;
    limits.rejectDuplicateKeys = true;
    auto json = parseJson(text, limits);
    if (!json) return rewordError(json.error(), "{}: header: {}", fileName, json.error().message);
    const auto* members = json->asObject();
    if (!members) return fail("the header is not a JSON object");

    SafetensorsHeader header;
    header.dataOffset = 8 + headerLen;
    const uint64_t dataBytes = bytes.size() - header.dataOffset;
    for (const auto& [name, entry] : *members) {
        if (name == "__metadata__") {
            const auto* meta = entry.asObject();
            if (!meta) return fail("__metadata__ is not an object");
            for (const auto& [k, v] : *meta) {
                if (!v.asString())
                    return fail(fmt::format("__metadata__ value of \"{}\" is not a string", k));
                header.metadata.emplace_back(k, *v.asString());
            }
            continue;
        }
        // A copy of the name: lambdas may not capture structured bindings before C++20 compilers catch up.
        const std::string& tensorName = name;
        auto tensorFail = [&](const std::string& what) {
            return fail(fmt::format("tensor \"{}\": {}", tensorName, what));
        };
        if (!entry.isObject()) return tensorFail("entry is not an object");
        SafetensorInfo info;
        info.name = name;
        const auto* dtype = entry.find("dtype");
        if (!dtype || !dtype->asString()) return tensorFail("missing dtype");
        const auto it = std::find_if(std::begin(kDtypes), std::end(kDtypes),
                                     [&](const DtypeEntry& e) { return e.name == *dtype->asString(); });
        if (it == std::end(kDtypes))
            return tensorFail(fmt::format("unknown dtype \"{}\"", *dtype->asString()));
        info.dtype = it->dtype;
        const auto* shape = entry.find("shape");
        if (!shape || !shape->asArray()) return tensorFail("missing shape");
        if (shape->asArray()->size() > kMaxDims)
            return tensorFail(
                fmt::format("{} dimensions (at most {} allowed)", shape->asArray()->size(), kMaxDims));
        uint64_t bytesNeeded = it->size;
        for (const auto& d : *shape->asArray()) {
            const auto dim = d.asUInt();
            if (!dim) return tensorFail("shape holds something other than a non-negative integer");
            if (mulOverflows(bytesNeeded, *dim, bytesNeeded)) return tensorFail("shape is too large");
            info.shape.push_back(*dim);
        }
        const auto* offsets = entry.find("data_offsets");
        if (!offsets || !offsets->asArray() || offsets->asArray()->size() != 2)
            return tensorFail("missing data_offsets");
        const auto begin = (*offsets->asArray())[0].asUInt();
        const auto end = (*offsets->asArray())[1].asUInt();
        if (!begin || !end) return tensorFail("data_offsets are not non-negative integers");
        if (*begin > *end) return tensorFail(fmt::format("data_offsets [{}, {}] are reversed", *begin, *end));
        if (*end > dataBytes)
            return tensorFail(
                fmt::format("data_offsets end {} is past the data section ({} bytes)", *end, dataBytes));
        if (*end - *begin != bytesNeeded)
            return tensorFail(fmt::format("data_offsets hold {} bytes but the {} shape needs {}",
                                          *end - *begin, it->name, bytesNeeded));
        info.begin = *begin;
        info.end = *end;
        for (const auto& k : *entry.asObject())
            if (k.first != "dtype" && k.first != "shape" && k.first != "data_offsets")
                return tensorFail(fmt::format("unexpected field \"{}\"", k.first));
        header.tensors.push_back(std::move(info));
    }
    std::stable_sort(header.tensors.begin(), header.tensors.end(),
                     [](const SafetensorInfo& a, const SafetensorInfo& b) { return a.begin < b.begin; });
    for (size_t i = 1; i < header.tensors.size(); ++i) {
        const auto& prev = header.tensors[i - 1];
        const auto& cur = header.tensors[i];
        if (cur.begin < prev.end && cur.byteSize() && prev.byteSize())
            return fail(fmt::format("tensors \"{}\" and \"{}\" overlap", prev.name, cur.name));
    }
    return header;
}

SafetensorsModel::SafetensorsModel() = default;
SafetensorsModel::SafetensorsModel(SafetensorsModel&&) noexcept = default;
SafetensorsModel& SafetensorsModel::operator=(SafetensorsModel&&) noexcept = default;
SafetensorsModel::~SafetensorsModel() = default;

Status SafetensorsModel::addShard(const fs::path& file) {
    auto map = gguf::MappedFile::open(file);
    if (!map) return map.error();
    auto header = parseSafetensorsHeader((*map)->bytes(), file.string());
    if (!header) return header.error();
    const auto shard = uint32_t(m_shardPaths.size());
    for (auto& t : header->tensors) {
        if (find(t.name))
            return makeError("{}: tensor \"{}\" appears in more than one shard", file.string(), t.name);
        t.shard = shard;
        m_byName.emplace(t.name, m_tensors.size());
        m_tensors.push_back(std::move(t));
    }
    m_shardPaths.push_back(file);
    m_dataOffsets.push_back(header->dataOffset);
    m_maps.push_back(std::move(*map));
    return {};
}

Result<SafetensorsModel> SafetensorsModel::open(const fs::path& path) {
    std::error_code ec;
    fs::path target = path;
    if (fs::is_directory(path, ec)) {
        if (fs::is_regular_file(path / "model.safetensors.index.json", ec))
            target = path / "model.safetensors.index.json";
        else if (fs::is_regular_file(path / "model.safetensors", ec))
            target = path / "model.safetensors";
        else
            return makeError("{}: no model.safetensors or model.safetensors.index.json in this folder",
                             path.string());
    }
    SafetensorsModel model;
    if (target.extension() != ".json") {
        QF_TRY(model.addShard(target));
        return model;
    }

    auto index = readJsonFile(target);
    if (!index) return index.error();
    const auto* weightMap = index->find("weight_map");
    if (!weightMap || !weightMap->asObject())
        return makeError("{}: no \"weight_map\" object", target.string());
    std::set<std::string> shardNames;
    for (const auto& [tensor, file] : *weightMap->asObject()) {
        const auto* name = file.asString();
        if (!name) return makeError("{}: the shard of \"{}\" is not a string", target.string(), tensor);
        // A shard must be a plain file name beside the index: no folders, no way out of the model folder.
        const bool control = std::any_of(name->begin(), name->end(), [](char c) { return uint8_t(c) < 0x20; });
        if (name->empty() || control || name->find('/') != std::string::npos ||
            name->find('\\') != std::string::npos || *name == "." || *name == "..")
            return makeError("{}: shard name \"{}\" of \"{}\" is not a plain file name", target.string(),
                             *name, tensor);
        shardNames.insert(*name);
    }
    if (shardNames.empty()) return makeError("{}: the weight_map lists no tensors", target.string());
    // Sorted shard names, tensors in file order within each: the order llama.cpp's converter reads them in.
    for (const auto& name : shardNames) {
        const fs::path file = target.parent_path() / name;
        if (!fs::is_regular_file(file, ec))
            return makeError("{}: shard {} is missing", target.string(), name);
        QF_TRY(model.addShard(file));
    }
    for (const auto& [tensor, file] : *weightMap->asObject()) {
        const auto* t = model.find(tensor);
        if (!t) return makeError("{}: tensor \"{}\" is not in {}", target.string(), tensor, *file.asString());
        if (model.m_shardPaths[t->shard].filename() != *file.asString())
            return makeError("{}: tensor \"{}\" is in {}, not in {}", target.string(), tensor,
                             model.m_shardPaths[t->shard].filename().string(), *file.asString());
    }
    return model;
}

const SafetensorInfo* SafetensorsModel::find(std::string_view name) const {
    const auto it = m_byName.find(std::string(name));
    return it == m_byName.end() ? nullptr : &m_tensors[it->second];
}

std::span<const uint8_t> SafetensorsModel::data(const SafetensorInfo& tensor) const {
    return m_maps[tensor.shard]->bytes().subspan(m_dataOffsets[tensor.shard] + tensor.begin,
                                                 tensor.byteSize());
}

void SafetensorsModel::release(const SafetensorInfo& tensor) const {
    m_maps[tensor.shard]->release(m_dataOffsets[tensor.shard] + tensor.begin, tensor.byteSize());
}

void SafetensorsModel::release(const SafetensorInfo& tensor, uint64_t offset, uint64_t length) const {
    if (offset >= tensor.byteSize()) return;
    length = std::min(length, tensor.byteSize() - offset);
    m_maps[tensor.shard]->release(m_dataOffsets[tensor.shard] + tensor.begin + offset, length);
}

uint64_t SafetensorsModel::tensorDataBytes() const {
    uint64_t total = 0;
    for (const auto& t : m_tensors)
        total += t.byteSize();
    return total;
}

} // namespace qf::hf
