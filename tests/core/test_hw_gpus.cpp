// GPU detection: amdgpu sysfs trees (discrete card and APU), NVML through an injected fake function table,
// DXGI, Apple and Vulkan values, and the merge of all sources without counting a GPU twice.
#include <QTest>

#include <cstring>
#include <string>
#include <vector>

#include "hw_fixtures.h"
#include "qf/hw/amd_sysfs.h"
#include "qf/hw/apple_gpu.h"
#include "qf/hw/dxgi_gpus.h"
#include "qf/hw/hardware.h"
#include "qf/hw/nvml.h"
#include "qf/hw/vulkan_gpus.h"

using namespace qf;
using namespace qf::hw;

namespace {

constexpr uint64_t kGiB = 1ull << 30;

// A fake NVML: the devices it reports and the results it returns, in plain globals because NVML's API is
// a table of C function pointers.
struct FakeNvmlDevice {
    std::string name;
    NvmlMemory memory;
    int memoryResult = kNvmlSuccess;
};
struct FakeNvml {
    int initResult = kNvmlSuccess;
    std::vector<FakeNvmlDevice> devices;
    int initCalls = 0;
    int shutdownCalls = 0;
};
FakeNvml g_nvml;

NvmlApi fakeNvmlApi() {
    NvmlApi api;
    api.init = [] {
        ++g_nvml.initCalls;
        return g_nvml.initResult;
    };
    api.shutdown = [] {
        ++g_nvml.shutdownCalls;
        return kNvmlSuccess;
    };
    api.deviceGetCount = [](unsigned* count) {
        *count = unsigned(g_nvml.devices.size());
        return kNvmlSuccess;
    };
    api.deviceGetHandleByIndex = [](unsigned index, NvmlApi::Device* device) {
        if (index >= g_nvml.devices.size()) return 2; // NVML_ERROR_INVALID_ARGUMENT
        *device = &g_nvml.devices[index];
        return kNvmlSuccess;
    };
    api.deviceGetName = [](NvmlApi::Device device, char* name, unsigned length) {
        const auto* d = static_cast<FakeNvmlDevice*>(device);
        std::strncpy(name, d->name.c_str(), length - 1);
        return kNvmlSuccess;
    };
    api.deviceGetMemoryInfo = [](NvmlApi::Device device, NvmlMemory* memory) {
        const auto* d = static_cast<FakeNvmlDevice*>(device);
        if (d->memoryResult != kNvmlSuccess) return d->memoryResult;
        *memory = d->memory;
        return kNvmlSuccess;
    };
    api.errorString = [](int result) -> const char* {
        switch (result) {
        case 3:
            return "Not Supported";
        case 9:
            return "Driver Not Loaded";
        case 18:
            return "Driver/library version mismatch";
        default:
            return "Unknown Error";
        }
    };
    return api;
}

const GpuDevice* findGpu(const std::vector<GpuDevice>& gpus, GpuSource source) {
    for (const auto& g : gpus)
        if (g.source == source) return &g;
    return nullptr;
}

} // namespace

class TestHwGpus : public QObject {
    Q_OBJECT

private slots:
    void init() { g_nvml = FakeNvml{}; }

    void amdDiscreteCard() {
        const auto cards = readAmdSysfs(test::hwFixture("sysfs-amd-dgpu"));
        QCOMPARE(cards.size(), size_t(1)); // the Intel card and the connector entries are not AMD cards
        const AmdSysfsValues& v = cards.front();
        QCOMPARE(v.card, std::string("card1"));
        QCOMPARE(v.pciSlot, std::string("0000:03:00.0"));
        QCOMPARE(v.deviceId, std::string("73bf"));
        QVERIFY(v.hasVramVendor);
        QCOMPARE(*v.vramTotal, uint64_t(17163091968));
        const auto gpu = gpuFromAmdSysfs(v);
        QVERIFY(gpu);
        QCOMPARE(gpu->vendor, GpuVendor::Amd);
        QCOMPARE(gpu->source, GpuSource::AmdSysfs);
        QVERIFY(!gpu->unifiedMemory);
        QCOMPARE(gpu->name, std::string("AMD GPU [1002:73bf]"));
        QCOMPARE(gpu->dedicatedBytes, uint64_t(17163091968));
        QCOMPARE(*gpu->dedicatedFreeBytes, uint64_t(17163091968 - 1288929280));
        QCOMPARE(gpu->sharedBytes, uint64_t(0)); // GTT of a discrete card is not memory for weights
        QCOMPARE(gpu->usableBytes(), uint64_t(17163091968));
    }

