// The quantization kernels on their own: half/bfloat16 rounding, hand-built blocks of every format
// decoding to the values the format defines, round-trip error on real weights, hostile inputs (zeros,
// constants, spikes, extreme magnitudes), path selection, and byte identity with llama.cpp on a few
// tensors of every preset (the whole models are in test_quant_reference, which is slow).
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QTest>

#include <bit>
#include <cmath>
#include <cstring>
#include <random>
#include <vector>

#include "qf/fp16.h"
#include "qf/gguf/gguf_file.h"
#include "qf/quant/imatrix.h"
#include "qf/quant/kernels.h"
#include "qf/sha256.h"
#include "test_support.h"

using namespace qf;
using namespace qf::quant;

namespace {

const GgmlType kQuantTypes[] = {GgmlType::Q4_0, GgmlType::Q4_1, GgmlType::Q5_0,   GgmlType::Q5_1,
                                GgmlType::Q8_0, GgmlType::Q2_K, GgmlType::Q3_K,   GgmlType::Q4_K,
                                GgmlType::Q5_K, GgmlType::Q6_K, GgmlType::IQ4_NL, GgmlType::IQ4_XS};

std::vector<float> tensorFloats(const gguf::GgufFile& file, const gguf::TensorInfo& t) {
    std::vector<float> out(t.elementCount());
    dequantizeRow(t.type, file.tensorData(t).data(), out.data(), int64_t(out.size()));
    return out;
}

std::vector<uint8_t> quantize(GgmlType type, const std::vector<float>& x, int64_t rowLen,
                              const float* importance, KernelPath path) {
    const int64_t rows = int64_t(x.size()) / rowLen;
    std::vector<uint8_t> out(ggmlRowBytes(type, uint64_t(rowLen)) * uint64_t(rows));
    const size_t written = quantizeRows(path, type, x.data(), out.data(), rows, rowLen, importance);
    if (written != out.size()) out.clear();
    return out;
}

std::vector<float> dequantize(GgmlType type, const std::vector<uint8_t>& q, size_t n) {
    std::vector<float> out(n);
    dequantizeRow(type, q.data(), out.data(), int64_t(n));
    return out;
}

// sqrt(sum (x - y)^2 / sum x^2)
double relativeRmse(const std::vector<float>& x, const std::vector<float>& y) {
    double err = 0, sig = 0;
    for (size_t i = 0; i < x.size(); ++i) {
        err += (double(x[i]) - y[i]) * (double(x[i]) - y[i]);
        sig += double(x[i]) * x[i];
    }
    return std::sqrt(err / sig);
}

bool allFinite(const std::vector<float>& v) {
    for (float f : v)
        if (!std::isfinite(f)) return false;
    return true;
}

template <class T> void put(std::vector<uint8_t>& bytes, size_t offset, T value) {
    std::memcpy(bytes.data() + offset, &value, sizeof(T));
}

} // namespace

class TestQuantKernels : public QObject {
    Q_OBJECT

private slots:
    void fp16Rounding() {
        struct Case {
            uint32_t bits;
            uint16_t half;
        };
        const Case cases[] = {
            {0x3f800000, 0x3c00}, // 1
            {0xbf800000, 0xbc00}, // -1
            {0x80000000, 0x8000}, // -0
            {0x477fe000, 0x7bff}, // 65504, the largest half
            {0x477fefff, 0x7bff}, // just below the halfway point to 65536
            {0x477ff000, 0x7c00}, // 65520 ties to even: infinity
            {0x7f800000, 0x7c00}, // infinity
            {0x7fc00000, 0x7e00}, // NaN
            {0xffc00001, 0xfe00}, // negative NaN with payload
            {0x7f800001, 0x7e00}, // signalling NaN
            {0x33800000, 0x0001}, // 2^-24, the smallest subnormal
            {0x33000000, 0x0000}, // 2^-25 ties to even: zero
            {0x33000001, 0x0001}, // just above 2^-25
            {0x33c00000, 0x0002}, // 1.5 * 2^-24 ties to even: 2
            {0x38800000, 0x0400}, // 2^-14, the smallest normal
            {0x387fc000, 0x03ff}, // the largest subnormal
            {0x3f801000, 0x3c00}, // 1 + 2^-11 ties to even: 1
            {0x3f803000, 0x3c02}, // 1 + 3 * 2^-11 ties to even: 1 + 2^-9
            {0x3f801001, 0x3c01}, // above the tie
        };
        for (const Case& c : cases) {
            QCOMPARE(fp32ToFp16(std::bit_cast<float>(c.bits)), c.half);
        }
        // Every non-NaN half survives half -> float -> half.
        for (uint32_t h = 0; h < 65536; ++h) {
            const float f = fp16ToFp32(uint16_t(h));
            if (std::isnan(f)) continue;
            QCOMPARE(fp32ToFp16(f), uint16_t(h));
        }
        QCOMPARE(fp16ToFp32(0x0001), 0x1p-24f);
        QCOMPARE(fp16ToFp32(0xfbff), -65504.f);
        QVERIFY(std::isinf(fp16ToFp32(0x7c00)));
    }

