#include "rules/common.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "PAR012",
                         .name = "unused-suppression",
                         .severity = Severity::Warning,
                         .summary = "A suppression suppresses nothing",
                         .doc = R"md(
## What it does
Reports a stacklint suppression (comment or Metadata) whose rules report nothing where it
applies, when those rules are enabled. Suppressions in other linters' keys (cfn-lint, cfn_nag,
checkov) are not reported: they may serve those tools.

## Why is this bad?
The problem was fixed, or the suppression is on the wrong line: either way it is noise that
would hide the next real finding.

## Example
```yaml
Resources:
  # stacklint: ignore[DAT001] kept by the backup plan
  Topic:
    Type: AWS::SNS::Topic
```

## Use instead
```yaml
Resources:
  Topic:
    Type: AWS::SNS::Topic
```
)md"};

// Reported by the suppression stage (analyzer/src/suppress.cpp); nothing to check here.
class UnusedSuppression final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template&, Sink&) const override {}
};

}  // namespace

const Rule& par012() {
  static const UnusedSuppression rule;
  return rule;
}

}  // namespace stacklint::rules
