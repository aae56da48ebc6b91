#include "rules/common.h"
#include "rules/sch/walk.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "SCH003",
                         .name = "missing-required-property",
                         .severity = Severity::Error,
                         .summary = "A required property is missing",
                         .doc = R"md(
## What it does
Reports a resource, or an object inside its properties, that lacks a property its type
requires. A property whose value is `!Ref AWS::NoValue` counts as missing; under `Fn::If` each
branch is checked on its own. (Values that are missing only under some conditions, through
parameters or mappings, need the symbolic evaluator and are not reported yet.)

## Why is this bad?
CloudFormation fails the resource at deploy time (`Property X cannot be empty` or `Model
validation failed ... required key [X] not found`), usually after other resources were
already created and must be rolled back.

## Example
```yaml
Resources:
  Records:
    Type: AWS::Route53::RecordSet
    Properties:
      Name: www.example.com
      TTL: "300"
      ResourceRecords: [192.0.2.1]
```

## Use instead
```yaml
Resources:
  Records:
    Type: AWS::Route53::RecordSet
    Properties:
      HostedZoneName: example.com.
      Name: www.example.com
      Type: A
      TTL: "300"
      ResourceRecords: [192.0.2.1]
```
)md"};

class Visitor final : public PropertyVisitor {
 public:
  Visitor(const Resource& r, const schema::ResourceType& rt, Sink& out)
      : r_(r), rt_(rt), out_(out) {}
  void object(const Node& mapping, const schema::ObjectType& type, const Node& where,
              const std::string& path) override {
    const bool top = &type == &rt_.properties;
    for (const auto& p : type.properties) {
      if (!p.required) continue;
      const Node* v = mapping.get(p.name);
      if (v && !is_no_value(*v)) continue;
      const std::string what = top ? describe(r_) : fmt::format("{} in {}", type.name, r_.name);
      report(out_, kMeta, v ? *v : where, path_join(path, p.name),
             fmt::format("{} is missing the required property {}{}", what, p.name,
                         v ? " (it is AWS::NoValue)" : ""));
    }
  }

 private:
  const Resource& r_;
  const schema::ResourceType& rt_;
  Sink& out_;
};

class MissingRequiredProperty final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    for (const auto& r : tpl.resources()) {
      const schema::ResourceType* rt = checkable_schema(tpl, r);
      if (!rt) continue;
      Visitor v(r, *rt, out);
      walk_properties(r, *rt, v);
    }
  }
};

}  // namespace

const Rule& sch003() {
  static const MissingRequiredProperty rule;
  return rule;
}

}  // namespace stacklint::rules
