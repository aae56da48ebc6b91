// Resource types that hold data: deleting or replacing one loses that data. The list is data,
// documented in DAT001's docs; it errs on the side of real data stores (databases, tables,
// buckets, file systems, volumes, caches, streams and queues with messages, log groups, keys
// whose loss makes data unreadable, container image repositories, backup vaults, user pools).
#pragma once

#include <span>
#include <string_view>

#include "stacklint/template.h"

namespace stacklint::rules {

struct StatefulType {
  std::string_view type;
  std::string_view holds;  // what is lost, for messages: "database", "objects", ...
  // CloudFormation's default DeletionPolicy for the type is Snapshot, not Delete.
  bool default_snapshot_on_delete = false;
};

std::span<const StatefulType> stateful_types();

// The stateful entry for a resource, or nullptr when the resource holds no data of its own
// (for instance an RDS DB instance that is a member of an Aurora cluster: the cluster holds
// the data).
const StatefulType* stateful_type_of(const Resource& r);

// Types for which DeletionPolicy/UpdateReplacePolicy `Snapshot` is valid.
bool supports_snapshot(std::string_view type);

// The literal strings an attribute value can take: a plain string, the branches of Fn::If,
// or a parameter's Default and AllowedValues (AWS::LanguageExtensions). `unknown` is set when
// part of the value cannot be known statically.
struct PolicyValue {
  std::string_view text;
  const Node* node;
};
void policy_values(const Template& tpl, const Node& value, std::vector<PolicyValue>& out,
                   bool& unknown, int depth = 0);

}  // namespace stacklint::rules
