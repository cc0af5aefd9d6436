// Byte-level BPE ("gpt2") tokenization as llama.cpp does it. The pre-tokenizer splits are derived by hand
// from the regexes; token ids come from hand-made vocabularies: small ones where the merge order is worked
// out by hand, and one of a few hundred merges checked against GPT-2's original merge loop
// (encoder.py's bpe(), written independently below).
#include <QElapsedTimer>
#include <QTest>

#include <map>
#include <set>

#include "qf/eval/bpe_tokenizer.h"
#include "qf/eval/tokenizer.h"
#include "qf/text/unicode.h"
#include "test_support.h"

using namespace qf;
using namespace qf::eval;

using Words = std::vector<std::string>;
Q_DECLARE_METATYPE(Words)
Q_DECLARE_METATYPE(BpePreTokenizer)

namespace {

// The byte-level spelling of `raw` as one string per character.
std::vector<std::string> spell(std::string_view raw) {
    std::vector<std::string> out;
    for (char c : raw) {
        std::string s;
        text::appendUtf8(s, text::byteToCodepoint(uint8_t(c)));
        out.push_back(s);
    }
    return out;
}

// A vocabulary built by hand: ids 0..255 are the byte-level characters in byte order, then tokens in the
// order they are added.
struct Vocab {
    std::vector<std::string> tokens;
    std::vector<int32_t> types;
    std::vector<std::string> merges;
    std::map<std::string, int> ids;
    std::set<std::pair<std::string, std::string>> mergeSet;

    Vocab() {
        for (int b = 0; b < 256; ++b)
            add(spell(std::string(1, char(b)))[0]);
    }
    int add(const std::string& text, int32_t type = 1) {
        if (auto it = ids.find(text); it != ids.end()) return it->second;
        ids[text] = int(tokens.size());
        tokens.push_back(text);
        types.push_back(type);
        return ids[text];
    }
    void merge(const std::string& a, const std::string& b) {
        if (!mergeSet.insert({a, b}).second) return;
        merges.push_back(a + " " + b);
        add(a + b);
    }
    // Merges that build `raw` left to right, one character at a time.
    void word(std::string_view raw) {
        const auto chars = spell(raw);
        std::string current = chars[0];
        for (size_t i = 1; i < chars.size(); ++i) {
            merge(current, chars[i]);
            current += chars[i];
        }
    }
    int id(std::string_view raw) const { return ids.at(text::byteLevelEncode(raw)); }

