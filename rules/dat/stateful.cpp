#include "rules/dat/stateful.h"

#include "stacklint/schema.h"

#include <algorithm>
#include <array>
#include <vector>

namespace stacklint::rules {

namespace {
constexpr auto kStateful = std::to_array<StatefulType>({
    {"AWS::AmazonMQ::Broker", "broker and its messages"},
    {"AWS::Backup::BackupVault", "backups"},
    {"AWS::Cassandra::Keyspace", "keyspace"},
    {"AWS::Cassandra::Table", "table"},
    {"AWS::Cognito::UserPool", "user accounts"},
    {"AWS::DocDB::DBCluster", "database"},
    {"AWS::DocDBElastic::Cluster", "database"},
    {"AWS::DynamoDB::GlobalTable", "table"},
    {"AWS::DynamoDB::Table", "table"},
    {"AWS::EC2::Volume", "volume"},
    {"AWS::ECR::Repository", "container images"},
    {"AWS::EFS::FileSystem", "file system"},
    {"AWS::ElastiCache::CacheCluster", "cache"},
    {"AWS::ElastiCache::ReplicationGroup", "cache"},
    {"AWS::ElastiCache::ServerlessCache", "cache"},
    {"AWS::Elasticsearch::Domain", "search domain"},
    {"AWS::FSx::FileSystem", "file system"},
    {"AWS::Kinesis::Stream", "stream records"},
    {"AWS::Logs::LogGroup", "logs"},
    {"AWS::MemoryDB::Cluster", "database"},
    {"AWS::MSK::Cluster", "topics"},
    {"AWS::Neptune::DBCluster", "graph database"},
    {"AWS::OpenSearchServerless::Collection", "search collection"},
    {"AWS::OpenSearchService::Domain", "search domain"},
    {"AWS::QLDB::Ledger", "ledger"},
    {"AWS::RDS::DBCluster", "database", true},
    {"AWS::RDS::DBInstance", "database", true},
    {"AWS::RDS::GlobalCluster", "database"},
    {"AWS::Redshift::Cluster", "data warehouse"},
    {"AWS::S3::Bucket", "objects"},
    {"AWS::S3Express::DirectoryBucket", "objects"},
    {"AWS::SQS::Queue", "messages"},
    {"AWS::Timestream::Database", "database"},
    {"AWS::Timestream::Table", "table"},
    {"AWS::Organizations::Account", "account (deleting closes it)"},
    {"AWS::SDB::Domain", "domain"},
});

constexpr auto kSnapshotTypes = std::to_array<std::string_view>(
    {"AWS::DocDB::DBCluster", "AWS::EC2::Volume", "AWS::ElastiCache::CacheCluster",
     "AWS::ElastiCache::ReplicationGroup", "AWS::ElastiCache::ServerlessCache",
     "AWS::Neptune::DBCluster", "AWS::RDS::DBCluster", "AWS::RDS::DBInstance",
     "AWS::Redshift::Cluster"});
}  // namespace

std::span<const StatefulType> stateful_types() {
  return kStateful;
}

// Types the schema marks stateful that are deliberately not treated as holding data of their
// own: cluster members (the cluster holds the data), nested stacks (their resources carry their
// own policies), EMR clusters (compute), and keys and secrets (deletion waits 7-30 days and can
// be cancelled).
constexpr auto kNotStateful = std::to_array<std::string_view>(
    {"AWS::DocDB::DBInstance", "AWS::Neptune::DBInstance", "AWS::CloudFormation::Stack",
     "AWS::EMR::Cluster", "AWS::KMS::Key", "AWS::SecretsManager::Secret"});

const StatefulType* stateful_type_of(const Resource& r) {
  auto it = std::find_if(kStateful.begin(), kStateful.end(),
                         [&](const StatefulType& t) { return t.type == r.type_name; });
  if (it == kStateful.end()) {
    // The resource database's own "holds data" flag covers types added after this list.
    static const StatefulType kFromSchema{"", "data", false};
    if (std::find(kNotStateful.begin(), kNotStateful.end(), r.type_name) != kNotStateful.end()) {
      return nullptr;
    }
    const schema::ResourceType* rt = schema::find_resource(r.type_name);
    return rt && rt->stateful ? &kFromSchema : nullptr;
  }
  // A DB instance inside an Aurora/Multi-AZ cluster stores nothing of its own.
  if (r.type_name == "AWS::RDS::DBInstance" && r.properties &&
      r.properties->get("DBClusterIdentifier")) {
    return nullptr;
  }
  return &*it;
}

bool supports_snapshot(std::string_view type) {
  return std::find(kSnapshotTypes.begin(), kSnapshotTypes.end(), type) != kSnapshotTypes.end();
}

void policy_values(const Template& tpl, const Node& value, std::vector<PolicyValue>& out,
                   bool& unknown, int depth) {
  if (depth > 8) {
    unknown = true;
    return;
  }
  if (value.is_scalar()) {
    out.push_back({value.text, &value});
    return;
  }
  const std::string_view fn = value.intrinsic_name();
  const Node* arg = fn.empty() ? nullptr : &value.intrinsic_arg();
  if (fn == "Fn::If" && arg->is_sequence() && arg->items.size() == 3) {
    policy_values(tpl, arg->items[1], out, unknown, depth + 1);
    policy_values(tpl, arg->items[2], out, unknown, depth + 1);
    return;
  }
  if (fn == "Ref" && arg->is_scalar()) {
    if (const Parameter* p = tpl.parameter(arg->text)) {
      bool any = false;
      if (p->default_value && p->default_value->is_scalar()) {
        out.push_back({p->default_value->text, p->default_value});
        any = true;
      }
      if (p->allowed_values && p->allowed_values->is_sequence()) {
        for (const auto& v : p->allowed_values->items) {
          if (v.is_scalar()) out.push_back({v.text, &v});
        }
        any = true;
      } else {
        unknown = true;  // any value may be passed at deploy time
      }
      if (!any) unknown = true;
      return;
    }
  }
  unknown = true;
}

}  // namespace stacklint::rules
