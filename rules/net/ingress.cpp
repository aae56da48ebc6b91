#include "rules/net/ingress.h"

#include <cstdlib>

namespace stacklint::rules {
namespace {

std::optional<long> number(const Value& v) {
  if (!v.is_literal()) return std::nullopt;
  const std::string s = v.literal();
  char* end = nullptr;
  const long n = std::strtol(s.c_str(), &end, 10);
  if (s.empty() || !end || *end != '\0') return std::nullopt;
  return n;
}

void add_rule(const Template& tpl, const std::string& group, const Node& rule,
              const std::string& path, Bdd::Ref when, std::vector<IngressRule>& out, int depth) {
  if (depth > 8) return;
  if (rule.intrinsic_name() == "Fn::If") {
    const Node& a = rule.intrinsic_arg();
    if (a.is_sequence() && a.items.size() == 3 && a.items[0].is_scalar()) {
      Evaluator& ev = tpl.evaluator();
      const Bdd::Ref c = ev.condition(a.items[0].text);
      add_rule(tpl, group, a.items[1], path, ev.bdd().conj(when, c), out, depth + 1);
      add_rule(tpl, group, a.items[2], path, ev.bdd().conj(when, ev.bdd().neg(c)), out, depth + 1);
    }
    return;
  }
  if (!rule.is_mapping() || !rule.intrinsic_name().empty()) return;
  IngressRule r{};
  r.group = group;
  r.node = &rule;
  r.path = path;
  r.cidr = rule.get("CidrIp");
  if (!r.cidr) r.cidr = rule.get("CidrIpv6");
  r.source = rule.get("SourceSecurityGroupId");
  if (!r.source) r.source = rule.get("SourceSecurityGroupName");
  if (r.source) {
    r.source_group = security_group_of(tpl, *r.source);
    if (r.source_group.empty()) r.other_source = true;
  }
  if (rule.get("SourcePrefixListId")) r.other_source = true;
  r.when = when;
  out.push_back(r);
}

}  // namespace

std::string security_group_of(const Template& tpl, const Node& n) {
  std::string id;
  if (n.intrinsic_name() == "Ref" && n.intrinsic_arg().is_scalar()) id = n.intrinsic_arg().text;
  if (n.intrinsic_name() == "Fn::GetAtt") {
    const Node& a = n.intrinsic_arg();
    if (a.is_sequence() && a.items.size() == 2 && a.items[0].is_scalar() &&
        a.items[1].is_scalar() && a.items[1].text == "GroupId") {
      id = a.items[0].text;
    }
  }
  const Resource* r = id.empty() ? nullptr : tpl.resource(id);
  return r && r->type_name == "AWS::EC2::SecurityGroup" ? id : std::string();
}

std::vector<IngressRule> collect_ingress(const Template& tpl) {
  std::vector<IngressRule> out;
  Evaluator& ev = tpl.evaluator();
  for (const auto& res : tpl.resources()) {
    if (!res.properties || !res.properties->is_mapping()) continue;
    if (res.type_name == "AWS::EC2::SecurityGroup") {
      const Node* list = res.properties->get("SecurityGroupIngress");
      if (!list) continue;
      const std::string path = path_join(path_join(res.path, "Properties"), "SecurityGroupIngress");
      const Bdd::Ref when = ev.exists(res.name);
      if (list->is_sequence()) {
        for (size_t i = 0; i < list->items.size(); ++i) {
          add_rule(tpl, std::string(res.name), list->items[i], path_join(path, std::to_string(i)),
                   when, out, 0);
        }
      }
    } else if (res.type_name == "AWS::EC2::SecurityGroupIngress") {
      const Node* group = res.properties->get("GroupId");
      std::string g = group ? security_group_of(tpl, *group) : std::string();
      add_rule(tpl, g, *res.properties, path_join(res.path, "Properties"), ev.exists(res.name), out,
               0);
    }
  }
  return out;
}

std::vector<std::pair<PortRange, Bdd::Ref>> port_ranges(const Template& tpl, const IngressRule& r) {
  std::vector<std::pair<PortRange, Bdd::Ref>> out;
  Evaluator& ev = tpl.evaluator();
  Bdd& bdd = ev.bdd();
  const Node* proto = r.node->get("IpProtocol");
  const Node* from = r.node->get("FromPort");
  const Node* to = r.node->get("ToPort");
  if (!proto) return out;
  for (const auto& p : ev.evaluate(*proto, r.when)) {
    if (!p.value.is_literal()) continue;
    const std::string pr = p.value.literal();
    PortRange range;
    if (pr == "-1" || pr == "all") {
      range.all_protocols = true;
      out.push_back({range, p.when});
      continue;
    }
    range.icmp = pr == "icmp" || pr == "1" || pr == "icmpv6" || pr == "58";
    if (!from || !to) {
      out.push_back({range, p.when});  // ports omitted: all of them
      continue;
    }
    for (const auto& f : ev.evaluate(*from, p.when)) {
      const auto fv = number(f.value);
      if (!fv) continue;
      for (const auto& t : ev.evaluate(*to, f.when)) {
        const auto tv = number(t.value);
        if (!tv) continue;
        PortRange pr2 = range;
        pr2.from = *fv < 0 ? 0 : *fv;
        pr2.to = *tv < 0 ? 65535 : *tv;
        if (*fv == -1 && *tv == -1) pr2.from = 0, pr2.to = 65535;
        out.push_back({pr2, bdd.conj(t.when, Bdd::kTrue)});
      }
    }
  }
  return out;
}

std::vector<std::pair<std::string, Bdd::Ref>> world_cidrs(const Template& tpl,
                                                          const IngressRule& r) {
  std::vector<std::pair<std::string, Bdd::Ref>> out;
  if (!r.cidr) return out;
  for (const auto& c : tpl.evaluator().evaluate(*r.cidr, r.when)) {
    if (!c.value.is_literal()) continue;
    const std::string v = c.value.literal();
    if (v == "0.0.0.0/0" || v == "::/0") out.push_back({v, c.when});
  }
  return out;
}

std::string when_suffix(Evaluator& ev, Bdd::Ref when) {
  const std::string d = ev.describe(when);
  return d == "always" ? std::string() : " (when " + d + ")";
}

}  // namespace stacklint::rules
