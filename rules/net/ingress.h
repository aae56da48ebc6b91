// Security group ingress rules of a template, inline (`SecurityGroupIngress` of an
// AWS::EC2::SecurityGroup) and standalone (AWS::EC2::SecurityGroupIngress), with what their
// values can be.
#pragma once

#include <optional>
#include <string>
#include <vector>

#include "stacklint/template.h"

namespace stacklint::rules {

struct PortRange {
  long from = 0;
  long to = 65535;
  bool all_protocols = false;  // IpProtocol -1
  bool icmp = false;
};

struct IngressRule {
  std::string group;          // logical id of the security group it belongs to ("" when external)
  const Node* node;           // the rule's mapping
  std::string path;           // logical path of the rule
  const Node* cidr;           // CidrIp or CidrIpv6, or nullptr
  const Node* source;         // SourceSecurityGroupId (or SourceSecurityGroupName), or nullptr
  std::string source_group;   // logical id of the source group when it is one of the template's
  bool other_source = false;  // SourcePrefixListId or a source we cannot resolve
  Bdd::Ref when = Bdd::kTrue;
};

std::vector<IngressRule> collect_ingress(const Template& tpl);

// The port ranges a rule can cover (one per protocol/port alternative); empty when unknown.
std::vector<std::pair<PortRange, Bdd::Ref>> port_ranges(const Template& tpl, const IngressRule& r);

// The alternatives of the rule's CIDR that are the whole internet (0.0.0.0/0 or ::/0).
std::vector<std::pair<std::string, Bdd::Ref>> world_cidrs(const Template& tpl,
                                                          const IngressRule& r);

// The logical id of the security group a node names (`!Ref Sg`, `!GetAtt Sg.GroupId`), or "".
std::string security_group_of(const Template& tpl, const Node& n);

// The logical path of the rule's CIDR property.
inline std::string cidr_path(const IngressRule& r) {
  return path_join(r.path, r.node->get("CidrIp") ? "CidrIp" : "CidrIpv6");
}

// "when ..." suffix for a message, empty when always.
std::string when_suffix(Evaluator& ev, Bdd::Ref when);

}  // namespace stacklint::rules
