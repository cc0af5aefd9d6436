// The JSON reader used for safetensors headers and Hugging Face config files: values, exact integers,
// escapes, and hostile input (depth, bad UTF-8, truncation) rejected with an offset.
#include <QTest>

#include "qf/json_reader.h"

using namespace qf;

class TestJsonReader : public QObject {
    Q_OBJECT

private slots:
    void parsesValues() {
        const std::string text = "{\"a\": [1, -2, 3.5, 1e3, true, false, null], "
                                 "\"b\": {\"c\": \"x\\\"y\\u00e9\\ud83d\\ude00\"}, "
                                 "\"big\": 18446744073709551615, \"neg\": -9223372036854775808}";
        auto v = parseJson(text);
        QVERIFY2(v.ok(), v.ok() ? "" : v.error().message.c_str());
        const auto* a = v->find("a")->asArray();
        QCOMPARE(a->size(), size_t(7));
        QCOMPARE((*a)[0].asUInt().value(), uint64_t(1));
        QCOMPARE((*a)[1].asInt().value(), int64_t(-2));
        QVERIFY(!(*a)[1].asUInt());
        QCOMPARE((*a)[2].asDouble().value(), 3.5);
        QVERIFY(!(*a)[2].asInt());
        QCOMPARE((*a)[3].asDouble().value(), 1000.0);
        QVERIFY(!(*a)[3].asUInt()); // written with an exponent: not an integer literal
        QCOMPARE((*a)[4].asBool().value(), true);
        QVERIFY((*a)[6].isNull());
        QCOMPARE(*v->find("b")->find("c")->asString(), std::string("x\"y\xc3\xa9\xf0\x9f\x98\x80"));
        QCOMPARE(v->find("big")->asUInt().value(), uint64_t(18446744073709551615ull));
        QCOMPARE(v->find("neg")->asInt().value(), int64_t(INT64_MIN));
        QVERIFY(!v->find("missing"));
    }

    void keepsKeyOrder() {
        auto v = parseJson("{\"z\":1,\"a\":2,\"m\":3}");
        QVERIFY(v.ok());
        const auto* members = v->asObject();
        QCOMPARE((*members)[0].first, std::string("z"));
        QCOMPARE((*members)[2].first, std::string("m"));
    }

    void rejectsBadInput_data() {
        QTest::addColumn<QByteArray>("text");
        QTest::newRow("empty") << QByteArray("");
        QTest::newRow("truncated object") << QByteArray("{\"a\":1");
        QTest::newRow("trailing comma") << QByteArray("[1,2,]");
        QTest::newRow("trailing data") << QByteArray("{} x");
        QTest::newRow("leading zero") << QByteArray("[01]");
        QTest::newRow("bare minus") << QByteArray("[-]");
        QTest::newRow("huge number") << QByteArray("[1e999]");
        QTest::newRow("unterminated string") << QByteArray("[\"abc");
        QTest::newRow("control char") << QByteArray("[\"a\nb\"]");
        QTest::newRow("bad escape") << QByteArray("[\"\\x\"]");
        QTest::newRow("lone surrogate") << QByteArray("[\"\\ud800\"]");
        QTest::newRow("bad utf8") << QByteArray("[\"\xff\"]");
        QTest::newRow("overlong utf8") << QByteArray("[\"\xc0\xaf\"]");
        QTest::newRow("single quotes") << QByteArray("{'a':1}");
        QTest::newRow("nan") << QByteArray("[NaN]");
        QTest::newRow("too deep") << QByteArray(100, '[') + QByteArray(100, ']');
    }

    void rejectsBadInput() {
        QFETCH(QByteArray, text);
        auto v = parseJson(std::string_view(text.constData(), size_t(text.size())));
        QVERIFY(!v.ok());
        QVERIFY2(QString::fromStdString(v.error().message).contains(QLatin1String("JSON")),
                 v.error().message.c_str());
    }

    void limits() {
        JsonLimits limits;
        limits.rejectDuplicateKeys = true;
        QVERIFY(!parseJson("{\"a\":1,\"a\":2}", limits).ok());
        QVERIFY(parseJson("{\"a\":1,\"a\":2}").ok());
        limits.maxBytes = 4;
        QVERIFY(!parseJson("[1, 2]", limits).ok());
        limits = {};
        limits.maxDepth = 2;
        QVERIFY(parseJson("[[1]]", limits).ok());
        QVERIFY(!parseJson("[[[1]]]", limits).ok());
    }

    void readsFiles() {
        QVERIFY(readJsonFile(QF_SHARED_DIR "/models/qf-books-22m-hf/config.json").ok());
        auto missing = readJsonFile("/nonexistent/config.json");
        QVERIFY(!missing.ok());
        QVERIFY(QString::fromStdString(missing.error().message)
                    .contains(QLatin1String("/nonexistent/config.json")));
    }
};

QTEST_GUILESS_MAIN(TestJsonReader)
#include "test_json_reader.moc"
