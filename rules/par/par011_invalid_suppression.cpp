#include "rules/common.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{
    .id = "PAR011",
    .name = "invalid-suppression",
    .severity = Severity::Error,
    .summary = "A suppression has no reason, names an unknown rule, or is malformed",
    .doc = R"md(
## What it does
Reports a suppression that stacklint will not honour: a `# stacklint: ignore[...]` comment or a
`Metadata: {stacklint: {ignore: [...]}}` entry without a reason, naming a rule that does not
exist, or malformed. Suppressions are found by the suppression stage of the linter; this rule
documents and reports their problems.

Forms: a comment on the finding's line or the line above,
`# stacklint: ignore[SEC001, NET001] reason`; resource Metadata for the whole resource,
`Metadata: {stacklint: {ignore: [{rule: NET001, reason: "..."}]}}`; template Metadata for the
whole file. The keys of cfn-lint (`cfn-lint: {config: {ignore_checks: [...]}}`), cfn_nag
(`cfn_nag: {rules_to_suppress: [{id, reason}]}`) and checkov (`checkov: {skip: [{id, comment}]}`)
suppress our rules that correspond to their checks (see README.md).

## Why is this bad?
A suppression without a reason is a finding nobody can review later; one naming a misspelt rule
suppresses nothing while looking as if it did.

## Example
```yaml
Resources:
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        # stacklint: ignore[NET001]
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}
```

## Use instead
```yaml
Resources:
  Web:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        # stacklint: ignore[NET001] bastion for the 2024 migration, removed by ticket OPS-42
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: 0.0.0.0/0}
```
)md"};

// Reported by the suppression stage (analyzer/src/suppress.cpp); nothing to check here.
class InvalidSuppression final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template&, Sink&) const override {}
};

}  // namespace

const Rule& par011() {
  static const InvalidSuppression rule;
  return rule;
}

}  // namespace stacklint::rules
