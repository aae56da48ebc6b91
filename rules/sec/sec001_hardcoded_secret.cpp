#include "rules/common.h"
#include "rules/sec/secret_properties.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{
    .id = "SEC001",
    .name = "hardcoded-secret",
    .severity = Severity::Error,
    .summary = "A secret-bearing property can be a literal written in the template",
    .doc = R"md(
## What it does
Reports a property that carries a secret (database master passwords, auth tokens, API keys,
client secrets, private keys, `SecretString`, directory, Redshift, DocumentDB, MQ broker,
OpenSearch master user and DMS endpoint passwords, ...; the list is data in
`rules/sec/secret_properties.cpp`) when any value it can take is text written in the template:
a plain string, a `Fn::Join` or `Fn::Sub` that resolves to literal text, one branch of
`Fn::If`, a mapping value, or a parameter's `Default`. The message shows the secret redacted.

A dynamic reference (`{{resolve:secretsmanager:...}}`, `{{resolve:ssm-secure:...}}`), also
built with `Fn::Sub`, is the fix and is never reported; so is a parameter with no Default
(see SEC002 for its NoEcho). `ManageMasterUserPassword: true` needs no password at all.

## Why is this bad?
The secret lands in git, in every copy of the template, in the stack's template history and in
the console for anyone with read access to CloudFormation.

## Example
```yaml
Resources:
  Database:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.micro
      MasterUsername: app
      MasterUserPassword: !Join ["", ["hunter", "2024"]]
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
      MasterUsername: app
      MasterUserPassword: "{{resolve:secretsmanager:app/db:SecretString:password}}"
```
)md"};

class HardcodedSecret final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    for (const auto& r : tpl.resources()) {
      for_each_secret_property(r, [&](const Node& value, const std::string& path,
                                      std::string_view name) {
        Evaluator& ev = tpl.evaluator();
        for (const auto& p : ev.evaluate(value, ev.exists(r.name))) {
          const Value& v = p.value;
          // Text the template itself holds: a string with no reference or dynamic reference in it
          // (a value assembled from parameters or attributes is SEC002's business).
          if (!v.is_literal() || v.is_dynamic_reference()) continue;
          const std::string literal = v.literal();
          if (literal.empty()) continue;
          const std::string source =
              v.from_parameter_default ? " (the Default of " + v.origin + ")" : "";
          const std::string when = ev.describe(p.when);
          report(out, kMeta, value, path,
                 fmt::format("{} of {} is a secret written in the template{}: {}{}", name, r.name,
                             source, redact(literal), when == "always" ? "" : " when " + when));
          break;  // one finding per property
        }
      });
    }
  }
};

}  // namespace

const Rule& sec001() {
  static const HardcodedSecret rule;
  return rule;
}

}  // namespace stacklint::rules
