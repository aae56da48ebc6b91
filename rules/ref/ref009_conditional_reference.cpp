#include <set>

#include "rules/common.h"
#include "rules/ref/refs.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "REF009",
                         .name = "reference-to-conditional-resource",
                         .severity = Severity::Error,
                         .summary = "A resource is referenced where its Condition may be false",
                         .doc = R"md(
## What it does
Reports a `Ref`, `Fn::GetAtt` or `Fn::Sub` reference to a resource that has a `Condition`,
from a place that is evaluated when that condition can be false: a resource or output
without the same (or a stronger) condition, outside an `Fn::If` that guards it. Conditions are
compared exactly, over the values the parameters can take, so `Condition: IsProd` on both
sides, or a reference inside `!If [IsProd, ...]`, is fine.

## Why is this bad?
When the condition is false the resource does not exist and CloudFormation fails the
deployment (`Unresolved resource dependencies`), in exactly the environment where the
condition is false, which is often not the one that was tested.

## Example
```yaml
Parameters:
  Env: {Type: String, AllowedValues: [dev, prod]}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Alarms:
    Type: AWS::SNS::Topic
    Condition: IsProd
Outputs:
  AlarmTopic:
    Value: !Ref Alarms
```

## Use instead
```yaml
Parameters:
  Env: {Type: String, AllowedValues: [dev, prod]}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Alarms:
    Type: AWS::SNS::Topic
    Condition: IsProd
Outputs:
  AlarmTopic:
    Condition: IsProd
    Value: !Ref Alarms
```
)md"};

class ConditionalReference final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    if (!references_checkable(tpl)) return;
    bool any_conditional = false;
    for (const auto& r : tpl.resources()) any_conditional = any_conditional || r.condition;
    if (!any_conditional) return;
    Evaluator& ev = tpl.evaluator();
    Bdd& bdd = ev.bdd();
    for (const auto& ref : collect_references(tpl, true)) {
      const Resource* target = tpl.resource(ref.target);
      if (!target || !target->condition) continue;
      if (ref.kind == Reference::Kind::SubVariable && ref.attribute.empty() &&
          tpl.parameter(ref.target)) {
        continue;
      }
      Bdd::Ref missing;
      try {
        missing = bdd.conj(ref.when, bdd.neg(ev.exists(target->name)));
      } catch (const BddBudgetExceeded&) {
        continue;  // unknown: say nothing rather than guess
      }
      if (!ev.satisfiable(missing)) continue;
      report_at(out, ref, *target, ev.describe(missing));
    }
  }

 private:
  static void report_at(Sink& out, const Reference& ref, const Resource& target,
                        const std::string& when) {
    out.report(kMeta, ref.where, ref.path,
               fmt::format("{} refers to {}, which exists only when {}; it is evaluated even "
                           "when the resource does not exist ({})",
                           ref.owner.empty() ? ref.path : ref.owner, target.name,
                           target.condition->text, when));
  }
};

}  // namespace

const Rule& ref009() {
  static const ConditionalReference rule;
  return rule;
}

}  // namespace stacklint::rules
