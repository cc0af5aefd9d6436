#include "qf/eval/logprob_cache.h"

#include <cstring>

#include <fmt/format.h>
#include <zstd.h>

#include "qf/io/data_location.h"
#include "qf/sha256.h"

namespace qf::eval {
namespace {

constexpr char kMagic[8] = {'Q', 'F', 'K', 'L', 'B', 'A', 'S', 'E'};
constexpr uint32_t kVersion = 2; // 2: the model digest samples every tensor
constexpr size_t kHeaderBytes = 128;
constexpr int kLogprobZstdLevel = 3;

template <class T> void put(std::vector<uint8_t>& out, size_t& at, const T& v) {
    std::memcpy(out.data() + at, &v, sizeof(T));
    at += sizeof(T);
}

template <class T> T get(const uint8_t* in, size_t& at) {
    T v;
    std::memcpy(&v, in + at, sizeof(T));
    at += sizeof(T);
    return v;
}

std::vector<uint8_t> encodeHeader(const BaseCacheHeader& h) {
    std::vector<uint8_t> out(kHeaderBytes, 0);
    size_t at = 0;
    std::memcpy(out.data(), kMagic, 8);
    at = 8;
    put(out, at, kVersion);
    put(out, at, h.context);
    put(out, at, h.chunks);
    put(out, at, h.scoredPerChunk);
    put(out, at, h.embedding);
    put(out, at, h.vocabulary);
    put(out, at, h.textTokens);
    put(out, at, h.textDigest);
    put(out, at, h.modelDigest);
    put(out, at, h.flags);
    return out;
}

uint64_t chunkValues(const BaseCacheHeader& h) {
    return uint64_t(h.scoredPerChunk) * h.embedding;
}

} // namespace

bool BaseCacheHeader::covers(const BaseCacheHeader& wanted) const {
    return context == wanted.context && chunks >= wanted.chunks && scoredPerChunk == wanted.scoredPerChunk &&
           embedding == wanted.embedding && vocabulary == wanted.vocabulary &&
           textTokens == wanted.textTokens && textDigest == wanted.textDigest &&
           modelDigest == wanted.modelDigest && flags == wanted.flags;
}

Digest baseModelDigest(const LlamaModel& model) {
    Sha256 sha;
    const gguf::GgufFile& file = model.file();
    const uint64_t size = file.totalFileBytes();
    sha.update(&size, sizeof size);
    for (const gguf::TensorInfo& t : file.tensors()) {
        const uint64_t length = t.name.size();
        sha.update(&length, sizeof length);
        sha.update(t.name.data(), t.name.size());
        const uint32_t type = uint32_t(t.type);
        sha.update(&type, sizeof type);
        for (uint64_t d : t.shape)
            sha.update(&d, sizeof d);
        const std::span<const uint8_t> bytes = file.tensorData(t);
        constexpr size_t kSample = 4096;
        if (bytes.size() <= 3 * kSample) {
            sha.update(bytes);
        } else {
            sha.update(bytes.first(kSample));
            sha.update(bytes.subspan(bytes.size() / 2 - kSample / 2, kSample));
            sha.update(bytes.last(kSample));
        }
    }
    for (const char* name : {"output_norm.weight", "output.weight", "token_embd.weight"}) {
        const gguf::TensorInfo* t = file.findTensor(name);
        if (!t || (std::strcmp(name, "token_embd.weight") == 0 && !model.tiedEmbeddings())) continue;
        sha.update(file.tensorData(*t));
    }
    return sha.finish();
}

Digest textDigest(std::string_view text) {
    Sha256 sha;
    sha.update(text.data(), text.size());
    return sha.finish();
}

std::filesystem::path baseCachePath(const std::filesystem::path& baseModel, uint32_t context,
                                    const Digest& text, const std::filesystem::path& folder) {
    const std::string name = fmt::format("{}.kld-c{}-{}.qfkl", baseModel.filename().string(), context,
                                         Sha256::toHex(text).substr(0, 12));
    return folder.empty() ? io::derivedFilePath(baseModel, name, "kld") : folder / name;
}

Result<BaseCacheWriter> BaseCacheWriter::create(const std::filesystem::path& path,
                                                const BaseCacheHeader& header) {
    // Hidden states barely compress; reserve their raw size.
    const uint64_t expected = kHeaderBytes + uint64_t(header.chunks) * (8 + chunkValues(header) * 4);
    auto file = io::AtomicFile::create(path, expected);
    if (!file) return file.error();
    BaseCacheWriter writer(std::move(*file), header);
    QF_TRY(writer.m_file.write(encodeHeader(header)));
    return writer;
}

Status BaseCacheWriter::appendChunk(std::span<const float> hidden) {
    if (hidden.size() != chunkValues(m_header))
        return makeError("base cache chunk has {} values, expected {}", hidden.size(), chunkValues(m_header));
    if (m_written >= m_header.chunks)
        return makeError("base cache already holds its {} chunks", m_header.chunks);
    std::vector<uint8_t> frame(8 + ZSTD_compressBound(hidden.size_bytes()));
    const size_t n =
        ZSTD_compress(frame.data() + 8, frame.size() - 8, hidden.data(), hidden.size_bytes(), kLogprobZstdLevel);
    if (ZSTD_isError(n)) return makeError("zstd compression failed: {}", ZSTD_getErrorName(n));
    const uint64_t size = n;
    std::memcpy(frame.data(), &size, 8);
    frame.resize(8 + n);
    QF_TRY(m_file.write(frame));
    ++m_written;
    return {};
}

Status BaseCacheWriter::commit() {
    if (m_written != m_header.chunks)
        return makeError("base cache has {} of its {} chunks", m_written, m_header.chunks);
    return m_file.commit();
}

std::optional<BaseCacheHeader> BaseCacheReader::peek(const std::filesystem::path& path) {
    auto reader = open(path);
    if (!reader) return std::nullopt;
    return reader->header();
}

Result<BaseCacheReader> BaseCacheReader::open(const std::filesystem::path& path) {
    BaseCacheReader r;
    r.m_path = path;
    r.m_file.reset(std::fopen(path.string().c_str(), "rb"));
    if (!r.m_file) return makeError("cannot open {}", path.string());
    std::error_code ec;
    const uint64_t size = std::filesystem::file_size(path, ec);
    uint8_t raw[kHeaderBytes];
    if (ec || size < kHeaderBytes || std::fread(raw, 1, kHeaderBytes, r.m_file.get()) != kHeaderBytes)
        return makeError("{}: too short for a base cache header", path.string());
    if (std::memcmp(raw, kMagic, 8) != 0)
        return makeError("{}: not a Quantforge KL base cache", path.string());
    size_t at = 8;
    const auto version = get<uint32_t>(raw, at);
    if (version != kVersion)
        return makeError("{}: base cache version {} (expected {})", path.string(), version, kVersion);
    BaseCacheHeader& h = r.m_header;
    h.context = get<uint32_t>(raw, at);
    h.chunks = get<uint32_t>(raw, at);
    h.scoredPerChunk = get<uint32_t>(raw, at);
    h.embedding = get<uint32_t>(raw, at);
    h.vocabulary = get<uint32_t>(raw, at);
    h.textTokens = get<uint64_t>(raw, at);
    h.textDigest = get<Digest>(raw, at);
    h.modelDigest = get<Digest>(raw, at);
    h.flags = get<uint32_t>(raw, at);
    if (h.embedding == 0 || h.embedding > (1u << 20) || h.scoredPerChunk == 0 ||
        h.scoredPerChunk > (1u << 24))
        return makeError("{}: implausible base cache header", path.string());
    r.m_remaining = size - kHeaderBytes;
    return r;
}

Status BaseCacheReader::readChunk(std::vector<float>& hidden) {
    if (m_read >= m_header.chunks)
        return makeError("{}: no chunk {} (it holds {})", m_path.string(), m_read + 1, m_header.chunks);
    uint64_t size = 0;
    if (m_remaining < 8 || std::fread(&size, 1, 8, m_file.get()) != 8)
        return makeError("{}: truncated at chunk {}", m_path.string(), m_read + 1);
    m_remaining -= 8;
    if (size > m_remaining)
        return makeError("{}: chunk {} claims {} bytes, {} remain", m_path.string(), m_read + 1, size,
                         m_remaining);
    m_compressed.resize(size);
    if (std::fread(m_compressed.data(), 1, size, m_file.get()) != size)
        return makeError("{}: truncated at chunk {}", m_path.string(), m_read + 1);
    m_remaining -= size;
    const uint64_t values = chunkValues(m_header);
    if (ZSTD_getFrameContentSize(m_compressed.data(), size) != values * 4)
        return makeError("{}: chunk {} does not hold {} values", m_path.string(), m_read + 1, values);
    hidden.resize(values);
    const size_t n = ZSTD_decompress(hidden.data(), values * 4, m_compressed.data(), size);
    if (ZSTD_isError(n) || n != values * 4)
        return makeError("{}: chunk {} is corrupt", m_path.string(), m_read + 1);
    ++m_read;
    return {};
}

} // namespace qf::eval
