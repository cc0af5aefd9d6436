#include "bpe_regex.h"

#include <algorithm>

#include "qf/text/unicode.h"

namespace qf::eval::detail {

namespace {

using text::CodepointFlag;

// llama.cpp's stand-in bytes for the Unicode classes in collapsed text.
constexpr uint32_t kCollapsedOther = 0xD0;
constexpr uint32_t kCollapsedNumber = 0xD1;
constexpr uint32_t kCollapsedLetter = 0xD2;
constexpr uint32_t kCollapsedPunctuation = 0xD3;
constexpr uint32_t kCollapsedMark = 0xD4;
constexpr uint32_t kCollapsedSymbol = 0xD5;
constexpr uint32_t kVerticalTab = 0x0B; // what non-ASCII whitespace becomes, so that \s matches it

uint32_t collapsedUnit(uint32_t cp) {
    if (cp < 128) return cp;
    const uint16_t flags = text::codepointFlags(cp);
    if (flags & text::kWhitespace) return kVerticalTab;
    if (flags & text::kNumber) return kCollapsedNumber;
    if (flags & text::kLetter) return kCollapsedLetter;
    if (flags & text::kPunctuation) return kCollapsedPunctuation;
    if (flags & text::kMark) return kCollapsedMark;
    if (flags & text::kSymbol) return kCollapsedSymbol;
    return kCollapsedOther;
}

uint32_t wideUnit(uint32_t cp) {
    return cp > 0x7F && text::isWhitespace(cp) ? kVerticalTab : cp;
}

// The names whose presence makes llama.cpp match a regex on collapsed text.
constexpr std::string_view kUnicodeClassNames[] = {"\\p{N}",  "\\p{L}",  "\\p{P}",  "\\p{M}",  "\\p{S}",
                                                   "\\p{Lu}", "\\p{Ll}", "\\p{Lt}", "\\p{Lm}", "\\p{Lo}"};

} // namespace

struct SplitRegex::Node {
    enum class Kind { Alternation, Sequence, Repeat, Class, Look, NotLook, End } kind;
    std::vector<Node> children;
    int classIndex = 0;
    int min = 0;
    int max = 0; // -1: unbounded
};

class SplitRegex::Parser {
public:
    Parser(SplitRegex& owner, std::string_view pattern) : m_owner(owner), m_cps(text::decodeUtf8(pattern)) {}

    bool parse(Node& root) {
        root = alternation();
        return m_ok && m_pos == m_cps.size();
    }

private:
    static constexpr uint32_t kNone = 0xFFFFFFFF;
    uint32_t peek(size_t ahead = 0) const {
        return m_pos + ahead < m_cps.size() ? m_cps[m_pos + ahead] : kNone;
    }
    uint32_t next() { return m_pos < m_cps.size() ? m_cps[m_pos++] : kNone; }
    Node fail() {
        m_ok = false;
        m_pos = m_cps.size();
        return Node{Node::Kind::Sequence, {}};
    }

    Node alternation() {
        Node alt{Node::Kind::Alternation, {}};
        alt.children.push_back(sequence());
        while (m_ok && peek() == '|') {
            ++m_pos;
            alt.children.push_back(sequence());
        }
        return alt.children.size() == 1 ? std::move(alt.children.front()) : alt;
    }

    Node sequence() {
        Node seq{Node::Kind::Sequence, {}};
        while (m_ok && peek() != kNone && peek() != '|' && peek() != ')')
            seq.children.push_back(repeat());
        return seq;
    }

