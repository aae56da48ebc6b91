#include "rules/common.h"
#include "rules/sch/walk.h"
#include "stacklint/suggest.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "SCH002",
                         .name = "unknown-property",
                         .severity = Severity::Error,
                         .summary = "A property is not part of the resource type's schema",
                         .doc = R"md(
## What it does
Reports a key under a resource's `Properties`, or inside one of its nested property types,
that the resource type does not have, and suggests the closest property. Values under
`Fn::If` are checked in both branches.

## Why is this bad?
CloudFormation rejects the update (`Encountered unsupported property`), or worse, for some
older resource types silently ignores it: a misspelt `VersioningConfiguration` leaves the
bucket unversioned.

## Example
```yaml
Resources:
  Queue:
    Type: AWS::SQS::Queue
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      VisibilityTimeOut: 60
```

## Use instead
```yaml
Resources:
  Queue:
    Type: AWS::SQS::Queue
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      VisibilityTimeout: 60
```
)md"};

class Visitor final : public PropertyVisitor {
 public:
  Visitor(const Resource& r, Sink& out) : r_(r), out_(out) {}
  void unknown_key(const Entry& e, const schema::ObjectType& type,
                   const std::string& path) override {
    const bool top = &type == &schema::find_resource(r_.type_name)->properties;
    std::string msg =
        top ? fmt::format("{} has no property '{}'", describe(r_), e.key.text)
            : fmt::format("'{}' is not a property of {} (in {})", e.key.text, type.name, r_.name);
    const auto names = type.property_names();
    if (const auto hint = closest_match(e.key.text, names); !hint.empty()) {
      msg += fmt::format("; did you mean '{}'?", hint);
    }
    report(out_, kMeta, e.key, path, std::move(msg));
  }

 private:
  const Resource& r_;
  Sink& out_;
};

class UnknownProperty final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    for (const auto& r : tpl.resources()) {
      const schema::ResourceType* rt = checkable_schema(tpl, r);
      if (!rt) continue;
      Visitor v(r, out);
      walk_properties(r, *rt, v);
    }
  }
};

}  // namespace

const Rule& sch002() {
  static const UnknownProperty rule;
  return rule;
}

}  // namespace stacklint::rules
