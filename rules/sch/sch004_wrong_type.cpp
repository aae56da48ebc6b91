#include <algorithm>
#include <cctype>
#include <cstdlib>

#include "rules/common.h"
#include "rules/sch/value_type.h"
#include "rules/sch/walk.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "SCH004",
                         .name = "wrong-value-type",
                         .severity = Severity::Error,
                         .summary = "A property's value has the wrong type",
                         .doc = R"md(
## What it does
Checks each property value against the type the schema gives it: string, integer, number,
boolean, list, map, or a nested object. Intrinsic functions are checked by what they yield:
`!Ref` to a `List<...>` or `CommaDelimitedList` parameter, `!GetAZs`, `!Split` and `!Cidr`
yield lists; `!Sub`, `!Join` and other `!Ref`s yield strings; `!GetAtt` yields the attribute's
type; both branches of `!If` are checked.

CloudFormation's own coercions are not errors: a number or boolean written as a string
(`Port: "5432"`, `Enabled: "true"`), or a number where a string is expected. Neither is a local
path where `aws cloudformation package` uploads an artifact (`Code: ./src` on a Lambda
function, `Content` of a layer, `BodyS3Location` of an API, ...).

## Why is this bad?
CloudFormation rejects the resource at deploy time (`Value of property X must be of type
List of String`). A scalar where a list belongs is a classic: `SecurityGroupIds: sg-123`.

## Example
```yaml
Resources:
  Queue:
    Type: AWS::SQS::Queue
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      DelaySeconds: five
      Tags: {Key: team, Value: payments}
```

## Use instead
```yaml
Resources:
  Queue:
    Type: AWS::SQS::Queue
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
    Properties:
      DelaySeconds: 5
      Tags:
        - {Key: team, Value: payments}
```
)md"};

using schema::Primitive;
using schema::Type;

bool integer_text(std::string_view s) {
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) {
    return std::isdigit(static_cast<unsigned char>(c));
  });
}

bool number_text(std::string_view s) {
  if (s.empty()) return false;
  char* end = nullptr;
  const std::string copy(s);
  std::strtod(copy.c_str(), &end);
  return end && *end == '\0';
}

bool boolean_text(std::string_view s) {
  std::string l(s);
  for (auto& c : l) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return l == "true" || l == "false";
}

// Whether `n` can be a value of type `t` (elements and nested objects are checked separately).
bool accepts(const Template& tpl, const Type& t, const Node& n) {
  if (t.kind == Type::Kind::Union) {
    return std::any_of(t.items.begin(), t.items.end(),
                       [&](const Type& alt) { return accepts(tpl, alt, n); });
  }
  const bool json = t.kind == Type::Kind::Primitive && t.primitive == Primitive::Json;
  if (json) return true;
  const bool scalar_expected = t.kind == Type::Kind::Enum ||
                               (t.kind == Type::Kind::Primitive && t.primitive != Primitive::Tag);
  const bool list_expected = t.kind == Type::Kind::List;
  if (!n.intrinsic_name().empty()) {
    switch (intrinsic_shape(tpl, n)) {
      case ValueShape::List:
        return list_expected;
      case ValueShape::Scalar:
      case ValueShape::Integer:
        return scalar_expected;
      case ValueShape::Unknown:
        return true;
    }
  }
  if (n.is_sequence()) return list_expected;
  if (n.is_mapping()) {
    return t.kind == Type::Kind::Object || t.kind == Type::Kind::Map ||
           (t.kind == Type::Kind::Primitive && t.primitive == Primitive::Tag);
  }
  // A scalar.
  if (!scalar_expected) return false;
  if (n.is_null()) return false;
  if (t.kind == Type::Kind::Enum) return true;  // SCH005 checks the value
  switch (t.primitive) {
    case Primitive::Integer:
      return n.scalar_kind == ScalarKind::Integer ||
             (n.scalar_kind == ScalarKind::String && integer_text(n.text));
    case Primitive::Number:
      return n.scalar_kind == ScalarKind::Integer || n.scalar_kind == ScalarKind::Float ||
             (n.scalar_kind == ScalarKind::String && number_text(n.text));
    case Primitive::Boolean:
      return n.scalar_kind == ScalarKind::Boolean ||
             (n.scalar_kind == ScalarKind::String && boolean_text(n.text));
    default:
      return true;  // strings accept numbers and booleans
  }
}

std::string shown(const Node& n) {
  if (!n.intrinsic_name().empty()) return std::string(n.intrinsic_name());
  if (n.is_scalar() && !n.is_null() && n.text.size() <= 40) {
    return fmt::format("{} '{}'", n.describe(), n.text);
  }
  return std::string(n.describe());
}

// Properties that `aws cloudformation package` (and `sam package`) replace with an S3 location:
// before packaging, a local path string stands there.
bool packageable(std::string_view type, std::string_view property) {
  static constexpr std::pair<std::string_view, std::string_view> kPackaged[] = {
      {"AWS::Lambda::Function", "Code"},
      {"AWS::Lambda::LayerVersion", "Content"},
      {"AWS::ApiGateway::RestApi", "BodyS3Location"},
      {"AWS::ApiGatewayV2::Api", "BodyS3Location"},
      {"AWS::AppSync::GraphQLSchema", "DefinitionS3Location"},
      {"AWS::ElasticBeanstalk::ApplicationVersion", "SourceBundle"},
      {"AWS::StepFunctions::StateMachine", "DefinitionS3Location"},
      {"AWS::CodeCommit::Repository", "Code"},
  };
  for (const auto& [t, p] : kPackaged) {
    if (t == type && p == property) return true;
  }
  return false;
}

class Visitor final : public PropertyVisitor {
 public:
  Visitor(const Template& tpl, const Resource& r, const schema::ResourceType& rt, Sink& out)
      : tpl_(tpl), r_(r), rt_(rt), out_(out) {}
  void value(const Node& n, const schema::Property& p, const Type& t,
             const std::string& path) override {
    if (accepts(tpl_, t, n)) return;
    if (&t == &p.type && n.is_string() && packageable(r_.type_name, p.name)) return;
    // Types an earlier schema version accepted are fine too (for the property itself).
    if (&t == &p.type && std::any_of(p.previous_types.begin(), p.previous_types.end(),
                                     [&](const Type& pt) { return accepts(tpl_, pt, n); })) {
      return;
    }
    // The property's path below Properties ("Tags/0/Key").
    const std::string where = path.substr(std::min(path.size(), r_.path.size() + 12));
    std::string msg;
    if (n.intrinsic_name().empty()) {
      msg = fmt::format("{} of {} must be {}, not {}", where, r_.name, t.describe(rt_), shown(n));
    } else {
      msg = fmt::format("{} of {} must be {}, but {} yields a {}", where, r_.name, t.describe(rt_),
                        n.intrinsic_name(),
                        intrinsic_shape(tpl_, n) == ValueShape::List ? "list" : "single value");
    }
    report(out_, kMeta, n, path, std::move(msg));
  }

 private:
  const Template& tpl_;
  const Resource& r_;
  const schema::ResourceType& rt_;
  Sink& out_;
};

class WrongType final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    for (const auto& r : tpl.resources()) {
      const schema::ResourceType* rt = checkable_schema(tpl, r);
      if (!rt) continue;
      Visitor v(tpl, r, *rt, out);
      walk_properties(r, *rt, v);
    }
  }
};

}  // namespace

const Rule& sch004() {
  static const WrongType rule;
  return rule;
}

}  // namespace stacklint::rules