    void bf16Rounding() {
        QCOMPARE(fp32ToBf16(1.0f), uint16_t(0x3f80));
        QCOMPARE(fp32ToBf16(std::bit_cast<float>(0x3f808000u)), uint16_t(0x3f80)); // tie to even (down)
        QCOMPARE(fp32ToBf16(std::bit_cast<float>(0x3f818000u)), uint16_t(0x3f82)); // tie to even (up)
        QCOMPARE(fp32ToBf16(std::bit_cast<float>(0x3f808001u)), uint16_t(0x3f81));
        QCOMPARE(fp32ToBf16(std::bit_cast<float>(0x7f7fffffu)), uint16_t(0x7f80)); // rounds to infinity
        QCOMPARE(fp32ToBf16(std::bit_cast<float>(0x7f800000u)), uint16_t(0x7f80));
        QCOMPARE(fp32ToBf16(std::bit_cast<float>(0x7f800001u)),
                 uint16_t(0x7fc0)); // signalling NaN made quiet
        QCOMPARE(fp32ToBf16(std::bit_cast<float>(0xffc12345u)),
                 uint16_t(0xffc1)); // NaN keeps sign and payload
        QCOMPARE(fp32ToBf16(std::bit_cast<float>(0x00010000u)), uint16_t(0x0001)); // subnormal kept
        QCOMPARE(bf16ToFp32(0xc040), -3.0f);
    }

    void supportedTypes() {
        for (GgmlType t : kQuantTypes) {
            QVERIFY(canQuantize(t));
            QVERIFY(canDequantize(t));
        }
        for (GgmlType t : {GgmlType::F32, GgmlType::F16, GgmlType::BF16})
            QVERIFY(canQuantize(t) && canDequantize(t));
        for (GgmlType t : {GgmlType::Q8_1, GgmlType::Q8_K})
            QVERIFY(!canQuantize(t));
        // The low-bit types (test_quant_lowbit); IQ2_XXS needs importance, so none gives nothing.
        for (GgmlType t : {GgmlType::IQ2_XXS, GgmlType::IQ3_S, GgmlType::TQ1_0, GgmlType::Q1_0})
            QVERIFY(canQuantize(t) && canDequantize(t));
        std::vector<float> row(256, 1.0f);
        std::vector<uint8_t> out(512);
        QCOMPARE(quantizeRows(GgmlType::IQ2_XXS, row.data(), out.data(), 1, 256, nullptr), size_t(0));
        QCOMPARE(quantizeRows(GgmlType::Q4_K, row.data(), out.data(), 1, 256, nullptr), size_t(144));
        QCOMPARE(quantizeRows(GgmlType::Q8_0, row.data(), out.data(), 2, 64, nullptr), size_t(136));
        QCOMPARE(quantizeRows(GgmlType::F16, row.data(), out.data(), 1, 256, nullptr), size_t(512));
    }

