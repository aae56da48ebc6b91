#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <set>
#include <string>

#include "stacklint/eval.h"
#include "stacklint/parameters.h"
#include "stacklint/template.h"

using namespace stacklint;

namespace {

struct Fixture {
  std::unique_ptr<const Document> doc;
  ParameterValues params;
  std::unique_ptr<Template> tpl;
  explicit Fixture(std::string text, ParameterValues p = {}) : params(std::move(p)) {
    doc = read_document(std::move(text));
    REQUIRE(doc->root);
    tpl = std::make_unique<Template>(*doc, &params);
  }
  const Node& at(std::string_view resource, std::string_view property) const {
    const Node* n = tpl->resource(resource)->properties->get(property);
    REQUIRE(n);
    return *n;
  }
  // The displayed values of a property, with the description of when each holds.
  std::set<std::string> values(std::string_view resource, std::string_view property) const {
    std::set<std::string> out;
    Evaluator& ev = tpl->evaluator();
    for (const auto& p : ev.evaluate(at(resource, property), ev.exists(resource))) {
      out.insert(p.value.display() + " when " + ev.describe(p.when));
    }
    return out;
  }
};

const char* kHeader = R"(Parameters:
  Env: {Type: String, AllowedValues: [dev, staging, prod], Default: dev}
  Cidr: {Type: String, Default: 0.0.0.0/0}
  Subnets: {Type: CommaDelimitedList, Default: "a, b"}
  Free: {Type: String}
Mappings:
  Sizes:
    dev: {Class: small, Zones: [a, b]}
    prod: {Class: large}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
  IsDev: !Equals [dev, !Ref Env]
  NotProd: !Not [!Condition IsProd]
  ProdOrDev: !Or [!Condition IsProd, !Condition IsDev]
  Never: !And [!Condition IsProd, !Condition IsDev]
  FreeIsX: !Equals [!Ref Free, x]
)";

std::string tpl(const std::string& props) {
  return std::string(kHeader) + "Resources:\n  R:\n    Type: AWS::SNS::Topic\n    Properties:\n" +
         props;
}

}  // namespace

TEST_CASE("literals, parameters (AllowedValues, Default, open) and pseudo parameters") {
  Fixture f(
      tpl("      A: plain\n      B: !Ref Env\n      C: !Ref Cidr\n      D: !Ref Subnets\n"
          "      E: !Ref AWS::Region\n      F: !Ref AWS::NoValue\n"));
  CHECK(f.values("R", "A") == std::set<std::string>{"\"plain\" when always"});
  CHECK(f.values("R", "B") == std::set<std::string>{"\"dev\" when IsDev", "\"prod\" when IsProd",
                                                    "\"staging\" when not ProdOrDev"});
  CHECK(f.values("R", "C") ==
        std::set<std::string>{"\"0.0.0.0/0\" when Cidr = 0.0.0.0/0",
                              "\"${Cidr}\" (partly known) when Cidr is another value"});
  const auto subnets = f.values("R", "D");
  CHECK(subnets.count("[\"a\", \"b\"] when Subnets = a, b"));
  CHECK(f.values("R", "E") ==
        std::set<std::string>{"\"${AWS::Region}\" (partly known) when always"});
  CHECK(f.values("R", "F") == std::set<std::string>{"AWS::NoValue (absent) when always"});
  // The Default is marked as such.
  Evaluator& ev = f.tpl->evaluator();
  bool saw_default = false;
  for (const auto& p : ev.evaluate(f.at("R", "C"))) saw_default |= p.value.from_parameter_default;
  CHECK(saw_default);
}

TEST_CASE("Ref to a resource is an opaque value of its primary identifier") {
  Fixture f(
      tpl("      A: !Ref Bucket\n      B: !Sub \"arn:${AWS::Partition}:s3:::${Bucket}/*\"\n") +
      "  Bucket:\n    Type: AWS::S3::Bucket\n");
  Evaluator& ev = f.tpl->evaluator();
  const auto a = ev.evaluate(f.at("R", "A"));
  REQUIRE(a.size() == 1);
  CHECK_FALSE(a[0].value.is_literal());
  CHECK(a[0].value.origin == "BucketName of Bucket");
  const auto b = ev.evaluate(f.at("R", "B"));
  REQUIRE(b.size() == 1);
  CHECK(b[0].value.literal() == "arn:${AWS::Partition}:s3:::${Ref Bucket}/*");
  CHECK(b[0].value.parts[0].text == "arn:");  // a known prefix is kept
}

TEST_CASE("supplied parameter values replace the domain") {
  Fixture f(tpl("      B: !Ref Env\n      C: !If [IsProd, big, small]\n"), {{"Env", "prod"}});
  CHECK(f.values("R", "B") == std::set<std::string>{"\"prod\" when always"});
  CHECK(f.values("R", "C") == std::set<std::string>{"\"big\" when always"});
}

