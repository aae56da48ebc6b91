#include <algorithm>
#include <array>
#include <vector>

#include "rules/common.h"
#include "rules/dat/stateful.h"
#include "stacklint/suggest.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{
    .id = "PAR006",
    .name = "invalid-deletion-policy",
    .severity = Severity::Error,
    .summary = "DeletionPolicy or UpdateReplacePolicy has a value CloudFormation does not accept",
    .doc = R"md(
## What it does
Checks the values of the `DeletionPolicy` and `UpdateReplacePolicy` resource attributes:

- `DeletionPolicy` takes `Delete`, `Retain`, `RetainExceptOnCreate` or `Snapshot`;
  `UpdateReplacePolicy` takes `Delete`, `Retain` or `Snapshot`. Values are case-sensitive.
- `Snapshot` is valid only for types that support snapshots: `AWS::EC2::Volume`,
  `AWS::ElastiCache::CacheCluster`, `AWS::ElastiCache::ReplicationGroup`,
  `AWS::ElastiCache::ServerlessCache`, `AWS::Neptune::DBCluster`, `AWS::RDS::DBCluster`,
  `AWS::RDS::DBInstance`, `AWS::Redshift::Cluster` and `AWS::DocDB::DBCluster`.
- Intrinsic functions are accepted (CloudFormation has allowed them in both attributes since
  2023, with or without the `AWS::LanguageExtensions` transform), except those whose value is
  known only once resources exist: `Fn::GetAtt`, `Fn::GetAZs`, `Fn::ImportValue`, `Fn::Cidr`,
  `Fn::Base64`, `Fn::Transform`, and `Ref` to a resource. The values they can take (both
  branches of `!If`, a parameter's `Default` and `AllowedValues`) are checked like literals.

## Why is this bad?
CloudFormation rejects the template, or, for `Snapshot` on a type without snapshots, fails
when it deletes the resource: exactly when you were counting on the policy.

## Example
```yaml
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    DeletionPolicy: Snapshot
```

## Use instead
```yaml
Resources:
  Bucket:
    Type: AWS::S3::Bucket
    DeletionPolicy: Retain
```
)md"};

constexpr std::array<std::string_view, 4> kDeletion{"Delete", "Retain", "RetainExceptOnCreate",
                                                    "Snapshot"};
constexpr std::array<std::string_view, 3> kUpdateReplace{"Delete", "Retain", "Snapshot"};

// The first intrinsic call inside `n` whose value depends on resources (see the doc above).
const Node* unsupported_intrinsic(const Template& tpl, const Node& n) {
  const std::string_view fn = n.intrinsic_name();
  if (fn == "Fn::GetAtt" || fn == "Fn::GetAZs" || fn == "Fn::ImportValue" || fn == "Fn::Cidr" ||
      fn == "Fn::Base64" || fn == "Fn::Transform") {
    return &n;
  }
  if (fn == "Ref" && n.intrinsic_arg().is_scalar() && tpl.resource(n.intrinsic_arg().text)) {
    return &n;
  }
  for (const auto& item : n.items) {
    if (const Node* bad = unsupported_intrinsic(tpl, item)) return bad;
  }
  for (const auto& e : n.entries) {
    if (const Node* bad = unsupported_intrinsic(tpl, e.value)) return bad;
  }
  return nullptr;
}

class InvalidDeletionPolicy final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    for (const auto& r : tpl.resources()) {
      check_attribute(tpl, r, "DeletionPolicy", r.deletion_policy, kDeletion, out);
      check_attribute(tpl, r, "UpdateReplacePolicy", r.update_replace_policy, kUpdateReplace, out);
    }
  }

 private:
  static void check_attribute(const Template& tpl, const Resource& r, std::string_view attribute,
                              const Node* value, std::span<const std::string_view> allowed,
                              Sink& out) {
    if (!value) return;
    const std::string path = path_join(r.path, attribute);
    if (!value->is_scalar()) {
      if (value->intrinsic_name().empty()) {
        report(
            out, kMeta, *value, path,
            fmt::format("{} of {} must be a string, not {}", attribute, r.name, value->describe()));
        return;
      }
      if (const Node* bad = unsupported_intrinsic(tpl, *value)) {
        const std::string_view fn = bad->intrinsic_name();
        report(
            out, kMeta, *bad, path,
            fmt::format("{} of {} uses {}, which CloudFormation does not accept here: the "
                        "policy must be known before any resource is created",
                        attribute, r.name,
                        fn == "Ref" ? fmt::format("Ref to resource {}", bad->intrinsic_arg().text)
                                    : std::string(fn)));
        return;
      }
    }
    std::vector<PolicyValue> values;
    bool unknown = false;
    policy_values(tpl, *value, values, unknown);
    for (const auto& v : values) {
      // A value that comes from a parameter is reported where the attribute uses it.
      const bool inside =
          v.node->range.begin >= value->range.begin && v.node->range.end <= value->range.end;
      const Node& where = inside ? *v.node : *value;
      if (std::find(allowed.begin(), allowed.end(), v.text) == allowed.end()) {
        std::string msg = fmt::format("{} of {} is '{}'; it must be one of {}", attribute, r.name,
                                      v.text, fmt::join(allowed, ", "));
        if (const auto hint = closest_match(v.text, allowed); !hint.empty()) {
          msg += fmt::format(" (did you mean '{}'?)", hint);
        }
        report(out, kMeta, where, path, std::move(msg));
      } else if (v.text == "Snapshot" && !r.type_name.empty() && !supports_snapshot(r.type_name)) {
        report(out, kMeta, where, path,
               fmt::format("{} of {} is 'Snapshot', but {} does not support snapshots; use "
                           "Retain or Delete",
                           attribute, r.name, r.type_name));
      }
    }
  }
};

}  // namespace

const Rule& par006() {
  static const InvalidDeletionPolicy rule;
  return rule;
}

}  // namespace stacklint::rules
