#include "rules/sch/value_type.h"

#include "stacklint/schema.h"

namespace stacklint::rules {
namespace {

bool list_parameter_type(std::string_view t) {
  return t.starts_with("List<") || t == "CommaDelimitedList" ||
         t.starts_with("AWS::SSM::Parameter::Value<List<") ||
         t == "AWS::SSM::Parameter::Value<CommaDelimitedList>";
}

ValueShape getatt_shape(const Template& tpl, const Node& arg) {
  std::string_view resource, attribute;
  if (arg.is_sequence() && arg.items.size() == 2 && arg.items[0].is_scalar() &&
      arg.items[1].is_scalar()) {
    resource = arg.items[0].text;
    attribute = arg.items[1].text;
  } else {
    return ValueShape::Unknown;
  }
  const Resource* r = tpl.resource(resource);
  if (!r) return ValueShape::Unknown;
  const schema::ResourceType* rt = schema::find_resource(r->type_name);
  if (!rt) return ValueShape::Unknown;
  const schema::Attribute* a = rt->attribute(attribute);
  if (!a) return ValueShape::Unknown;
  switch (a->type.kind) {
    case schema::Type::Kind::List:
      return ValueShape::List;
    case schema::Type::Kind::Primitive:
      if (a->type.primitive == schema::Primitive::String) return ValueShape::Scalar;
      if (a->type.primitive == schema::Primitive::Integer) return ValueShape::Integer;
      return ValueShape::Unknown;
    default:
      return ValueShape::Unknown;
  }
}

}  // namespace

ValueShape intrinsic_shape(const Template& tpl, const Node& call) {
  const std::string_view fn = call.intrinsic_name();
  const Node& arg = call.intrinsic_arg();
  if (fn == "Ref") {
    if (!arg.is_scalar()) return ValueShape::Unknown;
    if (const Parameter* p = tpl.parameter(arg.text)) {
      if (!p->type || !p->type->is_scalar()) return ValueShape::Unknown;
      return list_parameter_type(p->type->text) ? ValueShape::List : ValueShape::Scalar;
    }
    if (arg.text == "AWS::NotificationARNs") return ValueShape::List;
    if (arg.text.starts_with("AWS::") || tpl.resource(arg.text)) return ValueShape::Scalar;
    return ValueShape::Unknown;
  }
  if (fn == "Fn::GetAtt") return getatt_shape(tpl, arg);
  if (fn == "Fn::Sub" || fn == "Fn::Join" || fn == "Fn::Base64" || fn == "Fn::ToJsonString") {
    return ValueShape::Scalar;
  }
  if (fn == "Fn::GetAZs" || fn == "Fn::Split" || fn == "Fn::Cidr") return ValueShape::List;
  if (fn == "Fn::Length") return ValueShape::Integer;
  return ValueShape::Unknown;
}

}  // namespace stacklint::rules
