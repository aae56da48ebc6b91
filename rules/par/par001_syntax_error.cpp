#include "rules/common.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "PAR001",
                         .name = "syntax-error",
                         .severity = Severity::Error,
                         .summary = "The file is not well-formed YAML or JSON",
                         .doc = R"md(
## What it does
Reports text that cannot be read as YAML or JSON: a syntax error, an unterminated string, a bad
indentation, invalid UTF-8, a tag CloudFormation does not know (`!Reff`), more than one YAML
document in the file, or input beyond stacklint's safety limits (nesting deeper than 256
levels, YAML aliases expanding to more than 200,000 nodes).

## Why is this bad?
CloudFormation rejects the whole template with `Template format error`, and no other rule can
look at it until it parses.

## Example
```yaml
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: "unterminated
```

## Use instead
```yaml
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    Properties:
      BucketName: "terminated"
```
)md"};

}  // namespace

const Rule& par001() {
  static const ReadIssueRule rule(kMeta, ReadIssue::Kind::Syntax);
  return rule;
}

}  // namespace stacklint::rules
