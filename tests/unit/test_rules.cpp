#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <regex>
#include <set>
#include <string>

#include "rules/dat/stateful.h"
#include "stacklint/diff.h"
#include "stacklint/linter.h"
#include "stacklint/reader.h"
#include "stacklint/registry.h"
#include "support/fixture_check.h"

using namespace stacklint;
namespace fs = std::filesystem;

TEST_CASE("the registry is sorted by id, ids and names are unique and well-formed") {
  const std::regex id_form("(PAR|SCH|REF|SEC|NET|DAT|IAM|CHG)[0-9]{3}");
  const std::regex name_form("[a-z0-9]+(-[a-z0-9]+)*");
  std::set<std::string_view> names;
  std::string_view previous;
  for (const Rule* r : all_rules()) {
    const RuleMeta& m = r->meta();
    CAPTURE(m.id);
    CHECK(std::regex_match(std::string(m.id), id_form));
    CHECK(std::regex_match(std::string(m.name), name_form));
    CHECK(names.insert(m.name).second);
    CHECK(previous < m.id);
    previous = m.id;
    CHECK_FALSE(m.summary.empty());
    for (const char* section :
         {"## What it does", "## Why is this bad?", "## Example", "## Use instead"}) {
      CHECK(m.doc.find(section) != std::string_view::npos);
    }
    CHECK(find_rule(m.id) == r);
    CHECK(find_rule(m.name) == r);
  }
  CHECK(find_rule("dat001") == find_rule("DAT001"));
  CHECK(find_rule("NOPE999") == nullptr);
}

namespace {
// The first ```yaml block after `heading` in a rule's doc.
std::string doc_example(std::string_view doc, std::string_view heading) {
  const auto h = doc.find(heading);
  if (h == std::string_view::npos) return {};
  const auto open = doc.find("```yaml\n", h);
  if (open == std::string_view::npos) return {};
  const auto close = doc.find("```", open + 8);
  return std::string(doc.substr(open + 8, close - open - 8));
}

size_t count(const LintResult& r, std::string_view id) {
  size_t n = 0;
  for (const auto& f : r.findings) n += f.rule->id == id;
  return n;
}
}  // namespace

TEST_CASE("documentation examples: Example is flagged, Use instead is not") {
  for (const Rule* r : all_rules()) {
    const RuleMeta& m = r->meta();
    CAPTURE(m.id);
    const std::string bad = doc_example(m.doc, "## Example");
    const std::string good = doc_example(m.doc, "## Use instead");
    REQUIRE_FALSE(bad.empty());
    REQUIRE_FALSE(good.empty());
    // Change rules compare with the earlier version their doc shows under "## Before".
    LintOptions options;
    if (const std::string before = doc_example(m.doc, "## Before"); !before.empty()) {
      options.compare_to = read_document(before);
    }
    CHECK(count(lint_buffer(bad, "example.yaml", options), m.id) > 0);
    CHECK(count(lint_buffer(good, "use-instead.yaml", options), m.id) == 0);
  }
}

TEST_CASE("every rule has a positive and a negative fixture") {
  const fs::path root = fs::path(STACKLINT_SOURCE_DIR) / "fixtures";
  for (const Rule* r : all_rules()) {
    const std::string id(r->meta().id);
    CAPTURE(id);
    const fs::path dir = root / id;
    REQUIRE(fs::is_directory(dir));
    bool positive = false, negative = false;
    for (const auto& entry : fs::directory_iterator(dir)) {
      if (entry.path().extension() == ".expect") continue;
      if (entry.path().string().find(".old.") != std::string::npos) continue;
      std::vector<std::string> errors;
      std::ifstream in(entry.path());
      const std::string text((std::istreambuf_iterator<char>(in)), {});
      bool expects = false;
      for (const auto& e : testing::read_expectations(entry.path().string(), text, errors)) {
        expects = expects || e.rule == id;
      }
      (expects ? positive : negative) = true;
    }
    CHECK(positive);
    CHECK(negative);
  }
}

TEST_CASE("the stateful types in DAT001's documentation match the list the rules use") {
  const std::string_view doc = find_rule("DAT001")->meta().doc;
  for (const auto& t : rules::stateful_types()) {
    CAPTURE(t.type);
    std::string quoted(1, '`');
    quoted.append(t.type).push_back('`');
    CHECK(doc.find(quoted) != std::string_view::npos);
  }
}

