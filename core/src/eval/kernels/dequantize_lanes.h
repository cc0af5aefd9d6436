#pragma once
// Row unpacking of the quantized types that dequantize_avx2.cpp / dequantize_avx512.cpp share, written
// once over an Ops type of N integer / float lanes. Every lane performs the quantization core's reference
// dequantizer's operations (quant_legacy.cpp, quant_k_low.cpp, quant_k_high.cpp, quant_iq4.cpp) in its
// order: the integer levels are exact, their conversion to float is exact, and the products and sums
// with the block scales are the same single-rounded float operations (no fused multiply-add), so the
// values are bit-identical.
//
// Included inside each instruction set's own namespace after it defines Ops:
//   N; F (N floats); I (N int32)
//   I bytes(const uint8_t* p)           N bytes, zero-extended
//   I iq4(const uint8_t* p, int shift)  kIq4Values[(p[l] >> shift) & 15] for N bytes
//   I set1i(int); I lanes()             (0, 1, ..., N-1)
//   I andi/ori/addi/subi(I, I); I srli/slli(I, int); I srlv(I, I)
//   F cvt(I); F set1(float); F mul/add/sub(F, F); void store(float*, F)
// It must not call inline functions shared with baseline code (their one definition may be taken from
// a file compiled for other instruction sets).

