// The one kernel dispatch (core/src/quant/kernel_table.h): a path may only replace what the reference has,
// every path record is complete (each type the reference quantizes has a quantizer on every path), and the
// record of a path that cannot run here is the reference's.
#include <QtTest>

#include <string>
#include <vector>

#include "qf/ggml_type.h"
#include "quant/kernel_table.h"

using namespace qf;
using namespace qf::dispatch;

namespace {

struct PathEntries {
    std::string name;
    ByType<QuantizeRowsFn> quantize{};
    ByType<QuantizedDotFn> dot{};
    ByType<PrepareRowFn> prepareRow{};
    ByType<DequantizeRowFn> unpack{};
};

// Every path's own entries as its file lists them, whether or not this CPU can run them.
std::vector<PathEntries> ownEntries() {
    std::vector<PathEntries> paths;
#if defined(QF_HAVE_X86_KERNELS)
    paths.push_back({"avx2", {}});
    addAvx2Quantizers(paths.back().quantize);
    addAvx2QuantizedDots(paths.back().dot);
    addAvx2Unpackers(paths.back().unpack);
    paths.push_back({"avx512", {}});
    addAvx512Quantizers(paths.back().quantize);
    addAvx512QuantizedDots(paths.back().dot);
    addAvx512OwnQuantizedDots(paths.back().dot);
    addAvx512VnniQuantizedDots(paths.back().dot);
    addAvx512Preparers(paths.back().prepareRow);
    addAvx512Unpackers(paths.back().unpack);
#endif
#if defined(QF_HAVE_NEON_KERNELS)
    paths.push_back({"neon", {}});
    addNeonQuantizers(paths.back().quantize);
    addNeonUnpackers(paths.back().unpack);
#endif
    return paths;
}

std::string typeName(size_t slot) {
    const GgmlTypeTraits* traits = ggmlTypeTraits(uint32_t(slot));
    return traits ? std::string(traits->name) : "type " + std::to_string(slot);
}

} // namespace

class TestKernelTable : public QObject {
    Q_OBJECT
private slots:
    void pathEntriesHaveAReference() {
        for (const PathEntries& path : ownEntries())
            for (size_t s = 0; s < kTypeSlots; ++s) {
                const TypeKernels& ref = typeKernels(GgmlType(s));
                const std::string what = path.name + " " + typeName(s);
                QVERIFY2(!path.quantize[s] || ref.quantize, ("quantizer without a reference: " + what).c_str());
                QVERIFY2(!path.unpack[s] || ref.dequantize, ("unpacker without a reference: " + what).c_str());
                QVERIFY2(!path.dot[s] || ref.dot, ("integer dot without a reference: " + what).c_str());
                QVERIFY2(!path.prepareRow[s] || ref.prepareRow,
                         ("GEMM row preparer without a reference: " + what).c_str());
            }
    }

    void referenceRecordsAreWhole() {
        for (size_t s = 0; s < kTypeSlots; ++s) {
            const TypeKernels& ref = typeKernels(GgmlType(s));
            const std::string what = typeName(s);
            // A type that can be written can be read back, and has a vec_dot type.
            if (ref.quantize) {
                QVERIFY2(ref.dequantize, what.c_str());
                QVERIFY2(ggmlTypeTraits(uint32_t(s)), what.c_str());
            }
            if (ref.requiresImportance) QVERIFY2(ref.quantize, what.c_str());
            // An integer product needs the quantized activations of ggml's vec_dot type.
            if (ref.dot) QVERIFY2(ref.activationType == GgmlType::Q8_0 || ref.activationType == GgmlType::Q8_K, what.c_str());
            if (ref.prepareRow) QVERIFY2(ref.activationType == GgmlType::Q8_K, what.c_str());
        }
        // Every type id ggml defines fits the tables.
        for (uint32_t id = 0; id < 1024; ++id)
            if (ggmlTypeTraits(id)) QVERIFY2(id < kTypeSlots, typeName(id).c_str());
        QVERIFY(!typeKernels(GgmlType(1000)).quantize);
        QVERIFY(!kernels().quantizer(GgmlType(1000)));
    }

    void pathRecordsResolveToTheReference() {
        const PathKernels& reference = kernels(KernelPath::Reference);
        QCOMPARE(reference.path, KernelPath::Reference);
        for (KernelPath p : {KernelPath::Reference, KernelPath::Avx2, KernelPath::Avx512, KernelPath::Neon}) {
            const PathKernels& k = kernels(p);
            QCOMPARE(k.path, pathUsable(p) ? p : KernelPath::Reference);
            QVERIFY(k.kernel && k.smallKernel && k.matvecRow && k.mr > 0 && k.nr > 0);
            QVERIFY(k.vector.maxOf && k.vector.expShifted && k.vector.roundToHalf);
            for (size_t s = 0; s < kTypeSlots; ++s) {
                const TypeKernels& ref = typeKernels(GgmlType(s));
                QCOMPARE(k.quantize[s] != nullptr, ref.quantize != nullptr);
                QCOMPARE(k.unpack[s] != nullptr, ref.dequantize != nullptr);
                QVERIFY(reference.quantize[s] == ref.quantize);
                QVERIFY(reference.dot[s] == ref.dot);
                QVERIFY(reference.unpack[s] == ref.dequantize);
                QVERIFY(reference.prepareRow[s] == ref.prepareRow);
                // A path runs an integer product only for a type whose reference has one.
                if (k.dot[s]) QVERIFY(ref.dot);
                if (k.prepareRow[s]) QVERIFY(ref.prepareRow && k.quantizedGemm);
            }
        }
    }
};

QTEST_APPLESS_MAIN(TestKernelTable)
#include "test_kernel_table.moc"
