#include "qf/hw/vulkan_gpus.h"

#include <algorithm>
#include <cstdio>
#include <cstring>
#include <mutex>
#include <string>

#include "hw/dynamic_library.h"

namespace qf::hw {
namespace {

// The few Vulkan 1.0 declarations we need, written from the specification so that building does not
// need the Vulkan headers. Layouts are the C ABI of the spec's structures.
#if defined(_WIN32) && !defined(_WIN64)
#define QF_VKAPI __stdcall
#else
#define QF_VKAPI
#endif

using VkInstance = struct VkInstanceOpaque*;
using VkPhysicalDevice = struct VkPhysicalDeviceOpaque*;
using VkResult = int32_t;
constexpr VkResult kVkSuccess = 0;
constexpr VkResult kVkIncomplete = 5;
constexpr uint32_t kVkHeapDeviceLocal = 0x1;

struct VkApplicationInfo {
    int32_t sType = 0; // VK_STRUCTURE_TYPE_APPLICATION_INFO
    const void* pNext = nullptr;
    const char* pApplicationName = nullptr;
    uint32_t applicationVersion = 0;
    const char* pEngineName = nullptr;
    uint32_t engineVersion = 0;
    uint32_t apiVersion = 1u << 22; // 1.0.0
};

struct VkInstanceCreateInfo {
    int32_t sType = 1; // VK_STRUCTURE_TYPE_INSTANCE_CREATE_INFO
    const void* pNext = nullptr;
    uint32_t flags = 0;
    const VkApplicationInfo* pApplicationInfo = nullptr;
    uint32_t enabledLayerCount = 0;
    const char* const* ppEnabledLayerNames = nullptr;
    uint32_t enabledExtensionCount = 0;
    const char* const* ppEnabledExtensionNames = nullptr;
};

// VkPhysicalDeviceProperties: only its leading fields are read; the rest (limits, sparse properties,
// 824 bytes in all on 64-bit systems) is reserved generously.
struct alignas(8) VkPhysicalDevicePropertiesHead {
    uint32_t apiVersion;
    uint32_t driverVersion;
    uint32_t vendorID;
    uint32_t deviceID;
    uint32_t deviceType;
    char deviceName[256];
    uint8_t pipelineCacheUUID[16];
    uint8_t rest[2048];
};

struct VkMemoryType {
    uint32_t propertyFlags;
    uint32_t heapIndex;
};
struct VkMemoryHeap {
    uint64_t size;
    uint32_t flags;
};
struct VkPhysicalDeviceMemoryProperties {
    uint32_t memoryTypeCount;
    VkMemoryType memoryTypes[32];
    uint32_t memoryHeapCount;
    VkMemoryHeap memoryHeaps[16];
};
static_assert(sizeof(VkPhysicalDeviceMemoryProperties) == 520, "layout must match the Vulkan ABI");

using PFN_vkVoidFunction = void(QF_VKAPI*)();
using PFN_vkGetInstanceProcAddr = PFN_vkVoidFunction(QF_VKAPI*)(VkInstance, const char*);
using PFN_vkCreateInstance = VkResult(QF_VKAPI*)(const VkInstanceCreateInfo*, const void*, VkInstance*);
using PFN_vkEnumeratePhysicalDevices = VkResult(QF_VKAPI*)(VkInstance, uint32_t*, VkPhysicalDevice*);
using PFN_vkGetPhysicalDeviceProperties = void(QF_VKAPI*)(VkPhysicalDevice, VkPhysicalDevicePropertiesHead*);
using PFN_vkGetPhysicalDeviceMemoryProperties = void(QF_VKAPI*)(VkPhysicalDevice,
                                                                VkPhysicalDeviceMemoryProperties*);

} // namespace

std::optional<GpuDevice> gpuFromVulkan(const VulkanDeviceValues& v, uint64_t systemRamBytes) {
    if (v.type == VulkanDeviceType::Cpu) return std::nullopt;
    GpuDevice gpu;
    gpu.name = v.name;
    gpu.vendor = gpuVendorFromPciId(v.vendorId);
    gpu.source = GpuSource::Vulkan;
    uint64_t largestLocal = 0;
    for (const VulkanHeap& heap : v.heaps)
        if (heap.deviceLocal) largestLocal = std::max(largestLocal, heap.size);
    if (v.type == VulkanDeviceType::IntegratedGpu) {
        // Integrated GPUs report RAM-backed heaps (often the whole of RAM): shared, never extra memory.
        gpu.unifiedMemory = true;
        gpu.sharedBytes = systemRamBytes ? std::min(largestLocal, systemRamBytes) : largestLocal;
    } else {
        gpu.dedicatedBytes = largestLocal;
    }
    char id[32];
    std::snprintf(id, sizeof(id), "PCI %04x:%04x", v.vendorId, v.deviceId);
    gpu.detail = id;
    return gpu;
}

namespace {

// One Vulkan instance for the life of the process. It is never destroyed: destroying it makes the loader
// unload the drivers, and some (Mesa's llvmpipe) lose a small block each time, which leak checkers then
// report against every test that detects hardware. The instance costs little and detection runs again
// whenever a window asks.
struct VulkanSession {
    std::string error; // why there is no instance although a loader is installed
    bool loaderFound = false;
    VkInstance instance = nullptr;
    PFN_vkEnumeratePhysicalDevices enumerate = nullptr;
    PFN_vkGetPhysicalDeviceProperties properties = nullptr;
    PFN_vkGetPhysicalDeviceMemoryProperties memoryProperties = nullptr;
};

VulkanSession& vulkanSession() {
    static VulkanSession session = [] {
        VulkanSession s;
#if defined(_WIN32)
        void* library = detail::openLibrary({"vulkan-1.dll"});
#elif defined(__APPLE__)
        void* library = detail::openLibrary({"libvulkan.1.dylib", "libMoltenVK.dylib"});
#else
        void* library = detail::openLibrary({"libvulkan.so.1", "libvulkan.so"});
#endif
        if (!library) return s;
        s.loaderFound = true;
        auto getProc = detail::librarySymbol<PFN_vkGetInstanceProcAddr>(library, "vkGetInstanceProcAddr");
        auto createInstance =
            getProc ? reinterpret_cast<PFN_vkCreateInstance>(getProc(nullptr, "vkCreateInstance")) : nullptr;
        if (!createInstance) {
            s.error = "Vulkan: the loader has no vkGetInstanceProcAddr/vkCreateInstance";
            return s;
        }
        VkApplicationInfo app;
        app.pApplicationName = "Quantforge hardware detection";
        VkInstanceCreateInfo info;
        info.pApplicationInfo = &app;
        if (VkResult r = createInstance(&info, nullptr, &s.instance); r != kVkSuccess) {
            s.error = "Vulkan: vkCreateInstance failed (" + std::to_string(r) + "); no usable driver";
            s.instance = nullptr;
            return s;
        }
        s.enumerate = reinterpret_cast<PFN_vkEnumeratePhysicalDevices>(
            getProc(s.instance, "vkEnumeratePhysicalDevices"));
        s.properties = reinterpret_cast<PFN_vkGetPhysicalDeviceProperties>(
            getProc(s.instance, "vkGetPhysicalDeviceProperties"));
        s.memoryProperties = reinterpret_cast<PFN_vkGetPhysicalDeviceMemoryProperties>(
            getProc(s.instance, "vkGetPhysicalDeviceMemoryProperties"));
        if (!s.enumerate || !s.properties || !s.memoryProperties) {
            s.error = "Vulkan: the loader lacks a required function";
            s.instance = nullptr;
        }
        return s;
    }();
    return session;
}

} // namespace

Result<std::vector<VulkanDeviceValues>> readVulkanDevices() {
    std::vector<VulkanDeviceValues> devices;
    VulkanSession& s = vulkanSession();
    if (!s.loaderFound) return devices;
    if (!s.instance) return makeError("{}", s.error);
    static std::mutex mutex; // enumeration from several threads at once is serialised
    const std::lock_guard lock(mutex);
    uint32_t count = 0;
    VkResult r = s.enumerate(s.instance, &count, nullptr);
    std::vector<VkPhysicalDevice> handles(count);
    if (r == kVkSuccess && count > 0) r = s.enumerate(s.instance, &count, handles.data());
    if (r != kVkSuccess && r != kVkIncomplete)
        return makeError("Vulkan: vkEnumeratePhysicalDevices failed ({})", r);
    handles.resize(count);
    for (VkPhysicalDevice handle : handles) {
        VkPhysicalDevicePropertiesHead props{};
        s.properties(handle, &props);
        VkPhysicalDeviceMemoryProperties memory{};
        s.memoryProperties(handle, &memory);
        VulkanDeviceValues v;
        v.name = std::string(props.deviceName, strnlen(props.deviceName, sizeof(props.deviceName)));
        v.vendorId = props.vendorID;
        v.deviceId = props.deviceID;
        v.type = props.deviceType <= 4 ? VulkanDeviceType(props.deviceType) : VulkanDeviceType::Other;
        for (uint32_t i = 0; i < std::min<uint32_t>(memory.memoryHeapCount, 16); ++i)
            v.heaps.push_back(
                {memory.memoryHeaps[i].size, (memory.memoryHeaps[i].flags & kVkHeapDeviceLocal) != 0});
        devices.push_back(std::move(v));
    }
    return devices;
}

} // namespace qf::hw