    void amdApuSharesRam() {
        const auto cards = readAmdSysfs(test::hwFixture("sysfs-amd-apu"));
        QCOMPARE(cards.size(), size_t(1));
        QVERIFY(!cards.front().hasVramVendor);
        const auto gpu = gpuFromAmdSysfs(cards.front());
        QVERIFY(gpu);
        QVERIFY(gpu->unifiedMemory);
        QCOMPARE(gpu->dedicatedBytes, 512ull << 20); // the carve-out
        QCOMPARE(gpu->sharedBytes, 15 * kGiB);       // GTT: system RAM
        QCOMPARE(gpu->usableBytes(), 15 * kGiB + (512ull << 20));
        QVERIFY(gpu->detail.find("APU") != std::string::npos);
    }

    void amdValuesEdgeCases() {
        AmdSysfsValues v;
        QVERIFY(!gpuFromAmdSysfs(v)); // no memory counters: not a usable amdgpu device
        v.vramTotal = 8 * kGiB;
        v.gttTotal = 16 * kGiB; // twice the VRAM, but the vendor is known: a discrete card
        v.hasVramVendor = true;
        QVERIFY(!gpuFromAmdSysfs(v)->unifiedMemory);
        v.hasVramVendor = false;
        v.gttTotal = 12 * kGiB; // less than twice: still taken for a discrete card
        QVERIFY(!gpuFromAmdSysfs(v)->unifiedMemory);
        v.vramUsed = 9 * kGiB; // more used than there is (a racing read): free is 0, not a wrap-around
        QCOMPARE(*gpuFromAmdSysfs(v)->dedicatedFreeBytes, uint64_t(0));
        QVERIFY(readAmdSysfs(test::hwFixture("missing")).empty());
    }

    void nvmlStubListsDevices() {
        g_nvml.devices = {{"NVIDIA GeForce RTX 4090", {25757220864ull, 24938479616ull, 818741248ull}},
                          {"NVIDIA GeForce RTX 3060", {12884901888ull, 12630032384ull, 254869504ull}}};
        const NvmlApi api = fakeNvmlApi();
        auto gpus = queryNvml(api);
        QVERIFY(gpus.ok());
        QCOMPARE(gpus->size(), size_t(2));
        const GpuDevice& a = gpus->at(0);
        QCOMPARE(a.name, std::string("NVIDIA GeForce RTX 4090"));
        QCOMPARE(a.vendor, GpuVendor::Nvidia);
        QCOMPARE(a.source, GpuSource::Nvml);
        QCOMPARE(a.dedicatedBytes, uint64_t(25757220864));
        QCOMPARE(*a.dedicatedFreeBytes, uint64_t(24938479616));
        QVERIFY(!a.unifiedMemory);
        QCOMPARE(g_nvml.initCalls, 1);
        QCOMPARE(g_nvml.shutdownCalls, 1);
    }

    void nvmlUnifiedBoardWithoutMemoryInfo() {
        g_nvml.devices = {{"NVIDIA GB10", {}, kNvmlErrorNotSupported}};
        const NvmlApi api = fakeNvmlApi();
        auto gpus = queryNvml(api);
        QVERIFY(gpus.ok());
        QCOMPARE(gpus->size(), size_t(1));
        QVERIFY(!gpus->front().memoryKnown);
        QVERIFY(gpus->front().unifiedMemory);
        QVERIFY(gpus->front().detail.find("Not Supported") != std::string::npos);
    }

