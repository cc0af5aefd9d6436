#pragma once
// How numbers look everywhere in the window: sizes in MB/GB with one decimal, bits/weight with two,
// counts with the locale's group separators. Everything follows QLocale() (the system locale unless a
// default was set), so tests can pin a locale.
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include <QString>

namespace qf::ui {

QString toQString(std::string_view text);

// "38.6 MB", "1.2 GB" (decimal units, as file managers show them).
QString formatBytes(uint64_t bytes);
// "12.3 MB/s" (decimal units, like sizes).
QString formatRate(double bytesPerSecond);
// A duration that has passed: "0.8 s", "42 s", "3 min 5 s", "1 h 4 min".
QString formatDuration(double seconds);
// An estimate of what remains: "about 5 s left", "about 3 min left".
QString formatTimeLeft(double seconds);
// "16.00"
QString formatBitsPerWeight(double bits);
// "21,105,920"
QString formatCount(uint64_t count);
// A tensor shape in ggml order (row length first): "256 × 32000".
QString formatShape(const std::vector<uint64_t>& shape);
// "SentencePiece" for tokenizer.ggml.model "llama", "BPE" for "gpt2"; other names unchanged.
QString tokenizerKindName(const std::string& tokenizerModel);

} // namespace qf::ui
