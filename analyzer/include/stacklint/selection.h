// Which rules run: --select / --ignore lists of rule ids, id prefixes (`SEC`, `DAT00`) or rule
// names. The most specific matching selector wins; at equal specificity, ignore wins.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "stacklint/rule.h"

namespace stacklint {

class RuleSelection {
 public:
  RuleSelection() = default;
  // Returns false and sets `error` when a selector matches no rule.
  bool set(std::vector<std::string> select, std::vector<std::string> ignore, std::string* error);
  bool enabled(const RuleMeta& rule) const;

 private:
  std::vector<std::string> select_;
  std::vector<std::string> ignore_;
};

// Splits comma-separated lists ("SEC,DAT001") and upper-cases id selectors.
std::vector<std::string> split_selectors(const std::vector<std::string>& args);

}  // namespace stacklint