    void nvmlFailureIsReported() {
        g_nvml.initResult = 18;
        const NvmlApi api = fakeNvmlApi();
        auto gpus = queryNvml(api);
        QVERIFY(!gpus.ok());
        QVERIFY(gpus.error().message.find("Driver/library version mismatch") != std::string::npos);
        QCOMPARE(g_nvml.shutdownCalls, 0); // nothing to shut down after a failed init
        NvmlApi incomplete = fakeNvmlApi();
        incomplete.deviceGetMemoryInfo = nullptr;
        QVERIFY(!queryNvml(incomplete).ok());
    }

    // Loading the real library must never fail the program: absent means "no NVIDIA GPU".
    void nvmlLibraryLoadIsOptional() {
        auto library = NvmlLibrary::load();
        if (!library) return;
        auto gpus = queryNvml(library->api());
        if (gpus)
            for (const auto& g : *gpus)
                QCOMPARE(g.vendor, GpuVendor::Nvidia);
    }

    void dxgiAdapters() {
        const auto f = test::readWindowsFixture("windows-laptop.json");
        QCOMPARE(f.adapters.size(), size_t(3));
        const auto nvidia = gpuFromDxgi(f.adapters[0]);
        QVERIFY(nvidia);
        QCOMPARE(nvidia->vendor, GpuVendor::Nvidia);
        QVERIFY(!nvidia->unifiedMemory);
        QCOMPARE(nvidia->dedicatedBytes, uint64_t(8321499136));
        QCOMPARE(*nvidia->dedicatedFreeBytes, uint64_t(7784628224 - 536870912));
        QCOMPARE(nvidia->usableBytes(), uint64_t(8321499136));
        const auto intel = gpuFromDxgi(f.adapters[1]);
        QVERIFY(intel);
        QCOMPARE(intel->vendor, GpuVendor::Intel);
        QVERIFY(intel->unifiedMemory);
        QCOMPARE(intel->sharedBytes, uint64_t(17076180992));
        QVERIFY(!gpuFromDxgi(f.adapters[2])); // the Basic Render Driver is software
#if !defined(_WIN32)
        auto none = readDxgiAdapters();
        QVERIFY(none.ok() && none->empty());
#endif
    }

    void appleDefaultWorkingSet() {
        const auto f = test::readMacFixture("macos-m2pro-32gb.txt");
        const auto gpu = gpuFromApple(f.gpu);
        QVERIFY(gpu);
        QCOMPARE(gpu->name, std::string("Apple M2 Pro GPU"));
        QVERIFY(gpu->unifiedMemory);
        QVERIFY(gpu->memoryEstimated);
        QCOMPARE(gpu->dedicatedBytes, uint64_t(0));
        QCOMPARE(gpu->sharedBytes, 32 * kGiB / 3 * 2);              // 2/3 up to 36 GB
        QCOMPARE(hw::appleDefaultWorkingSet(64 * kGiB), 48 * kGiB); // 3/4 above
        QCOMPARE(hw::appleDefaultWorkingSet(16 * kGiB), 16 * kGiB / 3 * 2);
    }

    void appleWiredLimitSet() {
        const auto f = test::readMacFixture("macos-m1max-64gb-wired.txt");
        const auto gpu = gpuFromApple(f.gpu);
        QVERIFY(gpu);
        QVERIFY(!gpu->memoryEstimated);
        QCOMPARE(gpu->sharedBytes, 57344ull << 20);
        QVERIFY(gpu->detail.find("iogpu.wired_limit_mb") != std::string::npos);
        // An Intel Mac has no Apple GPU.
        QVERIFY(!gpuFromApple(test::readMacFixture("macos-intel-16gb.txt").gpu));
    }