    Node repeat() {
        Node atom = this->atom();
        int min = 1, max = 1;
        const uint32_t c = peek();
        if (c == '?') {
            min = 0;
        } else if (c == '*') {
            min = 0, max = -1;
        } else if (c == '+') {
            max = -1;
        } else if (c == '{') {
            ++m_pos;
            min = number();
            max = min;
            if (peek() == ',') {
                ++m_pos;
                max = peek() == '}' ? -1 : number();
            }
            if (peek() != '}' || min < 0 || (max >= 0 && max < min)) return fail();
        } else {
            return atom;
        }
        ++m_pos;
        if (peek() == '?' || peek() == '+') return fail(); // lazy and possessive forms are not used
        Node rep{Node::Kind::Repeat, {}};
        rep.children.push_back(std::move(atom));
        rep.min = min;
        rep.max = max;
        return rep;
    }

    int number() {
        int n = -1;
        while (peek() >= '0' && peek() <= '9')
            n = std::max(n, 0) * 10 + int(next() - '0');
        return n > 1000 ? -1 : n;
    }

    Node atom() {
        const uint32_t c = next();
        if (c == '(') {
            Node::Kind kind = Node::Kind::Sequence;
            if (peek() == '?') {
                const uint32_t k = peek(1);
                if (k == ':')
                    kind = Node::Kind::Sequence;
                else if (k == '=')
                    kind = Node::Kind::Look;
                else if (k == '!')
                    kind = Node::Kind::NotLook;
                else
                    return fail();
                m_pos += 2;
            }
            Node inner = alternation();
            if (next() != ')') return fail();
            if (kind == Node::Kind::Sequence) return inner;
            Node look{kind, {}};
            look.children.push_back(std::move(inner));
            return look;
        }
        if (c == '$') return Node{Node::Kind::End, {}};
        if (c == '[') return classNode(bracket());
        if (c == '\\') {
            CharClass cls;
            if (!escape(cls, false)) return fail();
            return classNode(std::move(cls));
        }
        if (c == kNone || c == '.' || c == '^' || c == '*' || c == '+' || c == '?' || c == '{' || c == ')')
            return fail();
        CharClass cls;
        cls.ranges.push_back({c, c});
        return classNode(std::move(cls));
    }

    Node classNode(CharClass cls) {
        Node node{Node::Kind::Class, {}};
        node.classIndex = int(m_owner.m_classes.size());
        m_owner.m_classes.push_back(std::move(cls));
        return node;
    }

    CharClass bracket() {
        CharClass cls;
        if (peek() == '^') {
            cls.negated = true;
            ++m_pos;
        }
        bool first = true;
        while (m_ok) {
            uint32_t c = next();
            if (c == kNone) {
                fail();
                break;
            }
            if (c == ']' && !first) break;
            first = false;
            if (c == '\\') {
                CharClass single;
                if (!escape(single, true)) {
                    fail();
                    break;
                }
                // A single escaped character may start a range; a class escape may not.
                if (single.ranges.size() != 1 || single.ranges[0].lo != single.ranges[0].hi ||
                    single.negated) {
                    cls.ranges.insert(cls.ranges.end(), single.ranges.begin(), single.ranges.end());
                    continue;
                }
                c = single.ranges[0].lo;
            }
            uint32_t hi = c;
            if (peek() == '-' && peek(1) != ']' && peek(1) != kNone) {
                ++m_pos;
                hi = next();
                if (hi == '\\') {
                    CharClass single;
                    if (!escape(single, true) || single.ranges.size() != 1 || single.negated) {
                        fail();
                        break;
                    }
                    hi = single.ranges[0].lo;
                }
                if (hi < c) {
                    fail();
                    break;
                }
            }
            cls.ranges.push_back({c, hi});
        }
        return cls;
    }

    // After a backslash: the class it stands for, added to `cls`.
    bool escape(CharClass& cls, bool inBracket) {
        const uint32_t c = next();
        auto add = [&](uint32_t lo, uint32_t hi) { cls.ranges.push_back({lo, hi}); };
        switch (c) {
        case 's':
        case 'S':
            if (c == 'S' && inBracket) return false;
            add('\t', '\r');
            add(' ', ' ');
            cls.negated = c == 'S';
            return true;
        case 'd':
            add('0', '9');
            return true;
        case 'r':
            add('\r', '\r');
            return true;
        case 'n':
            add('\n', '\n');
            return true;
        case 't':
            add('\t', '\t');
            return true;
        case 'p':
            return unicodeClass(cls);
        case kNone:
            return false;
        default:
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')) return false;
            add(c, c);
            return true;
        }
    }

