#pragma once
// The pre-tokenizer regexes llama.cpp does not implement by hand run through std::regex on a stand-in text;
// this is a small backtracking engine with the same (ECMAScript, leftmost, first alternative wins)
// semantics on the same stand-in text, so the splits agree with llama.cpp's, quirks included:
//  - a regex with a Unicode class (\p{L}, \p{N}, \p{P}, \p{M}, \p{S}) sees "collapsed" text: ASCII stays,
//    every other codepoint becomes one byte for its class (0x0B for whitespace, 0xD1 number, 0xD2 letter,
//    0xD3 punctuation, 0xD4 mark, 0xD5 symbol, 0xD0 anything else), and \p{X} means that byte plus the
//    ASCII characters llama.cpp lists for X (its \p{S} leaves out '~');
//  - any other regex sees the codepoints, with non-ASCII whitespace turned into 0x0B;
//  - \s is ASCII whitespace (space, \t \n \v \f \r), $ is the end of the piece being split.
// Supported syntax: literals (UTF-8), [classes] with ranges and negation, \s \S \d \r \n \t \p{..},
// escaped punctuation, (...) (?:...) (?=...) (?!...), | and the greedy quantifiers ? * + {n} {n,} {n,m}.
#include <cstdint>
#include <string_view>
#include <vector>

namespace qf::eval::detail {

class SplitRegex {
public:
    // `pattern` is one of llama.cpp's regex_exprs strings; ok() is false when it uses unsupported syntax.
    explicit SplitRegex(std::string_view pattern);
    bool ok() const { return m_ok; }

    // Cuts every piece (lengths in codepoints, summing to cps.size()) into its matches and the gaps
    // between them, as llama.cpp's unicode_regex_split_stl does.
    std::vector<size_t> split(const std::vector<uint32_t>& cps, const std::vector<size_t>& pieces) const;

private:
    enum class Op : uint8_t { Class, Split, Jump, Look, NotLook, End, Match };
    struct Inst {
        Op op;
        int a = 0; // Class: class index; Split: first choice; Jump: target; Look: instructions to skip
        int b = 0; // Split: second choice
    };
    struct Range {
        uint32_t lo, hi;
    };
    struct CharClass {
        std::vector<Range> ranges;
        bool negated = false;
        bool contains(uint32_t unit) const;
    };
    struct Node;
    class Parser;

    // End of the leftmost-first match of the program at `pc` from `pos`, or -1.
    long matchAt(const std::vector<uint32_t>& units, size_t pos, size_t end, int pc) const;
    void emit(const Node& node);

    std::vector<Inst> m_code;
    // The class of a leading C+ (the whole regex is C+ followed by the rest), or -1. Where a match fails at
    // a position inside a run of C it fails at every later position of that run (each would reach the same
    // states), so the search skips the run: this keeps \s+$ linear on long runs of spaces.
    int m_leadingRun = -1;
    std::vector<CharClass> m_classes;
    bool m_collapsed = false;
    bool m_ok = false;
};

} // namespace qf::eval::detail
