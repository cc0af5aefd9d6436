// The llama forward pass: against a plain double-precision transcription of the graph on small
// synthetic models (tied and untied embeddings, grouped-query attention), batch vs incremental decoding
// with the key/value cache, the hooks imatrix collection will use, cancel within a chunk, and the
// errors for models it cannot run.
#include <QTemporaryDir>
#include <QTest>

#include <cmath>
#include <stop_token>

#include "gguf_builder.h"
#include "qf/eval/inference_session.h"
#include "qf/quant/kernels.h"
#include "qf/synthetic_model.h"
#include "test_support.h"

using namespace qf;
using namespace qf::eval;
namespace fs = std::filesystem;

namespace {

using Matrix = std::vector<double>; // row-major

Matrix dequantized(const WeightMatrix& w) {
    std::vector<float> row(static_cast<size_t>(w.cols));
    Matrix m(size_t(w.rows * w.cols));
    for (int64_t r = 0; r < w.rows; ++r) {
        quant::dequantizeRow(w.type, w.row(r), row.data(), w.cols);
        for (int64_t c = 0; c < w.cols; ++c)
            m[size_t(r * w.cols + c)] = row[size_t(c)];
    }
    return m;
}

// out[t][r] = sum_c x[t][c] * w[r][c]
Matrix times(const Matrix& x, int64_t tokens, const WeightMatrix& w) {
    const Matrix m = dequantized(w);
    Matrix out(size_t(tokens * w.rows), 0.0);
    for (int64_t t = 0; t < tokens; ++t)
        for (int64_t r = 0; r < w.rows; ++r) {
            double s = 0;
            for (int64_t c = 0; c < w.cols; ++c)
                s += x[size_t(t * w.cols + c)] * m[size_t(r * w.cols + c)];
            out[size_t(t * w.rows + r)] = s;
        }
    return out;
}

Matrix rmsNorm(const Matrix& x, int64_t tokens, const std::vector<float>& weight, double eps) {
    const int64_t n = int64_t(weight.size());
    Matrix out(x.size());
    for (int64_t t = 0; t < tokens; ++t) {
        double ss = 0;
        for (int64_t i = 0; i < n; ++i)
            ss += x[size_t(t * n + i)] * x[size_t(t * n + i)];
        const double scale = 1.0 / std::sqrt(ss / double(n) + eps);
        for (int64_t i = 0; i < n; ++i)
            out[size_t(t * n + i)] = x[size_t(t * n + i)] * scale * weight[size_t(i)];
    }
    return out;
}

void rope(Matrix& x, int64_t tokens, int64_t heads, const LlamaHyperParams& p) {
    const int64_t width = heads * p.headDim;
    for (int64_t t = 0; t < tokens; ++t)
        for (int64_t h = 0; h < heads; ++h)
            for (uint32_t i = 0; i < p.ropeDims; i += 2) {
                const double theta = double(t) * std::pow(double(p.ropeFreqBase), -double(i) / p.ropeDims);
                double& a = x[size_t(t * width + h * p.headDim + i)];
                double& b = x[size_t(t * width + h * p.headDim + i + 1)];
                const double x0 = a, x1 = b;
                a = x0 * std::cos(theta) - x1 * std::sin(theta);
                b = x0 * std::sin(theta) + x1 * std::cos(theta);
            }
}

// The llama graph, straight from its definition, in double precision.
Matrix naiveLogits(const LlamaModel& model, const std::vector<Token>& tokens) {
    const LlamaHyperParams& p = model.params();
    const int64_t n = int64_t(tokens.size()), E = p.embedding, hd = p.headDim;
    Matrix x(size_t(n * E));
    std::vector<float> row(static_cast<size_t>(E));
    for (int64_t t = 0; t < n; ++t) {
        model.embed(tokens[size_t(t)], row.data());
        for (int64_t i = 0; i < E; ++i)
            x[size_t(t * E + i)] = row[size_t(i)];
    }
    for (const LayerWeights& l : model.layers()) {
        const Matrix xn = rmsNorm(x, n, l.attnNorm, p.rmsEpsilon);
        Matrix q = times(xn, n, l.attnQ), k = times(xn, n, l.attnK);
        const Matrix v = times(xn, n, l.attnV);
        rope(q, n, p.heads, p);
        rope(k, n, p.headsKv, p);
        Matrix attn(size_t(n * p.qWidth()), 0.0);
        for (int64_t h = 0; h < p.heads; ++h) {
            const int64_t g = h / (p.heads / p.headsKv);
            for (int64_t t = 0; t < n; ++t) {
                std::vector<double> w(size_t(t + 1));
                double maxW = -1e300, sum = 0;
                for (int64_t j = 0; j <= t; ++j) {
                    double s = 0;
                    for (int64_t d = 0; d < hd; ++d)
                        s += q[size_t(t * p.qWidth() + h * hd + d)] * k[size_t(j * p.kvWidth() + g * hd + d)];
                    w[size_t(j)] = s / std::sqrt(double(hd));
                    maxW = std::max(maxW, w[size_t(j)]);
                }
                for (double& e : w)
                    sum += (e = std::exp(e - maxW));
                for (int64_t d = 0; d < hd; ++d) {
                    double o = 0;
                    for (int64_t j = 0; j <= t; ++j)
                        o += w[size_t(j)] / sum * v[size_t(j * p.kvWidth() + g * hd + d)];
                    attn[size_t(t * p.qWidth() + h * hd + d)] = o;
                }
            }
        }
        const Matrix o = times(attn, n, l.attnOutput);
        for (size_t i = 0; i < x.size(); ++i)
            x[i] += o[i];
        const Matrix fn = rmsNorm(x, n, l.ffnNorm, p.rmsEpsilon);
        Matrix gate = times(fn, n, l.ffnGate);
        const Matrix up = times(fn, n, l.ffnUp);
        for (size_t i = 0; i < gate.size(); ++i)
            gate[i] = gate[i] / (1.0 + std::exp(-gate[i])) * up[i];
        const Matrix down = times(gate, n, l.ffnDown);
        for (size_t i = 0; i < x.size(); ++i)
            x[i] += down[i];
    }
    return times(rmsNorm(x, n, model.outputNorm(), p.rmsEpsilon), n, model.output());
}

std::unique_ptr<LlamaModel> openModel(const fs::path& path) {
    auto m = LlamaModel::open(path);
    if (!m) qFatal("%s", m.error().message.c_str());
    return std::move(*m);
}

} // namespace

