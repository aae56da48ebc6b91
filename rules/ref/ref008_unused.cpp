#include <set>

#include "rules/common.h"
#include "rules/ref/refs.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "REF008",
                         .name = "unused-definition",
                         .severity = Severity::Warning,
                         .summary = "A parameter, mapping or condition is never used",
                         .doc = R"md(
## What it does
Reports a parameter that nothing references (`Ref`, `Fn::Sub`, the Rules section), a mapping
that no `Fn::FindInMap` names, and a condition that no resource, output, `Fn::If` or other
condition uses. A `Fn::FindInMap` whose map name is computed counts as using every mapping.

References inside `Fn::ForEach` loops count; when a `Ref` target is itself computed
(`Ref: !Sub "Param${Id}"`), every parameter counts as used. Templates with the SAM transform,
macros or rain directives are not checked (they may use definitions the template does not
show).

## Why is this bad?
Dead definitions mislead: a parameter that operators fill in but that changes nothing, a
condition someone believes guards a resource. An unused parameter is also often a typo
elsewhere (the Ref went to another name).

## Example
```yaml
Parameters:
  Environment:
    Type: String
Resources:
  Topic:
    Type: AWS::SNS::Topic
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

class Unused final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    if (!references_checkable(tpl)) return;
    std::set<std::string, std::less<>> used_names;
    for (const auto& ref : collect_references(tpl, false, true)) used_names.insert(ref.target);
    const bool computed_refs = has_computed_ref(*tpl.root());
    std::set<std::string, std::less<>> used_maps, used_conditions;
    bool all_maps = false;
    for (const auto& r : tpl.resources()) {
      if (r.condition && r.condition->is_scalar()) used_conditions.insert(r.condition->text);
    }
    for (const auto& o : tpl.outputs()) {
      if (o.condition && o.condition->is_scalar()) used_conditions.insert(o.condition->text);
    }
    scan(*tpl.root(), used_maps, used_conditions, all_maps, 0);
    for (const auto& p : tpl.parameters()) {
      if (!computed_refs && !used_names.count(p.name)) {
        report(out, kMeta, *p.key, p.path, fmt::format("parameter {} is never used", p.name));
      }
    }
    if (!all_maps) {
      for (const auto& m : tpl.mappings()) {
        if (!used_maps.count(m.name)) {
          report(out, kMeta, *m.key, m.path, fmt::format("mapping {} is never used", m.name));
        }
      }
    }
    for (const auto& c : tpl.conditions()) {
      if (!used_conditions.count(c.name)) {
        report(out, kMeta, *c.key, c.path, fmt::format("condition {} is never used", c.name));
      }
    }
  }

 private:
  static void scan(const Node& n, std::set<std::string, std::less<>>& maps,
                   std::set<std::string, std::less<>>& conditions, bool& all_maps, int depth) {
    if (depth > 200) return;
    const std::string_view fn = n.intrinsic_name();
    if (fn == "Fn::FindInMap") {
      const Node& a = n.intrinsic_arg();
      if (a.is_sequence() && !a.items.empty()) {
        if (a.items[0].is_scalar()) {
          maps.insert(a.items[0].text);
        } else {
          all_maps = true;
        }
      }
    }
    if (fn == "Fn::If" && n.intrinsic_arg().is_sequence() && !n.intrinsic_arg().items.empty() &&
        n.intrinsic_arg().items[0].is_scalar()) {
      conditions.insert(n.intrinsic_arg().items[0].text);
    }
    if (fn == "Condition" && n.intrinsic_arg().is_scalar())
      conditions.insert(n.intrinsic_arg().text);
    for (const auto& i : n.items) scan(i, maps, conditions, all_maps, depth + 1);
    for (const auto& e : n.entries) scan(e.value, maps, conditions, all_maps, depth + 1);
  }
};

}  // namespace

const Rule& ref008() {
  static const Unused rule;
  return rule;
}

}  // namespace stacklint::rules