    gguf::Metadata metadata(const std::string& pre) const {
        gguf::Metadata md;
        md.set("tokenizer.ggml.model", gguf::Value::string("gpt2"));
        md.set("tokenizer.ggml.pre", gguf::Value::string(pre));
        md.set("tokenizer.ggml.tokens", gguf::Value::array(gguf::Array::ofStrings(tokens)));
        md.set("tokenizer.ggml.token_type",
               gguf::Value::array(gguf::Array::of(gguf::ValueType::Int32, types)));
        md.set("tokenizer.ggml.merges", gguf::Value::array(gguf::Array::ofStrings(merges)));
        return md;
    }
};

Tokenizer makeTokenizer(const gguf::Metadata& md) {
    auto t = Tokenizer::fromMetadata(md);
    if (!t) qFatal("%s", t.error().message.c_str());
    return std::move(*t);
}

// GPT-2's encoder.py bpe(): merge every occurrence of the lowest-ranked pair, repeat.
std::vector<std::string> referenceBpe(const std::vector<std::string>& chars,
                                      const std::map<std::pair<std::string, std::string>, int>& ranks) {
    std::vector<std::string> parts = chars;
    while (parts.size() > 1) {
        int best = -1;
        std::pair<std::string, std::string> bestPair;
        for (size_t i = 0; i + 1 < parts.size(); ++i) {
            const auto it = ranks.find({parts[i], parts[i + 1]});
            if (it != ranks.end() && (best < 0 || it->second < best)) {
                best = it->second;
                bestPair = it->first;
            }
        }
        if (best < 0) break;
        std::vector<std::string> next;
        for (size_t i = 0; i < parts.size();) {
            if (i + 1 < parts.size() && parts[i] == bestPair.first && parts[i + 1] == bestPair.second) {
                next.push_back(parts[i] + parts[i + 1]);
                i += 2;
            } else {
                next.push_back(parts[i++]);
            }
        }
        parts = std::move(next);
    }
    return parts;
}

// About three hundred merges: common words, with and without the byte-level space 'Ġ'.
Vocab wordVocab() {
    Vocab v;
    const char* words[] = {
        "the",   "of",    "and",   "to",    "in",    "is",    "was",    "that", "for",   "it",   "with",
        "as",    "his",   "on",    "be",    "at",    "by",    "had",    "not",  "are",   "but",  "from",
        "or",    "have",  "an",    "they",  "which", "one",   "you",    "were", "her",   "all",  "she",
        "there", "would", "their", "we",    "him",   "been",  "has",    "when", "who",   "will", "more",
        "no",    "if",    "out",   "so",    "said",  "what",  "up",     "its",  "about", "into", "than",
        "them",  "can",   "only",  "other", "new",   "some",  "could",  "time", "these", "two",  "may",
        "then",  "do",    "first", "any",   "my",    "now",   "such",   "like", "our",   "over", "man",
        "me",    "Hello", "world", "World", "hello", "token", "tokens", "izer", "ing",   "ed",   "er"};
    for (const char* w : words) {
        v.word(w);
        v.word(std::string(" ") + w);
    }
    for (const char* w : {"'s",
                          "'t",
                          "'ll",
                          "'re",
                          "'ve",
                          "'m",
                          "'d",
                          "'S",
                          "'LL",
                          "123",
                          "12",
                          "45",
                          "  ",
                          "   ",
                          "\n\n",
                          " \n",
                          "...",
                          "!!",
                          "\xe4\xbd\xa0\xe5\xa5\xbd", /* 你好 */
                          "\xf0\x9f\xa6\x99" /* 🦙 */})
        v.word(w);
    return v;
}

} // namespace

