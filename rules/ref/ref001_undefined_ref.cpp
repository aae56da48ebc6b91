#include "rules/common.h"
#include "rules/ref/refs.h"
#include "stacklint/suggest.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "REF001",
                         .name = "undefined-reference",
                         .severity = Severity::Error,
                         .summary = "Ref names no parameter, resource or pseudo parameter",
                         .doc = R"md(
## What it does
Reports a `Ref` whose target is neither a parameter, a resource, nor a pseudo parameter
(`AWS::Region`, `AWS::AccountId`, `AWS::Partition`, `AWS::StackName`, `AWS::StackId`,
`AWS::URLSuffix`, `AWS::NotificationARNs`, `AWS::NoValue`), with the closest name as a
suggestion (`AWS::Regoin` -> `AWS::Region`).

Templates with the SAM transform (which creates resources referenced by generated names),
with macros or with rain directives are not checked.

## Why is this bad?
CloudFormation rejects the template (`Unresolved resource dependencies`).

## Example
```yaml
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !Sub "${AWS::StackName}-alerts"
      DisplayName: !Ref AWS::Regoin
```

## Use instead
```yaml
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !Sub "${AWS::StackName}-alerts"
      DisplayName: !Ref AWS::Region
```
)md"};

class UndefinedRef final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    if (!references_checkable(tpl)) return;
    std::vector<std::string_view> names;
    for (const auto& ref : collect_references(tpl, false)) {
      if (ref.kind != Reference::Kind::Ref) continue;
      if (tpl.parameter(ref.target) || tpl.resource(ref.target) ||
          is_pseudo_parameter(ref.target) || module_generated(tpl, ref.target)) {
        continue;
      }
      if (names.empty()) {
        names = pseudo_parameters();
        for (const auto& p : tpl.parameters()) names.push_back(p.name);
        for (const auto& r : tpl.resources()) names.push_back(r.name);
      }
      if (ref.target.empty()) {
        out.report(kMeta, ref.where, ref.path,
                   "Ref has no target: name a parameter, resource or pseudo parameter");
        continue;
      }
      std::string msg = fmt::format(
          "Ref to '{}', which is not a parameter, resource or pseudo "
          "parameter",
          ref.target);
      if (const auto hint = closest_match(ref.target, names); !hint.empty()) {
        msg += fmt::format("; did you mean '{}'?", hint);
      }
      out.report(kMeta, ref.where, ref.path, std::move(msg));
    }
  }
};

}  // namespace

const Rule& ref001() {
  static const UndefinedRef rule;
  return rule;
}

}  // namespace stacklint::rules
