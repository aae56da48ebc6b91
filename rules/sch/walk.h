// Walks a resource's Properties against its schema: every object value with its object type,
// and every property value with its expected type. `Fn::If` is followed into both branches,
// `!Ref AWS::NoValue` stands for an absent value, and other intrinsic functions are visited as
// values (their result type is checked, their insides are not walked).
#pragma once

#include <string>

#include "stacklint/schema.h"
#include "stacklint/template.h"

namespace stacklint::rules {

class PropertyVisitor {
 public:
  virtual ~PropertyVisitor() = default;
  // A mapping checked against an object type. `where` is the node to report missing keys at.
  virtual void object(const Node& /*mapping*/, const schema::ObjectType& /*type*/,
                      const Node& /*where*/, const std::string& /*path*/) {}
  // A property's value (or an element of a list or map property) and its expected type.
  virtual void value(const Node& /*value*/, const schema::Property& /*property*/,
                     const schema::Type& /*expected*/, const std::string& /*path*/) {}
  // A key of a mapping that is not a property of its object type.
  virtual void unknown_key(const Entry& /*entry*/, const schema::ObjectType& /*type*/,
                           const std::string& /*path*/) {}
};

// The resource's schema when its Properties can be checked: a type the bundle knows, not
// provided by a transform (SAM types are checked by SCH001 only), in a template without macros.
const schema::ResourceType* checkable_schema(const Template& tpl, const Resource& r);

void walk_properties(const Resource& r, const schema::ResourceType& type, PropertyVisitor& v);

// `!Ref AWS::NoValue`.
bool is_no_value(const Node& n);

}  // namespace stacklint::rules