class TestBpeTokenizer : public QObject {
    Q_OBJECT

private slots:
    void preTokenizerSplits_data() {
        QTest::addColumn<BpePreTokenizer>("type");
        QTest::addColumn<QByteArray>("text");
        QTest::addColumn<Words>("words");
        const auto L3 = BpePreTokenizer::Llama3;
        const auto Q2 = BpePreTokenizer::Qwen2;
        const auto G2 = BpePreTokenizer::Gpt2;
        QTest::newRow("l3 words") << L3 << QByteArray("Hello world") << Words{"Hello", " world"};
        QTest::newRow("l3 contraction") << L3 << QByteArray("I'm here") << Words{"I", "'m", " here"};
        QTest::newRow("l3 upper contraction") << L3 << QByteArray("WE'LL GO") << Words{"WE", "'LL", " GO"};
        QTest::newRow("l3 contractions in a row") << L3 << QByteArray("it's'S") << Words{"it", "'s", "'S"};
        QTest::newRow("l3 not a contraction") << L3 << QByteArray("'x") << Words{"'x"};
        QTest::newRow("l3 digits by three")
            << L3 << QByteArray("1234567 x") << Words{"123", "456", "7", " x"};
        QTest::newRow("l3 number") << L3 << QByteArray("3.14") << Words{"3", ".", "14"};
        QTest::newRow("l3 two spaces") << L3 << QByteArray("a  b") << Words{"a", " ", " b"};
        QTest::newRow("l3 newlines") << L3 << QByteArray("a\n\nb") << Words{"a", "\n\n", "b"};
        QTest::newRow("l3 space newline space") << L3 << QByteArray("a \n b") << Words{"a", " \n", " b"};
        QTest::newRow("l3 trailing spaces") << L3 << QByteArray("x   ") << Words{"x", "   "};
        QTest::newRow("l3 tab before word") << L3 << QByteArray("\tx") << Words{"\tx"};
        QTest::newRow("l3 punctuation and newlines")
            << L3 << QByteArray("hello!!!\n\nnext") << Words{"hello", "!!!\n\n", "next"};
        QTest::newRow("l3 space before punctuation") << L3 << QByteArray("a ...") << Words{"a", " ..."};
        QTest::newRow("l3 bracket joins word") << L3 << QByteArray("(x)") << Words{"(x", ")"};
        QTest::newRow("l3 dollar") << L3 << QByteArray("$100") << Words{"$", "100"};
        QTest::newRow("l3 cjk and latin") << L3 << QByteArray("我想在apple工作") << Words{"我想在apple工作"};
        QTest::newRow("l3 emoji") << L3 << QByteArray("🦙🦙 ok") << Words{"🦙🦙", " ok"};
        QTest::newRow("l3 invalid utf8") << L3
                                         << QByteArray("a\xff"
                                                       "b")
                                         << Words{"a", "\xef\xbf\xbd"
                                                       "b"};
        QTest::newRow("l3 truncated sequence")
            << L3 << QByteArray("x\xe4\xbd") << Words{"x", "\xef\xbf\xbd\xef\xbf\xbd"};
        QTest::newRow("l3 no-break space") << L3
                                           << QByteArray("a\xc2\xa0\xc2\xa0"
                                                         "b")
                                           << Words{"a", "\xc2\xa0",
                                                    "\xc2\xa0"
                                                    "b"};
        QTest::newRow("q2 digits one by one") << Q2 << QByteArray("12345") << Words{"1", "2", "3", "4", "5"};
        QTest::newRow("q2 contraction") << Q2 << QByteArray("We'Ve") << Words{"We", "'Ve"};
        // Qwen3.5: a combining mark (U+0301) stays in the letter run; Qwen2 cuts before it.
        const auto Q35 = BpePreTokenizer::Qwen35;
        QTest::newRow("q2 combining mark") << Q2 << QByteArray("cafe\xcc\x81s") << Words{"cafe", "\xcc\x81s"};
        QTest::newRow("q35 combining mark")
            << Q35 << QByteArray("cafe\xcc\x81s ok") << Words{"cafe\xcc\x81s", " ok"};
        QTest::newRow("q35 mark starts a word")
            << Q35 << QByteArray("1\xcc\x81\xcc\x81") << Words{"1", "\xcc\x81\xcc\x81"};
        QTest::newRow("q35 mark after punctuation") << Q35
                                                    << QByteArray("!!\xcc\x81"
                                                                  "b")
                                                    << Words{"!!", "\xcc\x81"
                                                                   "b"};
        QTest::newRow("q35 digits one by one") << Q35 << QByteArray("123") << Words{"1", "2", "3"};
        QTest::newRow("g2 words") << G2 << QByteArray("Hello world") << Words{"Hello", " world"};
        QTest::newRow("g2 case-sensitive contraction") << G2 << QByteArray("I'M") << Words{"I", "'", "M"};
        QTest::newRow("g2 contraction") << G2 << QByteArray("you'll") << Words{"you", "'ll"};
        QTest::newRow("g2 digits") << G2 << QByteArray("12345 6") << Words{"12345", " 6"};
        QTest::newRow("g2 newlines") << G2 << QByteArray("a\n\nb") << Words{"a", "\n", "\n", "b"};
        QTest::newRow("g2 spaces") << G2 << QByteArray("a   b") << Words{"a", "  ", " b"};
        QTest::newRow("g2 space punctuation") << G2 << QByteArray("x !?") << Words{"x", " !?"};
        QTest::newRow("g2 trailing space") << G2 << QByteArray("x ") << Words{"x", " "};

        // The chained pre-tokenizers: each regex cuts the pieces of the one before (splits derived by hand
        // from llama.cpp's regex_exprs; cross-checked against Python's `regex` on llama.cpp's collapsed
        // text).
        const auto DF = BpePreTokenizer::Default;
        const auto SC = BpePreTokenizer::Starcoder;
        const auto FA = BpePreTokenizer::Falcon;
        const auto DL = BpePreTokenizer::DeepseekLlm;
        const auto DC = BpePreTokenizer::DeepseekCoder;
        const auto D3 = BpePreTokenizer::Deepseek3;
        const auto O2 = BpePreTokenizer::Gpt4o;
        QTest::newRow("default punctuation, digits by three")
            << DF << QByteArray("Hello, world! 12345 ~~x")
            << Words{"Hello", ",", " world", "!", " ", "123", "45", " ", "~~", "x"};
        QTest::newRow("default symbols") << DF << QByteArray("a+b=c") << Words{"a", "+", "b", "=", "c"};
        QTest::newRow("default apostrophe is punctuation first")
            << DF << QByteArray("I'm ok") << Words{"I", "'", "m", " ok"};
        QTest::newRow("default spaces") << DF << QByteArray("x  y") << Words{"x", " ", " y"};
        QTest::newRow("default fullwidth digits stay whole")
            << DF << QByteArray("价格１２３４元") << Words{"价格", "１２３４", "元"};
        QTest::newRow("starcoder digits one by one")
            << SC << QByteArray("abc123 4") << Words{"abc", "1", "2", "3", " ", "4"};
        QTest::newRow("starcoder contraction and year")
            << SC << QByteArray("it's 2024!") << Words{"it", "'s", " ", "2", "0", "2", "4", "!"};
        QTest::newRow("starcoder spaces") << SC << QByteArray("x   y") << Words{"x", "  ", " y"};
        QTest::newRow("starcoder fullwidth digits") << SC << QByteArray("１２") << Words{"１", "２"};
        QTest::newRow("falcon backtick, digits by three")
            << FA << QByteArray("a`b 12345") << Words{"a", "`", "b", " ", "123", "45"};
        QTest::newRow("deepseek-llm words") << DL << QByteArray("Hello World") << Words{"Hello", " World"};
        // [!-/:-~] holds the ASCII letters too, so the punctuation regex re-cuts accented words.
        QTest::newRow("deepseek-llm accents")
            << DL << QByteArray("naïve café") << Words{"na", "ï", "ve", " caf", "é"};
        QTest::newRow("deepseek-llm cjk")
            << DL << QByteArray("我想在apple工作") << Words{"我想在", "apple", "工作"};
        QTest::newRow("deepseek-llm newlines") << DL << QByteArray("a\n\nb") << Words{"a", "\n", "\n", "b"};
        QTest::newRow("deepseek-llm trailing spaces")
            << DL << QByteArray("x, y!  ") << Words{"x", ",", " y", "!", "  "};
        QTest::newRow("deepseek-llm digits whole") << DL << QByteArray("12345") << Words{"12345"};
        QTest::newRow("deepseek-llm inner spaces") << DL << QByteArray("ab  12") << Words{"ab", "  ", "12"};
        QTest::newRow("deepseek-coder code")
            << DC << QByteArray("def f(x):\n    return 42")
            << Words{"def", " f", "(", "x", "):", "\n", "   ", " return", " ", "4", "2"};
        QTest::newRow("deepseek-coder cjk") << DC << QByteArray("我们 test") << Words{"我们", " test"};
        QTest::newRow("deepseek-coder spaces before digit")
            << DC << QByteArray("x  1") << Words{"x", "  ", "1"};
        QTest::newRow("deepseek-v3 digits by three")
            << D3 << QByteArray("123456 abc") << Words{"123", "456", " abc"};
        QTest::newRow("deepseek-v3 kana") << D3 << QByteArray("カタカナ") << Words{"カタカナ"};
        QTest::newRow("deepseek-v3 punctuation joins ascii word")
            << D3 << QByteArray(".NET rocks") << Words{".NET", " rocks"};
        // llama.cpp's \p{S} has no '~': it only joins a word as the optional prefix.
        QTest::newRow("deepseek-v3 tilde") << D3 << QByteArray("x~~y") << Words{"x", "~", "~y"};
        QTest::newRow("deepseek-v3 punctuation and newlines")
            << D3 << QByteArray("a!!\n\nb") << Words{"a", "!!\n\n", "b"};
        QTest::newRow("deepseek-v3 leading spaces") << D3 << QByteArray("  x") << Words{" ", " x"};
        QTest::newRow("gpt-4o camel case") << O2 << QByteArray("HelloWorld") << Words{"Hello", "World"};
        QTest::newRow("gpt-4o caps then lower") << O2 << QByteArray("HELLOworld") << Words{"HELLOworld"};
        QTest::newRow("gpt-4o contraction joins word")
            << O2 << QByteArray("I'M here") << Words{"I'M", " here"};
        QTest::newRow("gpt-4o digits by three") << O2 << QByteArray("1234567") << Words{"123", "456", "7"};
        QTest::newRow("gpt-4o slash and newline")
            << O2 << QByteArray("a/b\n/") << Words{"a", "/b", "\n", "/"};
        QTest::newRow("gpt-4o spaces") << O2 << QByteArray("  x  ") << Words{" ", " x", "  "};
        QTest::newRow("gpt-4o accented") << O2 << QByteArray("über Ägypten") << Words{"über", " Ägypten"};
    }
    void preTokenizerSplits() {
        QFETCH(BpePreTokenizer, type);
        QFETCH(QByteArray, text);
        QFETCH(Words, words);
        const Words got = bpePreTokenize(type, text.toStdString());
        QCOMPARE(got, words);
    }