    bool unicodeClass(CharClass& cls) {
        if (next() != '{') return false;
        std::string name;
        for (uint32_t c = next(); c != '}'; c = next()) {
            if (c == kNone || c >= 128) return false;
            name += char(c);
        }
        if (!m_owner.m_collapsed) return false;
        auto add = [&](uint32_t lo, uint32_t hi) { cls.ranges.push_back({lo, hi}); };
        if (name == "N") {
            add(kCollapsedNumber, kCollapsedNumber);
            add('0', '9');
        } else if (name == "L" || name == "Lu" || name == "Ll" || name == "Lt" || name == "Lm" ||
                   name == "Lo") {
            add(kCollapsedLetter, kCollapsedLetter);
            add('A', 'Z');
            add('a', 'z');
        } else if (name == "P") { // !"# %&'()* ,-./ :; ?@ [\] _ { }
            add(kCollapsedPunctuation, kCollapsedPunctuation);
            add(0x21, 0x23), add(0x25, 0x2A), add(0x2C, 0x2F), add(0x3A, 0x3B), add(0x3F, 0x40);
            add(0x5B, 0x5D), add(0x5F, 0x5F), add(0x7B, 0x7B), add(0x7D, 0x7D);
        } else if (name == "M") {
            add(kCollapsedMark, kCollapsedMark);
        } else if (name == "S") { // $ + <=> ^ ` | (llama.cpp's list has no '~')
            add(kCollapsedSymbol, kCollapsedSymbol);
            add('$', '$'), add('+', '+'), add('<', '>'), add('^', '^'), add('`', '`'), add('|', '|');
        } else {
            return false;
        }
        return true;
    }

