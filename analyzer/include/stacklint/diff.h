// Change analysis between two versions of a template: which resources are added, removed,
// modified, replaced or may be replaced, and why. Comparison is semantic: key order, YAML vs
// JSON, short vs long intrinsic forms, quoting and equivalent literals ("20" vs 20) are no change.
#pragma once

#include <string>
#include <vector>

#include "stacklint/template.h"

namespace stacklint {

struct PropertyChange {
  std::string property;   // top-level property (or resource attribute) that changed
  std::string cause;      // "direct edit", "the Default of parameter Env", "mapping Sizes", ...
  std::string old_value;  // short rendering, may be empty when added
  std::string new_value;
  int replacement = 0;  // 0 none, 1 may replace, 2 replaces
};

struct ResourceChange {
  enum class Kind : uint8_t { Added, Removed, Modified, Replaced, MayReplace, Renamed };
  Kind kind;
  std::string id;      // logical id (the new one for renames)
  std::string old_id;  // renames: the old logical id
  std::string type;
  std::vector<PropertyChange> changes;
  const Resource* old_resource = nullptr;
  const Resource* new_resource = nullptr;
};

std::vector<ResourceChange> diff_templates(const Template& old_tpl, const Template& new_tpl);

std::string_view change_marker(ResourceChange::Kind k);  // "[+]", "[-]", "[~]", ...

}  // namespace stacklint
