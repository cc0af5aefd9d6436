#include "qf/gguf/gguf_writer.h"

#include <algorithm>
#include <cstring>
#include <limits>
#include <unordered_set>

#include <fmt/format.h>

#include "qf/gguf/gguf_file.h"
#include "qf/io/atomic_file.h"

namespace qf::gguf {
namespace fs = std::filesystem;
namespace {

constexpr uint64_t padTo(uint64_t n, uint64_t alignment) { return (n + alignment - 1) / alignment * alignment; }

class ByteWriter {
public:
    template <class T>
    void put(T v) {
        const size_t at = m_bytes.size();
        m_bytes.resize(at + sizeof(T));
        std::memcpy(m_bytes.data() + at, &v, sizeof(T));
    }
    void putString(const std::string& s) {
        put<uint64_t>(s.size());
        m_bytes.insert(m_bytes.end(), s.begin(), s.end());
    }
    void putRaw(const std::vector<uint8_t>& raw) { m_bytes.insert(m_bytes.end(), raw.begin(), raw.end()); }
    std::vector<uint8_t>& bytes() { return m_bytes; }

private:
    std::vector<uint8_t> m_bytes;
};

void putArray(ByteWriter& out, const Array& a) {
    out.put<uint32_t>(static_cast<uint32_t>(a.elementType()));
    out.put<uint64_t>(a.size());
    switch (a.elementType()) {
    case ValueType::String:
        for (const auto& s : a.strings()) out.putString(s);
        break;
    case ValueType::Array:
        for (const auto& inner : a.arrays()) putArray(out, inner);
        break;
    default: out.putRaw(a.raw());
    }
}

void putValue(ByteWriter& out, const Value& v) {
    std::visit(
        [&](const auto& x) {
            using T = std::decay_t<decltype(x)>;
            if constexpr (std::is_same_v<T, std::string>) out.putString(x);
            else if constexpr (std::is_same_v<T, Array>) putArray(out, x);
            else if constexpr (std::is_same_v<T, bool>) out.put<uint8_t>(x ? 1 : 0);
            else out.put<T>(x);
        },
        v.data);
}

Result<uint32_t> effectiveAlignment(const WriteParams& params) {
    if (const Value* a = params.metadata.find("general.alignment")) {
        const auto* v = std::get_if<uint32_t>(&a->data);
        if (!v || *v == 0 || (*v & (*v - 1)) != 0)
            return makeError("general.alignment must be a u32 power of two");
        return *v;
    }
    if (params.alignment == 0 || (params.alignment & (params.alignment - 1)) != 0)
        return makeError("the alignment {} is not a power of two", params.alignment);
    return params.alignment;
}

} // namespace

Result<uint64_t> tensorByteSize(const TensorSpec& spec) {
    if (spec.shape.size() > 4)
        return makeError("tensor '{}' has {} dimensions; at most 4 are allowed", spec.name, spec.shape.size());
    const auto* traits = ggmlTypeTraits(static_cast<uint32_t>(spec.type));
    if (!traits) return makeError("tensor '{}' has an unknown type", spec.name);
    uint64_t elements = 1;
    for (auto d : spec.shape) {
        if (d != 0 && elements > uint64_t(std::numeric_limits<int64_t>::max()) / d)
            return makeError("tensor '{}' has too many elements", spec.name);
        elements *= d;
    }
    const uint64_t rowLength = spec.shape.empty() ? 1 : spec.shape[0];
    if (rowLength % traits->blockSize != 0)
        return makeError("tensor '{}': rows of {} values cannot be stored as {} (blocks of {})", spec.name, rowLength,
                         traits->name, traits->blockSize);
    return elements / traits->blockSize * traits->blockBytes;
}

namespace {

// The header's bytes; `deferred`, when given, receives where each of params.deferredStrings' values is.
Result<std::vector<uint8_t>> serializeHeaderWith(const WriteParams& params,
                                                 std::vector<GgufStreamWriter::DeferredSlot>* deferred) {
    auto alignment = effectiveAlignment(params);
    if (!alignment) return alignment.error();
    ByteWriter out;
    out.put<uint32_t>(kMagic);
    out.put<uint32_t>(params.version);
    out.put<uint64_t>(params.tensors.size());
    out.put<uint64_t>(params.metadata.size());
    std::unordered_set<std::string_view> keys;
    for (const auto& e : params.metadata.entries()) {
        if (!keys.insert(e.key).second) return makeError("metadata key '{}' appears twice", e.key);
        out.putString(e.key);
        out.put<uint32_t>(static_cast<uint32_t>(e.value.type()));
        if (deferred && std::find(params.deferredStrings.begin(), params.deferredStrings.end(), e.key) !=
                            params.deferredStrings.end()) {
            const auto* text = std::get_if<std::string>(&e.value.data);
            if (!text) return makeError("internal error: the deferred metadata key '{}' is not a string", e.key);
            // A string is its u64 length, then its characters.
            deferred->push_back({e.key, out.bytes().size() + sizeof(uint64_t), text->size(), false});
        }
        putValue(out, e.value);
    }
    if (deferred && deferred->size() != params.deferredStrings.size())
        return makeError("internal error: a deferred metadata key is missing from the metadata");
    std::unordered_set<std::string_view> names;
    uint64_t offset = 0;
    for (const auto& t : params.tensors) {
        if (!names.insert(t.name).second) return makeError("tensor name '{}' appears twice", t.name);
        if (t.name.size() > 63) return makeError("tensor name '{}' is longer than 63 bytes", t.name);
        auto size = tensorByteSize(t);
        if (!size) return size.error();
        out.putString(t.name);
        out.put<uint32_t>(uint32_t(t.shape.size()));
        for (auto d : t.shape) out.put<uint64_t>(d);
        out.put<uint32_t>(static_cast<uint32_t>(t.type));
        out.put<uint64_t>(offset);
        offset += padTo(*size, *alignment);
    }
    out.bytes().resize(size_t(padTo(out.bytes().size(), *alignment)), 0);
    return std::move(out.bytes());
}

} // namespace

Result<std::vector<uint8_t>> serializeHeader(const WriteParams& params) {
    return serializeHeaderWith(params, nullptr);
}

Result<uint64_t> plannedFileSize(const WriteParams& params) {
    auto header = serializeHeader(params);
    if (!header) return header.error();
    auto alignment = effectiveAlignment(params);
    uint64_t total = header->size();
    for (const auto& t : params.tensors) total += padTo(*tensorByteSize(t), *alignment);
    return total;
}

struct GgufStreamWriter::State {
    io::AtomicFile file;
};

GgufStreamWriter::GgufStreamWriter(GgufStreamWriter&&) noexcept = default;
GgufStreamWriter::~GgufStreamWriter() = default;

Result<GgufStreamWriter> GgufStreamWriter::create(const WriteParams& params) {
    const io::OutputPolicy policy{params.overwrite, params.protectedInputs};
    QF_TRY(io::checkOutputAllowed(params.output, policy));

    std::vector<DeferredSlot> deferred;
    auto header = serializeHeaderWith(params, &deferred);
    if (!header)
        return rewordError(header.error(), "cannot write {}: {}", params.output.string(),
                           header.error().message);
    GgufStreamWriter w;
    w.m_alignment = *effectiveAlignment(params);
    w.m_durable = params.durable;
    w.m_deferred = std::move(deferred);
    w.m_planned = header->size();
    for (const auto& t : params.tensors) {
        w.m_sizes.push_back(*tensorByteSize(t));
        w.m_planned += padTo(w.m_sizes.back(), w.m_alignment);
    }
    auto file = io::AtomicFile::create(params.output, w.m_planned, policy);
    if (!file) return file.error();
    w.m_state.reset(new State{std::move(*file)});
    QF_TRY(w.m_state->file.write(*header));
    return w;
}

Status GgufStreamWriter::writeTensor(std::span<const uint8_t> bytes) {
    if (m_next >= m_sizes.size()) return makeError("internal error: more tensors written than planned");
    if (bytes.size() != m_sizes[m_next])
        return makeError("internal error: tensor {} has {} bytes, planned {}", m_next, bytes.size(), m_sizes[m_next]);
    if (m_partWritten != 0) return makeError("internal error: tensor {} was partly written", m_next);
    return writeTensorPart(bytes);
}

Status GgufStreamWriter::writeTensorPart(std::span<const uint8_t> bytes) {
    if (m_next >= m_sizes.size()) return makeError("internal error: more tensors written than planned");
    const uint64_t size = m_sizes[m_next];
    if (m_partWritten + bytes.size() > size)
        return makeError("internal error: tensor {} gets {} bytes, planned {}", m_next, m_partWritten + bytes.size(),
                         size);
    QF_TRY(m_state->file.write(bytes));
    m_partWritten += bytes.size();
    if (m_partWritten < size) return {};
    QF_TRY(m_state->file.writeZeros(padTo(size, m_alignment) - size));
    m_partWritten = 0;
    ++m_next;
    return {};
}

Status GgufStreamWriter::fillString(std::string_view key, std::string_view value) {
    for (DeferredSlot& slot : m_deferred) {
        if (slot.key != key) continue;
        if (value.size() != slot.size)
            return makeError("internal error: '{}' has {} characters, its placeholder {}", key, value.size(), slot.size);
        QF_TRY(m_state->file.overwriteAt(slot.offset, {reinterpret_cast<const uint8_t*>(value.data()), value.size()}));
        slot.filled = true;
        return {};
    }
    return makeError("internal error: '{}' is not a deferred metadata key of this file", key);
}

Status GgufStreamWriter::finish() {
    for (const DeferredSlot& slot : m_deferred)
        if (!slot.filled) return makeError("internal error: the value of '{}' was never filled in", slot.key);
    if (m_next != m_sizes.size())
        return makeError("internal error: {} of {} tensors written", m_next, m_sizes.size());
    if (m_state->file.bytesWritten() != m_planned)
        return makeError("internal error: wrote {} bytes but planned {}", m_state->file.bytesWritten(), m_planned);
    return m_state->file.commit(m_durable);
}

Status writeGguf(const WriteParams& params, const TensorDataFn& data, const ProgressFn& progress,
                 std::stop_token stop) {
    auto writer = GgufStreamWriter::create(params);
    if (!writer) return writer.error();
    std::vector<uint8_t> buffer;
    Progress report{"writing", 0, params.tensors.size(), "tensors"};
    for (size_t i = 0; i < params.tensors.size(); ++i) {
        if (stop.stop_requested()) return cancelledError();
        buffer.resize(size_t(writer->tensorBytes(i)));
        if (auto filled = data(i, buffer); !filled) return filled.error();
        if (stop.stop_requested()) return cancelledError();
        QF_TRY(writer->writeTensor(buffer));
        report.done = i + 1;
        if (progress) progress(report);
    }
    return writer->finish();
}

} // namespace qf::gguf