class TestInferenceSession : public QObject {
    Q_OBJECT

    QTemporaryDir m_dir;

    // A small llama (64 wide, 2 layers, 4 query and 2 key/value heads of 16, 300 tokens), made once per kind.
    fs::path synthetic(bool tied, GgmlType type) {
        const std::string name = std::string(tied ? "tied-" : "untied-") + std::string(ggmlTypeName(type));
        SyntheticLlamaParams p;
        p.name = name;
        p.embedding = 64;
        p.layers = 2;
        p.feedForward = 96;
        p.heads = 4;
        p.headsKv = 2;
        p.vocabulary = 300;
        p.context = 64;
        p.tiedEmbeddings = tied;
        p.weightType = type;
        p.threads = 1;
        const fs::path path = fs::path(m_dir.path().toStdString()) / (name + ".gguf");
        if (!fs::exists(path)) {
            const Status written = writeSyntheticLlama(p, path);
            if (!written) qFatal("%s", written.error().message.c_str());
        }
        return path;
    }

    static std::vector<Token> someTokens(size_t n, uint32_t vocabulary) {
        std::vector<Token> t(n);
        for (size_t i = 0; i < n; ++i)
            t[i] = Token((i * 7919 + 13) % vocabulary);
        return t;
    }

private slots:
    void initTestCase() { QVERIFY(m_dir.isValid()); }

