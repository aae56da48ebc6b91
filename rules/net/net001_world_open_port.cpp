#include <set>

#include "rules/common.h"
#include "rules/net/ingress.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{
    .id = "NET001",
    .name = "ingress-open-to-world",
    .severity = Severity::Error,
    .summary = "A security group admits the whole internet on a port other than 80 and 443",
    .doc = R"md(
## What it does
Reports a security group ingress rule (inline in `AWS::EC2::SecurityGroup`, or an
`AWS::EC2::SecurityGroupIngress` resource) whose CIDR can be `0.0.0.0/0` or `::/0` (written
there, or through a parameter's Default or AllowedValues, a mapping, or a branch of `Fn::If`)
and whose ports include one that is not allowed to the world. The allowed ports are 80 and 443;
change them with `--rule-option NET001.allowed-ports=80,443,8443`. ICMP is not reported; all
protocols and wide ranges are NET002's.

## Why is this bad?
SSH, RDP, database and admin ports open to the internet are scanned within minutes; it is
the most common way CloudFormation stacks get breached.

## Example
```yaml
Parameters:
  AdminCidr:
    Type: String
    Default: 0.0.0.0/0
Resources:
  Bastion:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: ssh
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref AdminCidr}
```

## Use instead
```yaml
Parameters:
  AdminCidr:
    Type: String
    Default: 203.0.113.0/24
Resources:
  Bastion:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: ssh
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 22, ToPort: 22, CidrIp: !Ref AdminCidr}
```
)md"};

std::set<long> allowed_ports(const Template& tpl) {
  std::set<long> out;
  const std::string spec(tpl.rule_option("NET001", "allowed-ports", "80,443"));
  size_t start = 0;
  while (start < spec.size()) {
    size_t comma = spec.find(',', start);
    if (comma == std::string::npos) comma = spec.size();
    out.insert(std::strtol(spec.substr(start, comma - start).c_str(), nullptr, 10));
    start = comma + 1;
  }
  return out;
}

class WorldOpenPort final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    if (!tpl.root()) return;
    const std::set<long> allowed = allowed_ports(tpl);
    const long span = std::strtol(
        std::string(tpl.rule_option("NET002", "max-port-span", "100")).c_str(), nullptr, 10);
    Evaluator& ev = tpl.evaluator();
    for (const auto& rule : collect_ingress(tpl)) {
      for (const auto& [cidr, cidr_when] : world_cidrs(tpl, rule)) {
        bool reported = false;
        for (const auto& [range, port_when] : port_ranges(tpl, rule)) {
          if (reported || range.all_protocols || range.icmp) continue;
          if (range.to - range.from + 1 > span) continue;  // NET002
          long bad = -1;
          for (long p = range.from; p <= range.to && bad < 0; ++p) {
            if (!allowed.count(p)) bad = p;
          }
          if (bad < 0) continue;
          const Bdd::Ref when = ev.bdd().conj(cidr_when, port_when);
          if (!ev.satisfiable(when)) continue;
          const std::string ports = range.from == range.to
                                        ? fmt::format("port {}", range.from)
                                        : fmt::format("ports {}-{}", range.from, range.to);
          report(out, kMeta, *rule.cidr, cidr_path(rule),
                 fmt::format("{} admits {} on {} from anywhere{}",
                             rule.group.empty() ? "an ingress rule" : rule.group, cidr, ports,
                             when_suffix(ev, when)));
          reported = true;
        }
      }
    }
  }
};

}  // namespace

const Rule& net001() {
  static const WorldOpenPort rule;
  return rule;
}

}  // namespace stacklint::rules
