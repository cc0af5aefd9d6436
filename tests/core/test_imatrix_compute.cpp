// Importance matrix computation on the shared model: structure and storage conventions of the result,
// determinism, cache round trip, .zst calibration text and cancellation. The full agreement with
// llama-imatrix's reference file is test_imatrix_compute_reference (labelled slow).
#include <QTemporaryDir>
#include <QTest>

#include <zstd.h>

#include <cmath>
#include <fstream>
#include <iterator>

#include "qf/eval/imatrix_compute.h"
#include "qf/eval/logprob_cache.h"
#include "qf/gguf/gguf_file.h"
#include "qf/quant/imatrix.h"
#include "test_support.h"

using namespace qf;
using namespace qf::eval;
using namespace qf::test;
namespace fs = std::filesystem;

class TestImatrixCompute : public QObject {
    Q_OBJECT

    std::unique_ptr<LlamaModel> m_model;
    std::string m_text;

    ImatrixParams twoChunks() const {
        ImatrixParams p;
        p.context = 256;
        p.maxChunks = 2;
        p.threads = 2;
        return p;
    }

private slots:
    void initTestCase() {
        auto model = LlamaModel::open(sharedModel());
        QVERIFY2(model.ok(), model.ok() ? "" : model.error().message.c_str());
        m_model = std::move(*model);
        auto text = readCalibrationText(sharedPath("data/books-calibration.txt"));
        QVERIFY(text.ok());
        m_text = std::move(*text);
    }

    void structureAndConventions() {
        auto r = computeImatrix(*m_model, m_text, twoChunks());
        QVERIFY2(r.ok(), r.ok() ? "" : r.error().message.c_str());
        QCOMPARE(r->chunks, 2);
        QCOMPARE(r->stats.size(), size_t(6 * 7)); // every blk.* matrix, no output.weight
        QVERIFY(!r->stats.count("output.weight"));
        for (const auto& [name, s] : r->stats) {
            QCOMPARE(s.calls, 2u); // one product per chunk at -b = -c
            QCOMPARE(s.rows, uint64_t(512));
            const size_t cols = name.find("ffn_down") != std::string::npos ? 768 : 256;
            QCOMPARE(s.sumSquares.size(), cols);
        }
        QVERIFY(r->perplexity > 1.0 && std::isfinite(r->perplexity));

        auto legacy = r->toImatrix(quant::ImatrixFormat::Legacy, "books-calibration.txt");
        auto gguf = r->toImatrix(quant::ImatrixFormat::Gguf, "books-calibration.txt");
        QVERIFY(legacy.ok() && gguf.ok());
        QCOMPARE(legacy->entries().size(), size_t(42));
        const auto* l = legacy->find("blk.0.attn_q.weight");
        const auto* g = gguf->find("blk.0.attn_q.weight");
        QVERIFY(l && g);
        QCOMPARE(l->counts.front(), 2.0);   // ncall
        QCOMPARE(g->counts.front(), 512.0); // rows
        // Both conventions give the quantizers the same mean square.
        const auto li = legacy->importance(*l);
        const auto gi = gguf->importance(*g);
        for (size_t c = 0; c < li.size(); ++c)
            QVERIFY(std::abs(li[c] - gi[c]) <= 1e-5f * std::max(1.0f, std::abs(gi[c])));

        // Files written in both formats load back with the same entries.
        QTemporaryDir dir;
        const fs::path dat = fs::path(dir.path().toStdString()) / "x.dat";
        const fs::path gg = fs::path(dir.path().toStdString()) / "x.gguf";
        QVERIFY(quant::saveLegacyImatrix(*legacy, dat).ok());
        auto back = quant::loadImatrix(dat);
        QVERIFY(back.ok());
        QCOMPARE(back->entries().size(), size_t(42));
        QCOMPARE(back->chunkCount, 2u);
        if (auto s = quant::saveGgufImatrix(*gguf, gg); s.ok()) { // needs the GGUF writer
            auto gback = quant::loadImatrix(gg);
            QVERIFY(gback.ok());
            QCOMPARE(gback->entries().size(), size_t(42));
        }
    }

    void smallBatchesAreSkipped() {
        ImatrixParams p = twoChunks();
        p.maxChunks = 1;
        p.batch = 64; // 4 products per chunk, all >= 16 rows
        auto r = computeImatrix(*m_model, m_text, p);
        QVERIFY(r.ok());
        QCOMPARE(r->stats.at("blk.3.ffn_down.weight").calls, 4u);
        QCOMPARE(r->stats.at("blk.3.ffn_down.weight").rows, uint64_t(256));
        p.batch = 8; // below llama-imatrix's 16-row threshold: nothing collected
        r = computeImatrix(*m_model, m_text, p);
        QVERIFY(r.ok());
        QVERIFY(r->stats.empty());
    }

