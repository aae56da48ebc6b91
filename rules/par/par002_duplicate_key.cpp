#include "rules/common.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "PAR002",
                         .name = "duplicate-key",
                         .severity = Severity::Error,
                         .summary = "A mapping defines the same key twice",
                         .doc = R"md(
## What it does
Reports a key that appears twice in the same mapping: two resources with the same logical id,
a property given twice, a section repeated.

## Why is this bad?
YAML and JSON parsers disagree on which value wins (most silently keep the last one), and
CloudFormation rejects the template. A copy-pasted resource that reuses a logical id silently
replaces the first one in many tools. stacklint keeps the first definition and reports the
second.

## Example
```yaml
Resources:
  Logs:
    Type: AWS::S3::Bucket
  Logs:
    Type: AWS::Logs::LogGroup
```

## Use instead
```yaml
Resources:
  LogBucket:
    Type: AWS::S3::Bucket
  LogGroup:
    Type: AWS::Logs::LogGroup
```
)md"};

}  // namespace

const Rule& par002() {
  static const ReadIssueRule rule(kMeta, ReadIssue::Kind::DuplicateKey);
  return rule;
}

}  // namespace stacklint::rules
