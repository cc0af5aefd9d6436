// SHA-256 on the x86 SHA extensions (SHA-NI) against the portable code, in one binary: FIPS 180-4's
// examples on both paths, and random inputs of every length around the block size and larger, fed in one
// piece and in uneven pieces, give the same digests whichever path runs.
#include <QTest>

#include <random>
#include <string>
#include <vector>

#include "qf/sha256.h"

using namespace qf;

namespace {
std::string digestOf(const std::vector<uint8_t>& bytes, size_t piece) {
    Sha256 h;
    if (piece == 0) {
        h.update(bytes);
    } else {
        for (size_t at = 0; at < bytes.size(); at += piece)
            h.update(bytes.data() + at, std::min(piece, bytes.size() - at));
    }
    return Sha256::toHex(h.finish());
}

std::vector<uint8_t> bytesOf(std::string_view s) {
    return {s.begin(), s.end()};
}
} // namespace

class TestSha256Paths : public QObject {
    Q_OBJECT

private slots:
    void cleanup() { Sha256::forceScalar(false); }

    void fipsExamples_data() {
        QTest::addColumn<bool>("scalar");
        QTest::newRow("scalar") << true;
        QTest::newRow("best") << false;
    }

    void fipsExamples() {
        QFETCH(bool, scalar);
        Sha256::forceScalar(scalar);
        QCOMPARE(digestOf({}, 0), std::string("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"));
        QCOMPARE(digestOf(bytesOf("abc"), 0),
                 std::string("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"));
        QCOMPARE(digestOf(bytesOf("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq"), 0),
                 std::string("248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"));
        QCOMPARE(digestOf(std::vector<uint8_t>(1000000, 'a'), 4096),
                 std::string("cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0"));
    }

    void hardwareEqualsScalar() {
        if (!Sha256::hardwareAvailable()) QSKIP("this CPU has no SHA extensions");
        std::mt19937_64 rng(15);
        std::vector<size_t> sizes;
        for (size_t n = 0; n <= 260; ++n) sizes.push_back(n);
        for (size_t n : {size_t(1000), size_t(4095), size_t(4096), size_t(4097), size_t(65536 + 13), size_t(1) << 20})
            sizes.push_back(n);
        for (size_t n : sizes) {
            std::vector<uint8_t> bytes(n);
            for (auto& b : bytes) b = uint8_t(rng());
            for (size_t piece : {size_t(0), size_t(1), size_t(63), size_t(100), size_t(4096)}) {
                if (piece == 1 && n > 4096) continue;
                Sha256::forceScalar(true);
                QVERIFY(!Sha256::usingHardware());
                const std::string scalar = digestOf(bytes, piece);
                Sha256::forceScalar(false);
                QVERIFY(Sha256::usingHardware());
                QVERIFY2(digestOf(bytes, piece) == scalar, qPrintable(QStringLiteral("%1 bytes in pieces of %2")
                                                                           .arg(n).arg(piece)));
            }
        }
    }
};

QTEST_GUILESS_MAIN(TestSha256Paths)
#include "test_sha256_paths.moc"
