#include "rules/common.h"
#include "rules/ref/refs.h"
#include "stacklint/suggest.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "REF003",
                         .name = "sub-undefined-variable",
                         .severity = Severity::Error,
                         .summary = "A Fn::Sub variable is not defined",
                         .doc = R"md(
## What it does
Reports a `${Name}` in a `Fn::Sub` string that is neither a variable of the Sub's own map, a
parameter, a resource, nor a pseudo parameter. `${!Literal}` is an escape and is not checked;
`${Res.Attr}` is checked by REF002 and SCH006.

## Why is this bad?
CloudFormation rejects the template. A typo in a Sub variable is invisible in review because
it reads like text.

## Example
```yaml
Parameters:
  Environment:
    Type: String
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !Sub "${Enviroment}-alerts"
```

## Use instead
```yaml
Parameters:
  Environment:
    Type: String
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !Sub "${Environment}-alerts"
```
)md"};

class SubUndefined final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    if (!references_checkable(tpl)) return;
    std::vector<std::string_view> names;
    for (const auto& ref : collect_references(tpl, false)) {
      if (ref.kind != Reference::Kind::SubVariable) continue;
      if (!ref.attribute.empty() && !tpl.parameter(ref.target)) continue;  // REF002
      const std::string name =
          ref.attribute.empty() ? ref.target : ref.target + "." + ref.attribute;
      if (ref.attribute.empty() &&
          (tpl.parameter(ref.target) || tpl.resource(ref.target) ||
           is_pseudo_parameter(ref.target) || module_generated(tpl, ref.target))) {
        continue;
      }
      if (names.empty()) {
        names = pseudo_parameters();
        for (const auto& p : tpl.parameters()) names.push_back(p.name);
        for (const auto& r : tpl.resources()) names.push_back(r.name);
      }
      std::string msg = fmt::format("Fn::Sub variable ${{{}}} is not defined", name);
      if (const auto hint = closest_match(name, names); !hint.empty()) {
        msg += fmt::format("; did you mean '{}'?", hint);
      }
      out.report(kMeta, ref.where, ref.path, std::move(msg));
    }
  }
};

}  // namespace

const Rule& ref003() {
  static const SubUndefined rule;
  return rule;
}

}  // namespace stacklint::rules
