#include "rules/common.h"
#include "rules/dat/stateful.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "DAT001",
                         .name = "stateful-resource-without-deletion-policy",
                         .severity = Severity::Warning,
                         .summary = "A resource that holds data has no DeletionPolicy",
                         .doc = R"md(
## What it does
Reports a resource that holds data and has no `DeletionPolicy`, so CloudFormation's default,
`Delete`, applies: deleting the stack, or removing the resource from the template, deletes the
data with it.

Resource types that hold data (the list is kept in `rules/dat/stateful.cpp`):
`AWS::AmazonMQ::Broker`, `AWS::Backup::BackupVault`, `AWS::Cassandra::Keyspace`,
`AWS::Cassandra::Table`, `AWS::Cognito::UserPool`, `AWS::DocDB::DBCluster`,
`AWS::DocDBElastic::Cluster`, `AWS::DynamoDB::GlobalTable`, `AWS::DynamoDB::Table`,
`AWS::EC2::Volume`, `AWS::ECR::Repository`, `AWS::EFS::FileSystem`,
`AWS::ElastiCache::CacheCluster`, `AWS::ElastiCache::ReplicationGroup`,
`AWS::ElastiCache::ServerlessCache`, `AWS::Elasticsearch::Domain`, `AWS::FSx::FileSystem`,
`AWS::Kinesis::Stream`, `AWS::Logs::LogGroup`, `AWS::MemoryDB::Cluster`, `AWS::MSK::Cluster`,
`AWS::Neptune::DBCluster`, `AWS::OpenSearchServerless::Collection`,
`AWS::OpenSearchService::Domain`, `AWS::QLDB::Ledger`, `AWS::RDS::DBCluster`,
`AWS::RDS::DBInstance`, `AWS::RDS::GlobalCluster`, `AWS::Redshift::Cluster`, `AWS::S3::Bucket`,
`AWS::S3Express::DirectoryBucket`, `AWS::SDB::Domain`, `AWS::SQS::Queue`, `AWS::Organizations::Account`,
`AWS::Timestream::Database`, `AWS::Timestream::Table`.

Also every other type that AWS's resource database marks as holding data, except cluster
members (`AWS::DocDB::DBInstance`, `AWS::Neptune::DBInstance`), nested stacks, EMR clusters, and
KMS keys and Secrets Manager secrets, whose deletion waits 7 to 30 days and can be cancelled.

Not reported, because CloudFormation already keeps a snapshot by default: `AWS::RDS::DBCluster`,
and `AWS::RDS::DBInstance` without `DBClusterIdentifier`. An RDS instance that is a member of a
cluster holds no data of its own and is never reported.

## Why is this bad?
One mistaken `delete-stack`, or a refactoring that moves a table to another template, and the
data is gone. An explicit policy also documents the intent for reviewers.

## Example
```yaml
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      KeySchema: [{AttributeName: id, KeyType: HASH}]
```

## Use instead
```yaml
Resources:
  Orders:
    Type: AWS::DynamoDB::Table
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      KeySchema: [{AttributeName: id, KeyType: HASH}]
```
)md"};

class NoDeletionPolicy final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    for (const auto& r : tpl.resources()) {
      if (r.deletion_policy) continue;
      const StatefulType* t = stateful_type_of(r);
      if (!t || t->default_snapshot_on_delete) continue;
      report(
          out, kMeta, *r.key, r.path,
          fmt::format("{} has no DeletionPolicy: deleting the stack or removing the resource "
                      "deletes its {}; set DeletionPolicy to Retain{}",
                      describe(r), t->holds, supports_snapshot(r.type_name) ? " or Snapshot" : ""));
    }
  }
};

}  // namespace

const Rule& dat001() {
  static const NoDeletionPolicy rule;
  return rule;
}

}  // namespace stacklint::rules
