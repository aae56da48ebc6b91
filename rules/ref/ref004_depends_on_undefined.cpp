#include "rules/common.h"
#include "rules/ref/refs.h"
#include "stacklint/suggest.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "REF004",
                         .name = "depends-on-undefined",
                         .severity = Severity::Error,
                         .summary = "DependsOn names a resource that does not exist",
                         .doc = R"md(
## What it does
Reports a logical id in `DependsOn` that is not a resource of the template, with the closest
one as a suggestion.

## Why is this bad?
CloudFormation rejects the template (`Template format error: Unresolved resource dependencies
[X] in the Resources block`).

## Example
```yaml
Resources:
  Queue:
    Type: AWS::SQS::Queue
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
  Topic:
    Type: AWS::SNS::Topic
    DependsOn: [Queu]
```

## Use instead
```yaml
Resources:
  Queue:
    Type: AWS::SQS::Queue
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
  Topic:
    Type: AWS::SNS::Topic
    DependsOn: [Queue]
```
)md"};

class DependsOnUndefined final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    if (!references_checkable(tpl)) return;
    std::vector<std::string_view> names;
    for (const auto& r : tpl.resources()) names.push_back(r.name);
    for (const auto& r : tpl.resources()) {
      if (!r.depends_on) continue;
      auto check_one = [&](const Node& n) {
        if (!n.is_scalar() || n.is_null() || tpl.resource(n.text)) return;
        std::string msg =
            fmt::format("{} depends on '{}', which is not a resource", r.name, n.text);
        if (const auto hint = closest_match(n.text, names); !hint.empty()) {
          msg += fmt::format("; did you mean '{}'?", hint);
        }
        report(out, kMeta, n, path_join(r.path, "DependsOn"), std::move(msg));
      };
      if (r.depends_on->is_sequence()) {
        for (const auto& item : r.depends_on->items) check_one(item);
      } else {
        check_one(*r.depends_on);
      }
    }
  }
};

}  // namespace

const Rule& ref004() {
  static const DependsOnUndefined rule;
  return rule;
}

}  // namespace stacklint::rules
