// The rule engine's vocabulary: rule metadata, findings, the sink rules report into, and the
// rule interface. Rules are pure functions of the template model: no I/O, no globals, no
// exceptions out of check().
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "stacklint/source.h"
#include "stacklint/template.h"

namespace stacklint {

enum class Severity : uint8_t { Info = 0, Warning = 1, Error = 2 };

std::string_view severity_name(Severity s);
std::optional<Severity> parse_severity(std::string_view s);

struct RuleMeta {
  std::string_view id;       // family prefix + 3 digits, e.g. "DAT001"
  std::string_view name;     // kebab-case, e.g. "stateful-resource-without-deletion-policy"
  Severity severity;         // default severity (configurable later)
  std::string_view summary;  // one line, for `stacklint rules`
  std::string_view doc;      // Markdown: What it does / Why is this bad? / Example / Use instead
};

struct Finding {
  const RuleMeta* rule = nullptr;
  Severity severity = Severity::Error;
  Range range;     // byte range in the file as read (without a BOM)
  Position start;  // 1-based
  Position end;    // 1-based, exclusive column
  std::string logical_path;
  std::string message;
};

class Sink {
 public:
  virtual ~Sink() = default;
  // Reports a finding of `rule` over `where` (a byte range of the template's document).
  virtual void report(const RuleMeta& rule, Range where, std::string logical_path,
                      std::string message) = 0;
  // The same at a severity other than the rule's default (a configured override still wins).
  virtual void report(const RuleMeta& rule, Severity severity, Range where,
                      std::string logical_path, std::string message) {
    (void)severity;
    report(rule, where, std::move(logical_path), std::move(message));
  }
};

class Rule {
 public:
  virtual ~Rule() = default;
  virtual const RuleMeta& meta() const = 0;
  virtual void check(const Template& tpl, Sink& out) const = 0;
};

}  // namespace stacklint
