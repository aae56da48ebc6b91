#include "rules/common.h"
#include "rules/dat/stateful.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "DAT002",
                         .name = "stateful-resource-without-update-replace-policy",
                         .severity = Severity::Warning,
                         .summary = "A resource that holds data has no UpdateReplacePolicy",
                         .doc = R"md(
## What it does
Reports a resource that holds data (the types listed in DAT001) and has no
`UpdateReplacePolicy`. The default is `Delete` for every type, RDS included: when an update
replaces the resource, CloudFormation creates the new one and deletes the old one with its
data.

An RDS instance that is a member of a cluster holds no data of its own and is not reported.

## Why is this bad?
`DeletionPolicy` does not apply to replacements. Many innocent-looking edits replace a
resource: renaming a table's key, changing a database's engine or identifier, changing an EFS
file system's encryption. Without `UpdateReplacePolicy: Retain` (or `Snapshot`), the old data
is deleted as part of an ordinary deploy.

## Example
```yaml
Resources:
  Database:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: Snapshot
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.micro
      AllocatedStorage: "20"
      ManageMasterUserPassword: true
      MasterUsername: app
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
      AllocatedStorage: "20"
      ManageMasterUserPassword: true
      MasterUsername: app
```
)md"};

class NoUpdateReplacePolicy final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    for (const auto& r : tpl.resources()) {
      if (r.update_replace_policy) continue;
      const StatefulType* t = stateful_type_of(r);
      if (!t) continue;
      report(
          out, kMeta, *r.key, r.path,
          fmt::format("{} has no UpdateReplacePolicy: an update that replaces it deletes the "
                      "old {}; set UpdateReplacePolicy to Retain{}",
                      describe(r), t->holds, supports_snapshot(r.type_name) ? " or Snapshot" : ""));
    }
  }
};

}  // namespace

const Rule& dat002() {
  static const NoUpdateReplacePolicy rule;
  return rule;
}

}  // namespace stacklint::rules
