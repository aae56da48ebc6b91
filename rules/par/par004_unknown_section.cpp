#include <algorithm>
#include <array>

#include "rules/common.h"
#include "stacklint/suggest.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "PAR004",
                         .name = "unknown-top-level-section",
                         .severity = Severity::Error,
                         .summary = "A top-level key is not a CloudFormation template section",
                         .doc = R"md(
## What it does
Reports a top-level key that is not one of the template sections CloudFormation knows:
`AWSTemplateFormatVersion`, `Description`, `Metadata`, `Parameters`, `Rules`, `Mappings`,
`Conditions`, `Transform`, `Resources`, `Outputs` and `Hooks` (plus `Globals` when the template
uses the `AWS::Serverless-2016-10-31` transform). A close match is suggested.

Templates that use a macro (a `Transform` that is not one of AWS's own `AWS::` transforms) are
not checked: the macro may consume sections of its own.

## Why is this bad?
CloudFormation rejects the template (`Invalid template property or properties`). A misspelt
`Output:` or `Parameter:` section is otherwise easy to miss in review.

## Example
```yaml
Resources:
  Bucket:
    Type: AWS::S3::Bucket
Output:
  BucketName:
    Value: !Ref Bucket
```

## Use instead
```yaml
Resources:
  Bucket:
    Type: AWS::S3::Bucket
Outputs:
  BucketName:
    Value: !Ref Bucket
```
)md"};

constexpr std::array<std::string_view, 11> kSections{"AWSTemplateFormatVersion",
                                                     "Description",
                                                     "Metadata",
                                                     "Parameters",
                                                     "Rules",
                                                     "Mappings",
                                                     "Conditions",
                                                     "Transform",
                                                     "Resources",
                                                     "Outputs",
                                                     "Hooks"};

class UnknownSection final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    if (tpl.has_macro_transform()) return;  // a macro may consume these keys
    const bool sam = tpl.has_transform("AWS::Serverless-2016-10-31");
    for (const auto& s : tpl.sections()) {
      if (std::find(kSections.begin(), kSections.end(), s.name) != kSections.end()) continue;
      if (sam && s.name == "Globals") continue;
      const std::string_view hint = closest_match(s.name, kSections);
      std::string msg = fmt::format("'{}' is not a template section", s.name);
      if (!hint.empty()) msg += fmt::format("; did you mean '{}'?", hint);
      report(out, kMeta, *s.key, std::string(s.name), std::move(msg));
    }
  }
};

}  // namespace

const Rule& par004() {
  static const UnknownSection rule;
  return rule;
}

}  // namespace stacklint::rules
