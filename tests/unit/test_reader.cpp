#include <doctest/doctest.h>

#include <string>

#include "stacklint/reader.h"

using namespace stacklint;

namespace {

std::unique_ptr<const Document> read(std::string text) {
  return read_document(std::move(text));
}

// The 1-based line:column where a node starts, as "L:C".
std::string at(const Document& d, const Node& n) {
  const Position p = d.position(n.range.begin);
  return std::to_string(p.line) + ":" + std::to_string(p.column);
}

std::string text_of(const Document& d, const Node& n) {
  return d.text.substr(n.range.begin, n.range.end - n.range.begin);
}

bool has(const Document& d, ReadIssue::Kind kind) {
  return d.has_issue(kind);
}

}  // namespace

TEST_CASE("every short-form tag becomes its long-form intrinsic") {
  const std::pair<const char*, const char*> tags[] = {{"!Ref", "Ref"},
                                                      {"!GetAtt", "Fn::GetAtt"},
                                                      {"!Sub", "Fn::Sub"},
                                                      {"!Join", "Fn::Join"},
                                                      {"!Select", "Fn::Select"},
                                                      {"!Split", "Fn::Split"},
                                                      {"!If", "Fn::If"},
                                                      {"!Equals", "Fn::Equals"},
                                                      {"!And", "Fn::And"},
                                                      {"!Or", "Fn::Or"},
                                                      {"!Not", "Fn::Not"},
                                                      {"!Condition", "Condition"},
                                                      {"!FindInMap", "Fn::FindInMap"},
                                                      {"!Base64", "Fn::Base64"},
                                                      {"!Cidr", "Fn::Cidr"},
                                                      {"!GetAZs", "Fn::GetAZs"},
                                                      {"!ImportValue", "Fn::ImportValue"},
                                                      {"!Transform", "Fn::Transform"},
                                                      {"!ToJsonString", "Fn::ToJsonString"},
                                                      {"!Length", "Fn::Length"},
                                                      {"!Contains", "Fn::Contains"},
                                                      {"!ValueOf", "Fn::ValueOf"}};
  for (const auto& [tag, name] : tags) {
    CAPTURE(tag);
    auto d = read(std::string("V: ") + tag + " x\n");
    REQUIRE(d->root);
    const Node& v = *d->root->get("V");
    CHECK(v.is_mapping());
    CHECK(v.short_form);
    CHECK(v.intrinsic_name() == name);
    // The function name's range is the tag as written; the whole node spans tag and value.
    CHECK(text_of(*d, v.entries[0].key) == tag);
    CHECK(text_of(*d, v) == std::string(tag) + " x");
  }
}

TEST_CASE("!GetAtt splits at the first dot, with exact ranges") {
  auto d = read("V: !GetAtt Db.Endpoint.Address\n");
  const Node& arg = d->root->get("V")->intrinsic_arg();
  REQUIRE(arg.is_sequence());
  REQUIRE(arg.items.size() == 2);
  CHECK(arg.items[0].text == "Db");
  CHECK(arg.items[1].text == "Endpoint.Address");
  CHECK(text_of(*d, arg.items[0]) == "Db");
  CHECK(text_of(*d, arg.items[1]) == "Endpoint.Address");
  auto list = read("V: !GetAtt [Db, Endpoint.Address]\n");
  const Node& l = list->root->get("V")->intrinsic_arg();
  REQUIRE(l.items.size() == 2);
  CHECK(l.items[1].text == "Endpoint.Address");
}

TEST_CASE("short and long forms, YAML and JSON, read the same") {
  auto a = read("R: !Ref X\nS: !Sub [\"${A}\", {A: 1}]\n");
  auto b = read("R: {Ref: X}\nS: {Fn::Sub: [\"${A}\", {A: 1}]}\n");
  auto c = read(R"({"R": {"Ref": "X"}, "S": {"Fn::Sub": ["${A}", {"A": 1}]}})");
  for (const Document* d : {a.get(), b.get(), c.get()}) {
    REQUIRE(d->root);
    CHECK(d->root->get("R")->intrinsic_name() == "Ref");
    CHECK(d->root->get("R")->intrinsic_arg().text == "X");
    const Node& sub = d->root->get("S")->intrinsic_arg();
    REQUIRE(sub.items.size() == 2);
    CHECK(sub.items[0].text == "${A}");
    CHECK(sub.items[1].get("A")->scalar_kind == ScalarKind::Integer);
  }
  CHECK(c->format == Format::Json);
  CHECK(a->format == Format::Yaml);
}