    void chainedRegexesCompile() { QVERIFY(eval::bpePreTokenizerRegexesCompile()); }

    void preTokenizerFlags() {
        // llama-vocab.cpp: clean_spaces is on for BPE unless the pre-tokenizer turns it off.
        const auto flags = [](const char* name) { return eval::bpePreTokenizerFromName(name).value(); };
        QVERIFY(flags("default").cleanSpaces && flags("starcoder").cleanSpaces &&
                flags("refact").cleanSpaces);
        QVERIFY(!flags("smollm").cleanSpaces && !flags("command-r").cleanSpaces);
        QVERIFY(!flags("deepseek-llm").cleanSpaces && !flags("deepseek-coder").cleanSpaces);
        QVERIFY(!flags("deepseek-v3").cleanSpaces && !flags("gpt-4o").cleanSpaces &&
                !flags("llama4").cleanSpaces);
        QVERIFY(!flags("qwen2").cleanSpaces && flags("llama-bpe").cleanSpaces);
        QCOMPARE(flags("llama4").regex, BpePreTokenizer::Gpt4o);
        QCOMPARE(flags("hunyuan-dense").regex, BpePreTokenizer::Deepseek3);
        QCOMPARE(flags("smollm").regex, BpePreTokenizer::Starcoder);
        QVERIFY(!flags("deepseek-v3").ignoreMerges && !flags("gpt-4o").addBos);
    }

