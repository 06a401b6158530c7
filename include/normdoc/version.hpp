#pragma once

// Kept equal to project(VERSION) in CMakeLists.txt (a test checks).
#define NORMDOC_VERSION_MAJOR 0
#define NORMDOC_VERSION_MINOR 1
#define NORMDOC_VERSION_PATCH 0
#define NORMDOC_VERSION_STRING "0.1.0"

namespace normdoc {
inline constexpr const char* k_version = NORMDOC_VERSION_STRING;
}
