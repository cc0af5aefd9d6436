#include "qf/hf/sentencepiece.h"

#include <bit>
#include <cstring>
#include <fstream>
#include <optional>

namespace qf::hf {
namespace {

constexpr uint64_t kMaxModelBytes = 256ull << 20;

class ProtoReader {
public:
    explicit ProtoReader(std::span<const uint8_t> bytes) : m_bytes(bytes) {}
    bool atEnd() const { return m_pos >= m_bytes.size(); }
    size_t position() const { return m_pos; }

    std::optional<uint64_t> varint() {
        uint64_t v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (m_pos >= m_bytes.size()) return std::nullopt;
            const uint8_t b = m_bytes[m_pos++];
            v |= uint64_t(b & 0x7f) << shift;
            if (!(b & 0x80)) return v;
        }
        return std::nullopt;
    }

    std::optional<std::span<const uint8_t>> lengthDelimited() {
        const auto len = varint();
        if (!len || *len > m_bytes.size() - m_pos) return std::nullopt;
        auto s = m_bytes.subspan(m_pos, size_t(*len));
        m_pos += size_t(*len);
        return s;
    }

    std::optional<uint32_t> fixed32() {
        if (m_bytes.size() - m_pos < 4) return std::nullopt;
        uint32_t v = 0;
        std::memcpy(&v, m_bytes.data() + m_pos, 4);
        m_pos += 4;
        return v;
    }

    bool skip(uint32_t wireType) {
        switch (wireType) {
        case 0:
            return varint().has_value();
        case 1:
            if (m_bytes.size() - m_pos < 8) return false;
            m_pos += 8;
            return true;
        case 2:
            return lengthDelimited().has_value();
        case 5:
            return fixed32().has_value();
        default:
            return false; // groups (3, 4) are not used by SentencePiece
        }
    }

private:
    std::span<const uint8_t> m_bytes;
    size_t m_pos = 0;
};

Result<SentencePiece> parsePiece(std::span<const uint8_t> bytes, size_t index, const std::string& fileName) {
    ProtoReader r(bytes);
    SentencePiece piece;
    auto fail = [&](std::string_view what) { return makeError("{}: piece {}: {}", fileName, index, what); };
    while (!r.atEnd()) {
        const auto tag = r.varint();
        if (!tag) return fail("truncated field tag");
        const auto field = uint32_t(*tag >> 3);
        const auto wire = uint32_t(*tag & 7);
        if (field == 1 && wire == 2) {
            const auto s = r.lengthDelimited();
            if (!s) return fail("truncated piece text");
            piece.text.assign(reinterpret_cast<const char*>(s->data()), s->size());
        } else if (field == 2 && wire == 5) {
            const auto v = r.fixed32();
            if (!v) return fail("truncated score");
            piece.score = std::bit_cast<float>(*v);
        } else if (field == 3 && wire == 0) {
            const auto v = r.varint();
            if (!v) return fail("truncated type");
            if (*v < 1 || *v > 6) return fail(fmt::format("unknown piece type {}", *v));
            piece.type = PieceType(int32_t(*v));
        } else if (!r.skip(wire)) {
            return fail(fmt::format("bad field {} (wire type {})", field, wire));
        }
    }
    return piece;
}

} // namespace

Result<std::vector<SentencePiece>> parseSentencePieceModel(std::span<const uint8_t> bytes,
                                                           const std::string& fileName) {
    ProtoReader r(bytes);
    std::vector<SentencePiece> pieces;
    std::optional<uint64_t> declaredSize;
    while (!r.atEnd()) {
        const size_t at = r.position();
        const auto tag = r.varint();
        if (!tag) return makeError("{}: truncated field tag at byte {}", fileName, at);
        const auto field = uint32_t(*tag >> 3);
        const auto wire = uint32_t(*tag & 7);
        if (field == 1 && wire == 2) {
            const auto body = r.lengthDelimited();
            if (!body)
                return makeError("{}: piece {} runs past the end of the file", fileName, pieces.size());
            auto piece = parsePiece(*body, pieces.size(), fileName);
            if (!piece) return piece.error();
            pieces.push_back(std::move(*piece));
        } else if (field == 2 && wire == 2) {
            // TrainerSpec: its vocab_size (field 4) tells whether pieces went missing. (Vocabularies extended
            // after training have more pieces than it says, which is fine.)
            const auto body = r.lengthDelimited();
            if (!body) return makeError("{}: the trainer spec runs past the end of the file", fileName);
            ProtoReader spec(*body);
            while (!spec.atEnd()) {
                const auto specTag = spec.varint();
                if (!specTag) return makeError("{}: truncated trainer spec", fileName);
                if ((*specTag >> 3) == 4 && (*specTag & 7) == 0) {
                    const auto v = spec.varint();
                    if (!v) return makeError("{}: truncated trainer spec", fileName);
                    declaredSize = *v;
                } else if (!spec.skip(uint32_t(*specTag & 7))) {
                    return makeError("{}: bad trainer spec", fileName);
                }
            }
        } else if (!r.skip(wire)) {
            return makeError("{}: bad field {} (wire type {}) at byte {}", fileName, field, wire, at);
        }
    }
    if (declaredSize && *declaredSize > pieces.size())
        return makeError("{}: {} pieces but the trainer spec says {}", fileName, pieces.size(),
                         *declaredSize);
    if (pieces.empty())
        return makeError("{}: no vocabulary pieces (is this a SentencePiece model?)", fileName);
    return pieces;
}

Result<std::vector<SentencePiece>> readSentencePieceModel(const std::filesystem::path& path) {
    std::error_code ec;
    const auto size = std::filesystem::file_size(path, ec);
    if (ec) return makeError("{}: cannot read: {}", path.string(), ec.message());
    if (size > kMaxModelBytes)
        return makeError("{}: {} bytes is too large for a tokenizer model", path.string(), size);
    std::ifstream in(path, std::ios::binary);
    std::vector<uint8_t> bytes(static_cast<size_t>(size));
    in.read(reinterpret_cast<char*>(bytes.data()), std::streamsize(size));
    if (!in || size_t(in.gcount()) != size) return makeError("{}: short read", path.string());
    return parseSentencePieceModel(bytes, path.string());
}

} // namespace qf::hf