    void missingPreIsDefault() {
        // llama.cpp tokenizes a gpt2 vocabulary without tokenizer.ggml.pre with its "default" regexes.
        Vocab v;
        v.merge(spell("1")[0], spell("2")[0]);
        auto md = v.metadata("gpt-2");
        md.remove("tokenizer.ggml.pre");
        const Tokenizer t = makeTokenizer(md);
        // "a+1234": default cuts "+", then digits by three: "a" "+" "123" "4"; "12" merges inside "123".
        const auto tokens = t.tokenize("a+1234", false, false);
        const std::vector<Token> expected{v.id("a"), v.id("+"), v.id("12"), v.id("3"), v.id("4")};
        QCOMPARE(tokens, expected);
    }

    void unicodeClasses() {
        QVERIFY(text::isLetter('a') && text::isLetter(0x6211) && text::isLetter(0x0416)); // a 我 Ж
        QVERIFY(text::isNumber('7') && text::isNumber(0x0663) && text::isNumber(0x2167)); // ٣ Ⅷ
        QVERIFY(text::isWhitespace(0x3000) && text::isWhitespace(0x85) && !text::isWhitespace(0x1C));
        QVERIFY(!text::isLetter(0x1F999) && !text::isNumber(0x1F999));     // 🦙 is a symbol
        QCOMPARE(text::codepointFlags(0x378), uint16_t(text::kUndefined)); // unassigned
        QCOMPARE(text::codepointFlags(0x110000), uint16_t(text::kUndefined));
        QCOMPARE(text::toLower('L'), uint32_t('l'));
        QCOMPARE(text::toLower(0x0130), uint32_t('i')); // İ (simple mapping)
        QCOMPARE(text::toLower(0x212A), uint32_t('k')); // Kelvin sign
        QCOMPARE(text::toLower(0x017F), uint32_t(0x017F));
        QCOMPARE(text::byteToCodepoint(' '), uint32_t(0x120));
        QCOMPARE(text::byteToCodepoint('\n'), uint32_t(0x10A));
        QCOMPARE(text::byteToCodepoint('A'), uint32_t('A'));
        for (int b = 0; b < 256; ++b)
            QCOMPARE(text::codepointToByte(text::byteToCodepoint(uint8_t(b))), b);
    }