    void matchesNaiveForward_data() {
        QTest::addColumn<bool>("tied");
        QTest::addColumn<int>("type");
        QTest::newRow("untied F32") << false << int(GgmlType::F32);
        QTest::newRow("tied F32") << true << int(GgmlType::F32);
        QTest::newRow("untied F16") << false << int(GgmlType::F16);
    }
    void matchesNaiveForward() {
        QFETCH(bool, tied);
        QFETCH(int, type);
        const auto model = openModel(synthetic(tied, GgmlType(type)));
        QCOMPARE(model->tiedEmbeddings(), tied);
        if (tied) QCOMPARE(model->output().data, model->tokenEmbedding().data);
        QCOMPARE(model->params().headDim, 16u);
        QCOMPARE(model->params().headsKv, 2u);

        const auto tokens = someTokens(21, model->params().vocabulary);
        const Matrix expected = naiveLogits(*model, tokens);
        for (KernelPath path : matmulPaths()) {
            quant::forceReferencePath(path == KernelPath::Reference);
            InferenceSession session(*model, {64, 2, false});
            std::vector<float> logits;
            QVERIFY(session.decode(tokens, 0, logits).ok());
            QCOMPARE(logits.size(), tokens.size() * 300);
            double worst = 0;
            for (size_t i = 0; i < logits.size(); ++i)
                worst = std::max(worst, std::fabs(logits[i] - expected[i]));
            QVERIFY2(worst < 1e-4, qPrintable(QStringLiteral("max |logit error| %1").arg(worst)));
        }
        quant::forceReferencePath(false);
    }

    // Feeding a sequence in pieces through the cache gives the logits of feeding it at once. Single
    // tokens take the matrix-vector path, whose float sums run in another order than the chunk's GEMM
    // (about 1e-6 apart here); llama.cpp's activation rounding would turn such one-ulp differences into
    // whole F16 / Q8 steps (1e-3 on these logits), so it is off.
    void incrementalDecodingMatchesBatch() {
        const auto model = openModel(test::sharedModel());
        const auto tokens = someTokens(48, 32000);
        InferenceSession batch(*model, {64, 2, false});
        std::vector<float> all;
        QVERIFY(batch.decode(tokens, 30, all).ok());
        QCOMPARE(batch.position(), int64_t(48));

        InferenceSession pieces(*model, {64, 2, false});
        std::vector<float> out;
        QVERIFY(pieces.decode(std::span(tokens).first(30), 30, out).ok());
        QVERIFY(out.empty());
        for (size_t i = 30; i < 48; ++i) {
            QVERIFY(pieces.decode(std::span(tokens).subspan(i, 1), 0, out).ok());
            QCOMPARE(out.size(), size_t(32000));
            for (size_t v = 0; v < 32000; ++v)
                QVERIFY(std::fabs(out[v] - all[(i - 30) * 32000 + v]) <= 1e-4f * (1 + std::fabs(out[v])));
        }
        // Overflowing the cache is an error that leaves it as it was.
        const auto status = pieces.decode(someTokens(17, 32000), 0, out);
        QVERIFY(!status.ok());
        QCOMPARE(pieces.position(), int64_t(48));
        QVERIFY(!pieces.decode(std::vector<Token>{32000}, 0, out).ok());
    }

    // Hidden states times the output matrix are the logits.
    void hiddenOutputs() {
        const auto model = openModel(synthetic(false, GgmlType::F16));
        const auto tokens = someTokens(10, 300);
        for (bool rounding : {false, true}) {
            InferenceSession a(*model, {64, 1, rounding}), b(*model, {64, 1, rounding});
            std::vector<float> logits, hidden, projected(size_t(4 * 300)), scratch;
            QVERIFY(a.decode(tokens, 6, logits).ok());
            QVERIFY(b.decode(tokens, 6, hidden, {}, DecodeOutput::Hidden).ok());
            QCOMPARE(hidden.size(), size_t(4 * 64));
            if (rounding)
                ggmlMatmul(model->output(), hidden.data(), 64, 4, projected.data(), 300, 1, scratch);
            else
                matmul(model->output(), hidden.data(), 64, 4, projected.data(), 300, 1);
            QVERIFY(projected == logits);
        }
    }