    void paths() {
        const auto available = availablePaths();
        QVERIFY(!available.empty());
        QCOMPARE(available.front(), KernelPath::Reference);
        forceReferencePath(true);
        QCOMPARE(activePath(), KernelPath::Reference);
        forceReferencePath(false);
        if (qEnvironmentVariableIsEmpty("QF_FORCE_REFERENCE") || qgetenv("QF_FORCE_REFERENCE") == "0")
            QCOMPARE(activePath(), available.back());
        else
            QCOMPARE(activePath(), KernelPath::Reference);
        for (KernelPath p : available)
            QVERIFY(!kernelPathName(p).empty());
    }

    // Hand-built blocks decode to the values the format defines (layout, nibble order, high bits).
    void dequantizeHandBuiltBlocks() {
        const uint16_t one = 0x3c00, half = 0x3800;
        float y[256];
        { // Q8_0: d * q
            std::vector<uint8_t> b(34);
            put(b, 0, half);
            for (int i = 0; i < 32; ++i)
                b[2 + size_t(i)] = uint8_t(int8_t(i - 16));
            dequantizeRow(GgmlType::Q8_0, b.data(), y, 32);
            for (int i = 0; i < 32; ++i)
                QCOMPARE(y[i], float(i - 16) * 0.5f);
        }
        { // Q4_0: low nibbles are values 0..15, high nibbles 16..31, both minus 8
            std::vector<uint8_t> b(18);
            put(b, 0, one);
            for (int j = 0; j < 16; ++j)
                b[2 + size_t(j)] = uint8_t(j | ((15 - j) << 4));
            dequantizeRow(GgmlType::Q4_0, b.data(), y, 32);
            for (int j = 0; j < 16; ++j) {
                QCOMPARE(y[j], float(j - 8));
                QCOMPARE(y[j + 16], float(7 - j));
            }
        }
        { // Q4_1: d * q + m
            std::vector<uint8_t> b(20);
            put(b, 0, one);
            put(b, 2, uint16_t(0xc000)); // m = -2
            for (int j = 0; j < 16; ++j)
                b[4 + size_t(j)] = uint8_t(j | (((j + 1) & 15) << 4));
            dequantizeRow(GgmlType::Q4_1, b.data(), y, 32);
            for (int j = 0; j < 16; ++j) {
                QCOMPARE(y[j], float(j - 2));
                QCOMPARE(y[j + 16], float(((j + 1) & 15) - 2));
            }
        }
        { // Q5_0: bit i of qh is the fifth bit of value i
            std::vector<uint8_t> b(22);
            put(b, 0, one);
            put(b, 2, uint32_t(0x80000001u));
            dequantizeRow(GgmlType::Q5_0, b.data(), y, 32);
            QCOMPARE(y[0], 0.f);
            QCOMPARE(y[1], -16.f);
            QCOMPARE(y[16], -16.f);
            QCOMPARE(y[31], 0.f);
        }
        { // Q5_1
            std::vector<uint8_t> b(24);
            put(b, 0, one);
            put(b, 2, uint16_t(0x3c00)); // m = 1
            put(b, 4, uint32_t(1u << 16));
            b[8] = 0x21;
            dequantizeRow(GgmlType::Q5_1, b.data(), y, 32);
            QCOMPARE(y[0], 2.f);
            QCOMPARE(y[16], 19.f);
            QCOMPARE(y[1], 1.f);
        }
        { // IQ4_NL: nibbles index the non-linear table
            const float table[16] = {-127, -104, -83, -65, -49, -35, -22, -10,
                                     1,    13,   25,  38,  53,  69,  89,  113};
            std::vector<uint8_t> b(18);
            put(b, 0, half);
            for (int j = 0; j < 16; ++j)
                b[2 + size_t(j)] = uint8_t(j | ((15 - j) << 4));
            dequantizeRow(GgmlType::IQ4_NL, b.data(), y, 32);
            for (int j = 0; j < 16; ++j) {
                QCOMPARE(y[j], 0.5f * table[j]);
                QCOMPARE(y[j + 16], 0.5f * table[15 - j]);
            }
        }
        { // IQ4_XS: 6-bit sub-block scales minus 32, low nibbles in scales_l, high pairs in scales_h
            std::vector<uint8_t> b(136);
            put(b, 0, one);
            put(b, 2, uint16_t(1 | (2 << 2)));
            b[4] = 0x21;
            for (int j = 0; j < 128; ++j)
                b[8 + size_t(j)] = 0x98; // levels 8 (=1) and 9 (=13)
            dequantizeRow(GgmlType::IQ4_XS, b.data(), y, 256);
            QCOMPARE(y[0], -15.f);
            QCOMPARE(y[16], -15.f * 13);
            QCOMPARE(y[32], 2.f);
            QCOMPARE(y[48], 26.f);
            QCOMPARE(y[64], -32.f);
        }
        { // Q2_K: scale | min << 4 per 16 values; 2-bit values interleaved by 32 within 128
            std::vector<uint8_t> b(84);
            for (int j = 0; j < 16; ++j)
                b[size_t(j)] = 0x23; // scale 3, min 2
            b[16] = 0xe4;            // values 0, 1, 2, 3 at 0, 32, 64, 96
            put(b, 80, one);
            put(b, 82, half);
            dequantizeRow(GgmlType::Q2_K, b.data(), y, 256);
            QCOMPARE(y[0], -1.f);
            QCOMPARE(y[32], 2.f);
            QCOMPARE(y[64], 5.f);
            QCOMPARE(y[96], 8.f);
            QCOMPARE(y[16], -1.f);
        }
        { // Q3_K: signed 6-bit scales, hmask bit clear means "minus 4"
            std::vector<uint8_t> b(110);
            for (int j = 0; j < 32; ++j)
                b[size_t(j)] = 0xff;
            b[0] = 0xfe;       // value 0 loses its high bit
            b[32] = 0xe4;      // values 0, 32, 64, 96 -> 0, 1, 2, 3
            b[32 + 16] = 0x01; // value 16 -> 1
            for (int j = 0; j < 8; ++j)
                b[96 + size_t(j)] = 0x11;
            b[96 + 1] = 0x12; // sub-block 1: low nibble 2
            for (int j = 8; j < 12; ++j)
                b[96 + size_t(j)] = 0xaa;
            put(b, 108, one);
            dequantizeRow(GgmlType::Q3_K, b.data(), y, 256);
            QCOMPARE(y[0], -4.f);
            QCOMPARE(y[32], 1.f);
            QCOMPARE(y[64], 2.f);
            QCOMPARE(y[96], 3.f);
            QCOMPARE(y[16], 2.f);
        }
        { // Q4_K and Q5_K: 6-bit scale/min pairs, sub-block 4 through the packed upper half
            for (GgmlType type : {GgmlType::Q4_K, GgmlType::Q5_K}) {
                const bool five = type == GgmlType::Q5_K;
                std::vector<uint8_t> b(five ? 176 : 144);
                put(b, 0, one);
                put(b, 2, one);
                uint8_t* scales = b.data() + 4;
                scales[0] = 2 | (1 << 6); // sc0 = 2, high bits of sc4 = 1
                scales[4] = 1;            // m0 = 1
                scales[1] = 3;            // sc1 = 3, m1 = 0
                scales[8] = 0x01;         // sc4 low = 1 -> sc4 = 17, m4 = 0
                uint8_t* qs = b.data() + (five ? 48 : 16);
                qs[0] = 0x35;
                qs[64] = 0x02;
                if (five) b[16] = 0x01; // fifth bit of value 0
                dequantizeRow(type, b.data(), y, 256);
                QCOMPARE(y[0], five ? 41.f : 9.f);
                QCOMPARE(y[32], 9.f);
                QCOMPARE(y[128], 34.f);
                QCOMPARE(y[1], -1.f);
            }
        }
        { // Q6_K: 4 low bits in ql, 2 high bits in qh, signed 8-bit scales per 16
            std::vector<uint8_t> b(210);
            b[0] = 0x21;
            b[128] = 0x03;
            auto* scales = reinterpret_cast<int8_t*>(b.data() + 192);
            scales[0] = 2;
            scales[2] = -1;
            scales[4] = 3;
            put(b, 208, one);
            dequantizeRow(GgmlType::Q6_K, b.data(), y, 256);
            QCOMPARE(y[0], 34.f);
            QCOMPARE(y[32], 32.f);
            QCOMPARE(y[64], -90.f);
        }
    }

