#include <algorithm>
#include <set>

#include "rules/common.h"
#include "rules/sec/secret_properties.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{
    .id = "SEC002",
    .name = "secret-parameter-without-noecho",
    .severity = Severity::Error,
    .summary = "A secret-bearing property is fed by a parameter without NoEcho",
    .doc = R"md(
## What it does
Reports a parameter that feeds a secret-bearing property (see SEC001 for the list), directly
with `Ref` or through `Fn::Sub`, `Fn::Join` or `Fn::If`, when the parameter does not have
`NoEcho: true`. A parameter that only names the secret inside a dynamic reference
(`{{resolve:secretsmanager:${Env}/db:SecretString:password}}`) is not reported.

## Why is this bad?
Without NoEcho, CloudFormation shows the parameter's value in plain text to anyone who can
describe the stack (console, `describe-stacks`, CI logs). Better still is no parameter at all:
a dynamic reference to Secrets Manager.

## Example
```yaml
Parameters:
  DbPassword:
    Type: String
Resources:
  Database:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.micro
      MasterUsername: app
      MasterUserPassword: !Ref DbPassword
```

## Use instead
```yaml
Parameters:
  DbPassword:
    Type: String
    NoEcho: true
Resources:
  Database:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.micro
      MasterUsername: app
      MasterUserPassword: !Ref DbPassword
```
)md"};

class SecretParameterWithoutNoEcho final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    std::set<std::string_view> reported;
    for (const auto& r : tpl.resources()) {
      for_each_secret_property(
          r, [&](const Node& value, const std::string& path, std::string_view name) {
            // A parameter that only names the secret inside a dynamic reference is not the secret.
            const auto values = tpl.evaluator().evaluate(value);
            const bool all_dynamic =
                !values.empty() &&
                std::all_of(values.begin(), values.end(),
                            [](const Possibility& p) { return p.value.is_dynamic_reference(); });
            if (all_dynamic) return;
            referenced_parameters(tpl, value, [&](const Parameter& p, const Node& where) {
              if (is_no_echo(p) || !reported.insert(p.name).second) return;
              report(out, kMeta, where, path,
                     fmt::format("parameter {} feeds {} of {} but has no 'NoEcho: true': its value "
                                 "shows in the console and API",
                                 p.name, name, r.name));
            });
          });
    }
  }
};

}  // namespace

const Rule& sec002() {
  static const SecretParameterWithoutNoEcho rule;
  return rule;
}

}  // namespace stacklint::rules
