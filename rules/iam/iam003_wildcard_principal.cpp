#include "rules/common.h"
#include "rules/iam/policies.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{
    .id = "IAM003",
    .name = "wildcard-principal",
    .severity = Severity::Error,
    .summary = "A trust or resource policy allows Principal \"*\" without a Condition",
    .doc = R"md(
## What it does
Reports an `Allow` statement whose `Principal` is `"*"` or `{AWS: "*"}` and that has no
`Condition`, in a role's trust policy (anyone in any AWS account can assume the role) or in a
resource policy (bucket, queue, topic, key, secret, repository, domain: anyone can use the
resource).

## Why is this bad?
`*` is every AWS account and, for resource policies, anonymous users on the internet. Public
buckets and assumable roles are how most cloud data leaks begin. If public access is the
intent (a website bucket), say so with a suppression and a reason.

## Example
```yaml
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: {AWS: "*"}
            Action: sts:AssumeRole
```

## Use instead
```yaml
Resources:
  Role:
    Type: AWS::IAM::Role
    Properties:
      AssumeRolePolicyDocument:
        Version: "2012-10-17"
        Statement:
          - Effect: Allow
            Principal: {AWS: !Sub "arn:aws:iam::${AWS::AccountId}:root"}
            Action: sts:AssumeRole
```
)md"};

class WildcardPrincipal final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    for_each_statement(tpl, [&](const PolicyStatement& s) {
      if (s.kind == PolicyStatement::Kind::Identity || !allows(tpl, s) || has_condition(s)) return;
      const Node* p = wildcard_principal(tpl, s);
      if (!p) return;
      const bool trust = s.kind == PolicyStatement::Kind::Trust;
      const std::string msg =
          trust
              ? fmt::format("the trust policy of {} lets any AWS account assume it", s.owner->name)
              : fmt::format(
                    "the policy of {} allows anyone (Principal \"*\") without a "
                    "Condition",
                    s.owner->name);
      report(out, kMeta, *p, path_join(s.path, "Principal"), msg);
    });
  }
};

}  // namespace

const Rule& iam003() {
  static const WildcardPrincipal rule;
  return rule;
}

}  // namespace stacklint::rules
