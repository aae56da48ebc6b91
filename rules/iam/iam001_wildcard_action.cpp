#include <algorithm>
#include <array>

#include "rules/common.h"
#include "rules/iam/policies.h"
#include "rules/net/ingress.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{
    .id = "IAM001",
    .name = "wildcard-action",
    .severity = Severity::Error,
    .summary = "A policy allows every action, or every action of a sensitive service",
    .doc = R"md(
## What it does
Reports an `Allow` statement whose `Action` can be `*`, or `service:*` for a service that
controls access or secrets: `iam`, `sts`, `kms`, `organizations`, `secretsmanager`, `ssm`,
`lambda`, `cloudformation`. Identity policies (inline policies of roles, users and groups,
`AWS::IAM::Policy`, `AWS::IAM::ManagedPolicy`) and resource policies (bucket, queue, topic,
secret, repository, domain) count, and so does attaching the AWS managed policies
`AdministratorAccess` or `IAMFullAccess` to a role, user or group. KMS key policies are not checked: the standard key policy
grants `kms:*` to the account, and access is then delegated through IAM.

## Why is this bad?
`*` grants every action that exists and every one AWS adds later, including the ones that
escalate privileges (`iam:*` can create an administrator).

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
            Action: "iam:*"
            Resource: !Sub "arn:aws:iam::${AWS::AccountId}:role/app-*"
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
            Action: ["iam:GetRole", "iam:ListRoleTags"]
            Resource: !Sub "arn:aws:iam::${AWS::AccountId}:role/app-*"
```
)md"};

constexpr auto kSensitive = std::to_array<std::string_view>(
    {"iam", "sts", "kms", "organizations", "secretsmanager", "ssm", "lambda", "cloudformation"});

class WildcardAction final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    // AWS managed policies that grant every action, or every IAM action.
    for (const auto& r : tpl.resources()) {
      if (r.type_name != "AWS::IAM::Role" && r.type_name != "AWS::IAM::User" &&
          r.type_name != "AWS::IAM::Group") {
        continue;
      }
      const Node* arns = r.properties ? r.properties->get("ManagedPolicyArns") : nullptr;
      if (!arns || !arns->is_sequence()) continue;
      for (const auto& item : arns->items) {
        for (const auto& v : tpl.evaluator().evaluate(item, tpl.evaluator().exists(r.name))) {
          if (v.value.kind != Value::Kind::String) continue;
          const std::string text = v.value.literal();
          const bool admin = text.ends_with(":iam::aws:policy/AdministratorAccess");
          const bool iam_full = text.ends_with(":iam::aws:policy/IAMFullAccess");
          if (!admin && !iam_full) continue;
          report(out, kMeta, item, path_join(path_join(r.path, "Properties"), "ManagedPolicyArns"),
                 fmt::format("{} is given {}: every action of {}", r.name,
                             admin ? "AdministratorAccess" : "IAMFullAccess",
                             admin ? "every service" : "iam"));
          break;
        }
      }
    }
    for_each_statement(tpl, [&](const PolicyStatement& s) {
      if (s.kind == PolicyStatement::Kind::Trust || s.kms_key_policy || !allows(tpl, s)) return;
      for (const auto& a : field_values(tpl, s, "Action")) {
        std::string service;
        if (a.text == "*" || a.text == "*:*") {
          service = "every service";
        } else if (a.text.ends_with(":*")) {
          const std::string svc = a.text.substr(0, a.text.size() - 2);
          if (std::find(kSensitive.begin(), kSensitive.end(), svc) == kSensitive.end()) continue;
          service = svc;
        } else {
          continue;
        }
        report(out, kMeta, *a.node, path_join(s.path, "Action"),
               fmt::format("a policy of {} allows '{}': every action of {}{}", s.owner->name,
                           a.text, service, when_suffix(tpl.evaluator(), a.when)));
        return;
      }
    });
  }
};

}  // namespace

const Rule& iam001() {
  static const WildcardAction rule;
  return rule;
}

}  // namespace stacklint::rules
