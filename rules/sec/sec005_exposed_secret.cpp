#include "rules/common.h"
#include "rules/sec/secret_properties.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "SEC005",
                         .name = "secret-exposed-in-output",
                         .severity = Severity::Error,
                         .summary = "An Output or Metadata exposes a NoEcho parameter or a secret",
                         .doc = R"md(
## What it does
Reports an Output, or resource or template `Metadata`, that contains a NoEcho parameter
(`Ref`, or `${Param}` in `Fn::Sub`) or a secure dynamic reference
(`{{resolve:secretsmanager:...}}`, `{{resolve:ssm-secure:...}}`).

## Why is this bad?
CloudFormation masks NoEcho parameters where they are used, but not in Outputs or Metadata:
there the value shows in plain text to anyone who can describe the stack.

## Example
```yaml
Parameters:
  DbPassword:
    Type: String
    NoEcho: true
Resources:
  Topic:
    Type: AWS::SNS::Topic
Outputs:
  Password:
    Value: !Ref DbPassword
```

## Use instead
```yaml
Parameters:
  DbPassword:
    Type: String
    NoEcho: true
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      DisplayName: !Ref DbPassword
Outputs:
  TopicArn:
    Value: !Ref Topic
```
)md"};

bool secure_reference(std::string_view s) {
  return s.find("{{resolve:secretsmanager:") != std::string_view::npos ||
         s.find("{{resolve:ssm-secure:") != std::string_view::npos;
}

class ExposedSecret final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    for (const auto& o : tpl.outputs())
      scan(tpl, *o.value, o.path, "output " + std::string(o.name), out);
    for (const auto& r : tpl.resources()) {
      if (r.metadata) {
        scan(tpl, *r.metadata, path_join(r.path, "Metadata"),
             "the Metadata of " + std::string(r.name), out);
      }
    }
    if (tpl.metadata()) scan(tpl, *tpl.metadata(), "Metadata", "the template's Metadata", out);
  }

 private:
  static void scan(const Template& tpl, const Node& n, const std::string& path,
                   const std::string& where, Sink& out) {
    referenced_parameters(tpl, n, [&](const Parameter& p, const Node& at) {
      if (!is_no_echo(p)) return;
      report(out, kMeta, at, path,
             fmt::format("{} exposes NoEcho parameter {} in plain text", where, p.name));
    });
    strings(n, [&](const Node& s) {
      if (secure_reference(s.text)) {
        report(
            out, kMeta, s, path,
            fmt::format("{} holds a secure dynamic reference, whose value it would show", where));
      }
    });
  }

  template <typename F>
  static void strings(const Node& n, F&& f) {
    if (n.is_scalar()) {
      f(n);
      return;
    }
    for (const auto& i : n.items) strings(i, f);
    for (const auto& e : n.entries) strings(e.value, f);
  }
};

}  // namespace

const Rule& sec005() {
  static const ExposedSecret rule;
  return rule;
}

}  // namespace stacklint::rules
