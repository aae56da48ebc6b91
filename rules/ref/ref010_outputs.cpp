#include <map>

#include "rules/common.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{
    .id = "REF010",
    .name = "invalid-output",
    .severity = Severity::Error,
    .summary = "An Output's Value is not a string or list, or two Exports share a name",
    .doc = R"md(
## What it does
Reports an output whose `Value` evaluates to a mapping or to `AWS::NoValue` (an output is a
string, or a list that CloudFormation joins with commas), and two outputs whose `Export`
names can be equal under the same parameter values.

## Why is this bad?
CloudFormation rejects both: `Template format error: Every Outputs member must contain a
Value of type String`, and `Duplicate Export names`.

## Example
```yaml
Resources:
  Queue:
    Type: AWS::SQS::Queue
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
Outputs:
  QueueUrl:
    Value: !Ref Queue
    Export: {Name: !Sub "${AWS::StackName}-queue"}
  QueueArn:
    Value: !GetAtt Queue.Arn
    Export: {Name: !Sub "${AWS::StackName}-queue"}
```

## Use instead
```yaml
Resources:
  Queue:
    Type: AWS::SQS::Queue
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
Outputs:
  QueueUrl:
    Value: !Ref Queue
    Export: {Name: !Sub "${AWS::StackName}-queue-url"}
  QueueArn:
    Value: !GetAtt Queue.Arn
    Export: {Name: !Sub "${AWS::StackName}-queue-arn"}
```
)md"};

class InvalidOutput final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    if (!tpl.root() || tpl.has_macro_transform() || tpl.has_rain_directives()) return;
    Evaluator& ev = tpl.evaluator();
    Bdd& bdd = ev.bdd();
    struct ExportName {
      std::string text;  // with opaque parts as ${...}: equal texts are equal values
      Bdd::Ref when;
      const Output* output;
    };
    std::vector<ExportName> names;
    for (const auto& o : tpl.outputs()) {
      if (!o.output_value) continue;
      Bdd::Ref exists = Bdd::kTrue;
      if (o.condition && o.condition->is_scalar()) exists = ev.condition(o.condition->text);
      for (const auto& v : ev.evaluate(*o.output_value, exists)) {
        if (v.value.kind == Value::Kind::Object || v.value.kind == Value::Kind::NoValue) {
          report(out, kMeta, *o.output_value, path_join(o.path, "Value"),
                 fmt::format("the Value of output {} can be {}; an output is a string or a list",
                             o.name, v.value.display()));
          break;
        }
      }
      const Node* name = o.export_ ? o.export_->get("Name") : nullptr;
      if (!name) continue;
      for (const auto& v : ev.evaluate(*name, exists)) {
        if (v.value.kind != Value::Kind::String) continue;
        const std::string text = v.value.literal();
        for (const auto& other : names) {
          if (other.output == &o || other.text != text) continue;
          bool both = true;
          try {
            both = ev.satisfiable(bdd.conj(other.when, v.when));
          } catch (const BddBudgetExceeded&) {
          }
          if (!both) continue;
          report(out, kMeta, *name, path_join(o.path, "Export/Name"),
                 fmt::format("outputs {} and {} export the same name '{}'", other.output->name,
                             o.name, text));
          goto next_output;
        }
        names.push_back({text, v.when, &o});
      }
    next_output:;
    }
  }
};

}  // namespace

const Rule& ref010() {
  static const InvalidOutput rule;
  return rule;
}

}  // namespace stacklint::rules
