#include "rules/common.h"
#include "stacklint/schema.h"
#include "stacklint/suggest.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "SCH001",
                         .name = "unknown-resource-type",
                         .severity = Severity::Error,
                         .summary = "A resource's Type is not a CloudFormation resource type",
                         .doc = R"md(
## What it does
Reports a resource whose `Type` is not one of the resource types in AWS's resource database
(about 1,800 types, bundled with stacklint; `stacklint schema TYPE` shows one), and suggests
the closest type.

Not reported: custom resources (`Custom::*`, `AWS::CloudFormation::CustomResource`), modules
(`...::MODULE`), `AWS::CDK::Metadata` (which the CDK emits and CloudFormation accepts, though
it is not in the resource database), types of third-party publishers in the CloudFormation registry (any type not
under `AWS::` or `Alexa::`), and types in templates that use a macro (a `Transform` that is not
one of AWS's own) or rain directives, since those rewrite the template before CloudFormation
reads it. SAM types (`AWS::Serverless::*`) are
known, and reported only when the template lacks `Transform: AWS::Serverless-2016-10-31`;
their properties are not checked by the other SCH rules.

## Why is this bad?
CloudFormation rejects the template (`Unrecognized resource types`), often after a long wait
in a pipeline. A misspelt type (`AWS::S3::Buckets`) is easy to miss in review.

## Example
```yaml
Resources:
  Uploads:
    Type: AWS::S3::Buckets
```

## Use instead
```yaml
Resources:
  Uploads:
    Type: AWS::S3::Bucket
```
)md"};

bool exempt(std::string_view type) {
  if (type.starts_with("Custom::") || type == "AWS::CloudFormation::CustomResource") return true;
  if (type.ends_with("::MODULE")) return true;
  if (type == "AWS::CDK::Metadata") return true;  // emitted by the CDK, accepted by CloudFormation
  return !type.starts_with("AWS::") && !type.starts_with("Alexa::");
}

class UnknownResourceType final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    if (tpl.has_macro_transform() || tpl.has_rain_directives()) return;
    std::vector<std::string_view> names;  // filled on first miss
    for (const auto& r : tpl.resources()) {
      if (r.type_name.empty() || exempt(r.type_name)) continue;
      const schema::ResourceType* rt = schema::find_resource(r.type_name);
      const std::string path = path_join(r.path, "Type");
      if (rt) {
        if (!rt->transform.empty() && !tpl.has_transform(rt->transform)) {
          report(out, kMeta, *r.type, path,
                 fmt::format("{} is provided by the {} transform; add 'Transform: {}'", r.type_name,
                             rt->transform, rt->transform));
        }
        continue;
      }
      if (names.empty()) names = schema::resource_type_names();
      std::string msg = fmt::format("'{}' is not a CloudFormation resource type", r.type_name);
      if (const auto hint = closest_match(r.type_name, names); !hint.empty()) {
        msg += fmt::format("; did you mean '{}'?", hint);
      }
      report(out, kMeta, *r.type, path, std::move(msg));
    }
  }
};

}  // namespace

const Rule& sch001() {
  static const UnknownResourceType rule;
  return rule;
}

}  // namespace stacklint::rules
