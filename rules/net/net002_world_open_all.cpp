#include "rules/common.h"
#include "rules/net/ingress.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{
    .id = "NET002",
    .name = "ingress-all-ports-to-world",
    .severity = Severity::Error,
    .summary = "A security group admits the whole internet on all protocols or a wide port range",
    .doc = R"md(
## What it does
Reports an ingress rule open to `0.0.0.0/0` or `::/0` (as NET001 sees it, through parameters,
mappings and conditions) with `IpProtocol: -1` (every protocol and port), or with a port range
wider than 100 ports (change the span with `--rule-option NET002.max-port-span=N`).

## Why is this bad?
Everything the instances listen on, now or after the next deploy, is on the internet.

## Example
```yaml
Resources:
  Open:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: everything
      SecurityGroupIngress:
        - {IpProtocol: "-1", CidrIp: 0.0.0.0/0}
```

## Use instead
```yaml
Resources:
  Open:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: https only
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 443, ToPort: 443, CidrIp: 0.0.0.0/0}
```
)md"};

class WorldOpenAll final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    if (!tpl.root()) return;
    const long span = std::strtol(
        std::string(tpl.rule_option("NET002", "max-port-span", "100")).c_str(), nullptr, 10);
    Evaluator& ev = tpl.evaluator();
    for (const auto& rule : collect_ingress(tpl)) {
      for (const auto& [cidr, cidr_when] : world_cidrs(tpl, rule)) {
        for (const auto& [range, port_when] : port_ranges(tpl, rule)) {
          const bool wide = !range.icmp && range.to - range.from + 1 > span;
          if (!range.all_protocols && !wide) continue;
          const Bdd::Ref when = ev.bdd().conj(cidr_when, port_when);
          if (!ev.satisfiable(when)) continue;
          const std::string what = range.all_protocols
                                       ? std::string("every protocol and port")
                                       : fmt::format("ports {}-{}", range.from, range.to);
          report(out, kMeta, *rule.cidr, cidr_path(rule),
                 fmt::format("{} admits {} on {} from anywhere{}",
                             rule.group.empty() ? "an ingress rule" : rule.group, cidr, what,
                             when_suffix(ev, when)));
          break;
        }
      }
    }
  }
};

}  // namespace

const Rule& net002() {
  static const WorldOpenAll rule;
  return rule;
}

}  // namespace stacklint::rules