TEST_CASE("Fn::If is exact: impossible branches disappear") {
  Fixture f(tpl(
      "      A: !If [IsProd, !If [IsDev, impossible, prod], !If [NotProd, other, impossible2]]\n"
      "      B: !If [Never, never, always]\n"
      "      C: !If [ProdOrDev, pd, staging]\n"));
  CHECK(f.values("R", "A") ==
        std::set<std::string>{"\"prod\" when IsProd", "\"other\" when NotProd"});
  CHECK(f.values("R", "B") == std::set<std::string>{"\"always\" when always"});
  CHECK(f.values("R", "C") ==
        std::set<std::string>{"\"pd\" when ProdOrDev", "\"staging\" when not ProdOrDev"});
}

TEST_CASE("Sub, Join, Select, Split, Base64, Length, ToJsonString") {
  Fixture f(
      tpl("      A: !Sub \"${Env}-${AWS::StackName}-${!Literal}\"\n"
          "      B: !Sub [\"${X}/${Y}\", {X: !Ref Env, Y: fixed}]\n"
          "      C: !Join [\",\", [a, !Ref AWS::NoValue, b]]\n"
          "      D: !Select [1, !Split [\",\", \"x,y,z\"]]\n"
          "      E: !Base64 {\"Fn::Join\": [\"\", [\"SECRET_KEY=\", abc]]}\n"
          "      F: !Length [1, 2, 3]\n"
          "      G: !ToJsonString {b: 1, a: [x]}\n"
          "      H: !Select [0, !GetAZs \"\"]\n"
          "      I: !Join [\"-\", !Ref Subnets]\n"));
  Evaluator& ev = f.tpl->evaluator();
  auto only = [&](std::string_view prop) {
    const auto v = ev.evaluate(f.at("R", prop));
    REQUIRE(v.size() >= 1);
    return v;
  };
  const auto a = only("A");
  CHECK(a.size() == 3);
  for (const auto& p : a) CHECK(p.value.literal().ends_with("-${AWS::StackName}-${Literal}"));
  CHECK(only("B").size() == 3);
  CHECK(only("C")[0].value.literal() == "a,b");
  CHECK(only("D")[0].value.literal() == "y");
  CHECK(only("E")[0].value.literal() == "SECRET_KEY=abc");
  CHECK(only("F")[0].value.literal() == "3");
  CHECK(only("G")[0].value.literal() == "{\"b\":\"1\",\"a\":[\"x\"]}");
  CHECK_FALSE(only("H")[0].value.is_literal());
  bool joined = false;
  for (const auto& p : only("I")) joined |= p.value.is_literal() && p.value.literal() == "a-b";
  CHECK(joined);
}

TEST_CASE("FindInMap over every key value, and DefaultValue") {
  Fixture f(
      tpl("      A: !FindInMap [Sizes, !Ref Env, Class]\n"
          "      B: !FindInMap [Sizes, staging, Class, {DefaultValue: medium}]\n"
          "      C: !FindInMap [Sizes, !Ref Free, Class]\n"));
  CHECK(f.values("R", "A") ==
        std::set<std::string>{"\"small\" when IsDev", "\"large\" when IsProd"});
  CHECK(f.values("R", "B") == std::set<std::string>{"\"medium\" when always"});
  Evaluator& ev = f.tpl->evaluator();
  const auto c = ev.evaluate(f.at("R", "C"));
  REQUIRE(c.size() == 2);
  CHECK(c[0].value.approximate);
}

TEST_CASE("dynamic references are recognised, also when built") {
  Fixture f(
      tpl("      A: \"{{resolve:secretsmanager:app/db:SecretString:password}}\"\n"
          "      B: !Sub \"{{resolve:ssm-secure:/${Env}/db/password}}\"\n"
          "      C: !Join [\"\", [\"{{resolve:ssm:\", !Ref Env, \"}}\"]]\n"
          "      D: \"literal-password\"\n"));
  Evaluator& ev = f.tpl->evaluator();
  for (const char* p : {"A", "B", "C"}) {
    CAPTURE(p);
    for (const auto& v : ev.evaluate(f.at("R", p))) CHECK(v.value.is_dynamic_reference());
  }
  CHECK_FALSE(ev.evaluate(f.at("R", "D"))[0].value.is_dynamic_reference());
}