    // Quantize then dequantize real weights: the error relative to the signal stays at the level each
    // format reaches (measured with llama.cpp's bytes, which ours equal), with and without importance.
    void roundTripOnRealWeights_data() {
        QTest::addColumn<int>("type");
        QTest::addColumn<double>("bound");
        // About 10% above what llama.cpp's bytes (which ours equal) reach on these two tensors.
        auto row = [](GgmlType t, double bound) { QTest::newRow(ggmlTypeName(t).data()) << int(t) << bound; };
        row(GgmlType::Q8_0, 0.0060);
        row(GgmlType::Q6_K, 0.020);
        row(GgmlType::Q5_1, 0.042);
        row(GgmlType::Q5_0, 0.048);
        row(GgmlType::Q5_K, 0.041);
        row(GgmlType::Q4_1, 0.087);
        row(GgmlType::Q4_0, 0.096);
        row(GgmlType::Q4_K, 0.082);
        row(GgmlType::IQ4_NL, 0.085);
        row(GgmlType::IQ4_XS, 0.086);
        row(GgmlType::Q3_K, 0.168);
        row(GgmlType::Q2_K, 0.330);
    }

    void roundTripOnRealWeights() {
        QFETCH(int, type);
        QFETCH(double, bound);
        auto file = gguf::GgufFile::open(test::sharedModel());
        QVERIFY2(file.ok(), file.ok() ? "" : file.error().message.c_str());
        auto imatrix = loadImatrix(test::sharedPath("reference/imatrix-books-calibration.dat"));
        QVERIFY(imatrix.ok());
        for (const char* name : {"blk.1.attn_q.weight", "blk.3.ffn_down.weight"}) {
            const gguf::TensorInfo* t = file->findTensor(name);
            QVERIFY(t);
            const auto x = tensorFloats(*file, *t);
            const int64_t rowLen = int64_t(t->rowLength());
            const auto importance = imatrix->importance(*imatrix->find(name));
            for (bool weighted : {false, true}) {
                const auto q =
                    quantize(GgmlType(type), x, rowLen, weighted ? importance.data() : nullptr, activePath());
                QVERIFY(!q.empty());
                const auto y = dequantize(GgmlType(type), q, x.size());
                QVERIFY(allFinite(y));
                const double e = relativeRmse(x, y);
                QVERIFY2(e < bound, qPrintable(QStringLiteral("%1 %2 weighted=%3: relative RMSE %4 >= %5")
                                                   .arg(QLatin1String(name),
                                                        QLatin1String(ggmlTypeName(GgmlType(type)).data()))
                                                   .arg(weighted)
                                                   .arg(e)
                                                   .arg(bound)));
            }
        }
    }

