// What nearly every test includes, precompiled once (tests/CMakeLists.txt). Tests still include what they
// use themselves; this only makes parsing it cheap.
#pragma once

#include <QtTest>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include <fmt/format.h>
