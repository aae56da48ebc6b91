#include <algorithm>
#include <array>

#include "rules/common.h"
#include "stacklint/suggest.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "PAR008",
                         .name = "unknown-resource-attribute",
                         .severity = Severity::Error,
                         .summary = "A resource has a key that is not a resource attribute",
                         .doc = R"md(
## What it does
Reports a key directly under a resource that is not one of CloudFormation's resource
attributes: `Type`, `Properties`, `DependsOn`, `Condition`, `DeletionPolicy`,
`UpdateReplacePolicy`, `Metadata`, `CreationPolicy` and `UpdatePolicy` (plus `Version` on
custom resources, and `Connectors` and `IgnoreGlobals` with the `AWS::Serverless-2016-10-31`
transform). A close match is suggested.

Templates that use a macro (a `Transform` that is not one of AWS's own `AWS::` transforms) are
not checked: macros such as `Count` read attributes of their own.

## Why is this bad?
CloudFormation rejects the template. The common cause is a typo (`Propeties:`) or a property
indented one level too shallow, so it sits beside `Properties` instead of inside it.

## Example
```yaml
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Propeties:
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

constexpr std::array<std::string_view, 9> kAttributes{
    "Type",      "Properties",     "DependsOn",
    "Condition", "DeletionPolicy", "UpdateReplacePolicy",
    "Metadata",  "CreationPolicy", "UpdatePolicy"};

bool is_custom(std::string_view type) {
  return type.starts_with("Custom::") || type == "AWS::CloudFormation::CustomResource";
}

class UnknownResourceAttribute final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    if (tpl.has_macro_transform()) return;  // a macro may consume these keys
    const bool sam = tpl.has_transform("AWS::Serverless-2016-10-31");
    for (const auto& r : tpl.resources()) {
      // Only resources of a real type: a rain module (`Type: !Rain::Module ./x.yaml`) has
      // attributes of its own, and a missing or malformed Type is reported by PAR005/PAR007.
      if (!r.value->is_mapping() || r.type_name.find("::") == std::string_view::npos) continue;
      for (const auto& e : r.value->entries) {
        const std::string_view key = e.key.text;
        if (std::find(kAttributes.begin(), kAttributes.end(), key) != kAttributes.end()) continue;
        if (key == "Version" && is_custom(r.type_name)) continue;
        if (sam && (key == "Connectors" || key == "IgnoreGlobals")) continue;
        std::string msg = fmt::format("'{}' is not a resource attribute of {}", key, r.name);
        if (const auto hint = closest_match(key, kAttributes); !hint.empty()) {
          msg += fmt::format("; did you mean '{}'?", hint);
        } else {
          msg += "; properties belong under 'Properties'";
        }
        report(out, kMeta, e.key, path_join(r.path, key), std::move(msg));
      }
    }
  }
};

}  // namespace

const Rule& par008() {
  static const UnknownResourceAttribute rule;
  return rule;
}

}  // namespace stacklint::rules
