// Resource schemas: what every CloudFormation resource type accepts (properties, their types,
// whether they are required, whether changing them replaces the resource, deprecation, allowed
// values) and which attributes `Fn::GetAtt` can read. The data is AWS's own resource database
// (npm @aws-cdk/aws-service-spec), reduced and embedded in the binary (see schemas/README.md);
// a type is parsed the first time it is looked up, so start-up costs nothing.
#pragma once

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace stacklint::schema {

enum class Primitive : uint8_t { String, Integer, Number, Boolean, Json, Timestamp, Tag };

struct Type {
  enum class Kind : uint8_t { Primitive, List, Map, Object, Union, Enum };
  Kind kind = Kind::Primitive;
  Primitive primitive = Primitive::String;  // Kind::Primitive
  int object = -1;                          // Kind::Object: index into ResourceType::definitions
  std::vector<Type> items;                  // List/Map: one element type; Union: alternatives
  std::vector<std::string> allowed;         // Kind::Enum: the allowed strings

  // "String", "List of Integer", "Map of String", "BucketEncryption", ...
  std::string describe(const struct ResourceType& owner) const;
};

enum class Replacement : uint8_t {
  None,         // updated in place (or with an interruption)
  Always,       // changing the property replaces the resource
  Conditional,  // it may replace the resource, depending on other values
};

struct Property {
  std::string name;
  Type type;
  std::vector<Type> previous_types;  // types accepted by earlier versions of the schema
  bool required = false;
  bool deprecated = false;
  Replacement replacement = Replacement::None;
};

struct ObjectType {
  std::string name;
  std::vector<Property> properties;  // sorted by name

  const Property* property(std::string_view name) const;
  std::vector<std::string_view> property_names() const;
};

struct Attribute {
  std::string name;  // may contain dots: "Endpoint.Address"
  Type type;
};

struct ResourceType {
  std::string name;
  ObjectType properties;                // the resource's own properties
  std::vector<ObjectType> definitions;  // property types, referenced by Type::object
  std::vector<Attribute> attributes;    // sorted by name
  std::vector<std::string> primary_identifier;
  std::string transform;  // the transform that provides the type (SAM), empty for CloudFormation's
  bool stateful = false;

  const Attribute* attribute(std::string_view name) const;
  std::vector<std::string_view> attribute_names() const;
  const ObjectType& object(const Type& t) const {
    return definitions[static_cast<size_t>(t.object)];
  }
};

// The schema of a resource type, or nullptr when the bundle does not know it. Thread-safe;
// the returned schema lives as long as the program.
const ResourceType* find_resource(std::string_view type_name);

// Every resource type the bundle knows, sorted.
std::vector<std::string_view> resource_type_names();

// The version of @aws-cdk/aws-service-spec the bundle was generated from.
std::string_view bundle_version();

}  // namespace stacklint::schema
