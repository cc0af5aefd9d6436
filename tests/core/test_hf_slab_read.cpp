// Quantizing straight from a Hugging Face folder reads large 2-D tensors a slab of rows at a time, so memory
// stays bounded whatever the model (a Llama 3 embedding is 128256 x 4096): the bytes must be those of reading
// each tensor whole, and no more than one slab's bytes may be handed out at once.
#include <QTemporaryDir>
#include <QTest>

#include <algorithm>
#include <filesystem>
#include <map>
#include <vector>

#include <fmt/format.h>

#include "hf_synthetic_folder.h"
#include "qf/gguf/gguf_file.h"
#include "qf/hf/hf_convert.h"
#include "qf/hf/hf_tensor_source.h"
#include "qf/quant/preset.h"
#include "qf/quant/quantize_job.h"
#include "test_support.h"

using namespace qf;
namespace fs = std::filesystem;

namespace {

const fs::path kData = fs::path(QF_SOURCE_DIR) / "tests/data/hf_convert";

// The folder's source, optionally refusing row reads (every tensor whole), and recording what it hands out.
class RecordingSource final : public quant::TensorSource {
public:
    RecordingSource(hf::HfTensorSource& inner, bool rows) : m_inner(inner), m_rows(rows) {}
    const gguf::Metadata& metadata() const override { return m_inner.metadata(); }
    const std::vector<gguf::TensorInfo>& tensors() const override { return m_inner.tensors(); }
    Result<std::span<const uint8_t>> tensorBytes(size_t index) override {
        auto bytes = m_inner.tensorBytes(index);
        if (bytes) note(index, bytes->size());
        return bytes;
    }
    void releaseTensor(size_t index) override { m_inner.releaseTensor(index); }
    uint64_t rowGranularity(size_t index) const override { return m_rows ? m_inner.rowGranularity(index) : 0; }
    Result<std::span<const uint8_t>> tensorRows(size_t index, uint64_t first, uint64_t count) override {
        if (first != m_nextRow[index]) m_outOfOrder = true;
        m_nextRow[index] = first + count;
        auto bytes = m_inner.tensorRows(index, first, count);
        if (bytes) note(index, bytes->size());
        return bytes;
    }
    void releaseRows(size_t index, uint64_t first, uint64_t count) override {
        m_releasedRows[index] += count;
        m_inner.releaseRows(index, first, count);
    }
    std::vector<fs::path> inputPaths() const override { return m_inner.inputPaths(); }

    uint64_t largestRead = 0;
    std::map<size_t, int> readsOf;
    std::map<size_t, uint64_t> m_nextRow, m_releasedRows;
    bool m_outOfOrder = false;

private:
    void note(size_t index, uint64_t bytes) {
        largestRead = std::max(largestRead, bytes);
        ++readsOf[index];
    }
    hf::HfTensorSource& m_inner;
    bool m_rows;
};

} // namespace

class TestHfSlabRead : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;
    fs::path dir() const { return fs::path(m_dir.path().toStdString()); }

    // Quantizes the synthetic Llama folder to Q4_K_M, Q8_0 and F16 (a copy of the converted bytes) in one run.
    void quantizeAll(quant::TensorSource& source, const std::string& tag, uint64_t slabElements) {
        quant::QuantizeParams params;
        params.tensorSource = &source;
        params.slabElements = slabElements;
        params.threads = 2;
        for (const char* name : {"Q4_K_M", "Q8_0", "F16"}) {
            const auto* preset = quant::findPreset(name);
            QVERIFY(preset);
            auto plan = quant::makeQuantPlan(source.metadata(), source.tensors(), *preset);
            QVERIFY2(plan.ok(), plan.ok() ? "" : plan.error().message.c_str());
            params.outputs.push_back({std::move(*plan), dir() / fmt::format("{}-{}.gguf", tag, name)});
        }
        auto result = quant::quantize(params);
        QVERIFY2(result.ok(), result.ok() ? "" : result.error().message.c_str());
    }

