#include "rules/common.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "PAR005",
                         .name = "resource-without-type",
                         .severity = Severity::Error,
                         .summary = "A resource has no Type",
                         .doc = R"md(
## What it does
Reports a resource that has no `Type`, or an empty one.

## Why is this bad?
CloudFormation rejects the template (`Resource X must have a Type`). It often means the
resource's attributes were indented one level too deep or too shallow.

## Example
```yaml
Resources:
  Bucket:
    Properties:
      BucketName: my-bucket
```

## Use instead
```yaml
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: my-bucket
```
)md"};

class ResourceWithoutType final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    for (const auto& r : tpl.resources()) {
      if (!r.value->is_mapping()) continue;  // PAR007 reports the shape
      if (!r.type) {
        report(out, kMeta, *r.key, r.path, fmt::format("resource {} has no Type", r.name));
      } else if (r.type->is_null() || (r.type->is_scalar() && r.type->text.empty())) {
        report(out, kMeta, *r.type, path_join(r.path, "Type"),
               fmt::format("resource {} has an empty Type", r.name));
      }
    }
  }
};

}  // namespace

const Rule& par005() {
  static const ResourceWithoutType rule;
  return rule;
}

}  // namespace stacklint::rules
