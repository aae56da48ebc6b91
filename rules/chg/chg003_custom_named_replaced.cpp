#include "rules/common.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{
    .id = "CHG003",
    .name = "custom-named-resource-replaced",
    .severity = Severity::Error,
    .summary = "A custom-named resource would be replaced: the update will fail",
    .doc = R"md(
## What it does
Reports a resource that the update replaces while it keeps a custom physical name (a property
of the type's primary identifier set in the template, such as `BucketName`, `TableName`,
`DBInstanceIdentifier`, `QueueName`, `FunctionName`, `RoleName`) with the same value.

## Why is this bad?
CloudFormation creates the replacement before deleting the old resource, and two resources
cannot have the same name: the update fails with "CloudFormation cannot update a stack when a
custom-named resource requires replacing", at deploy time, after other changes were applied.

## Before
```yaml
Resources:
  Queue:
    Type: AWS::SQS::Queue
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      QueueName: orders.fifo
```

## Example
```yaml
# compared with a version where FifoQueue was false
Resources:
  Queue:
    Type: AWS::SQS::Queue
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      QueueName: orders.fifo
      FifoQueue: true
```

## Use instead
```yaml
# change the name with the property that forces replacement
Resources:
  Queue:
    Type: AWS::SQS::Queue
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      QueueName: orders-v2.fifo
      FifoQueue: true
```
)md"};

// Reported by the compare stage (analyzer/src/compare.cpp) when an earlier version is given.
class Chg003 final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template&, Sink&) const override {}
};

}  // namespace

const Rule& chg003() {
  static const Chg003 rule;
  return rule;
}

}  // namespace stacklint::rules
