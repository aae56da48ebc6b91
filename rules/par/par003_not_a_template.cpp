#include "rules/common.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "PAR003",
                         .name = "not-a-template",
                         .severity = Severity::Error,
                         .summary = "The file is empty, binary, or its document is not a mapping",
                         .doc = R"md(
## What it does
Reports a file given to stacklint that cannot be a CloudFormation template: it is empty (or
only comments), it is binary, or its document is a list or a single value instead of a
mapping of sections.

Files found by walking a directory are only linted when they look like templates (they name
`AWSTemplateFormatVersion` or have a top-level `Resources` key), so other YAML and JSON files
in a repository are skipped rather than reported.

## Why is this bad?
CloudFormation cannot deploy it; usually the wrong file was passed, or the file was truncated.

## Example
```yaml
- Type: AWS::S3::Bucket
- Type: AWS::SQS::Queue
```

## Use instead
```yaml
Resources:
  Bucket:
    Type: AWS::S3::Bucket
  Queue:
    Type: AWS::SQS::Queue
```
)md"};

}  // namespace

const Rule& par003() {
  static const ReadIssueRule rule(kMeta, ReadIssue::Kind::NotATemplate);
  return rule;
}

}  // namespace stacklint::rules
