#include "rules/common.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "CHG004",
                         .name = "resource-may-be-replaced",
                         .severity = Severity::Warning,
                         .summary = "A change may replace a resource, depending on other values",
                         .doc = R"md(
## What it does
Reports a changed property whose update behaviour is conditional (AWS's database marks it
"may replace": for example `MultiAZ` or `AvailabilityZone` of an RDS instance), or a reference
to a resource that may be replaced, and says on what it depends.

## Why is this bad?
Whether the resource is replaced depends on values known only at deploy time; a change set
(or `stacklint deploy`) shows the answer before anything happens.

## Before
```yaml
Resources:
  Database:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.micro
      StorageEncrypted: true
      AvailabilityZone: us-east-1a
```

## Example
```yaml
# compared with a version where AvailabilityZone was us-east-1a
Resources:
  Database:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.micro
      StorageEncrypted: true
      AvailabilityZone: us-east-1b
```

## Use instead
```yaml
Resources:
  Database:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.micro
      StorageEncrypted: true
      AvailabilityZone: us-east-1a
```
)md"};

// Reported by the compare stage (analyzer/src/compare.cpp) when an earlier version is given.
class Chg004 final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template&, Sink&) const override {}
};

}  // namespace

const Rule& chg004() {
  static const Chg004 rule;
  return rule;
}

}  // namespace stacklint::rules