    void hooksSeeEveryProduct() {
        const auto model = openModel(synthetic(false, GgmlType::F32));
        InferenceSession session(*model, {64, 2});
        std::map<MatrixKind, int> calls;
        bool shapesRight = true;
        session.setMatmulHook([&](const MatmulInput& in) {
            ++calls[in.kind];
            const bool output = in.kind == MatrixKind::Output;
            shapesRight &= in.width == in.weight->cols && in.activations && in.stride >= in.width &&
                           in.tokens == (output ? 3 : 12) && (in.layer == -1) == output;
        });
        std::vector<float> logits;
        QVERIFY(session.decode(someTokens(12, 300), 9, logits).ok());
        QVERIFY(shapesRight);
        for (MatrixKind k : {MatrixKind::AttnQ, MatrixKind::AttnK, MatrixKind::AttnV, MatrixKind::AttnOutput,
                             MatrixKind::FfnGate, MatrixKind::FfnUp, MatrixKind::FfnDown})
            QCOMPARE(calls[k], 2);
        QCOMPARE(calls[MatrixKind::Output], 1);
    }

    // Generation hands the products that read the same activations (Q/K/V, gate/up) to the threads together;
    // with a hook they run one by one. Both give the same bits, with llama.cpp's rounding on K-quant weights.
    void productsTogetherMatchOneByOne() {
        const auto model = openModel(test::sharedPath("reference/qf-books-22m-Q4_K_M.gguf"));
        const auto tokens = someTokens(6, model->params().vocabulary);
        std::vector<std::vector<float>> runs;
        for (bool hooked : {false, true}) {
            InferenceSession session(*model, {64, 2, true});
            if (hooked) session.setMatmulHook([](const MatmulInput&) {});
            std::vector<float> all, out;
            for (size_t i = 0; i < tokens.size(); ++i) {
                QVERIFY(session.decode(std::span(tokens).subspan(i, 1), 0, out).ok());
                all.insert(all.end(), out.begin(), out.end());
            }
            runs.push_back(all);
        }
        QCOMPARE(runs[0], runs[1]);
    }

    // A stop request takes effect inside the chunk (between layers), and the cache stays usable.
    void cancelWithinChunk() {
        const auto model = openModel(test::sharedModel());
        const auto tokens = someTokens(64, 32000);
        std::stop_source stop;
        InferenceSession session(*model, {64, 2});
        int products = 0;
        session.setMatmulHook([&](const MatmulInput&) {
            if (++products == 9) stop.request_stop(); // during layer 1 of 6
        });
        std::vector<float> logits;
        const Status cancelled = session.decode(tokens, 32, logits, stop.get_token());
        QVERIFY(!cancelled.ok());
        QVERIFY(isCancelled(cancelled.error()));
        QVERIFY(products < 7 * 3);
        QCOMPARE(session.position(), int64_t(0));

        session.setMatmulHook({});
        QVERIFY(session.decode(tokens, 32, logits).ok());
        InferenceSession fresh(*model, {64, 2});
        std::vector<float> expected;
        QVERIFY(fresh.decode(tokens, 32, expected).ok());
        QVERIFY(logits == expected);
    }

    void unsupportedArchitecture_data() {
        QTest::addColumn<QString>("architecture");
        QTest::addColumn<QString>("why");
        QTest::newRow("unknown") << "falcon" << "does not know this architecture";
    }

    void unsupportedArchitecture() {
        QFETCH(QString, architecture);
        QFETCH(QString, why);
        const std::string arch = architecture.toStdString();
        test::RawGguf g;
        g.header(3, 0, 1).kvString("general.architecture", arch);
        const fs::path path = fs::path(m_dir.path().toStdString()) / (arch + ".gguf");
        QVERIFY(test::writeAll(
            path, QByteArray(reinterpret_cast<const char*>(g.bytes.data()), qsizetype(g.bytes.size()))));
        auto m = LlamaModel::open(path);
        QVERIFY(!m.ok());
        QVERIFY2(m.error().message.find("not supported yet: " + arch) != std::string::npos,
                 m.error().message.c_str());
        QVERIFY2(m.error().message.find(why.toStdString()) != std::string::npos, m.error().message.c_str());
    }
};

QTEST_GUILESS_MAIN(TestInferenceSession)
#include "test_inference_session.moc"
