#include "rules/common.h"
#include "rules/ref/refs.h"
#include "stacklint/suggest.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "REF005",
                         .name = "undefined-condition",
                         .severity = Severity::Error,
                         .summary = "A condition name is not defined in Conditions",
                         .doc = R"md(
## What it does
Reports a condition name that is not defined in the `Conditions` section where it is used:
a resource's or output's `Condition`, the first argument of `Fn::If`, and `Condition` inside
another condition.

## Why is this bad?
CloudFormation rejects the template (`Template format error: Unresolved condition
dependency`).

## Example
```yaml
Parameters:
  Env: {Type: String}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Condition: IsProduction
```

## Use instead
```yaml
Parameters:
  Env: {Type: String}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Condition: IsProd
```
)md"};

class ConditionUndefined final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    if (!tpl.root() || tpl.has_macro_transform() || tpl.has_rain_directives()) return;
    std::vector<std::string_view> names;
    for (const auto& c : tpl.conditions()) names.push_back(c.name);
    auto check_name = [&](const Node& n, const std::string& path) {
      if (!n.is_scalar() || n.is_null()) return;
      for (auto c : names) {
        if (c == n.text) return;
      }
      std::string msg = fmt::format("condition '{}' is not defined in Conditions", n.text);
      if (const auto hint = closest_match(n.text, names); !hint.empty()) {
        msg += fmt::format("; did you mean '{}'?", hint);
      }
      report(out, kMeta, n, path, std::move(msg));
    };
    for (const auto& r : tpl.resources()) {
      if (r.condition) check_name(*r.condition, path_join(r.path, "Condition"));
      if (r.value->is_mapping()) walk(*r.value, r.path, check_name, false, 0);
    }
    for (const auto& o : tpl.outputs()) {
      if (o.condition) check_name(*o.condition, path_join(o.path, "Condition"));
      walk(*o.value, o.path, check_name, false, 0);
    }
    for (const auto& c : tpl.conditions()) walk(*c.value, c.path, check_name, true, 0);
  }

 private:
  template <typename F>
  // `in_conditions`: the `Condition` function exists only inside the Conditions section (in
  // properties, `Condition` is an ordinary key, e.g. of an IAM policy statement).
  static void walk(const Node& n, const std::string& path, F& check_name, bool in_conditions,
                   int depth) {
    if (depth > 200) return;
    const std::string_view fn = n.intrinsic_name();
    if (fn == "Fn::If" && n.intrinsic_arg().is_sequence() && !n.intrinsic_arg().items.empty()) {
      check_name(n.intrinsic_arg().items[0], path);
    }
    if (fn == "Condition" && in_conditions) check_name(n.intrinsic_arg(), path);
    for (const auto& i : n.items) walk(i, path, check_name, in_conditions, depth + 1);
    for (const auto& e : n.entries) {
      if (fn.empty() && (e.key.text == "Condition")) continue;  // checked above (resource/output)
      walk(e.value, fn.empty() ? path_join(path, e.key.text) : path, check_name, in_conditions,
           depth + 1);
    }
  }
};

}  // namespace

const Rule& ref005() {
  static const ConditionUndefined rule;
  return rule;
}

}  // namespace stacklint::rules
