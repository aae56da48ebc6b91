#include "rules/common.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "CHG002",
                         .name = "stateful-resource-replaced",
                         .severity = Severity::Error,
                         .summary = "A resource that holds data will be replaced or removed",
                         .doc = R"md(
## What it does
Reports a resource that holds data (the types of DAT001) that the update replaces or removes.
When its policy keeps the data (`UpdateReplacePolicy` for a replacement, `DeletionPolicy` for a
removal: `Retain`, or `Snapshot` where supported, and RDS's default snapshot on deletion) the
finding is a warning that says what is kept; otherwise it is an error: the data is deleted.

## Why is this bad?
A renamed table, a database whose identifier changed through a parameter Default, a bucket
moved to another template: each deletes data as part of an ordinary deploy.

## Before
```yaml
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      KeySchema: [{AttributeName: id, KeyType: HASH}]
```

## Example
```yaml
# compared with a version where this table was called Orders
Resources:
  OrdersTable:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      KeySchema: [{AttributeName: id, KeyType: HASH}]
```

## Use instead
```yaml
# keep the logical id (and keep the data with Retain while you migrate)
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      KeySchema: [{AttributeName: id, KeyType: HASH}]
```
)md"};

// Reported by the compare stage (analyzer/src/compare.cpp) when an earlier version is given.
class Chg002 final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template&, Sink&) const override {}
};

}  // namespace

const Rule& chg002() {
  static const Chg002 rule;
  return rule;
}

}  // namespace stacklint::rules