TEST_CASE("positions: start and end of keys and values, 1-based") {
  auto d = read(
      "Resources:\n  Db:\n    Type: 'AWS::RDS::DBInstance'\n    N: 12\n"
      "    Block: |\n      line one\n      line two\n    After: x\n");
  const Node& db = *d->root->get("Resources")->get("Db");
  const Entry* type = db.find_entry("Type");
  CHECK(at(*d, type->key) == "3:5");
  CHECK(at(*d, type->value) == "3:11");
  CHECK(text_of(*d, type->value) == "'AWS::RDS::DBInstance'");
  CHECK(text_of(*d, *db.get("N")) == "12");
  const Node& block = *db.get("Block");
  CHECK(block.text == "line one\nline two\n");
  CHECK(d->position(block.range.end).line == 7);
  CHECK(text_of(*d, *db.get("After")) == "x");
  // Columns count code points, not bytes.
  auto u = read("K: \"é\"\nL: v\n");
  const Node& k = *u->root->get("K");
  CHECK(u->position(k.range.end).column == 7);
}

TEST_CASE("flow collections end at their closing bracket") {
  auto d = read("A: [1, [2, 3], {b: c}]  # trailing\nB: {}\n");
  CHECK(text_of(*d, *d->root->get("A")) == "[1, [2, 3], {b: c}]");
  CHECK(text_of(*d, *d->root->get("B")) == "{}");
}

TEST_CASE("scalar kinds follow YAML's core schema; quoted scalars are strings") {
  auto d = read("a: 1\nb: '1'\nc: 1.5\nd: true\ne: ~\nf: 2010-09-09\ng: 0x1F\nh: yes\ni:\n");
  const Node& r = *d->root;
  CHECK(r.get("a")->scalar_kind == ScalarKind::Integer);
  CHECK(r.get("b")->scalar_kind == ScalarKind::String);
  CHECK(r.get("b")->quoted);
  CHECK(r.get("c")->scalar_kind == ScalarKind::Float);
  CHECK(r.get("d")->scalar_kind == ScalarKind::Boolean);
  CHECK(r.get("e")->is_null());
  CHECK(r.get("f")->scalar_kind == ScalarKind::String);
  CHECK(r.get("g")->scalar_kind == ScalarKind::Integer);
  CHECK(r.get("h")->scalar_kind == ScalarKind::String);
  CHECK(r.get("i")->is_null());
}

TEST_CASE("duplicate keys are reported at the second key, keeping the first value") {
  auto d = read("A: 1\nB: 2\nA: 3\n");
  REQUIRE(d->issues.size() == 1);
  const ReadIssue& i = d->issues[0];
  CHECK(i.kind == ReadIssue::Kind::DuplicateKey);
  CHECK(d->position(i.range.begin).line == 3);
  CHECK(i.message.find("first defined on line 1") != std::string::npos);
  CHECK(i.logical_path == "A");
  CHECK(d->root->get("A")->text == "1");
  auto nested = read("Resources:\n  X:\n    Properties: {P: 1, P: 2}\n");
  REQUIRE(nested->issues.size() == 1);
  CHECK(nested->issues[0].logical_path == "Resources/X/Properties/P");
  auto json = read("{\"A\": 1,\n \"A\": 2}");
  REQUIRE(json->issues.size() == 1);
  CHECK(json->position(json->issues[0].range.begin).line == 2);
}

TEST_CASE("syntax errors become issues with a position, never exceptions") {
  const char* bad[] = {"A: [1, 2\n", "A: {b: 1\n",   "A:\n  - 1\n  b: 2\n", "A: \"open\n",
                       "A: 'open\n", "{\"A\": 1,,}", "A: *missing\n",       "? [a]\n: b\n"};
  for (const std::string text : bad) {
    CAPTURE(text);
    auto d = read(text);
    CHECK(has(*d, ReadIssue::Kind::Syntax));
    CHECK_FALSE(d->root);
  }
}

TEST_CASE("JSON is read strictly: what yaml-cpp would forgive is an error") {
  for (const std::string text :
       {"{\"A\": 1,,}", "{\"A\": 1,}", "{A: 1}", "{\"A\": 1} // c", "{\"A\": [1 2]}"}) {
    CAPTURE(text);
    auto d = read(text);
    REQUIRE(has(*d, ReadIssue::Kind::Syntax));
    CHECK(d->issues[0].message.starts_with("invalid JSON"));
  }
  auto d = read("{\n  \"A\": 1,\n  \"B\": ]\n}");
  REQUIRE(has(*d, ReadIssue::Kind::Syntax));
  CHECK(d->position(d->issues[0].range.begin) == Position{3, 8});
}

