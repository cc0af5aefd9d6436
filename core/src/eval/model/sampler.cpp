#include "qf/eval/sampler.h"

#include <algorithm>
#include <cmath>

namespace qf::eval {

double Sampler::uniform() {
    return double(m_rng() >> 11) * 0x1.0p-53;
}

Token Sampler::sample(std::span<const float> logits) {
    if (logits.empty()) return 0;
    if (m_params.temperature <= 0.0f) // first maximum, as llama.cpp's greedy sampler picks
        return Token(std::max_element(logits.begin(), logits.end()) - logits.begin());

    m_candidates.resize(logits.size());
    for (size_t i = 0; i < logits.size(); ++i)
        m_candidates[i] = {logits[i], Token(i)};
    // Most likely first; ties broken by token id so that the order never depends on the sort.
    auto byLogit = [](const auto& a, const auto& b) {
        return a.first > b.first || (a.first == b.first && a.second < b.second);
    };
    size_t keep = m_candidates.size();
    if (m_params.topK > 0 && size_t(m_params.topK) < keep) {
        keep = size_t(m_params.topK);
        std::partial_sort(m_candidates.begin(), m_candidates.begin() + ptrdiff_t(keep), m_candidates.end(),
                          byLogit);
        m_candidates.resize(keep);
    } else {
        std::sort(m_candidates.begin(), m_candidates.end(), byLogit);
    }

    const double maxLogit = m_candidates.front().first;
    std::vector<double> probs(keep);
    double total = 0.0;
    for (size_t i = 0; i < keep; ++i) {
        probs[i] = std::exp((double(m_candidates[i].first) - maxLogit) / m_params.temperature);
        total += probs[i];
    }
    if (m_params.topP < 1.0f) {
        double cumulative = 0.0;
        size_t n = 0;
        while (n < keep) {
            cumulative += probs[n] / total;
            ++n;
            if (cumulative >= m_params.topP) break;
        }
        keep = std::max<size_t>(n, 1);
        total = 0.0;
        for (size_t i = 0; i < keep; ++i)
            total += probs[i];
    }
    double r = uniform() * total;
    for (size_t i = 0; i < keep; ++i) {
        r -= probs[i];
        if (r < 0.0) return m_candidates[i].second;
    }
    return m_candidates[keep - 1].second;
}

namespace {

// Bytes a sequence starting with `lead` claims (1 for ASCII and for stray continuation bytes).
size_t sequenceLength(unsigned char lead) {
    if (lead >= 0xF0 && lead <= 0xF7) return 4;
    if (lead >= 0xE0) return lead <= 0xEF ? 3 : 1;
    if (lead >= 0xC0) return 2;
    return 1;
}

} // namespace

std::string Utf8Assembler::push(std::string_view piece) {
    m_pending.append(piece);
    // Find the last lead byte within the final 3 bytes and hold it back if its sequence is incomplete.
    size_t cut = m_pending.size();
    for (size_t back = 1; back <= 4 && back <= m_pending.size(); ++back) {
        const auto c = static_cast<unsigned char>(m_pending[m_pending.size() - back]);
        if ((c & 0xC0) == 0x80) continue; // continuation byte: keep looking for its lead
        if (sequenceLength(c) > back) cut = m_pending.size() - back;
        break;
    }
    std::string out = m_pending.substr(0, cut);
    m_pending.erase(0, cut);
    return out;
}

std::string Utf8Assembler::flush() {
    return std::exchange(m_pending, {});
}

} // namespace qf::eval
