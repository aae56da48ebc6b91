#include <doctest/doctest.h>

#include <algorithm>
#include <thread>
#include <vector>

#include "stacklint/schema.h"

using namespace stacklint::schema;

TEST_CASE("the bundle covers every resource type, sorted") {
  const auto names = resource_type_names();
  CHECK(names.size() > 1500);
  CHECK(std::is_sorted(names.begin(), names.end()));
  CHECK(std::adjacent_find(names.begin(), names.end()) == names.end());
  CHECK_FALSE(bundle_version().empty());
  CHECK(find_resource("AWS::S3::Bucket") != nullptr);
  CHECK(find_resource("AWS::S3::Buckets") == nullptr);
  CHECK(find_resource("") == nullptr);
}

TEST_CASE("every type in the bundle parses") {
  for (const auto name : resource_type_names()) {
    CAPTURE(name);
    const ResourceType* rt = find_resource(name);
    REQUIRE(rt != nullptr);
    CHECK(rt->name == name);
    for (const auto& p : rt->properties.properties) {
      if (p.type.kind == Type::Kind::Object) {
        CHECK(p.type.object < static_cast<int>(rt->definitions.size()));
      }
    }
  }
}

TEST_CASE("properties: types, required, deprecation, enums") {
  const ResourceType& queue = *find_resource("AWS::SQS::Queue");
  CHECK(queue.stateful);
  const Property* delay = queue.properties.property("DelaySeconds");
  REQUIRE(delay);
  CHECK(delay->type.kind == Type::Kind::Primitive);
  CHECK(delay->type.primitive == Primitive::Integer);
  CHECK(queue.properties.property("Tags")->type.describe(queue) == "List of Tag");
  CHECK(queue.properties.property("NoSuchThing") == nullptr);

  const ResourceType& role = *find_resource("AWS::IAM::Role");
  CHECK(role.properties.property("AssumeRolePolicyDocument")->required);
  CHECK_FALSE(role.properties.property("Path")->required);

  const ResourceType& logs = *find_resource("AWS::Logs::LogGroup");
  const Property* cls = logs.properties.property("LogGroupClass");
  REQUIRE(cls->type.kind == Type::Kind::Enum);
  CHECK(std::find(cls->type.allowed.begin(), cls->type.allowed.end(), "STANDARD") !=
        cls->type.allowed.end());

  const ResourceType& cache = *find_resource("AWS::ElastiCache::CacheCluster");
  CHECK(cache.properties.property("CacheSecurityGroupNames")->deprecated);

  const ResourceType& bucket = *find_resource("AWS::S3::Bucket");
  const Property* enc = bucket.properties.property("BucketEncryption");
  REQUIRE(enc->type.kind == Type::Kind::Object);
  const ObjectType& enc_type = bucket.object(enc->type);
  CHECK(enc_type.name == "BucketEncryption");
  CHECK(enc_type.property("ServerSideEncryptionConfiguration")->required);

  const ResourceType& sam = *find_resource("AWS::Serverless::Function");
  CHECK(sam.transform == "AWS::Serverless-2016-10-31");
}

TEST_CASE("attributes, nested ones included") {
  const ResourceType& db = *find_resource("AWS::RDS::DBInstance");
  CHECK(db.attribute("Endpoint.Address") != nullptr);
  CHECK(db.attribute("Endpoint.Port") != nullptr);
  CHECK(db.attribute("Endpoint.Adress") == nullptr);
  const ResourceType& vpc = *find_resource("AWS::EC2::VPC");
  const Attribute* blocks = vpc.attribute("CidrBlockAssociations");
  REQUIRE(blocks);
  CHECK(blocks->type.kind == Type::Kind::List);
  CHECK(find_resource("AWS::SQS::Queue")->attribute_names() ==
        std::vector<std::string_view>{"Arn", "QueueName", "QueueUrl"});
}

TEST_CASE("replacement behaviour of common resource types") {
  struct Case {
    const char* type;
    const char* property;
    Replacement expected;
  };
  const Case cases[] = {
      {"AWS::S3::Bucket", "BucketName", Replacement::Always},
      {"AWS::S3::Bucket", "VersioningConfiguration", Replacement::None},
      {"AWS::RDS::DBInstance", "DBInstanceIdentifier", Replacement::Always},
      {"AWS::RDS::DBInstance", "StorageEncrypted", Replacement::Always},
      {"AWS::RDS::DBInstance", "MultiAZ", Replacement::Conditional},
      {"AWS::RDS::DBInstance", "AllocatedStorage", Replacement::None},
      {"AWS::DynamoDB::Table", "TableName", Replacement::Always},
      {"AWS::DynamoDB::Table", "KeySchema", Replacement::Always},
      {"AWS::DynamoDB::Table", "BillingMode", Replacement::None},
      {"AWS::SQS::Queue", "QueueName", Replacement::Always},
      {"AWS::SQS::Queue", "FifoQueue", Replacement::Always},
      {"AWS::SQS::Queue", "VisibilityTimeout", Replacement::None},
      {"AWS::EC2::Instance", "ImageId", Replacement::Always},
      {"AWS::EC2::Instance", "InstanceType", Replacement::Conditional},
      {"AWS::EC2::SecurityGroup", "GroupDescription", Replacement::Always},
      {"AWS::EC2::SecurityGroup", "VpcId", Replacement::Always},
      {"AWS::EFS::FileSystem", "Encrypted", Replacement::Always},
      {"AWS::Lambda::Function", "FunctionName", Replacement::Always},
      {"AWS::Lambda::Function", "MemorySize", Replacement::None},
      {"AWS::Logs::LogGroup", "LogGroupName", Replacement::Always},
      {"AWS::ElastiCache::ReplicationGroup", "Engine", Replacement::Always},
      {"AWS::IAM::Role", "RoleName", Replacement::Always},
      {"AWS::SNS::Topic", "TopicName", Replacement::Always},
  };
  for (const auto& c : cases) {
    CAPTURE(c.type);
    CAPTURE(c.property);
    const ResourceType* rt = find_resource(c.type);
    REQUIRE(rt);
    const Property* p = rt->properties.property(c.property);
    REQUIRE(p);
    CHECK(p->replacement == c.expected);
  }
}

TEST_CASE("lookups from many threads return one schema per type") {
  std::vector<const ResourceType*> seen(8, nullptr);
  std::vector<std::thread> threads;
  for (size_t i = 0; i < seen.size(); ++i) {
    threads.emplace_back([&seen, i] { seen[i] = find_resource("AWS::EC2::LaunchTemplate"); });
  }
  for (auto& t : threads) t.join();
  for (const auto* s : seen) CHECK(s == seen[0]);
  CHECK(seen[0] != nullptr);
}
