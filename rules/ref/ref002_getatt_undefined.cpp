#include "rules/common.h"
#include "rules/ref/refs.h"
#include "stacklint/suggest.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "REF002",
                         .name = "getatt-undefined-resource",
                         .severity = Severity::Error,
                         .summary = "Fn::GetAtt names a resource that does not exist",
                         .doc = R"md(
## What it does
Reports `Fn::GetAtt` (and `${Res.Attr}` in `Fn::Sub`) whose resource is not defined in the
template, with the closest logical id as a suggestion.

## Why is this bad?
CloudFormation rejects the template (`Template error: instance of Fn::GetAtt references
undefined resource`).

## Example
```yaml
Resources:
  Queue:
    Type: AWS::SQS::Queue
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
Outputs:
  QueueArn:
    Value: !GetAtt Queu.Arn
```

## Use instead
```yaml
Resources:
  Queue:
    Type: AWS::SQS::Queue
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
Outputs:
  QueueArn:
    Value: !GetAtt Queue.Arn
```
)md"};

class GetAttUndefined final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    if (!references_checkable(tpl)) return;
    std::vector<std::string_view> names;
    for (const auto& ref : collect_references(tpl, false)) {
      const bool getatt = ref.kind == Reference::Kind::GetAtt ||
                          (ref.kind == Reference::Kind::SubVariable && !ref.attribute.empty());
      if (!getatt || tpl.resource(ref.target) || module_generated(tpl, ref.target)) continue;
      if (ref.kind == Reference::Kind::SubVariable && tpl.parameter(ref.target))
        continue;  // REF003
      if (names.empty()) {
        for (const auto& r : tpl.resources()) names.push_back(r.name);
      }
      std::string msg = fmt::format("Fn::GetAtt of '{}.{}': there is no resource {}", ref.target,
                                    ref.attribute, ref.target);
      if (const auto hint = closest_match(ref.target, names); !hint.empty()) {
        msg += fmt::format("; did you mean '{}'?", hint);
      }
      out.report(kMeta, ref.where, ref.path, std::move(msg));
    }
  }
};

}  // namespace

const Rule& ref002() {
  static const GetAttUndefined rule;
  return rule;
}

}  // namespace stacklint::rules
