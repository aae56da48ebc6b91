// Small helpers shared by rule implementations.
#pragma once

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <string>
#include <string_view>

#include "stacklint/rule.h"

namespace stacklint::rules {

// Reports `message` over the byte range of `node`.
inline void report(Sink& out, const RuleMeta& meta, const Node& node, std::string path,
                   std::string message) {
  out.report(meta, node.range, std::move(path), std::move(message));
}

// `Name (Type)` or just `Name` when the type is unknown: how messages name a resource.
inline std::string describe(const Resource& r) {
  if (r.type_name.empty()) return std::string(r.name);
  return fmt::format("{} ({})", r.name, r.type_name);
}

}  // namespace stacklint::rules

namespace stacklint::rules {

// A rule that reports every reader issue of one kind (PAR001-PAR003 and PAR010 are found while
// reading; these rules turn them into findings so they are selected, documented and counted
// like every other rule).
class ReadIssueRule final : public Rule {
 public:
  ReadIssueRule(const RuleMeta& meta, ReadIssue::Kind kind) : meta_(meta), kind_(kind) {}
  const RuleMeta& meta() const override { return meta_; }
  void check(const Template& tpl, Sink& out) const override {
    for (const auto& issue : tpl.document().issues) {
      if (issue.kind == kind_) out.report(meta_, issue.range, issue.logical_path, issue.message);
    }
  }

 private:
  const RuleMeta& meta_;
  ReadIssue::Kind kind_;
};

}  // namespace stacklint::rules