    // Three characters, where the merge ranks alone decide the result.
    void mergeRankDecides() {
        Vocab v;
        v.merge("b", "c"); // rank 0
        v.merge("a", "b"); // rank 1
        v.merge("ab", "c");
        const Tokenizer t = makeTokenizer(v.metadata("gpt-2"));
        // b+c goes first; "a bc" is no merge, so "abc" is never formed.
        QCOMPARE(t.tokenize("abc", false), (std::vector<Token>{v.id("a"), v.id("bc")}));

        Vocab w;
        w.merge("a", "b");
        w.merge("b", "c");
        w.merge("ab", "c");
        const Tokenizer u = makeTokenizer(w.metadata("gpt-2"));
        QCOMPARE(u.tokenize("abc", false), (std::vector<Token>{w.id("abc")}));
    }

    // Equal ranks: the leftmost pair first.
    void leftmostFirst() {
        Vocab v;
        v.merge("a", "a");
        v.merge("aa", "a");
        const Tokenizer t = makeTokenizer(v.metadata("gpt-2"));
        QCOMPARE(t.tokenize("aaa", false), (std::vector<Token>{v.id("aaa")}));
        // a a | a a: both pairs merge at rank 0 before "aa a" could, and "aa aa" is no merge.
        QCOMPARE(t.tokenize("aaaa", false), (std::vector<Token>{v.id("aa"), v.id("aa")}));
        QCOMPARE(t.tokenize("aaaaa", false), (std::vector<Token>{v.id("aa"), v.id("aaa")}));
    }

    // llama3 takes a word that is a token whole, even when the merges cannot build it.
    void ignoreMerges() {
        Vocab v;
        v.merge("Ġ", "f");
        const int whole = v.add(text::byteLevelEncode(" foo"));
        v.add("<|begin_of_text|>", 3);
        auto md = v.metadata("llama-bpe");
        md.set("tokenizer.ggml.bos_token_id", gguf::Value::u32(uint32_t(v.id("<|begin_of_text|>"))));
        const Tokenizer llama = makeTokenizer(md);
        QCOMPARE(llama.tokenize(" foo", false), (std::vector<Token>{whole}));
        // add_bos_token defaults to true for llama3 vocabularies.
        QCOMPARE(llama.tokenize(" foo", true), (std::vector<Token>{v.id("<|begin_of_text|>"), whole}));
        md.set("tokenizer.ggml.pre", gguf::Value::string("gpt-2"));
        const Tokenizer gpt2 = makeTokenizer(md);
        QCOMPARE(gpt2.tokenize(" foo", false), (std::vector<Token>{v.id(" f"), v.id("o"), v.id("o")}));
        QVERIFY(!gpt2.addsBos());
    }

    void specialTokens() {
        Vocab v = wordVocab();
        const int user = v.add("<tool>", 4);
        const int control = v.add("<|eot|>", 3);
        const Tokenizer t = makeTokenizer(v.metadata("llama-bpe"));
        // User-defined tokens are always split out; control tokens only with parseSpecial.
        const auto plain = t.tokenize("hello<|eot|> world<tool>", false);
        QVERIFY(std::find(plain.begin(), plain.end(), control) == plain.end());
        QCOMPARE(plain.back(), user);
        QCOMPARE(plain.front(), v.id("hello"));
        QCOMPARE(t.detokenize(plain), std::string("hello<|eot|> world<tool>"));
        const auto parsed = t.tokenize("hello<|eot|> world<tool>", false, true);
        QCOMPARE(parsed, (std::vector<Token>{v.id("hello"), control, v.id(" world"), user}));
        QCOMPARE(t.tokenToPiece(control), std::string("<|eot|>"));
    }

