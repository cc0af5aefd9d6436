#pragma once
// Opening a shared library at run time (dlopen / LoadLibrary), so that optional vendor libraries (NVML,
// the Vulkan loader) are used when installed and cost nothing when not.
#include <initializer_list>

#if defined(_WIN32)
#ifndef NOMINMAX
#define NOMINMAX // keep std::min and std::max usable
#endif
#include <windows.h>
#else
#include <dlfcn.h>
#endif

namespace qf::hw::detail {

// The first of `names` that opens; nullptr when none does.
inline void* openLibrary(std::initializer_list<const char*> names) {
    for (const char* name : names) {
#if defined(_WIN32)
        if (HMODULE module = LoadLibraryA(name)) return reinterpret_cast<void*>(module);
#else
        if (void* handle = dlopen(name, RTLD_NOW | RTLD_LOCAL)) return handle;
#endif
    }
    return nullptr;
}

inline void closeLibrary(void* handle) {
    if (!handle) return;
#if defined(_WIN32)
    FreeLibrary(reinterpret_cast<HMODULE>(handle));
#else
    dlclose(handle);
#endif
}

// The symbol as a function pointer of type Fn; nullptr when absent.
template <class Fn> Fn librarySymbol(void* handle, const char* name) {
#if defined(_WIN32)
    return reinterpret_cast<Fn>(
        reinterpret_cast<void*>(GetProcAddress(reinterpret_cast<HMODULE>(handle), name)));
#else
    return reinterpret_cast<Fn>(dlsym(handle, name));
#endif
}

} // namespace qf::hw::detail
