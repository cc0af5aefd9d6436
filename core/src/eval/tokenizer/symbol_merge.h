#pragma once
// The merge loop both tokenizers share: a text is cut into UTF-8 characters, then neighbouring pieces are
// merged best pair first - the lowest priority value, the leftmost pair among equals - until no pair is
// mergeable, as llama.cpp's SentencePiece session (best score) and BPE session (lowest merge rank) do.
// Stale queue entries (a side merged since the pair was queued) are skipped.
#include <algorithm>
#include <cstdint>
#include <optional>
#include <queue>
#include <string_view>
#include <vector>

#include "qf/text/unicode.h"

namespace qf::eval::detail {

// `priorityOf(left, right)`: the pair's priority (lower merges first), or std::nullopt when the two
// pieces do not merge. `emit(piece)` is called for the final pieces, left to right.
template <class Priority, class PriorityFn, class EmitFn>
void mergeSymbols(std::string_view text, PriorityFn&& priorityOf, EmitFn&& emit) {
    struct Symbol {
        int prev;
        int next;
        uint32_t offset;
        uint32_t length; // 0 once merged into its left neighbour
    };
    struct Pair {
        int left;
        int right;
        Priority priority;
        uint32_t length;
    };
    struct Later {
        bool operator()(const Pair& a, const Pair& b) const {
            return b.priority < a.priority || (!(a.priority < b.priority) && a.left > b.left);
        }
    };
    if (text.empty()) return;

    std::vector<Symbol> symbols;
    symbols.reserve(text.size());
    for (size_t offset = 0; offset < text.size();) {
        const size_t length = std::min(text::utf8SequenceLength(uint8_t(text[offset])), text.size() - offset);
        const int index = int(symbols.size());
        symbols.push_back(
            {index - 1, offset + length == text.size() ? -1 : index + 1, uint32_t(offset), uint32_t(length)});
        offset += length;
    }
    auto piece = [&](const Symbol& s) { return text.substr(s.offset, s.length); };

    std::priority_queue<Pair, std::vector<Pair>, Later> queue;
    auto tryAdd = [&](int left, int right) {
        if (left < 0 || right < 0) return;
        const Symbol& l = symbols[size_t(left)];
        const Symbol& r = symbols[size_t(right)];
        if (const std::optional<Priority> priority = priorityOf(piece(l), piece(r)))
            queue.push({left, right, *priority, l.length + r.length});
    };
    for (int i = 1; i < int(symbols.size()); ++i)
        tryAdd(i - 1, i);

    while (!queue.empty()) {
        const Pair pair = queue.top();
        queue.pop();
        Symbol& left = symbols[size_t(pair.left)];
        Symbol& right = symbols[size_t(pair.right)];
        if (left.length == 0 || right.length == 0 || left.next != pair.right ||
            left.length + right.length != pair.length)
            continue;
        left.length += right.length;
        right.length = 0;
        left.next = right.next;
        if (right.next >= 0) symbols[size_t(right.next)].prev = pair.left;
        tryAdd(left.prev, pair.left);
        tryAdd(pair.left, left.next);
    }

    for (int i = 0; i != -1; i = symbols[size_t(i)].next)
        emit(piece(symbols[size_t(i)]));
}

} // namespace qf::eval::detail
