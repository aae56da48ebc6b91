#include <algorithm>

#include "rules/common.h"
#include "rules/sch/walk.h"
#include "stacklint/suggest.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "SCH005",
                         .name = "value-not-allowed",
                         .severity = Severity::Error,
                         .summary = "A property's value is not one of its allowed values",
                         .doc = R"md(
## What it does
Reports a literal value (also in either branch of `!If`) of a property whose schema lists the
values it accepts, when the value is not one of them. The comparison is case-sensitive, as
CloudFormation's resource validation is; a value that differs only in case is reported with
the spelling to use.

## Why is this bad?
CloudFormation rejects the resource at deploy time with a model validation error.

## Example
```yaml
Resources:
  AppLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupClass: Standard
```

## Use instead
```yaml
Resources:
  AppLogs:
    Type: AWS::Logs::LogGroup
    Properties:
      LogGroupClass: STANDARD
```
)md"};

class Visitor final : public PropertyVisitor {
 public:
  Visitor(const Resource& r, Sink& out) : r_(r), out_(out) {}
  void value(const Node& n, const schema::Property& p, const schema::Type& t,
             const std::string& path) override {
    if (t.kind != schema::Type::Kind::Enum || !n.is_scalar() || n.is_null()) return;
    if (std::find(t.allowed.begin(), t.allowed.end(), n.text) != t.allowed.end()) return;
    std::vector<std::string_view> allowed(t.allowed.begin(), t.allowed.end());
    std::string msg =
        fmt::format("'{}' is not an allowed value of {} in {}", n.text, p.name, r_.name);
    if (const auto hint = closest_match(n.text, allowed); !hint.empty()) {
      msg += fmt::format("; did you mean '{}'?", hint);
    } else if (allowed.size() <= 8) {
      msg += fmt::format("; allowed: {}", fmt::join(allowed, ", "));
    }
    report(out_, kMeta, n, path, std::move(msg));
  }

 private:
  const Resource& r_;
  Sink& out_;
};

class ValueNotAllowed final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    for (const auto& r : tpl.resources()) {
      const schema::ResourceType* rt = checkable_schema(tpl, r);
      if (!rt) continue;
      Visitor v(r, out);
      walk_properties(r, *rt, v);
    }
  }
};

}  // namespace

const Rule& sch005() {
  static const ValueNotAllowed rule;
  return rule;
}

}  // namespace stacklint::rules
