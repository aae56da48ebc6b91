#include <cctype>

#include "rules/common.h"
#include "rules/net/ingress.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{
    .id = "DAT004",
    .name = "storage-encryption-disabled",
    .severity = Severity::Warning,
    .summary = "Storage encryption at rest is off for a database, volume, file system or stream",
    .doc = R"md(
## What it does
Reports encryption at rest that is off, or that can be off (a branch of `Fn::If`, a parameter's
Default or AllowedValues), where the resource type lets the template turn it on:

| type | property | off when absent |
|---|---|---|
| `AWS::RDS::DBInstance` (not in a cluster) | `StorageEncrypted` | yes |
| `AWS::RDS::DBCluster` | `StorageEncrypted` | yes |
| `AWS::DocDB::DBCluster` | `StorageEncrypted` | yes |
| `AWS::Neptune::DBCluster` | `StorageEncrypted` | yes |
| `AWS::EC2::Volume` | `Encrypted` | yes (unless the account encrypts EBS by default) |
| `AWS::EFS::FileSystem` | `Encrypted` | yes |
| `AWS::ElastiCache::ReplicationGroup` | `AtRestEncryptionEnabled` | yes |
| `AWS::OpenSearchService::Domain`, `AWS::Elasticsearch::Domain` | `EncryptionAtRestOptions.Enabled` | yes |
| `AWS::Redshift::Cluster` | `Encrypted` | no: only an explicit `false` |

S3 buckets, DynamoDB tables and SQS queues are encrypted at rest by AWS whatever the template
says, so they are not reported.

## Why is this bad?
Unencrypted storage fails most compliance baselines, and encryption can only be turned on by
replacing the database or volume: deciding later means a migration.

## Example
```yaml
Resources:
  Files:
    Type: AWS::EFS::FileSystem
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
```

## Use instead
```yaml
Resources:
  Files:
    Type: AWS::EFS::FileSystem
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      Encrypted: true
```
)md"};

struct Encryption {
  std::string_view type;
  std::string_view object;  // enclosing property ("" for top level)
  std::string_view property;
  bool off_when_absent;
};

constexpr Encryption kEncryption[] = {
    {"AWS::RDS::DBInstance", "", "StorageEncrypted", true},
    {"AWS::RDS::DBCluster", "", "StorageEncrypted", true},
    {"AWS::DocDB::DBCluster", "", "StorageEncrypted", true},
    {"AWS::Neptune::DBCluster", "", "StorageEncrypted", true},
    {"AWS::EC2::Volume", "", "Encrypted", true},
    {"AWS::EFS::FileSystem", "", "Encrypted", true},
    {"AWS::ElastiCache::ReplicationGroup", "", "AtRestEncryptionEnabled", true},
    {"AWS::OpenSearchService::Domain", "EncryptionAtRestOptions", "Enabled", true},
    {"AWS::Elasticsearch::Domain", "EncryptionAtRestOptions", "Enabled", true},
    {"AWS::Redshift::Cluster", "", "Encrypted", false},
};

class UnencryptedStorage final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    for (const auto& r : tpl.resources()) {
      for (const auto& e : kEncryption) {
        if (e.type != r.type_name) continue;
        if (r.type_name == "AWS::RDS::DBInstance" && r.properties &&
            r.properties->get("DBClusterIdentifier")) {
          continue;  // the cluster decides
        }
        check_one(tpl, r, e, out);
      }
    }
  }

 private:
  static void check_one(const Template& tpl, const Resource& r, const Encryption& e, Sink& out) {
    const Node* holder = r.properties;
    std::string path = path_join(r.path, "Properties");
    if (holder && !e.object.empty()) {
      holder = holder->get(e.object);
      path = path_join(path, e.object);
    }
    const Node* v = holder && holder->is_mapping() ? holder->get(e.property) : nullptr;
    path = path_join(path, e.property);
    const std::string name = e.object.empty()
                                 ? std::string(e.property)
                                 : std::string(e.object) + "." + std::string(e.property);
    if (!v) {
      if (e.off_when_absent) {
        report(out, kMeta, *r.key, path,
               fmt::format("{} stores data unencrypted: {} is not set (it defaults to false); "
                           "set {} to true",
                           describe(r), name, name));
      }
      return;
    }
    Evaluator& ev = tpl.evaluator();
    for (const auto& p : ev.evaluate(*v, ev.exists(r.name))) {
      if (!p.value.is_literal()) continue;
      std::string s = p.value.literal();
      for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
      if (s != "false") continue;
      report(out, kMeta, *v, path,
             fmt::format("{} stores data unencrypted: {} is false{}; set it to true", describe(r),
                         name, when_suffix(ev, p.when)));
      return;
    }
  }
};

}  // namespace

const Rule& dat004() {
  static const UnencryptedStorage rule;
  return rule;
}

}  // namespace stacklint::rules