    void vulkanDevices() {
        VulkanDeviceValues discrete{"NVIDIA GeForce RTX 3080",
                                    0x10de,
                                    0x2206,
                                    VulkanDeviceType::DiscreteGpu,
                                    {{10737418240ull, true}, {33554432000ull, false}, {224395264ull, true}}};
        auto d = gpuFromVulkan(discrete, 32 * kGiB);
        QVERIFY(d);
        QCOMPARE(d->vendor, GpuVendor::Nvidia);
        QCOMPARE(d->dedicatedBytes, uint64_t(10737418240)); // the largest device-local heap
        QVERIFY(!d->unifiedMemory);
        VulkanDeviceValues igpu{"Intel(R) UHD Graphics 770",
                                0x8086,
                                0x4680,
                                VulkanDeviceType::IntegratedGpu,
                                {{40 * kGiB, true}}};
        auto i = gpuFromVulkan(igpu, 32 * kGiB);
        QVERIFY(i);
        QVERIFY(i->unifiedMemory);
        QCOMPARE(i->sharedBytes, 32 * kGiB); // never more than the RAM it lives in
        VulkanDeviceValues llvmpipe{
            "llvmpipe (LLVM 15.0.6, 256 bits)", 0x10005, 0, VulkanDeviceType::Cpu, {{2 * kGiB, true}}};
        QVERIFY(!gpuFromVulkan(llvmpipe, 32 * kGiB));
    }

    // Vulkan on this machine: a loader may or may not be installed; either way nothing fails.
    void vulkanOnThisMachine() {
        auto devices = readVulkanDevices();
        if (!devices)
            qInfo("Vulkan: %s", devices.error().message.c_str());
        else
            for (const auto& d : *devices)
                qInfo("Vulkan device: %s (type %u)", d.name.c_str(), unsigned(d.type));
    }

    // All sources together on a recorded Linux machine: the fake NVML's card and the AMD card from sysfs.
    void detectHardwareFromFixtures() {
        g_nvml.devices = {{"NVIDIA GeForce RTX 4090", {25757220864ull, 24938479616ull, 818741248ull}}};
        const NvmlApi api = fakeNvmlApi();
        DetectOptions options;
        options.procRoot = test::hwFixture("linux-desktop/proc");
        options.sysRoot = test::hwFixture("sysfs-amd-dgpu");
        options.nvml = &api;
        options.useVulkan = false;
        const HardwareInfo h = detectHardware(options);
#if defined(__linux__)
        QCOMPARE(h.memory.totalBytes, uint64_t(32803436) * 1024);
        QCOMPARE(h.cpu.physicalCores, 4u);
        QCOMPARE(h.gpus.size(), size_t(2));
        QVERIFY(findGpu(h.gpus, GpuSource::AmdSysfs));
#endif
        const GpuDevice* nvidia = findGpu(h.gpus, GpuSource::Nvml);
        QVERIFY(nvidia);
        QCOMPARE(nvidia->dedicatedBytes, uint64_t(25757220864));
    }

    void detectHardwareWithoutGpus() {
        g_nvml.initResult = 9; // driver not loaded
        const NvmlApi api = fakeNvmlApi();
        DetectOptions options;
        options.procRoot = test::hwFixture("linux-desktop/proc");
        options.sysRoot = test::hwFixture("missing");
        options.nvml = &api;
        options.useVulkan = false;
        const HardwareInfo h = detectHardware(options);
        QVERIFY(h.gpus.empty());
        bool explained = false, noGpu = false;
        for (const auto& n : h.notes) {
            explained = explained || n.find("Driver Not Loaded") != std::string::npos;
            noGpu = noGpu || n.find("no GPU found") != std::string::npos;
        }
        QVERIFY(explained);
        QVERIFY(noGpu);
    }

    void detectThisMachine() {
        const HardwareInfo h = detectHardware();
        QVERIFY(h.memory.totalBytes > 0);
        for (const auto& g : h.gpus) {
            QVERIFY(!g.name.empty());
            if (g.unifiedMemory) QVERIFY(g.sharedBytes <= h.memory.totalBytes + g.dedicatedBytes);
        }
    }
};

QTEST_GUILESS_MAIN(TestHwGpus)
#include "test_hw_gpus.moc"
