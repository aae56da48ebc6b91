#include <algorithm>
#include <array>

#include "rules/common.h"
#include "rules/iam/policies.h"
#include "rules/net/ingress.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{
    .id = "IAM002",
    .name = "write-on-every-resource",
    .severity = Severity::Warning,
    .summary = "A policy allows write or permissions-management actions on Resource \"*\"",
    .doc = R"md(
## What it does
Reports an `Allow` statement of an identity policy whose `Resource` can be `*` and whose
actions include a write or permissions-management action: a wildcard (`s3:*`, `ec2:Delete*`)
or an action whose verb changes something (`Create`, `Delete`, `Put`, `Update`, `Modify`,
`Attach`, `Detach`, `Set`, `Add`, `Remove`, `Pass`, `Run`, `Invoke`, `Terminate`, ...).
Read actions (`Get`, `List`, `Describe`) are fine on `*`, and so are the few write actions that
only work on `*` (`cloudwatch:PutMetricData`, `xray:PutTraceSegments`, the network interface
actions a Lambda function in a VPC needs, ...).

## Why is this bad?
The role can change or delete every resource of that kind in the account, not only the ones
the application owns: a compromised instance becomes a compromised account.

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
            Action: ["s3:PutObject", "s3:DeleteObject"]
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
            Action: ["s3:PutObject", "s3:DeleteObject"]
            Resource: "arn:aws:s3:::app-uploads/*"
```
)md"};

constexpr auto kWriteVerbs = std::to_array<std::string_view>(
    {"Create",  "Delete",   "Put",    "Update",  "Modify",    "Attach",       "Detach",
     "Set",     "Add",      "Remove", "Replace", "Associate", "Disassociate", "Enable",
     "Disable", "Pass",     "Reset",  "Restore", "Revoke",    "Authorize",    "Terminate",
     "Stop",    "Start",    "Reboot", "Run",     "Invoke",    "Publish",      "Send",
     "Upload",  "Copy",     "Import", "Change",  "Register",  "Deregister",   "Grant",
     "Retire",  "Tag",      "Untag",  "Write",   "Execute",   "Rotate",       "Encrypt",
     "Decrypt", "Generate", "Sign"});

// Write actions that accept only Resource "*".
constexpr auto kStarOnly = std::to_array<std::string_view>({"cloudwatch:PutMetricData",
                                                            "xray:PutTraceSegments",
                                                            "xray:PutTelemetryRecords",
                                                            "ec2:CreateNetworkInterface",
                                                            "ec2:DeleteNetworkInterface",
                                                            "ec2:AssignPrivateIpAddresses",
                                                            "ec2:UnassignPrivateIpAddresses",
                                                            "logs:CreateLogGroup",
                                                            "ecr:GetAuthorizationToken",
                                                            "ssm:UpdateInstanceInformation",
                                                            "ssmmessages:CreateControlChannel",
                                                            "ssmmessages:CreateDataChannel",
                                                            "ssmmessages:OpenControlChannel",
                                                            "ssmmessages:OpenDataChannel",
                                                            "ec2messages:SendReply",
                                                            "ec2messages:AcknowledgeMessage",
                                                            "ec2messages:DeleteMessage",
                                                            "ec2messages:FailMessage",
                                                            "ec2messages:GetEndpoint",
                                                            "ec2messages:GetMessages",
                                                            "ec2:CreateTags",
                                                            "sts:AssumeRole"});

bool is_write(std::string_view action) {
  if (std::find(kStarOnly.begin(), kStarOnly.end(), action) != kStarOnly.end()) return false;
  const auto colon = action.find(':');
  if (colon == std::string_view::npos) return action == "*";
  const std::string_view verb = action.substr(colon + 1);
  if (verb == "*") return true;
  if (verb.ends_with("*") && verb.size() > 1) {  // Delete*, Put* ...
    const std::string_view stem = verb.substr(0, verb.size() - 1);
    for (auto w : kWriteVerbs) {
      if (w.starts_with(stem) || stem.starts_with(w)) return true;
    }
    return false;
  }
  for (auto w : kWriteVerbs) {
    if (verb.starts_with(w)) return true;
  }
  return false;
}

class WriteOnEveryResource final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    for_each_statement(tpl, [&](const PolicyStatement& s) {
      if (s.kind != PolicyStatement::Kind::Identity || !allows(tpl, s)) return;
      const auto resources = field_values(tpl, s, "Resource");
      const FieldValue* star = nullptr;
      for (const auto& r : resources) {
        if (r.text == "*") star = &r;
      }
      if (!star) return;
      std::vector<std::string> writes;
      for (const auto& a : field_values(tpl, s, "Action")) {
        if (is_write(a.text) && a.text != "*") writes.push_back(a.text);  // "*" is IAM001's
      }
      if (writes.empty()) return;
      if (writes.size() > 4) writes.resize(4), writes.push_back("...");
      report(out, kMeta, *star->node, path_join(s.path, "Resource"),
             fmt::format("a policy of {} allows {} on every resource (\"*\"); name the resources",
                         s.owner->name, fmt::join(writes, ", ")));
    });
  }
};

}  // namespace

const Rule& iam002() {
  static const WriteOnEveryResource rule;
  return rule;
}

}  // namespace stacklint::rules
