#pragma once
// What the CPU running this process can execute. Instruction-set bits alone are not enough: AVX and
// AVX-512 registers are only usable when the OS saves them on context switches (XGETBV), so the wide
// flags below are set only when both hold.
#include <string>

namespace qf {

struct CpuFeatures {
    // x86-64
    bool sse42 = false;
    bool avx = false;  // AVX and the OS saves YMM state
    bool avx2 = false; // also implies avx
    bool fma = false;
    bool f16c = false;
    bool bmi2 = false;
    bool avx512f = false; // AVX-512 Foundation and the OS saves ZMM and opmask state
    bool avx512bw = false;
    bool avx512dq = false;
    bool avx512vl = false;
    bool avx512vnni = false; // vpdpbusd: the integer GEMM uses it when present (a function-level target)
    // arm64
    bool neon = false;
    bool dotprod = false;

    // Everything the *_avx2.cpp kernels are compiled for (-mavx2 -mfma -mf16c -mbmi2).
    bool hasAvx2Kernels() const { return avx2 && fma && f16c && bmi2; }
    // Everything the *_avx512.cpp kernels are compiled for (F, BW, VL, DQ on top of the AVX2 set).
    bool hasAvx512Kernels() const { return hasAvx2Kernels() && avx512f && avx512bw && avx512dq && avx512vl; }

    // "avx2 fma f16c bmi2 avx512f ..." for logs and the about box.
    std::string describe() const;
};

// Detected once, then cached.
const CpuFeatures& cpuFeatures();

} // namespace qf