TEST_CASE("documents that are not templates") {
  CHECK(has(*read(""), ReadIssue::Kind::NotATemplate));
  CHECK(has(*read("  \n\n"), ReadIssue::Kind::NotATemplate));
  CHECK(has(*read("# just a comment\n"), ReadIssue::Kind::NotATemplate));
  CHECK(has(*read("- a\n- b\n"), ReadIssue::Kind::NotATemplate));
  CHECK(has(*read("scalar\n"), ReadIssue::Kind::NotATemplate));
  CHECK(has(*read(std::string("A: b\0c\n", 7)), ReadIssue::Kind::NotATemplate));
}

TEST_CASE("invalid UTF-8 is reported at the offending byte") {
  auto d = read("A: ok\nB: \xff\xfe\n");
  REQUIRE(d->issues.size() == 1);
  CHECK(d->issues[0].kind == ReadIssue::Kind::Syntax);
  CHECK(d->position(d->issues[0].range.begin).line == 2);
  CHECK(d->position(d->issues[0].range.begin).column == 4);
  CHECK(d->issues[0].message.find("UTF-8") != std::string::npos);
}

TEST_CASE("a UTF-8 byte order mark and CRLF line endings") {
  auto d = read("\xEF\xBB\xBFResources:\r\n  T:\r\n    Type: AWS::SNS::Topic\r\n");
  REQUIRE(d->root);
  CHECK(d->issues.empty());
  const Node& type = *d->root->get("Resources")->get("T")->get("Type");
  CHECK(type.text == "AWS::SNS::Topic");
  CHECK(at(*d, type) == "3:11");
  CHECK(text_of(*d, type) == "AWS::SNS::Topic");
  CHECK(d->lines.line_text(3) == "    Type: AWS::SNS::Topic");
}

TEST_CASE("JSON surrogate pairs are decoded and positions stay exact") {
  auto d = read("{\"A\": \"\\ud83d\\ude00 x\", \"B\": \"y\"}");
  REQUIRE(d->root);
  CHECK(d->root->get("A")->text == "\xF0\x9F\x98\x80 x");
  const Node& b = *d->root->get("B");
  CHECK(text_of(*d, b) == "\"y\"");
  CHECK(at(*d, b) == "1:30");
}

TEST_CASE("aliases are expanded, and an alias bomb stops at a bound") {
  auto d = read("A: &x {k: v}\nB: *x\n");
  REQUIRE(d->root);
  CHECK(d->root->get("B")->get("k")->text == "v");
  std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
  for (char c = 'b'; c <= 'j'; ++c) {
    bomb += std::string(1, c) + ": &" + c + " [";
    for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + static_cast<char>(c - 1);
    bomb += "]\n";
  }
  auto b = read(bomb);
  CHECK_FALSE(b->root);
  REQUIRE(has(*b, ReadIssue::Kind::Syntax));
  CHECK(b->issues[0].message.find("alias") != std::string::npos);
}

TEST_CASE("deep nesting is refused with a clear message, not a crash") {
  for (const std::string& text : {std::string(10000, '[') + std::string(10000, ']'), [] {
                                    std::string s = "{";
                                    for (int i = 0; i < 10000; ++i) s += "\"a\":{";
                                    return s + std::string(10001, '}');
                                  }()}) {
    auto d = read(text);
    CHECK_FALSE(d->root);
    REQUIRE(has(*d, ReadIssue::Kind::Syntax));
    CHECK(d->issues[0].message.find("deeper than 256") != std::string::npos);
  }
}

TEST_CASE("unknown tags are reported and the value kept") {
  auto d = read("A: !GetAttr X.Y\nB: !Rain::Embed f.py\n");
  REQUIRE(d->root);
  REQUIRE(d->issues.size() == 2);
  CHECK(d->issues[0].kind == ReadIssue::Kind::UnknownTag);
  CHECK(d->issues[1].message.find("rain") != std::string::npos);
  CHECK(d->root->get("A")->text == "X.Y");
}

TEST_CASE("more than one YAML document is an error") {
  auto d = read("A: 1\n---\nB: 2\n");
  REQUIRE(has(*d, ReadIssue::Kind::Syntax));
  CHECK(d->position(d->issues[0].range.begin).line == 2);
}

TEST_CASE("long-form Fn::GetAtt with a dotted string reads like the short form") {
  auto d = read_document("V: {Fn::GetAtt: Db.Endpoint.Address}\n");
  const Node& arg = d->root->get("V")->intrinsic_arg();
  REQUIRE(arg.is_sequence());
  REQUIRE(arg.items.size() == 2);
  CHECK(arg.items[0].text == "Db");
  CHECK(arg.items[1].text == "Endpoint.Address");
}