    // The word vocabulary over tricky strings: every word the pre-tokenizer makes is merged as GPT-2's own
    // loop merges it, and the text comes back unchanged.
    void matchesReferenceBpe_data() {
        QTest::addColumn<QString>("pre");
        QTest::addColumn<QByteArray>("text");
        const QByteArray texts[] = {
            "Hello world, the tokenizer is here.",
            "I'm sure you'll see it's THE END; WE'LL GO'S 'RE 'vE",
            "1 12 123 1234 12345 123456 3.1415 $45,123.00",
            "a  b   c    d\n\n\ne\r\n \n  \t\tf   ",
            "\xe4\xbd\xa0\xe5\xa5\xbd \xe4\xb8\x96\xe7\x95\x8c "
            "\xe6\x88\x91\xe6\x83\xb3\xe5\x9c\xa8"
            "apple\xe5\xb7\xa5\xe4\xbd\x9c",
            "\xf0\x9f\xa6\x99\xf0\x9f\xa6\x99 \xf0\x9f\x98\xb6\xe2\x80\x8d\xf0\x9f\x8c\xab\xef\xb8\x8f "
            "llama\xe2\x9c\x85",
            "\xd0\xbd\xd0\xb5\xd1\x89\xd0\xbe \xd0\xbd\xd0\xb0 "
            "\xd0\x91\xd1\x8a\xd0\xbb\xd0\xb3\xd0\xb0\xd1\x80\xd1\x81\xd0\xba\xd0\xb8",
            "...!!!??? ------======= '''''' ```` \"\"\" (x) [y] {z}",
            "tokens tokenizer tokenizing retokenized the the the",
        };
        for (const char* pre : {"llama-bpe", "qwen2", "gpt-2"})
            for (size_t i = 0; i < std::size(texts); ++i)
                QTest::newRow(qPrintable(QStringLiteral("%1 %2").arg(QLatin1String(pre)).arg(i)))
                    << QString::fromLatin1(pre) << texts[i];
    }
    void matchesReferenceBpe() {
        QFETCH(QString, pre);
        QFETCH(QByteArray, text);
        const Vocab v = wordVocab();
        QVERIFY(v.merges.size() >= 300);
        const Tokenizer t = makeTokenizer(v.metadata(pre.toStdString()));
        std::map<std::pair<std::string, std::string>, int> ranks;
        for (size_t i = 0; i < v.merges.size(); ++i) {
            const size_t space = v.merges[i].find(' ', 1);
            ranks.emplace(std::pair{v.merges[i].substr(0, space), v.merges[i].substr(space + 1)}, int(i));
        }
        const auto info = bpePreTokenizerFromName(pre.toStdString());
        QVERIFY(info);
        std::vector<Token> expected;
        for (const std::string& word : bpePreTokenize(info->regex, text.toStdString())) {
            const std::string encoded = text::byteLevelEncode(word);
            if (info->ignoreMerges && v.ids.count(encoded)) {
                expected.push_back(v.ids.at(encoded));
                continue;
            }
            std::vector<std::string> chars;
            for (uint32_t cp : text::decodeUtf8(encoded)) {
                chars.emplace_back();
                text::appendUtf8(chars.back(), cp);
            }
            for (const std::string& part : referenceBpe(chars, ranks))
                expected.push_back(v.ids.at(part));
        }
        const auto tokens = t.tokenize(text.toStdString(), false);
        QCOMPARE(tokens, expected);
        QCOMPARE(t.detokenize(tokens), text.toStdString());
        // Words of the list come out whole (the merges build them left to right).
        if (pre == QLatin1String("llama-bpe") && text.startsWith("Hello world"))
            QCOMPARE(std::vector<Token>(tokens.begin(), tokens.begin() + 2),
                     (std::vector<Token>{v.id("Hello"), v.id(" world")}));
    }