    // llama.cpp's own quants of the shared model decode to values close to the source: checks our
    // dequantizers against bytes we did not produce.
    void dequantizeLlamaCppFiles() {
        auto source = gguf::GgufFile::open(test::sharedModel());
        QVERIFY(source.ok());
        for (const char* fileName :
             {"reference/qf-books-22m-Q4_K_M.gguf", "reference/qf-books-22m-Q6_K.gguf"}) {
            auto quant = gguf::GgufFile::open(test::sharedPath(fileName));
            QVERIFY2(quant.ok(), fileName);
            int checked = 0;
            for (const auto& t : quant->tensors()) {
                if (t.type != GgmlType::Q4_K && t.type != GgmlType::Q6_K) continue;
                if (t.name.rfind("blk.0.", 0) != 0 && t.name != "output.weight") continue;
                const auto y = tensorFloats(*quant, t);
                const auto x = tensorFloats(*source, *source->findTensor(t.name));
                const double e = relativeRmse(x, y);
                QVERIFY2(e < (t.type == GgmlType::Q4_K ? 0.08 : 0.02),
                         qPrintable(QString::fromStdString(t.name)));
                ++checked;
            }
            QVERIFY(checked >= 7);
        }
    }

    // Zeros, constants, spikes, huge and tiny magnitudes: finite output, zeros stay zero, every path.
    void hostileRows() {
        const int64_t n = 512;
        std::vector<std::vector<float>> rows;
        rows.emplace_back(n, 0.f);
        rows.emplace_back(n, 0.75f);
        rows.emplace_back(n, -3.5f);
        {
            std::vector<float> spike(n, 0.f);
            spike[37] = 100.f;
            spike[300] = -0.001f;
            rows.push_back(spike);
        }
        for (float magnitude : {30000.f, 1e-3f, 1e-7f, 1e-20f, 1e-38f}) {
            std::vector<float> r(n);
            for (int64_t i = 0; i < n; ++i)
                r[size_t(i)] = magnitude * float((i * 7919) % 201 - 100) / 100.f;
            rows.push_back(r);
        }
        {
            std::vector<float> r(n);
            for (int64_t i = 0; i < n; ++i)
                r[size_t(i)] = (i % 32 < 16) ? 0.f : float(i % 5) - 2.f; // half-zero groups
            rows.push_back(r);
        }
        std::vector<float> ones(n, 1.f), sparse(n, 0.f);
        for (int64_t i = 0; i < n; i += 3)
            sparse[size_t(i)] = float(i % 11);
        for (GgmlType type : kQuantTypes) {
            for (size_t r = 0; r < rows.size(); ++r) {
                const std::vector<const float*> importances = {nullptr, ones.data(), sparse.data()};
                for (const float* importance : importances) {
                    std::vector<uint8_t> reference;
                    for (KernelPath path : availablePaths()) {
                        const auto q = quantize(type, rows[r], n, importance, path);
                        QVERIFY(!q.empty());
                        if (reference.empty()) reference = q;
                        QVERIFY2(q == reference,
                                 qPrintable(QStringLiteral("%1 row %2 path %3")
                                                .arg(QLatin1String(ggmlTypeName(type).data()))
                                                .arg(r)
                                                .arg(QLatin1String(kernelPathName(path).data()))));
                    }
                    const auto y = dequantize(type, reference, size_t(n));
                    QVERIFY2(allFinite(y), qPrintable(QStringLiteral("%1 row %2")
                                                          .arg(QLatin1String(ggmlTypeName(type).data()))
                                                          .arg(r)));
                    if (r == 0)
                        for (float v : y)
                            QCOMPARE(v, 0.f);
                    if (r == 1 || r == 2) { // constants come back within a few percent
                        QVERIFY(relativeRmse(rows[r], y) < 0.1);
                    }
                }
            }
        }
    }

