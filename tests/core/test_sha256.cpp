// SHA-256 against the FIPS 180-4 / NIST example vectors, and incremental hashing.
#include <QTest>

#include <string>
#include <vector>

#include "qf/sha256.h"

using namespace qf;

namespace {

std::string hashOf(const std::string& text) {
    return sha256Hex(std::span(reinterpret_cast<const uint8_t*>(text.data()), text.size()));
}

} // namespace

class TestSha256 : public QObject {
    Q_OBJECT

private slots:
    void knownVectors_data() {
        QTest::addColumn<QString>("input");
        QTest::addColumn<QString>("digest");
        QTest::newRow("empty") << QString()
                               << QStringLiteral(
                                      "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
        QTest::newRow("abc") << QStringLiteral("abc")
                             << QStringLiteral(
                                    "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
        QTest::newRow("two blocks")
            << QStringLiteral("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")
            << QStringLiteral("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1");
        QTest::newRow("896 bits")
            << QStringLiteral(
                   "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqr"
                   "lmnopqrsmnopqrstnopqrstu")
            << QStringLiteral("cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    }

    void knownVectors() {
        QFETCH(QString, input);
        QFETCH(QString, digest);
        QCOMPARE(QString::fromStdString(hashOf(input.toStdString())), digest);
    }

    void millionA() {
        const std::string text(1000000, 'a');
        QCOMPARE(hashOf(text),
                 std::string("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
    }

    // Any split into update() calls gives the one-shot digest, including splits at block edges.
    void incremental() {
        std::vector<uint8_t> data(1000);
        for (size_t i = 0; i < data.size(); ++i)
            data[i] = uint8_t(i * 131 + 7);
        const std::string whole = sha256Hex(data);
        for (size_t piece : {1u, 3u, 55u, 56u, 63u, 64u, 65u, 127u, 999u}) {
            Sha256 hash;
            for (size_t at = 0; at < data.size(); at += piece)
                hash.update(data.data() + at, std::min(piece, data.size() - at));
            QCOMPARE(Sha256::toHex(hash.finish()), whole);
        }
    }
};

QTEST_GUILESS_MAIN(TestSha256)
#include "test_sha256.moc"