private slots:
    void initTestCase() {
        QVERIFY(m_dir.isValid());
        test::hf::SyntheticOptions options;
        options.tokenizerDir = kData / "qwen3-tokenizer";
        options.shards = 2;
        QVERIFY(test::hf::writeSyntheticHfFolder("llama-rope", dir() / "llama", options));
    }

    // Every tensor read by rows, one granule (a rotary head's rows for Q and K) at a time, gives the bytes of
    // reading it whole.
    void rowsEqualTheWholeTensor() {
        auto conv = hf::HfConversion::open(dir() / "llama");
        QVERIFY(conv.ok());
        int permuted = 0;
        for (size_t i = 0; i < conv->tensors().size(); ++i) {
            const uint64_t granularity = conv->rowGranularity(i);
            if (!granularity) continue;
            permuted += granularity > 1;
            std::vector<uint8_t> whole(conv->tensorByteSize(i));
            QVERIFY(conv->tensorData(i, whole).ok());
            const uint64_t rows = conv->tensors()[i].shape[1];
            const uint64_t rowBytes = whole.size() / rows;
            for (uint64_t r = 0; r < rows; r += granularity) {
                std::vector<uint8_t> part(granularity * rowBytes);
                QVERIFY(conv->tensorRows(i, r, granularity, part).ok());
                QVERIFY2(std::equal(part.begin(), part.end(), whole.begin() + std::ptrdiff_t(r * rowBytes)),
                         conv->tensors()[i].name.c_str());
                conv->releaseRows(i, r, granularity);
            }
            // Slabs must be whole granules inside the tensor.
            std::vector<uint8_t> part(rowBytes);
            if (granularity > 1) QVERIFY(!conv->tensorRows(i, 1, 1, part).ok());
            QVERIFY(!conv->tensorRows(i, rows, granularity, part).ok());
        }
        QCOMPARE(permuted, 4); // attn_q and attn_k of both layers
    }

    void slabsGiveTheBytesOfWholeTensors() {
        auto conv = hf::HfConversion::open(dir() / "llama");
        QVERIFY2(conv.ok(), conv.ok() ? "" : conv.error().message.c_str());
        hf::HfTensorSource inner(*conv);
        RecordingSource whole(inner, false), slabs(inner, true);
        quantizeAll(whole, "whole", 4096);
        quantizeAll(slabs, "slabs", 4096);
        for (const char* name : {"Q4_K_M", "Q8_0", "F16"}) {
            const QByteArray a = test::readAll(dir() / fmt::format("whole-{}.gguf", name));
            QVERIFY(a.size() > 100000);
            QVERIFY2(a == test::readAll(dir() / fmt::format("slabs-{}.gguf", name)), name);
        }
        // The rotary Q/K rows (permuted within each head) and the embedding went through in several slabs,
        // in order, each released after use.
        const auto& tensors = inner.tensors();
        int sliced = 0;
        for (size_t i = 0; i < tensors.size(); ++i) {
            const bool rows = inner.rowGranularity(i) > 0;
            if (tensors[i].name == "token_embd.weight" || tensors[i].name == "blk.0.attn_q.weight") QVERIFY(rows);
            if (!rows) continue;
            sliced += slabs.readsOf[i] > 1;
            QCOMPARE(slabs.m_releasedRows[i], tensors[i].rowCount());
        }
        QVERIFY(sliced >= 3);
        QVERIFY(!slabs.m_outOfOrder);
        QCOMPARE(whole.m_releasedRows.size(), size_t(0));
    }

    void readsAtMostOneSlabAtATime() {
        auto conv = hf::HfConversion::open(dir() / "llama");
        QVERIFY(conv.ok());
        hf::HfTensorSource inner(*conv);
        RecordingSource whole(inner, false), slabs(inner, true);
        quantizeAll(whole, "whole", 4096);
        quantizeAll(slabs, "slabs", 4096);
        // Slabs hold a multiple of the job's work item (2^16 values: 256 rows of 256, 128 of 512) and of a
        // rotary head (64 rows); 4096 values asked for: one work item, F16.
        const uint64_t bound = (1u << 16) * 2;
        QVERIFY2(whole.largestRead > bound, fmt::format("{} bytes", whole.largestRead).c_str());
        QVERIFY2(slabs.largestRead <= bound, fmt::format("{} bytes", slabs.largestRead).c_str());
    }
};

QTEST_GUILESS_MAIN(TestHfSlabRead)
#include "test_hf_slab_read.moc"