    // A few tensors of every llama.cpp preset (without imatrix), byte for byte, on the active path.
    void identityWithLlamaCppSample() {
        auto file = gguf::GgufFile::open(test::sharedModel());
        QVERIFY(file.ok());
        int checked = 0;
        for (const auto& path : test::filesIn(test::sharedPath("reference/quants"), ".json")) {
            if (path.stem().string().find("-imatrix") != std::string::npos) continue;
            const QJsonObject preset = QJsonDocument::fromJson(test::readAll(path)).object();
            for (const QJsonValue& v : preset.value(QStringLiteral("tensors")).toArray()) {
                const QJsonObject t = v.toObject();
                const std::string name = t.value(QStringLiteral("name")).toString().toStdString();
                if (name != "blk.0.attn_k.weight" && name != "blk.5.attn_v.weight" &&
                    name != "blk.0.attn_norm.weight")
                    continue;
                const auto type = ggmlTypeFromName(t.value(QStringLiteral("type")).toString().toStdString());
                QVERIFY(type);
                const gguf::TensorInfo* info = file->findTensor(name);
                QVERIFY(info);
                const auto q = quantize(*type, tensorFloats(*file, *info), int64_t(info->rowLength()),
                                        nullptr, activePath());
                QCOMPARE(QString::fromStdString(sha256Hex(q)), t.value(QStringLiteral("sha256")).toString());
                ++checked;
            }
        }
        QVERIFY(checked >= 3 * 17);
    }
};

QTEST_GUILESS_MAIN(TestQuantKernels)
#include "test_quant_kernels.moc"
