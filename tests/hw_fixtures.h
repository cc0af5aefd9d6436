#pragma once
// Reading the recorded hardware descriptions in tests/fixtures/hw into the value structures detection
// uses on each system (see tests/fixtures/hw/README.md).
#include <QFile>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "qf/hw/apple_gpu.h"
#include "qf/hw/dxgi_gpus.h"
#include "qf/hw/system_memory.h"

namespace qf::test {

inline std::filesystem::path hwFixture(const std::string& relative) {
    return std::filesystem::path(QF_SOURCE_DIR) / "tests" / "fixtures" / "hw" / relative;
}

inline QByteArray readFixture(const std::string& relative) {
    QFile f(QString::fromStdString(hwFixture(relative).string()));
    return f.open(QIODevice::ReadOnly) ? f.readAll() : QByteArray();
}

// "key: value" lines as sysctl and vm_stat print them; '#' starts a comment.
inline std::map<std::string, std::string> readKeyValues(const std::string& relative) {
    std::map<std::string, std::string> values;
    for (const QByteArray& line : readFixture(relative).split('\n')) {
        if (line.startsWith('#')) continue;
        const int colon = line.indexOf(':');
        if (colon < 0) continue;
        values[line.left(colon).trimmed().toStdString()] = line.mid(colon + 1).trimmed().toStdString();
    }
    return values;
}

struct MacFixture {
    hw::MacMemoryValues memory;
    hw::AppleGpuValues gpu;
};

inline MacFixture readMacFixture(const std::string& relative) {
    auto kv = readKeyValues(relative);
    auto number = [&](const std::string& key) { return kv.count(key) ? std::stoull(kv[key]) : 0ull; };
    MacFixture f;
    f.memory.memsize = number("hw.memsize");
    f.memory.pageSize = number("hw.pagesize");
    f.memory.freePages = number("Pages free");
    f.memory.inactivePages = number("Pages inactive");
    f.memory.speculativePages = number("Pages speculative");
    f.memory.purgeablePages = number("Pages purgeable");
    f.gpu.memsize = f.memory.memsize;
    f.gpu.wiredLimitMb = number("iogpu.wired_limit_mb");
    f.gpu.appleSilicon = number("hw.optional.arm64") != 0;
    f.gpu.chipName = kv["machdep.cpu.brand_string"];
    return f;
}

struct WindowsFixture {
    uint64_t totalPhys = 0;
    uint64_t availPhys = 0;
    std::vector<hw::DxgiAdapterValues> adapters;
};

inline WindowsFixture readWindowsFixture(const std::string& relative) {
    const QJsonObject root = QJsonDocument::fromJson(readFixture(relative)).object();
    WindowsFixture f;
    const QJsonObject memory = root.value(QStringLiteral("memory")).toObject();
    f.totalPhys = uint64_t(memory.value(QStringLiteral("ullTotalPhys")).toDouble());
    f.availPhys = uint64_t(memory.value(QStringLiteral("ullAvailPhys")).toDouble());
    for (const QJsonValue& value : root.value(QStringLiteral("adapters")).toArray()) {
        const QJsonObject a = value.toObject();
        hw::DxgiAdapterValues v;
        v.description = a.value(QStringLiteral("description")).toString().toStdString();
        v.vendorId = uint32_t(a.value(QStringLiteral("vendorId")).toInt());
        v.deviceId = uint32_t(a.value(QStringLiteral("deviceId")).toInt());
        v.dedicatedVideoMemory = uint64_t(a.value(QStringLiteral("dedicatedVideoMemory")).toDouble());
        v.dedicatedSystemMemory = uint64_t(a.value(QStringLiteral("dedicatedSystemMemory")).toDouble());
        v.sharedSystemMemory = uint64_t(a.value(QStringLiteral("sharedSystemMemory")).toDouble());
        v.software = a.value(QStringLiteral("software")).toBool();
        if (a.contains(QStringLiteral("localBudget")))
            v.localBudget = uint64_t(a.value(QStringLiteral("localBudget")).toDouble());
        if (a.contains(QStringLiteral("localUsage")))
            v.localUsage = uint64_t(a.value(QStringLiteral("localUsage")).toDouble());
        f.adapters.push_back(std::move(v));
    }
    return f;
}

} // namespace qf::test
