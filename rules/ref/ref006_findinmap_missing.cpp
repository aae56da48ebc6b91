#include <set>

#include "rules/common.h"
#include "rules/ref/refs.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "REF006",
                         .name = "findinmap-missing-key",
                         .severity = Severity::Error,
                         .summary = "Fn::FindInMap looks up a map or key that does not exist",
                         .doc = R"md(
## What it does
Checks every `Fn::FindInMap`: the map must exist, and for every value its keys can take (a
literal, a parameter's AllowedValues or Default, a value supplied with `--parameters`, each
branch of `Fn::If`), the top-level and second-level keys must exist. Lookups with a
`DefaultValue` (AWS::LanguageExtensions) never fail; keys that are known only at deploy time
(`AWS::Region`, a free-form parameter) are not reported unless the map is missing.

## Why is this bad?
CloudFormation fails at deploy time (`Fn::FindInMap - Key 'qa' not found in Mapping
'Sizes'`), only for the environment whose value is missing: the one nobody tested.

## Example
```yaml
Parameters:
  Env:
    Type: String
    AllowedValues: [dev, qa, prod]
Mappings:
  Sizes:
    dev: {Class: db.t4g.micro}
    prod: {Class: db.m6g.large}
Resources:
  Queue:
    Type: AWS::SQS::Queue
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      QueueName: !FindInMap [Sizes, !Ref Env, Class]
```

## Use instead
```yaml
Parameters:
  Env:
    Type: String
    AllowedValues: [dev, qa, prod]
Mappings:
  Sizes:
    dev: {Class: db.t4g.micro}
    qa: {Class: db.t4g.small}
    prod: {Class: db.m6g.large}
Resources:
  Queue:
    Type: AWS::SQS::Queue
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      QueueName: !FindInMap [Sizes, !Ref Env, Class]
```
)md"};

class FindInMapMissing final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    if (!tpl.root() || tpl.has_macro_transform() || tpl.has_rain_directives()) return;
    walk(tpl, *tpl.root(), "", out, 0);
  }

 private:
  static void walk(const Template& tpl, const Node& n, const std::string& path, Sink& out,
                   int depth) {
    if (depth > 200) return;
    const std::string_view fn = n.intrinsic_name();
    if (fn == "Fn::FindInMap") check(tpl, n, path, out);
    for (const auto& i : n.items) walk(tpl, i, path, out, depth + 1);
    for (const auto& e : n.entries) {
      if (is_foreach_key(e.key.text)) continue;
      walk(tpl, e.value, fn.empty() ? path_join(path, e.key.text) : path, out, depth + 1);
    }
  }

  static void check(const Template& tpl, const Node& call, const std::string& path, Sink& out) {
    const Node& arg = call.intrinsic_arg();
    if (!arg.is_sequence() || arg.items.size() < 3) return;
    if (arg.items.size() == 4 && arg.items[3].get("DefaultValue")) return;
    const Section* section = tpl.section("Mappings");
    const Node* maps = section && section->value->is_mapping() ? section->value : nullptr;
    Evaluator& ev = tpl.evaluator();
    std::set<std::string> reported;
    for (const auto& m : ev.evaluate(arg.items[0])) {
      if (!m.value.is_literal() || m.value.approximate) continue;
      const std::string map_name = m.value.literal();
      const Node* map = maps ? maps->get(map_name) : nullptr;
      if (!map) {
        if (reported.insert("map " + map_name).second) {
          report(out, kMeta, arg.items[0], path,
                 fmt::format("Fn::FindInMap uses mapping '{}', which is not defined", map_name));
        }
        continue;
      }
      for (const auto& k1 : ev.evaluate(arg.items[1], m.when)) {
        if (!k1.value.is_literal() || k1.value.approximate) continue;
        const std::string key1 = k1.value.literal();
        const Node* second = map->get(key1);
        if (!second) {
          if (reported.insert("k1 " + key1).second) {
            report(out, kMeta, arg.items[1], path,
                   fmt::format("mapping {} has no key '{}'{}", map_name, key1, when(ev, k1.when)));
          }
          continue;
        }
        for (const auto& k2 : ev.evaluate(arg.items[2], k1.when)) {
          if (!k2.value.is_literal() || k2.value.approximate || !second->is_mapping()) continue;
          const std::string key2 = k2.value.literal();
          if (second->get(key2)) continue;
          if (reported.insert("k2 " + key1 + "/" + key2).second) {
            report(out, kMeta, arg.items[2], path,
                   fmt::format("mapping {} has no key '{}' under '{}'{}", map_name, key2, key1,
                               when(ev, k2.when)));
          }
        }
      }
    }
  }

  static std::string when(Evaluator& ev, Bdd::Ref w) {
    const std::string d = ev.describe(w);
    return d == "always" ? std::string() : " (when " + d + ")";
  }
};

}  // namespace

const Rule& ref006() {
  static const FindInMapMissing rule;
  return rule;
}

}  // namespace stacklint::rules