    void digitsAndContractionsAsTokens() {
        const Vocab v = wordVocab();
        const Tokenizer llama = makeTokenizer(v.metadata("llama-bpe"));
        QCOMPARE(llama.tokenize("12345", false), (std::vector<Token>{v.id("123"), v.id("45")}));
        QCOMPARE(llama.tokenize("WE'LL", false), (std::vector<Token>{v.id("W"), v.id("E"), v.id("'LL")}));
        QCOMPARE(llama.tokenize("the's", false), (std::vector<Token>{v.id("the"), v.id("'s")}));
        const Tokenizer qwen = makeTokenizer(v.metadata("qwen2"));
        QCOMPARE(qwen.tokenize("123", false), (std::vector<Token>{v.id("1"), v.id("2"), v.id("3")}));
        const Tokenizer gpt2 = makeTokenizer(v.metadata("gpt-2"));
        // One word "12345": 1+2, then 12+3 (the merges of "123"), and 4+5.
        QCOMPARE(gpt2.tokenize("12345", false), (std::vector<Token>{v.id("123"), v.id("45")}));
    }

    // Invalid UTF-8 becomes U+FFFD before merging (llama.cpp), so it does not round-trip.
    void invalidUtf8() {
        const Vocab v = wordVocab();
        const Tokenizer t = makeTokenizer(v.metadata("llama-bpe"));
        const auto tokens = t.tokenize("the\xff", false);
        QCOMPARE(t.detokenize(tokens), std::string("the\xef\xbf\xbd"));
        const auto lone = t.tokenize("\x80", false);
        QCOMPARE(lone, (std::vector<Token>{0xEF, 0xBF, 0xBD}));
    }

    void detokenizeBytes() {
        const Vocab v = wordVocab();
        const Tokenizer t = makeTokenizer(v.metadata("gpt-2"));
        QCOMPARE(t.tokenToPiece(v.id(" ")), std::string(" "));
        QCOMPARE(t.tokenToPiece(v.id("\n")), std::string("\n"));
        QCOMPARE(t.tokenToPiece(0xF0), std::string("\xf0"));
        QCOMPARE(t.tokenToPiece(v.id("\n\n")), std::string("\n\n"));
    }

    // A whole book chapter: plain text round-trips through tokens, for every pre-tokenizer.
    void longTextRoundTrips() {
        const QByteArray text = test::readAll(test::sharedPath("data/books-eval.txt"));
        QVERIFY(text.size() > 100000);
        const Vocab v = wordVocab();
        for (const char* pre : {"llama-bpe", "qwen2", "gpt-2"}) {
            const Tokenizer t = makeTokenizer(v.metadata(pre));
            QElapsedTimer timer;
            timer.start();
            const auto tokens = t.tokenize(text.toStdString(), false);
            qInfo("%s: %zu bytes -> %zu tokens in %lld ms", pre, size_t(text.size()), tokens.size(),
                  timer.elapsed());
            QVERIFY(t.detokenize(tokens) == text.toStdString());
        }
    }

    void badMetadata() {
        Vocab v;
        v.merge("a", "b");
        auto md = v.metadata("no-such-pre");
        auto t = Tokenizer::fromMetadata(md);
        QVERIFY(!t.ok());
        QVERIFY2(t.error().message.find("pre-tokenizer 'no-such-pre' is not supported yet") !=
                     std::string::npos,
                 t.error().message.c_str());
        md.set("tokenizer.ggml.pre", gguf::Value::string("llama-bpe"));
        md.remove("tokenizer.ggml.merges");
        t = Tokenizer::fromMetadata(md);
        QVERIFY(!t.ok());
        QVERIFY(t.error().message.find("merges") != std::string::npos);
    }
};

QTEST_GUILESS_MAIN(TestBpeTokenizer)
#include "test_bpe_tokenizer.moc"