TEST_CASE("conditions: Equals against open parameters, undefined and circular conditions") {
  Fixture f(std::string(kHeader) +
            "  Loop1: !Condition Loop2\n  Loop2: !Condition Loop1\n"
            "Resources:\n  R:\n    Type: AWS::SNS::Topic\n    Properties:\n"
            "      A: !If [FreeIsX, x, notx]\n      B: !If [Loop1, a, b]\n      C: !If [Missing, "
            "a, b]\n");
  CHECK(f.values("R", "A") ==
        std::set<std::string>{"\"x\" when FreeIsX", "\"notx\" when not FreeIsX"});
  CHECK(f.values("R", "B").size() == 2);  // unknown condition: both branches possible
  CHECK(f.values("R", "C").size() == 2);
  Evaluator& ev = f.tpl->evaluator();
  CHECK_FALSE(ev.satisfiable(ev.condition("Never")));
  CHECK(ev.satisfiable(ev.condition("ProdOrDev")));
}

TEST_CASE("40 conditions over 10 parameters stay exact and cheap") {
  std::string text = "Parameters:\n";
  for (int p = 0; p < 10; ++p) {
    text += "  P" + std::to_string(p) + ": {Type: String, AllowedValues: [a, b, c, d]}\n";
  }
  text += "Conditions:\n";
  for (int c = 0; c < 40; ++c) {
    const std::string v(1, static_cast<char>('a' + c % 4));
    if (c < 10) {
      text +=
          "  C" + std::to_string(c) + ": !Equals [!Ref P" + std::to_string(c) + ", " + v + "]\n";
    } else {
      text += "  C" + std::to_string(c) + ": !Or [!Condition C" + std::to_string(c - 10) +
              ", !And [!Condition C" + std::to_string(c - 9) + ", !Not [!Condition C" +
              std::to_string(c - 1) + "]]]\n";
    }
  }
  text += "Resources:\n";
  for (int r = 0; r < 200; ++r) {
    text += "  R" + std::to_string(r) +
            ":\n    Type: AWS::SNS::Topic\n    Properties:\n      TopicName: ";
    std::string v = "leaf";
    for (int d = 0; d < 6; ++d) {
      v = "!If [C" + std::to_string((r + d * 7) % 40) + ", v" + std::to_string(d) + ", " +
          (d == 0 ? std::string("leaf") : v) + "]";
    }
    text += v + "\n";
  }
  Fixture f(text);
  Evaluator& ev = f.tpl->evaluator();
  size_t total = 0;
  for (const auto& r : f.tpl->resources()) {
    total += ev.evaluate(*r.properties->get("TopicName")).size();
  }
  CHECK(total > 200);
  CHECK_FALSE(ev.budget_exceeded());
}

TEST_CASE("a decision-diagram budget turns into unknown, never a hang") {
  const auto doc = read_document(tpl("      A: !If [IsProd, a, !If [IsDev, b, c]]\n"));
  const ParameterValues none;
  const Template t(*doc, &none);
  Evaluator ev(t, none, /*max_bdd_nodes=*/8);
  const auto v = ev.evaluate(*t.resource("R")->properties->get("A"));
  CHECK(ev.budget_exceeded());
  bool unknown = false;
  for (const auto& p : v) unknown |= p.value.kind == Value::Kind::Unknown;
  CHECK(unknown);
}

TEST_CASE("--parameters: the three forms, and errors with positions") {
  const std::string dir = "/tmp/stacklint-params-test";
  std::filesystem::create_directories(dir);
  auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir + "/" + name) << text;
    return dir + "/" + name;
  };
  ParameterValues v;
  std::string error;
  REQUIRE(load_parameters(write("cli.json", R"([{"ParameterKey": "Env", "ParameterValue": "prod"},
    {"ParameterKey": "Old", "UsePreviousValue": true}])"),
                          v, &error));
  CHECK(v.at("Env") == "prod");
  CHECK_FALSE(v.count("Old"));
  REQUIRE(load_parameters(
      write("cp.json", R"({"Parameters": {"Size": "large", "Zones": ["a", "b"]}})"), v, &error));
  CHECK(v.at("Size") == "large");
  CHECK(v.at("Zones") == "a,b");
  REQUIRE(load_parameters(write("kv.txt", "A=1\nB=two words=ok\n"), v, &error));
  CHECK(v.at("A") == "1");
  REQUIRE(load_parameters("Inline=value", v, &error));
  CHECK(v.at("Inline") == "value");
  CHECK_FALSE(load_parameters(write("bad.json", "[\n  {\"ParameterKey\": \"A\",,}\n]"), v, &error));
  CHECK(error.find("bad.json:2:") != std::string::npos);
  CHECK_FALSE(load_parameters(write("bad.txt", "A=1\njunk\n"), v, &error));
  CHECK(error.find("bad.txt:2:1") != std::string::npos);
  CHECK_FALSE(load_parameters("/no/such/file", v, &error));
  std::filesystem::remove_all(dir);
}
