#include "rules/common.h"
#include "rules/sec/secret_properties.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{
    .id = "SEC003",
    .name = "noecho-parameter-with-default",
    .severity = Severity::Error,
    .summary = "A NoEcho parameter has a Default, so the secret is in the template",
    .doc = R"md(
## What it does
Reports a parameter with `NoEcho: true` that has a non-empty `Default`.

## Why is this bad?
NoEcho says the value is secret, but the Default writes it into the template, where git, every
copy of the template and `get-template` show it.

## Example
```yaml
Parameters:
  ApiKey:
    Type: String
    NoEcho: true
    Default: sk-live-1234567890
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      DisplayName: !Ref ApiKey
```

## Use instead
```yaml
Parameters:
  ApiKey:
    Type: String
    NoEcho: true
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      DisplayName: !Ref ApiKey
```
)md"};

class NoEchoDefault final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    for (const auto& p : tpl.parameters()) {
      if (!is_no_echo(p)) continue;
      if (!p.default_value || !p.default_value->is_scalar() || p.default_value->text.empty()) {
        continue;
      }
      report(out, kMeta, *p.default_value, path_join(p.path, "Default"),
             fmt::format("NoEcho parameter {} has a Default {}: the secret is in the template",
                         p.name, redact(p.default_value->text)));
    }
  }
};

}  // namespace

const Rule& sec003() {
  static const NoEchoDefault rule;
  return rule;
}

}  // namespace stacklint::rules