template <class Ops> struct DequantizeLanes {
    using F = typename Ops::F;
    using I = typename Ops::I;
    static constexpr int N = Ops::N;

    static float half(uint16_t h) { return Ops::halfToFloat(h); }
    static I low4(I b) { return Ops::andi(b, Ops::set1i(0xF)); }

    // Q4_0: (q - 8) * d.
    static void q4_0(const uint8_t* src, float* dst, int64_t n) {
        const auto* x = reinterpret_cast<const quant::detail::BlockQ4_0*>(src);
        const I eight = Ops::set1i(8);
        for (int64_t i = 0; i < n / 32; ++i, dst += 32) {
            const F d = Ops::set1(half(x[i].d));
            for (int j = 0; j < 16; j += N) {
                const I b = Ops::bytes(x[i].qs + j);
                Ops::store(dst + j, Ops::mul(Ops::cvt(Ops::subi(low4(b), eight)), d));
                Ops::store(dst + 16 + j, Ops::mul(Ops::cvt(Ops::subi(Ops::srli(b, 4), eight)), d));
            }
        }
    }

    // Q4_1: q * d + m.
    static void q4_1(const uint8_t* src, float* dst, int64_t n) {
        const auto* x = reinterpret_cast<const quant::detail::BlockQ4_1*>(src);
        for (int64_t i = 0; i < n / 32; ++i, dst += 32) {
            const F d = Ops::set1(half(x[i].d)), m = Ops::set1(half(x[i].m));
            for (int j = 0; j < 16; j += N) {
                const I b = Ops::bytes(x[i].qs + j);
                Ops::store(dst + j, Ops::add(Ops::mul(Ops::cvt(low4(b)), d), m));
                Ops::store(dst + 16 + j, Ops::add(Ops::mul(Ops::cvt(Ops::srli(b, 4)), d), m));
            }
        }
    }

    // The 5-bit levels of values j..j+N-1 and j+16..j+16+N-1 of a Q5_0 / Q5_1 block: bit j (j + 16) of
    // qh is the fifth bit.
    static void q5Levels(const uint8_t* qs, uint32_t qhBits, int j, I& lo, I& hi) {
        const I b = Ops::bytes(qs + j);
        const I qh = Ops::set1i(int(qhBits));
        const I idx = Ops::addi(Ops::lanes(), Ops::set1i(j));
        const I bit = Ops::set1i(0x10);
        const I high0 = Ops::andi(Ops::slli(Ops::srlv(qh, idx), 4), bit);
        const I high1 = Ops::andi(Ops::srlv(qh, Ops::addi(idx, Ops::set1i(12))), bit);
        lo = Ops::ori(low4(b), high0);
        hi = Ops::ori(Ops::srli(b, 4), high1);
    }

    // Q5_0: (q - 16) * d.
    static void q5_0(const uint8_t* src, float* dst, int64_t n) {
        const auto* x = reinterpret_cast<const quant::detail::BlockQ5_0*>(src);
        const I sixteen = Ops::set1i(16);
        for (int64_t i = 0; i < n / 32; ++i, dst += 32) {
            const F d = Ops::set1(half(x[i].d));
            uint32_t qh;
            std::memcpy(&qh, x[i].qh, sizeof(qh));
            for (int j = 0; j < 16; j += N) {
                I lo, hi;
                q5Levels(x[i].qs, qh, j, lo, hi);
                Ops::store(dst + j, Ops::mul(Ops::cvt(Ops::subi(lo, sixteen)), d));
                Ops::store(dst + 16 + j, Ops::mul(Ops::cvt(Ops::subi(hi, sixteen)), d));
            }
        }
    }

    // Q5_1: q * d + m.
    static void q5_1(const uint8_t* src, float* dst, int64_t n) {
        const auto* x = reinterpret_cast<const quant::detail::BlockQ5_1*>(src);
        for (int64_t i = 0; i < n / 32; ++i, dst += 32) {
            const F d = Ops::set1(half(x[i].d)), m = Ops::set1(half(x[i].m));
            uint32_t qh;
            std::memcpy(&qh, x[i].qh, sizeof(qh));
            for (int j = 0; j < 16; j += N) {
                I lo, hi;
                q5Levels(x[i].qs, qh, j, lo, hi);
                Ops::store(dst + j, Ops::add(Ops::mul(Ops::cvt(lo), d), m));
                Ops::store(dst + 16 + j, Ops::add(Ops::mul(Ops::cvt(hi), d), m));
            }
        }
    }

    // Q2_K: sixteen groups of 16, each (d * scale) * q - (dmin * min).
    static void q2_K(const uint8_t* src, float* dst, int64_t n) {
        const auto* x = reinterpret_cast<const quant::detail::BlockQ2K*>(src);
        const I three = Ops::set1i(3);
        for (int64_t i = 0; i < n / 256; ++i) {
            const float d = half(x[i].d), min = half(x[i].dmin);
            const uint8_t* q = x[i].qs;
            int is = 0;
            for (int part128 = 0; part128 < 2; ++part128, q += 32) {
                for (int shift = 0; shift < 8; shift += 2) {
                    for (int part = 0; part < 2; ++part, dst += 16) {
                        const uint8_t sc = x[i].scales[is++];
                        const F dl = Ops::set1(d * float(sc & 0xF)), ml = Ops::set1(min * float(sc >> 4));
                        for (int l = 0; l < 16; l += N) {
                            const I v = Ops::andi(Ops::srli(Ops::bytes(q + 16 * part + l), shift), three);
                            Ops::store(dst + l, Ops::sub(Ops::mul(dl, Ops::cvt(v)), ml));
                        }
                    }
                }
            }
        }
    }

    // Q3_K: sixteen groups of 16, each (d * (scale - 32)) * (low two bits - (high bit ? 0 : 4)).
    static void q3_K(const uint8_t* src, float* dst, int64_t n) {
        const auto* x = reinterpret_cast<const quant::detail::BlockQ3K*>(src);
        const I three = Ops::set1i(3), one = Ops::set1i(1), four = Ops::set1i(4);
        for (int64_t i = 0; i < n / 256; ++i) {
            const float dAll = half(x[i].d);
            int scales[16];
            for (int j = 0; j < 16; ++j) {
                const int low = j < 8 ? x[i].scales[j] & 0xF : x[i].scales[j - 8] >> 4;
                const int high = (x[i].scales[8 + j % 4] >> (2 * (j / 4))) & 3;
                scales[j] = int(int8_t(low | (high << 4)));
            }
            const uint8_t* q = x[i].qs;
            int bitIndex = 0, is = 0;
            for (int part128 = 0; part128 < 2; ++part128, q += 32) {
                for (int shift = 0; shift < 8; shift += 2, ++bitIndex) {
                    for (int part = 0; part < 2; ++part, dst += 16) {
                        const F dl = Ops::set1(dAll * float(scales[is++] - 32));
                        for (int l = 0; l < 16; l += N) {
                            const int k = 16 * part + l;
                            const I low = Ops::andi(Ops::srli(Ops::bytes(q + k), shift), three);
                            const I high = Ops::andi(Ops::srli(Ops::bytes(x[i].hmask + k), bitIndex), one);
                            // high bit set: + 0, clear: - 4
                            const I v = Ops::addi(Ops::subi(low, four), Ops::slli(high, 2));
                            Ops::store(dst + l, Ops::mul(dl, Ops::cvt(v)));
                        }
                    }
                }
            }
        }
    }

    // Q5_K: eight groups of 32, each (d * scale) * q - (dmin * min) with a fifth bit from qh.
    static void q5_K(const uint8_t* src, float* dst, int64_t n) {
        const auto* x = reinterpret_cast<const quant::detail::BlockQ5K*>(src);
        const I one = Ops::set1i(1);
        for (int64_t i = 0; i < n / 256; ++i) {
            const float d = half(x[i].d), min = half(x[i].dmin);
            const uint8_t* ql = x[i].qs;
            for (int is = 0; is < 8; is += 2, ql += 32, dst += 64) {
                uint8_t sc, m;
                quant::detail::unpackScaleMinK4(is, x[i].scales, &sc, &m);
                const F d1 = Ops::set1(d * float(sc)), m1 = Ops::set1(min * float(m));
                quant::detail::unpackScaleMinK4(is + 1, x[i].scales, &sc, &m);
                const F d2 = Ops::set1(d * float(sc)), m2 = Ops::set1(min * float(m));
                for (int l = 0; l < 32; l += N) {
                    const I b = Ops::bytes(ql + l), h = Ops::bytes(x[i].qh + l);
                    const I h1 = Ops::slli(Ops::andi(Ops::srli(h, is), one), 4);
                    const I h2 = Ops::slli(Ops::andi(Ops::srli(h, is + 1), one), 4);
                    Ops::store(dst + l, Ops::sub(Ops::mul(d1, Ops::cvt(Ops::addi(low4(b), h1))), m1));
                    Ops::store(dst + 32 + l,
                               Ops::sub(Ops::mul(d2, Ops::cvt(Ops::addi(Ops::srli(b, 4), h2))), m2));
                }
            }
        }
    }

    // IQ4_NL: d * level.
    static void iq4_nl(const uint8_t* src, float* dst, int64_t n) {
        const auto* x = reinterpret_cast<const quant::detail::BlockIq4Nl*>(src);
        for (int64_t i = 0; i < n / 32; ++i, dst += 32) {
            const F d = Ops::set1(half(x[i].d));
            for (int j = 0; j < 16; j += N) {
                Ops::store(dst + j, Ops::mul(d, Ops::cvt(Ops::iq4(x[i].qs + j, 0))));
                Ops::store(dst + 16 + j, Ops::mul(d, Ops::cvt(Ops::iq4(x[i].qs + j, 4))));
            }
        }
    }

    // IQ4_XS: eight groups of 32, each (d * (scale - 32)) * level.
    static void iq4_xs(const uint8_t* src, float* dst, int64_t n) {
        const auto* x = reinterpret_cast<const quant::detail::BlockIq4Xs*>(src);
        for (int64_t i = 0; i < n / 256; ++i) {
            const float d = half(x[i].d);
            const uint8_t* qs = x[i].qs;
            for (int ib = 0; ib < 8; ++ib, dst += 32, qs += 16) {
                const int ls =
                    ((x[i].scalesL[ib / 2] >> 4 * (ib % 2)) & 0xf) | (((x[i].scalesH >> 2 * ib) & 3) << 4);
                const F dl = Ops::set1(d * float(ls - 32));
                for (int j = 0; j < 16; j += N) {
                    Ops::store(dst + j, Ops::mul(dl, Ops::cvt(Ops::iq4(qs + j, 0))));
                    Ops::store(dst + 16 + j, Ops::mul(dl, Ops::cvt(Ops::iq4(qs + j, 4))));
                }
            }
        }
    }

    // A row unpacker of the path record (PathKernels::unpack) over one of the functions above.
    template <void (*Fn)(const uint8_t*, float*, int64_t)> static void row(const void* src, float* dst, int64_t n) {
        Fn(static_cast<const uint8_t*>(src), dst, n);
    }

    // The types above, into a path's unpacker table.
    static void add(dispatch::ByType<quant::detail::DequantizeRowFn>& table) {
        table[dispatch::typeSlot(GgmlType::Q4_0)] = row<q4_0>;
        table[dispatch::typeSlot(GgmlType::Q4_1)] = row<q4_1>;
        table[dispatch::typeSlot(GgmlType::Q5_0)] = row<q5_0>;
        table[dispatch::typeSlot(GgmlType::Q5_1)] = row<q5_1>;
        table[dispatch::typeSlot(GgmlType::Q2_K)] = row<q2_K>;
        table[dispatch::typeSlot(GgmlType::Q3_K)] = row<q3_K>;
        table[dispatch::typeSlot(GgmlType::Q5_K)] = row<q5_K>;
        table[dispatch::typeSlot(GgmlType::IQ4_NL)] = row<iq4_nl>;
        table[dispatch::typeSlot(GgmlType::IQ4_XS)] = row<iq4_xs>;
    }
};
