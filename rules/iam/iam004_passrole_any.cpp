#include "rules/common.h"
#include "rules/iam/policies.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "IAM004",
                         .name = "passrole-on-every-role",
                         .severity = Severity::Error,
                         .summary = "iam:PassRole is allowed on every role",
                         .doc = R"md(
## What it does
Reports an `Allow` statement with `iam:PassRole` (or `iam:Pass*`) whose `Resource` can be `*`.

## Why is this bad?
Whoever holds the policy can hand any role of the account, administrator included, to a
service they control (an EC2 instance, a Lambda function) and act with its permissions: a
classic privilege escalation.

## Example
```yaml
Resources:
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: iam:PassRole
            Resource: "*"
```

## Use instead
```yaml
Resources:
  Policy:
    Type: AWS::IAM::ManagedPolicy
    Properties:
      PolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Action: iam:PassRole
            Resource: !Sub "arn:aws:iam::${AWS::AccountId}:role/app-task-role"
```
)md"};

class PassRoleAny final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    for_each_statement(tpl, [&](const PolicyStatement& s) {
      if (s.kind != PolicyStatement::Kind::Identity || !allows(tpl, s)) return;
      bool pass = false;
      for (const auto& a : field_values(tpl, s, "Action")) {
        pass = pass || a.text == "iam:PassRole" || a.text == "iam:Pass*" || a.text == "iam:P*";
      }
      if (!pass) return;
      for (const auto& r : field_values(tpl, s, "Resource")) {
        if (r.text != "*") continue;
        report(out, kMeta, *r.node, path_join(s.path, "Resource"),
               fmt::format("a policy of {} allows iam:PassRole on every role", s.owner->name));
        return;
      }
    });
  }
};

}  // namespace

const Rule& iam004() {
  static const PassRoleAny rule;
  return rule;
}

}  // namespace stacklint::rules
