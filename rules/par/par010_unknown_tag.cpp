#include "rules/common.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "PAR010",
                         .name = "unknown-tag",
                         .severity = Severity::Error,
                         .summary = "A YAML tag is not a CloudFormation short-form function",
                         .doc = R"md(
## What it does
Reports a YAML tag that is not one of CloudFormation's short-form functions (`!Ref`,
`!GetAtt`, `!Sub`, `!Join`, `!Select`, `!Split`, `!If`, `!Equals`, `!And`, `!Or`, `!Not`,
`!Condition`, `!FindInMap`, `!Base64`, `!Cidr`, `!GetAZs`, `!ImportValue`, `!Transform`,
`!ToJsonString`, `!Length`, and the Rules functions `!Contains`, `!EachMemberEquals`,
`!EachMemberIn`, `!RefAll`, `!ValueOf`, `!ValueOfAll`), nor a standard YAML tag (`!!str`, ...).
Tags of the rain CLI (`!Rain::Embed`, `!Rain::Module`, ...) are named as such: the template must
be packaged with `rain pkg` before CloudFormation can read it.

The rest of the template is still linted, with the tagged value read as if it had no tag.

## Why is this bad?
CloudFormation rejects the template. Usually the tag is misspelt (`!GetAttr`, `!ref`).

## Example
```yaml
Resources:
  Queue:
    Type: AWS::SQS::Queue
Outputs:
  QueueArn:
    Value: !GetAttr Queue.Arn
```

## Use instead
```yaml
Resources:
  Queue:
    Type: AWS::SQS::Queue
Outputs:
  QueueArn:
    Value: !GetAtt Queue.Arn
```
)md"};

}  // namespace

const Rule& par010() {
  static const ReadIssueRule rule(kMeta, ReadIssue::Kind::UnknownTag);
  return rule;
}

}  // namespace stacklint::rules
