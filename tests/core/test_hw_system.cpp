// RAM and CPU detection: the parsers on recorded /proc files and macOS/Windows values, and a smoke test
// of detection on this machine.
#include <QTest>

#include "hw_fixtures.h"
#include "qf/hw/cpu_info.h"
#include "qf/hw/system_memory.h"

using namespace qf;
using namespace qf::hw;

class TestHwSystem : public QObject {
    Q_OBJECT

private slots:
    void meminfoWithMemAvailable() {
        auto m = parseProcMeminfo(test::readFixture("linux-desktop/proc/meminfo").toStdString());
        QVERIFY(m.ok());
        QCOMPARE(m->totalBytes, uint64_t(32803436) * 1024);
        QCOMPARE(m->availableBytes, uint64_t(24117296) * 1024);
        QCOMPARE(m->source, std::string("/proc/meminfo"));
    }

    void meminfoBeforeMemAvailable() {
        auto m = parseProcMeminfo(test::readFixture("linux-old-kernel/proc/meminfo").toStdString());
        QVERIFY(m.ok());
        QCOMPARE(m->totalBytes, uint64_t(8056204) * 1024);
        QCOMPARE(m->availableBytes, uint64_t(812340 + 204800 + 3145728) * 1024); // free + buffers + cached
        QVERIFY(m->source.find("no MemAvailable") != std::string::npos);
    }

    void meminfoRejectsGarbage() {
        QVERIFY(!parseProcMeminfo("").ok());
        QVERIFY(!parseProcMeminfo("MemTotal: lots kB\n").ok());
        QVERIFY(!parseProcMeminfo("MemFree: 100 kB\n").ok());
        // Available never exceeds the total, whatever the file says.
        auto m = parseProcMeminfo("MemTotal: 100 kB\nMemAvailable: 200 kB");
        QVERIFY(m.ok());
        QCOMPARE(m->availableBytes, uint64_t(100 * 1024));
    }

    void detectMemoryFromProcRoot() {
        auto m = detectSystemMemory(test::hwFixture("linux-desktop/proc"));
#if defined(__linux__)
        QVERIFY(m.ok());
        QCOMPARE(m->totalBytes, uint64_t(32803436) * 1024);
        QVERIFY(!detectSystemMemory(test::hwFixture("missing")).ok());
#else
        QVERIFY(m.ok()); // other systems ignore the path
#endif
    }

    void macMemoryValues() {
        const auto f = test::readMacFixture("macos-m2pro-32gb.txt");
        const SystemMemory m = systemMemoryFromMac(f.memory);
        QCOMPARE(m.totalBytes, uint64_t(32) << 30);
        QCOMPARE(m.availableBytes, uint64_t(131072 + 393216 + 65536 + 16384) * 16384);
    }

    void windowsMemoryValues() {
        const auto f = test::readWindowsFixture("windows-laptop.json");
        const SystemMemory m = systemMemoryFromWindows(f.totalPhys, f.availPhys);
        QCOMPARE(m.totalBytes, uint64_t(34152361984));
        QCOMPARE(m.availableBytes, uint64_t(20401094656));
        QCOMPARE(m.source, std::string("GlobalMemoryStatusEx"));
    }

    void cpuinfoX86WithSmt() {
        const CpuInfo cpu = parseProcCpuinfo(test::readFixture("linux-desktop/proc/cpuinfo").toStdString());
        QCOMPARE(cpu.modelName, std::string("Intel(R) Core(TM) i7-7700K CPU @ 4.20GHz"));
        QCOMPARE(cpu.logicalCores, 8u);
        QCOMPARE(cpu.physicalCores, 4u);
    }

    void cpuinfoArm64WithoutCoreIds() {
        const CpuInfo cpu = parseProcCpuinfo(test::readFixture("cpuinfo-arm64.txt").toStdString());
        QCOMPARE(cpu.modelName, std::string("Raspberry Pi 5 Model B Rev 1.0"));
        QCOMPARE(cpu.logicalCores, 4u);
        QCOMPARE(cpu.physicalCores, 0u); // unknown, not guessed
    }

    void detectCpuFromProcRoot() {
        const CpuInfo cpu = detectCpu(test::hwFixture("linux-desktop/proc"));
#if defined(__linux__)
        QCOMPARE(cpu.physicalCores, 4u);
        QCOMPARE(cpu.logicalCores, 8u);
#endif
        // The SIMD features are those of the CPU running the test, with the OS check.
        QCOMPARE(cpu.features.describe(), cpuFeatures().describe());
    }

    // This machine: whatever it is, the numbers are sane.
    void detectThisMachine() {
        auto m = detectSystemMemory();
        QVERIFY2(m.ok(), m.ok() ? "" : m.error().message.c_str());
        QVERIFY(m->totalBytes > (256ull << 20));
        QVERIFY(m->availableBytes <= m->totalBytes);
        const CpuInfo cpu = detectCpu();
        QVERIFY(cpu.logicalCores >= 1);
        QVERIFY(cpu.physicalCores <= cpu.logicalCores);
    }
};

QTEST_GUILESS_MAIN(TestHwSystem)
#include "test_hw_system.moc"
