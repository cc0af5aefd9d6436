#include "qf/cpu_features.h"

#include <cstdint>

#if defined(__x86_64__) || defined(_M_X64) || defined(__i386__) || defined(_M_IX86)
#define QF_CPU_X86 1
#if defined(_MSC_VER)
#include <intrin.h>
#else
#include <cpuid.h>
#endif
#elif defined(__aarch64__) || defined(_M_ARM64)
#define QF_CPU_ARM64 1
#if defined(__linux__)
#include <sys/auxv.h>
#elif defined(__APPLE__)
#include <sys/sysctl.h>
#elif defined(_WIN32)
#include <windows.h>
#endif
#endif

namespace qf {
namespace {

#if defined(QF_CPU_X86)
struct CpuidRegs {
    uint32_t eax = 0, ebx = 0, ecx = 0, edx = 0;
};

CpuidRegs cpuid(uint32_t leaf, uint32_t subleaf) {
    CpuidRegs r;
#if defined(_MSC_VER)
    int regs[4];
    __cpuidex(regs, int(leaf), int(subleaf));
    r = {uint32_t(regs[0]), uint32_t(regs[1]), uint32_t(regs[2]), uint32_t(regs[3])};
#else
    if (!__get_cpuid_count(leaf, subleaf, &r.eax, &r.ebx, &r.ecx, &r.edx)) return CpuidRegs{};
#endif
    return r;
}

// XCR0: which register states the OS saves. Only valid when CPUID reports OSXSAVE.
uint64_t readXcr0() {
#if defined(_MSC_VER)
    return _xgetbv(0);
#else
    uint32_t lo = 0, hi = 0;
    __asm__ volatile("xgetbv" : "=a"(lo), "=d"(hi) : "c"(0));
    return (uint64_t(hi) << 32) | lo;
#endif
}

bool bit(uint32_t value, int index) {
    return (value >> index) & 1u;
}

CpuFeatures detect() {
    CpuFeatures f;
    const uint32_t maxLeaf = cpuid(0, 0).eax;
    if (maxLeaf < 1) return f;
    const CpuidRegs l1 = cpuid(1, 0);
    f.sse42 = bit(l1.ecx, 20);
    const bool osxsave = bit(l1.ecx, 27);
    const uint64_t xcr0 = osxsave ? readXcr0() : 0;
    const bool osYmm = (xcr0 & 0x6) == 0x6;   // SSE + AVX state
    const bool osZmm = (xcr0 & 0xE6) == 0xE6; // + opmask, ZMM_Hi256, Hi16_ZMM
    f.avx = osYmm && bit(l1.ecx, 28);
    f.fma = f.avx && bit(l1.ecx, 12);
    f.f16c = f.avx && bit(l1.ecx, 29);
    if (maxLeaf >= 7) {
        const CpuidRegs l7 = cpuid(7, 0);
        f.avx2 = f.avx && bit(l7.ebx, 5);
        f.bmi2 = bit(l7.ebx, 8);
        f.avx512f = f.avx && osZmm && bit(l7.ebx, 16);
        f.avx512dq = f.avx512f && bit(l7.ebx, 17);
        f.avx512bw = f.avx512f && bit(l7.ebx, 30);
        f.avx512vl = f.avx512f && bit(l7.ebx, 31);
        f.avx512vnni = f.avx512f && bit(l7.ecx, 11);
    }
    return f;
}
#elif defined(QF_CPU_ARM64)
CpuFeatures detect() {
    CpuFeatures f;
    f.neon = true; // Advanced SIMD is mandatory on AArch64
#if defined(__linux__)
    const unsigned long hwcap = getauxval(AT_HWCAP);
    f.dotprod = (hwcap >> 20) & 1ul; // HWCAP_ASIMDDP
#elif defined(__APPLE__)
    int value = 0;
    size_t size = sizeof(value);
    if (sysctlbyname("hw.optional.arm.FEAT_DotProd", &value, &size, nullptr, 0) == 0) f.dotprod = value != 0;
#elif defined(_WIN32)
    f.dotprod = IsProcessorFeaturePresent(43); // PF_ARM_V82_DP_INSTRUCTIONS_AVAILABLE
#endif
    return f;
}
#else
CpuFeatures detect() {
    return CpuFeatures{};
}
#endif

} // namespace

std::string CpuFeatures::describe() const {
    std::string out;
    auto add = [&out](bool present, const char* name) {
        if (!present) return;
        if (!out.empty()) out += ' ';
        out += name;
    };
    add(sse42, "sse4.2");
    add(avx, "avx");
    add(avx2, "avx2");
    add(fma, "fma");
    add(f16c, "f16c");
    add(bmi2, "bmi2");
    add(avx512f, "avx512f");
    add(avx512bw, "avx512bw");
    add(avx512vnni, "avx512vnni");
    add(avx512dq, "avx512dq");
    add(avx512vl, "avx512vl");
    add(neon, "neon");
    add(dotprod, "dotprod");
    return out.empty() ? std::string("baseline") : out;
}

const CpuFeatures& cpuFeatures() {
    static const CpuFeatures features = detect();
    return features;
}

} // namespace qf
