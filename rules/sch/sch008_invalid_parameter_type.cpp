#include <array>

#include "rules/common.h"
#include "stacklint/suggest.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "SCH008",
                         .name = "invalid-parameter-type",
                         .severity = Severity::Error,
                         .summary = "A parameter's Type is not a CloudFormation parameter type",
                         .doc = R"md(
## What it does
Reports a parameter whose `Type` is not one CloudFormation accepts: `String`, `Number`,
`List<Number>`, `CommaDelimitedList` (and `List<String>`, which CloudFormation accepts as
its synonym), the AWS-specific types (`AWS::EC2::VPC::Id`,
`AWS::EC2::Subnet::Id`, `AWS::EC2::SecurityGroup::Id`, `AWS::EC2::KeyPair::KeyName`, ...) and
lists of them (`List<AWS::EC2::Subnet::Id>`), and the Systems Manager types
(`AWS::SSM::Parameter::Name`, `AWS::SSM::Parameter::Value<...>` of any of the former).

## Why is this bad?
CloudFormation rejects the template (`Parameter X has invalid type`).

## Example
```yaml
Parameters:
  Subnets:
    Type: List<AWS::EC2::Subnet>
Resources:
  Topic:
    Type: AWS::SNS::Topic
```

## Use instead
```yaml
Parameters:
  Subnets:
    Type: List<AWS::EC2::Subnet::Id>
Resources:
  Topic:
    Type: AWS::SNS::Topic
```
)md"};

constexpr std::array<std::string_view, 11> kAwsTypes{"AWS::EC2::AvailabilityZone::Name",
                                                     "AWS::EC2::Image::Id",
                                                     "AWS::EC2::Instance::Id",
                                                     "AWS::EC2::KeyPair::KeyName",
                                                     "AWS::EC2::SecurityGroup::GroupName",
                                                     "AWS::EC2::SecurityGroup::Id",
                                                     "AWS::EC2::Subnet::Id",
                                                     "AWS::EC2::Volume::Id",
                                                     "AWS::EC2::VPC::Id",
                                                     "AWS::Route53::HostedZone::Id",
                                                     "AWS::SSM::Parameter::Name"};

bool plain_type(std::string_view t) {
  if (t == "String" || t == "Number" || t == "CommaDelimitedList" || t == "List<Number>" ||
      t == "List<String>") {
    return true;
  }
  for (auto a : kAwsTypes) {
    if (t == a) return true;
    if (a != "AWS::SSM::Parameter::Name" && t.starts_with("List<") && t.ends_with(">") &&
        t.substr(5, t.size() - 6) == a) {
      return true;
    }
  }
  return false;
}

bool valid_type(std::string_view t) {
  constexpr std::string_view ssm = "AWS::SSM::Parameter::Value<";
  if (t.starts_with(ssm) && t.ends_with(">")) {
    const auto inner = t.substr(ssm.size(), t.size() - ssm.size() - 1);
    return inner == "String" || inner == "List<String>" ||
           (inner != "AWS::SSM::Parameter::Name" && inner != "Number" && plain_type(inner));
  }
  return plain_type(t);
}

std::vector<std::string_view> all_types() {
  static const std::vector<std::string> storage = [] {
    std::vector<std::string> v{"String",
                               "Number",
                               "List<Number>",
                               "CommaDelimitedList",
                               "AWS::SSM::Parameter::Value<String>",
                               "AWS::SSM::Parameter::Value<List<String>>"};
    for (auto a : kAwsTypes) {
      v.emplace_back(a);
      if (a != "AWS::SSM::Parameter::Name") {
        v.push_back("List<" + std::string(a) + ">");
        v.push_back("AWS::SSM::Parameter::Value<" + std::string(a) + ">");
      }
    }
    return v;
  }();
  return {storage.begin(), storage.end()};
}

class InvalidParameterType final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    if (tpl.has_rain_directives()) return;  // rain modules have parameter types of their own
    for (const auto& p : tpl.parameters()) {
      if (!p.type || !p.type->is_scalar() || p.type->is_null()) continue;  // PAR007
      if (valid_type(p.type->text)) continue;
      std::string msg = fmt::format("parameter {} has Type '{}', which is not a parameter type",
                                    p.name, p.type->text);
      const auto types = all_types();
      if (const auto hint = closest_match(p.type->text, types); !hint.empty()) {
        msg += fmt::format("; did you mean '{}'?", hint);
      }
      report(out, kMeta, *p.type, path_join(p.path, "Type"), std::move(msg));
    }
  }
};

}  // namespace

const Rule& sch008() {
  static const InvalidParameterType rule;
  return rule;
}

}  // namespace stacklint::rules
