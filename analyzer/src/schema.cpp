#include "stacklint/schema.h"

#include <algorithm>
#include <memory>
#include <mutex>
#include <nlohmann/json.hpp>
#include <stdexcept>

#include "schema_data.h"

namespace stacklint::schema {
namespace {

using json = nlohmann::json;

Type parse_type(const json& j) {
  Type t;
  if (j.is_number_integer()) {
    t.kind = Type::Kind::Object;
    t.object = j.get<int>();
    return t;
  }
  if (j.is_string()) {
    const std::string s = j.get<std::string>();
    t.kind = Type::Kind::Primitive;
    switch (s.empty() ? '?' : s[0]) {
      case 's':
        t.primitive = Primitive::String;
        break;
      case 'i':
        t.primitive = Primitive::Integer;
        break;
      case 'n':
        t.primitive = Primitive::Number;
        break;
      case 'b':
        t.primitive = Primitive::Boolean;
        break;
      case 'j':
        t.primitive = Primitive::Json;
        break;
      case 't':
        t.primitive = Primitive::Timestamp;
        break;
      case 'g':
        t.primitive = Primitive::Tag;
        break;
      default:
        throw std::runtime_error("schema bundle: unknown primitive '" + s + "'");
    }
    return t;
  }
  if (!j.is_array() || j.empty() || !j[0].is_string()) {
    throw std::runtime_error("schema bundle: malformed type " + j.dump());
  }
  const std::string tag = j[0].get<std::string>();
  if (tag == "e") {
    t.kind = Type::Kind::Enum;
    for (size_t i = 1; i < j.size(); ++i) t.allowed.push_back(j[i].get<std::string>());
    return t;
  }
  t.kind = tag == "a" ? Type::Kind::List : tag == "m" ? Type::Kind::Map : Type::Kind::Union;
  if (tag != "a" && tag != "m" && tag != "u") {
    throw std::runtime_error("schema bundle: unknown type tag '" + tag + "'");
  }
  for (size_t i = 1; i < j.size(); ++i) t.items.push_back(parse_type(j[i]));
  return t;
}

ObjectType parse_object(std::string name, const json& props) {
  ObjectType o;
  o.name = std::move(name);
  for (const auto& [key, p] : props.items()) {
    Property prop;
    prop.name = key;
    prop.type = parse_type(p.at("y"));
    prop.required = p.contains("q");
    prop.deprecated = p.contains("w");
    if (const auto r = p.find("r"); r != p.end()) {
      prop.replacement = *r == "y" ? Replacement::Always : Replacement::Conditional;
    }
    if (const auto v = p.find("v"); v != p.end()) {
      for (const auto& pt : *v) prop.previous_types.push_back(parse_type(pt));
    }
    o.properties.push_back(std::move(prop));
  }
  std::sort(o.properties.begin(), o.properties.end(),
            [](const Property& a, const Property& b) { return a.name < b.name; });
  return o;
}

std::unique_ptr<ResourceType> parse_resource(std::string_view line) {
  const json j = json::parse(line);
  auto r = std::make_unique<ResourceType>();
  r->name = j.at("t").get<std::string>();
  r->stateful = j.contains("s");
  r->transform = j.value("x", "");
  if (const auto i = j.find("i"); i != j.end())
    r->primary_identifier = i->get<std::vector<std::string>>();
  r->properties = parse_object(r->name, j.at("p"));
  for (const auto& def : j.at("d")) {
    r->definitions.push_back(parse_object(def.at(0).get<std::string>(), def.at(1)));
  }
  for (const auto& [name, t] : j.at("a").items()) r->attributes.push_back({name, parse_type(t)});
  std::sort(r->attributes.begin(), r->attributes.end(),
            [](const Attribute& a, const Attribute& b) { return a.name < b.name; });
  return r;
}

// One slot per bundle entry, filled on first use.
struct Cache {
  std::unique_ptr<std::once_flag[]> once{new std::once_flag[schema_data::kIndexSize]};
  std::unique_ptr<std::unique_ptr<ResourceType>[]> types {
    new std::unique_ptr<ResourceType>[ schema_data::kIndexSize ]
  };
};

Cache& cache() {
  static Cache c;
  return c;
}

const char* primitive_name(Primitive p) {
  switch (p) {
    case Primitive::String:
      return "String";
    case Primitive::Integer:
      return "Integer";
    case Primitive::Number:
      return "Number";
    case Primitive::Boolean:
      return "Boolean";
    case Primitive::Json:
      return "Json";
    case Primitive::Timestamp:
      return "Timestamp";
    case Primitive::Tag:
      return "Tag";
  }
  return "String";
}

}  // namespace

std::string Type::describe(const ResourceType& owner) const {
  switch (kind) {
    case Kind::Primitive:
      return primitive_name(primitive);
    case Kind::List:
      return "List of " + items[0].describe(owner);
    case Kind::Map:
      return "Map of " + items[0].describe(owner);
    case Kind::Object:
      return owner.object(*this).name;
    case Kind::Enum:
      return "String (enum)";
    case Kind::Union: {
      std::string out;
      for (const auto& t : items) out += (out.empty() ? "" : " or ") + t.describe(owner);
      return out;
    }
  }
  return "String";
}

const Property* ObjectType::property(std::string_view wanted) const {
  const auto it =
      std::lower_bound(properties.begin(), properties.end(), wanted,
                       [](const Property& p, std::string_view n) { return p.name < n; });
  return it != properties.end() && it->name == wanted ? &*it : nullptr;
}

std::vector<std::string_view> ObjectType::property_names() const {
  std::vector<std::string_view> out;
  for (const auto& p : properties) out.push_back(p.name);
  return out;
}

const Attribute* ResourceType::attribute(std::string_view attr) const {
  const auto it =
      std::lower_bound(attributes.begin(), attributes.end(), attr,
                       [](const Attribute& a, std::string_view n) { return a.name < n; });
  return it != attributes.end() && it->name == attr ? &*it : nullptr;
}

std::vector<std::string_view> ResourceType::attribute_names() const {
  std::vector<std::string_view> out;
  for (const auto& a : attributes) out.push_back(a.name);
  return out;
}

const ResourceType* find_resource(std::string_view type_name) {
  const auto* begin = schema_data::kIndex;
  const auto* end = schema_data::kIndex + schema_data::kIndexSize;
  const auto* it = std::lower_bound(
      begin, end, type_name,
      [](const schema_data::IndexEntry& e, std::string_view n) { return e.type < n; });
  if (it == end || it->type != type_name) return nullptr;
  const auto slot = static_cast<size_t>(it - begin);
  Cache& c = cache();
  std::call_once(c.once[slot], [&] {
    c.types[slot] = parse_resource(std::string_view(schema_data::kBundle + it->offset, it->length));
  });
  return c.types[slot].get();
}

std::vector<std::string_view> resource_type_names() {
  std::vector<std::string_view> out;
  out.reserve(schema_data::kIndexSize);
  for (size_t i = 0; i < schema_data::kIndexSize; ++i) out.push_back(schema_data::kIndex[i].type);
  return out;
}

std::string_view bundle_version() {
  return schema_data::kVersion;
}

}  // namespace stacklint::schema