    SplitRegex& m_owner;
    std::vector<uint32_t> m_cps;
    size_t m_pos = 0;
    bool m_ok = true;
};

bool SplitRegex::CharClass::contains(uint32_t unit) const {
    bool in = false;
    for (const Range& r : ranges)
        if (unit >= r.lo && unit <= r.hi) {
            in = true;
            break;
        }
    return in != negated;
}

SplitRegex::SplitRegex(std::string_view pattern) {
    for (std::string_view name : kUnicodeClassNames)
        if (pattern.find(name) != std::string_view::npos) m_collapsed = true;
    Node root;
    Parser parser(*this, pattern);
    if (!parser.parse(root)) return;
    emit(root);
    m_code.push_back({Op::Match});
    m_ok = true;
    // C+ compiles to: Class c; Split(2, out); Class c; Jump(1).
    if (m_code.size() > 4 && m_code[0].op == Op::Class && m_code[1].op == Op::Split && m_code[1].a == 2 &&
        m_code[2].op == Op::Class && m_code[3].op == Op::Jump && m_code[3].a == 1 && m_code[1].b == 4)
        m_leadingRun = m_code[0].a;
}

void SplitRegex::emit(const Node& node) {
    auto here = [&] { return int(m_code.size()); };
    switch (node.kind) {
    case Node::Kind::Class:
        m_code.push_back({Op::Class, node.classIndex});
        break;
    case Node::Kind::Sequence:
        for (const Node& child : node.children)
            emit(child);
        break;
    case Node::Kind::End:
        m_code.push_back({Op::End});
        break;
    case Node::Kind::Alternation: {
        std::vector<int> jumps;
        for (size_t i = 0; i < node.children.size(); ++i) {
            const bool last = i + 1 == node.children.size();
            const int split = here();
            if (!last) m_code.push_back({Op::Split, split + 1});
            emit(node.children[i]);
            if (!last) {
                jumps.push_back(here());
                m_code.push_back({Op::Jump});
                m_code[size_t(split)].b = here();
            }
        }
        for (int j : jumps)
            m_code[size_t(j)].a = here();
        break;
    }
    case Node::Kind::Repeat: {
        const Node& body = node.children.front();
        for (int i = 0; i < node.min; ++i)
            emit(body);
        if (node.max < 0) { // greedy loop: try one more, else leave
            const int loop = here();
            m_code.push_back({Op::Split, loop + 1});
            emit(body);
            m_code.push_back({Op::Jump, loop});
            m_code[size_t(loop)].b = here();
        } else {
            std::vector<int> splits;
            for (int i = node.min; i < node.max; ++i) {
                splits.push_back(here());
                m_code.push_back({Op::Split, here() + 1});
                emit(body);
            }
            for (int s : splits)
                m_code[size_t(s)].b = here();
        }
        break;
    }
    case Node::Kind::Look:
    case Node::Kind::NotLook: {
        const int look = here();
        m_code.push_back({node.kind == Node::Kind::Look ? Op::Look : Op::NotLook});
        emit(node.children.front());
        m_code.push_back({Op::Match});
        m_code[size_t(look)].a = here() - look - 1;
        break;
    }
    }
}

long SplitRegex::matchAt(const std::vector<uint32_t>& units, size_t pos, size_t end, int pc) const {
    struct Thread {
        int pc;
        size_t pos;
    };
    std::vector<Thread> backtrack{{pc, pos}};
    while (!backtrack.empty()) {
        Thread t = backtrack.back();
        backtrack.pop_back();
        for (bool alive = true; alive;) {
            const Inst& in = m_code[size_t(t.pc)];
            switch (in.op) {
            case Op::Class:
                alive = t.pos < end && m_classes[size_t(in.a)].contains(units[t.pos]);
                ++t.pos, ++t.pc;
                break;
            case Op::Split:
                backtrack.push_back({in.b, t.pos});
                t.pc = in.a;
                break;
            case Op::Jump:
                t.pc = in.a;
                break;
            case Op::Look:
            case Op::NotLook: {
                const Inst& body = m_code[size_t(t.pc) + 1];
                // The common body, one class: test it in place.
                const bool found = in.a == 2 && body.op == Op::Class
                                       ? t.pos < end && m_classes[size_t(body.a)].contains(units[t.pos])
                                       : matchAt(units, t.pos, end, t.pc + 1) >= 0;
                alive = found == (in.op == Op::Look);
                t.pc += 1 + in.a;
                break;
            }
            case Op::End:
                alive = t.pos == end;
                ++t.pc;
                break;
            case Op::Match:
                return long(t.pos);
            }
        }
    }
    return -1;
}

std::vector<size_t> SplitRegex::split(const std::vector<uint32_t>& cps,
                                      const std::vector<size_t>& pieces) const {
    std::vector<uint32_t> units(cps.size());
    std::transform(cps.begin(), cps.end(), units.begin(), m_collapsed ? collapsedUnit : wideUnit);
    std::vector<size_t> out;
    out.reserve(pieces.size());
    size_t start = 0;
    for (size_t length : pieces) {
        const size_t end = start + length;
        size_t gapStart = start;
        for (size_t pos = start; pos < end;) {
            const long match = m_ok ? matchAt(units, pos, end, 0) : -1;
            if (match > long(pos)) { // (none of llama.cpp's regexes matches the empty string)
                if (pos > gapStart) out.push_back(pos - gapStart);
                out.push_back(size_t(match) - pos);
                pos = gapStart = size_t(match);
            } else if (m_leadingRun >= 0 && m_classes[size_t(m_leadingRun)].contains(units[pos])) {
                while (pos < end && m_classes[size_t(m_leadingRun)].contains(units[pos]))
                    ++pos;
            } else {
                ++pos;
            }
        }
        if (end > gapStart) out.push_back(end - gapStart);
        start = end;
    }
    return out;
}

} // namespace qf::eval::detail
