// The embedded schema bundle (generated into the build tree by schemas/embed.cpp).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace stacklint::schema_data {

struct IndexEntry {
  std::string_view type;  // resource type name
  uint32_t offset;        // of its line in kBundle
  uint32_t length;
};

extern const std::string_view kVersion;
extern const char kBundle[];
extern const IndexEntry kIndex[];  // sorted by type
extern const size_t kIndexSize;

}  // namespace stacklint::schema_data