TEST_CASE("the fixture checker fails on a wrong line and on a missing or extra finding") {
  const std::string tpl = "Resources:\n  B:\n    Type: AWS::S3::Bucket\n";
  // Missing expectations: two unexpected findings.
  CHECK(testing::check_fixture("x.yaml", tpl).size() == 2);
  // Right rules, right line.
  CHECK(testing::check_fixture("x.yaml",
                               "Resources:\n  B:  # expect: DAT001, DAT002\n"
                               "    Type: AWS::S3::Bucket\n")
            .empty());
  // Right rules, wrong line: each is both unexpected and missing.
  CHECK(testing::check_fixture("x.yaml",
                               "Resources:  # expect: DAT001, DAT002\n  B:\n"
                               "    Type: AWS::S3::Bucket\n")
            .size() == 4);
  // expect+N counts lines below.
  CHECK(testing::check_fixture("x.yaml",
                               "# expect+2: DAT001, DAT002\nResources:\n  B:\n"
                               "    Type: AWS::S3::Bucket\n")
            .empty());
}

TEST_CASE("diff names the nested member that forces a replacement") {
  const auto before = read_document(R"(Resources:
  Group: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: old, VpcId: vpc-1}}
  Kafka:
    Type: AWS::MSK::Cluster
    Properties:
      BrokerNodeGroupInfo: {InstanceType: kafka.m5.large, ClientSubnets: [subnet-1, subnet-2]}
  Audit:
    Type: AWS::MSK::Cluster
    Properties:
      BrokerNodeGroupInfo: {InstanceType: kafka.m5.large, ClientSubnets: [subnet-1], SecurityGroups: [!Ref Group]}
  Resized:
    Type: AWS::MSK::Cluster
    Properties:
      BrokerNodeGroupInfo: {InstanceType: kafka.m5.large, ClientSubnets: [subnet-1]}
  Both:
    Type: AWS::MSK::Cluster
    Properties:
      BrokerNodeGroupInfo: {InstanceType: kafka.m5.large, ClientSubnets: [subnet-1]}
)");
  const auto after = read_document(R"(Resources:
  Group: {Type: AWS::EC2::SecurityGroup, Properties: {GroupDescription: new, VpcId: vpc-1}}
  Kafka:
    Type: AWS::MSK::Cluster
    Properties:
      BrokerNodeGroupInfo: {InstanceType: kafka.m5.large, ClientSubnets: [subnet-1, subnet-3]}
  Audit:
    Type: AWS::MSK::Cluster
    Properties:
      BrokerNodeGroupInfo: {InstanceType: kafka.m5.large, ClientSubnets: [subnet-1], SecurityGroups: [!Ref Group]}
  Resized:
    Type: AWS::MSK::Cluster
    Properties:
      BrokerNodeGroupInfo: {InstanceType: kafka.m5.xlarge, ClientSubnets: [subnet-1]}
  Both:
    Type: AWS::MSK::Cluster
    Properties:
      BrokerNodeGroupInfo:
        InstanceType: kafka.m5.xlarge
        ClientSubnets: [subnet-1]
        StorageInfo: {EBSStorageInfo: {VolumeSize: 100}}
)");
  const Template o(*before), n(*after);
  std::map<std::string, ResourceChange> by_id;
  for (auto& c : diff_templates(o, n)) by_id.emplace(c.id, c);
  REQUIRE(by_id.count("Kafka"));
  REQUIRE(by_id.at("Kafka").changes.size() == 1);
  const PropertyChange& subnets = by_id.at("Kafka").changes[0];
  CHECK(subnets.property == "BrokerNodeGroupInfo.ClientSubnets");
  CHECK(subnets.old_value == "['subnet-1','subnet-2']");
  CHECK(subnets.new_value == "['subnet-1','subnet-3']");
  CHECK(subnets.replacement == 2);
  CHECK(by_id.at("Kafka").kind == ResourceChange::Kind::Replaced);
  // A replaced security group changes the nested SecurityGroups member: replaced too.
  REQUIRE(by_id.count("Audit"));
  CHECK(by_id.at("Audit").kind == ResourceChange::Kind::Replaced);
  // The instance type is updatable in place.
  REQUIRE(by_id.count("Resized"));
  CHECK(by_id.at("Resized").kind == ResourceChange::Kind::Modified);
  // One member changed: the diff names it and shows its values.
  CHECK(by_id.at("Resized").changes.at(0).property == "BrokerNodeGroupInfo.InstanceType");
  CHECK(by_id.at("Resized").changes.at(0).old_value == "kafka.m5.large");
  CHECK(by_id.at("Resized").changes.at(0).new_value == "kafka.m5.xlarge");
  CHECK(by_id.at("Resized").changes.at(0).replacement == 0);
  // Several members changed: the whole property is shown.
  REQUIRE(by_id.count("Both"));
  CHECK(by_id.at("Both").changes.at(0).property == "BrokerNodeGroupInfo");
  CHECK(by_id.at("Both").kind == ResourceChange::Kind::Modified);
}
