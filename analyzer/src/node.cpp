#include "stacklint/node.h"

#include <array>
#include <utility>

namespace stacklint {

const Entry* Node::find_entry(std::string_view key) const {
  if (kind != NodeKind::Mapping) return nullptr;
  for (const auto& e : entries) {
    if (e.key.text == key) return &e;
  }
  return nullptr;
}

const Node* Node::get(std::string_view key) const {
  const Entry* e = find_entry(key);
  return e ? &e->value : nullptr;
}

std::string_view Node::intrinsic_name() const {
  if (kind != NodeKind::Mapping || entries.size() != 1) return {};
  const std::string& k = entries.front().key.text;
  if (k == "Ref" || k == "Condition" || k.starts_with("Fn::")) return k;
  return {};
}

const Node& Node::intrinsic_arg() const {
  return entries.front().value;
}

std::string_view Node::describe() const {
  switch (kind) {
    case NodeKind::Sequence:
      return "a list";
    case NodeKind::Mapping:
      return intrinsic_name().empty() ? "a mapping" : "an intrinsic function";
    case NodeKind::Scalar:
      break;
  }
  switch (scalar_kind) {
    case ScalarKind::String:
      return "a string";
    case ScalarKind::Integer:
      return "an integer";
    case ScalarKind::Float:
      return "a number";
    case ScalarKind::Boolean:
      return "a boolean";
    case ScalarKind::Null:
      return "null";
  }
  return "a value";
}

std::string_view intrinsic_for_tag(std::string_view tag) {
  static constexpr std::array<std::pair<std::string_view, std::string_view>, 26> kTags{{
      {"!Ref", "Ref"},
      {"!Condition", "Condition"},
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
      {"!FindInMap", "Fn::FindInMap"},
      {"!Base64", "Fn::Base64"},
      {"!Cidr", "Fn::Cidr"},
      {"!GetAZs", "Fn::GetAZs"},
      {"!ImportValue", "Fn::ImportValue"},
      {"!Transform", "Fn::Transform"},
      {"!ToJsonString", "Fn::ToJsonString"},
      {"!Length", "Fn::Length"},
      // Functions of the Rules section.
      {"!Contains", "Fn::Contains"},
      {"!EachMemberEquals", "Fn::EachMemberEquals"},
      {"!EachMemberIn", "Fn::EachMemberIn"},
      {"!RefAll", "Fn::RefAll"},
      {"!ValueOf", "Fn::ValueOf"},
      {"!ValueOfAll", "Fn::ValueOfAll"},
  }};
  for (const auto& [t, name] : kTags) {
    if (t == tag) return name;
  }
  return {};
}

}  // namespace stacklint
