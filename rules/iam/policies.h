// IAM policy documents in a template: identity policies (inline policies of roles, users and
// groups, AWS::IAM::Policy, AWS::IAM::ManagedPolicy), trust policies, and resource policies
// (bucket, queue, topic, key, secret, repository, domain), statement by statement.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "stacklint/template.h"

namespace stacklint::rules {

struct PolicyStatement {
  enum class Kind : uint8_t { Identity, Trust, Resource };
  Kind kind;
  const Resource* owner;
  const Node* node;  // the statement mapping
  std::string path;
  bool kms_key_policy = false;
  Bdd::Ref when = Bdd::kTrue;
};

void for_each_statement(const Template& tpl, const std::function<void(const PolicyStatement&)>& f);

// The literal strings a field (Action, Resource, ...) can hold, each with the node it came from.
struct FieldValue {
  std::string text;
  const Node* node;
  Bdd::Ref when;
};
std::vector<FieldValue> field_values(const Template& tpl, const PolicyStatement& s,
                                     std::string_view field);

bool allows(const Template& tpl, const PolicyStatement& s);  // Effect can be Allow
bool has_condition(const PolicyStatement& s);
// Principal "*" or {AWS: "*"} (in any of its values).
const Node* wildcard_principal(const Template& tpl, const PolicyStatement& s);

}  // namespace stacklint::rules
