#include "rules/common.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "PAR009",
                         .name = "missing-resources",
                         .severity = Severity::Error,
                         .summary = "The template has no Resources section, or it is empty",
                         .doc = R"md(
## What it does
Reports a template without a `Resources` section, or with one that declares no resource.

## Why is this bad?
`Resources` is the only required section: CloudFormation rejects a template without at least
one resource (`At least one Resources member must be defined`).

## Example
```yaml
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env:
    Type: String
```

## Use instead
```yaml
AWSTemplateFormatVersion: "2010-09-09"
Parameters:
  Env:
    Type: String
Resources:
  Topic:
    Type: AWS::SNS::Topic
```
)md"};

class MissingResources final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    const Node* root = tpl.root();
    if (!root) return;
    const Section* s = tpl.section("Resources");
    if (!s) {
      const Node& first_key = root->entries.empty() ? *root : root->entries.front().key;
      report(out, kMeta, first_key, "", "the template has no Resources section");
      return;
    }
    const bool empty = s->value->is_null() || (s->value->is_mapping() && s->value->entries.empty());
    if (empty) {
      report(out, kMeta, *s->key, "Resources", "the Resources section declares no resource");
    }
  }
};

}  // namespace

const Rule& par009() {
  static const MissingResources rule;
  return rule;
}

}  // namespace stacklint::rules
