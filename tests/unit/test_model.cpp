#include <doctest/doctest.h>

#include "stacklint/registry.h"
#include "stacklint/selection.h"
#include "stacklint/suggest.h"
#include "stacklint/template.h"

using namespace stacklint;

TEST_CASE("the template model exposes every section with logical paths") {
  auto doc = read_document(R"(AWSTemplateFormatVersion: "2010-09-09"
Description: d
Metadata: {m: 1}
Transform: [AWS::Serverless-2016-10-31, AWS::LanguageExtensions]
Parameters:
  DbPassword: {Type: String, NoEcho: true, Default: x, AllowedValues: [x]}
Mappings:
  M: {k: {v: 1}}
Conditions:
  C: !Equals [a, b]
Rules:
  R: {Assertions: []}
Resources:
  Database:
    Type: AWS::RDS::DBInstance
    Condition: C
    DependsOn: [Other]
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Retain
    Metadata: {x: 1}
    CreationPolicy: {}
    UpdatePolicy: {}
    Properties:
      MasterUserPassword: !Ref DbPassword
  Fn::ForEach::Loop: [X, [a], {}]
  Other:
    Type: AWS::SNS::Topic
Outputs:
  Endpoint:
    Value: !GetAtt Database.Endpoint.Address
    Export: {Name: e}
    Condition: C
)");
  const Template t(*doc);
  CHECK(t.format_version()->text == "2010-09-09");
  CHECK(t.description()->text == "d");
  CHECK(t.metadata()->is_mapping());
  CHECK(t.has_transform("AWS::LanguageExtensions"));
  CHECK_FALSE(t.has_macro_transform());
  REQUIRE(t.parameters().size() == 1);
  const Parameter& p = t.parameters()[0];
  CHECK(p.path == "Parameters/DbPassword");
  CHECK(p.no_echo->text == "true");
  CHECK(p.default_value->text == "x");
  CHECK(p.allowed_values->is_sequence());
  CHECK(t.mappings()[0].path == "Mappings/M");
  CHECK(t.conditions()[0].path == "Conditions/C");
  CHECK(t.rules()[0].path == "Rules/R");
  REQUIRE(t.resources().size() == 2);  // the ForEach loop is not a resource
  const Resource& db = *t.resource("Database");
  CHECK(db.path == "Resources/Database");
  CHECK(db.type_name == "AWS::RDS::DBInstance");
  CHECK(db.condition->text == "C");
  CHECK(db.depends_on->is_sequence());
  CHECK(db.deletion_policy->text == "Snapshot");
  CHECK(db.update_replace_policy->text == "Retain");
  CHECK(db.metadata);
  CHECK(db.creation_policy);
  CHECK(db.update_policy);
  CHECK(path_join(path_join(db.path, "Properties"), "MasterUserPassword") ==
        "Resources/Database/Properties/MasterUserPassword");
  CHECK(db.properties->get("MasterUserPassword")->intrinsic_name() == "Ref");
  REQUIRE(t.outputs().size() == 1);
  CHECK(t.outputs()[0].path == "Outputs/Endpoint");
  CHECK(t.outputs()[0].output_value->intrinsic_name() == "Fn::GetAtt");
  CHECK(t.outputs()[0].export_->get("Name"));
  CHECK(t.outputs()[0].condition->text == "C");
}

TEST_CASE("the model tolerates sections of the wrong shape") {
  auto doc = read_document("Resources: [a]\nParameters: 3\nOutputs:\n  O: 1\n");
  const Template t(*doc);
  CHECK(t.resources().empty());
  CHECK(t.parameters().empty());
  REQUIRE(t.outputs().size() == 1);
  CHECK(t.outputs()[0].output_value == nullptr);
  auto none = read_document("- a\n");
  const Template n(*none);
  CHECK(n.sections().empty());
}

TEST_CASE("macro transforms are recognised") {
  auto doc = read_document("Transform: Count\nResources: {}\n");
  CHECK(Template(*doc).has_macro_transform());
  auto include = read_document("Transform: {Name: AWS::Include, Parameters: {}}\nResources: {}\n");
  CHECK(Template(*include).has_transform("AWS::Include"));
}

TEST_CASE("did-you-mean suggestions") {
  const std::string_view sections[] = {"Resources", "Outputs", "Parameters"};
  CHECK(closest_match("Output", sections) == "Outputs");
  CHECK(closest_match("resources", sections) == "Resources");
  CHECK(closest_match("Paramters", sections) == "Parameters");
  CHECK(closest_match("Zebra", sections).empty());
  CHECK(edit_distance("ab", "ba") == 1);
  CHECK(edit_distance("kitten", "sitting") == 3);
}

TEST_CASE("rule selection: prefixes, names, most specific wins") {
  const RuleMeta& dat001 = find_rule("DAT001")->meta();
  const RuleMeta& dat002 = find_rule("DAT002")->meta();
  const RuleMeta& par001 = find_rule("PAR001")->meta();
  RuleSelection all;
  CHECK(all.enabled(dat001));
  RuleSelection s;
  REQUIRE(s.set(split_selectors({"dat"}), split_selectors({"DAT001"}), nullptr));
  CHECK_FALSE(s.enabled(dat001));
  CHECK(s.enabled(dat002));
  CHECK_FALSE(s.enabled(par001));
  RuleSelection specific;
  REQUIRE(specific.set(split_selectors({"DAT001"}), split_selectors({"DAT"}), nullptr));
  CHECK(specific.enabled(dat001));
  CHECK_FALSE(specific.enabled(dat002));
  RuleSelection by_name;
  REQUIRE(by_name.set({}, split_selectors({"stateful-resource-without-deletion-policy, PAR00"}),
                      nullptr));
  CHECK_FALSE(by_name.enabled(dat001));
  CHECK_FALSE(by_name.enabled(par001));
  CHECK(by_name.enabled(dat002));
  std::string error;
  RuleSelection unknown;
  CHECK_FALSE(unknown.set(split_selectors({"XYZ"}), {}, &error));
  CHECK(error.find("XYZ") != std::string::npos);
}

TEST_CASE("line index: positions and line texts") {
  const std::string text =
      "ab\r\nc\xC3\xA9"
      "d\n\nlast";
  const LineIndex idx(text);
  CHECK(idx.line_count() == 4);
  CHECK(idx.position(0) == Position{1, 1});
  CHECK(idx.position(4) == Position{2, 1});
  CHECK(idx.position(7) == Position{2, 3});  // after the two-byte é
  CHECK(idx.line_text(1) == "ab");
  CHECK(idx.line_text(4) == "last");
  CHECK(idx.position(1000) == Position{4, 5});
  uint32_t bad = 0;
  CHECK(valid_utf8("plain \xE2\x9C\x93", &bad));
  CHECK_FALSE(valid_utf8("\xC0\xAF", &bad));        // overlong
  CHECK_FALSE(valid_utf8("ok\xED\xA0\x80", &bad));  // surrogate
  CHECK(bad == 2);
}
