#include "rules/common.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "CHG001",
                         .name = "resource-replaced",
                         .severity = Severity::Info,
                         .summary = "A resource will be replaced",
                         .doc = R"md(
## What it does
Compares the template with an earlier version (`stacklint diff OLD NEW`, or `stacklint lint
--compare-to OLD`) and reports each resource that the update will replace: a property whose
change requires replacement (per AWS's resource database) changed directly, through a
parameter's Default, a mapping, or because a resource it refers to is itself replaced; or its
logical id was renamed. `--allow-replacement ID` acknowledges an intended replacement.

## Why is this bad?
Replacement creates a new physical resource and deletes the old one: new ids, new endpoints,
and for anything that holds data, data loss (CHG002).

## Before
```yaml
Resources:
  Queue:
    Type: AWS::SQS::Queue
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      QueueName: orders-v1
```

## Example
```yaml
# compared with a version where QueueName was orders-v1
Resources:
  Queue:
    Type: AWS::SQS::Queue
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      QueueName: orders-v2
```

## Use instead
```yaml
# keep the properties that force replacement, or acknowledge it with --allow-replacement Queue
Resources:
  Queue:
    Type: AWS::SQS::Queue
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      QueueName: orders-v1
```
)md"};

// Reported by the compare stage (analyzer/src/compare.cpp) when an earlier version is given.
class Chg001 final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template&, Sink&) const override {}
};

}  // namespace

const Rule& chg001() {
  static const Chg001 rule;
  return rule;
}

}  // namespace stacklint::rules