    void deterministicAndCached() {
        QTemporaryDir dir;
        const fs::path cacheDir = dir.path().toStdString();
        auto a = computeImatrixCached(*m_model, sharedModel(), m_text, twoChunks(), cacheDir);
        QVERIFY(a.ok());
        QVERIFY(!a->fromCache);
        QVERIFY(fs::exists(imatrixCachePath(*m_model, sharedModel(), m_text, twoChunks(), cacheDir)));
        auto b = computeImatrixCached(*m_model, sharedModel(), m_text, twoChunks(), cacheDir);
        QVERIFY(b.ok());
        QVERIFY(b->fromCache);
        auto c = computeImatrix(*m_model, m_text, twoChunks());
        QVERIFY(c.ok());
        for (const auto& [name, s] : a->stats) {
            QCOMPARE(b->stats.at(name).sumSquares, s.sumSquares);
            QCOMPARE(c->stats.at(name).sumSquares, s.sumSquares);
            QCOMPARE(b->stats.at(name).calls, s.calls);
        }
        QCOMPARE(b->perplexity, a->perplexity);
        QCOMPARE(b->order, a->order);
    }

    // The caches know a model by content: a copy (new path, new time) is the same model; one changed
    // weight inside a block, where neither the tensor table nor the output layer changes, is another.
    void cacheKeyFollowsContent() {
        QTemporaryDir dir;
        const fs::path copy = fs::path(dir.path().toStdString()) / "copy.gguf";
        const fs::path changed = fs::path(dir.path().toStdString()) / "changed.gguf";
        fs::copy_file(sharedModel(), copy);
        fs::copy_file(sharedModel(), changed);
        {
            // Flip one bit in the first bytes of an attention matrix, found by its bytes in the file.
            auto file = gguf::GgufFile::open(changed);
            QVERIFY(file.ok());
            const gguf::TensorInfo* t = file->findTensor("blk.2.attn_q.weight");
            QVERIFY(t);
            const auto data = file->tensorData(*t);
            const std::string needle(reinterpret_cast<const char*>(data.data()), 64);
            std::ifstream in(changed, std::ios::binary);
            const std::string bytes((std::istreambuf_iterator<char>(in)), std::istreambuf_iterator<char>());
            const size_t at = bytes.find(needle);
            QVERIFY(at != std::string::npos && bytes.find(needle, at + 1) == std::string::npos);
            file = Result<gguf::GgufFile>(makeError("closed"));
            std::fstream f(changed, std::ios::in | std::ios::out | std::ios::binary);
            f.seekp(std::streamoff(at + 2));
            const char flipped = char(bytes[at + 2] ^ 0x10);
            f.write(&flipped, 1);
            QVERIFY(f.good());
        }
        auto copied = LlamaModel::open(copy);
        auto modified = LlamaModel::open(changed);
        QVERIFY(copied.ok() && modified.ok());
        QCOMPARE(baseModelDigest(**copied), baseModelDigest(*m_model));
        QVERIFY(baseModelDigest(**modified) != baseModelDigest(*m_model));
        const fs::path folder = dir.path().toStdString();
        QCOMPARE(imatrixCachePath(**copied, "model.gguf", m_text, twoChunks(), folder),
                 imatrixCachePath(*m_model, "model.gguf", m_text, twoChunks(), folder));
        QVERIFY(imatrixCachePath(**modified, "model.gguf", m_text, twoChunks(), folder) !=
                imatrixCachePath(*m_model, "model.gguf", m_text, twoChunks(), folder));
    }

    void zstdText() {
        QTemporaryDir dir;
        const fs::path zst = fs::path(dir.path().toStdString()) / "cal.txt.zst";
        const std::string raw = m_text + "\n";
        std::vector<char> packed(ZSTD_compressBound(raw.size()));
        const size_t n = ZSTD_compress(packed.data(), packed.size(), raw.data(), raw.size(), 3);
        QVERIFY(!ZSTD_isError(n));
        std::ofstream(zst, std::ios::binary).write(packed.data(), std::streamsize(n));
        auto text = readCalibrationText(zst);
        QVERIFY(text.ok());
        QCOMPARE(*text, m_text);
        QVERIFY(!readCalibrationText(fs::path(dir.path().toStdString()) / "missing.txt").ok());
    }

    void tooShortAndCancel() {
        QVERIFY(!computeImatrix(*m_model, "just a few words", twoChunks()).ok());
        std::stop_source source;
        int calls = 0;
        auto r = computeImatrix(
            *m_model, m_text, twoChunks(),
            [&](const Progress&) {
                ++calls;
                source.request_stop();
            },
            source.get_token());
        QVERIFY(!r.ok());
        QVERIFY(isCancelled(r.error()));
        QCOMPARE(calls, 1);
    }
};

QTEST_GUILESS_MAIN(TestImatrixCompute)
#include "test_imatrix_compute.moc"
