#include "rules/sch/walk.h"

namespace stacklint::rules {
namespace {

using schema::Type;

// The database types tags as a primitive; this is their shape: {Key, Value}, both required.
const schema::ObjectType& tag_type() {
  static const schema::ObjectType kTag = [] {
    schema::ObjectType t;
    t.name = "Tag";
    for (const char* name : {"Key", "Value"}) {
      schema::Property p;
      p.name = name;
      p.required = true;
      t.properties.push_back(std::move(p));
    }
    return t;
  }();
  return kTag;
}

class Walker {
 public:
  Walker(const schema::ResourceType& rt, PropertyVisitor& v) : rt_(rt), v_(v) {}

  void object(const Node& n, const schema::ObjectType& type, const Node& where,
              const std::string& path, int depth) {
    if (depth > 64) return;
    if (const std::string_view fn = n.intrinsic_name(); !fn.empty()) {
      if (fn == "Fn::If") {
        for_branches(n, [&](const Node& b) { object(b, type, b, path, depth + 1); });
      }
      return;  // NoValue, or an intrinsic whose result we cannot see into
    }
    if (!n.is_mapping()) return;  // wrong shape: reported by the type check
    v_.object(n, type, where, path);
    for (const auto& e : n.entries) {
      if (is_foreach_key(e.key.text)) continue;
      const schema::Property* p = type.property(e.key.text);
      const std::string child = path_join(path, e.key.text);
      if (!p) {
        v_.unknown_key(e, type, child);
        continue;
      }
      value(e.value, *p, p->type, child, depth + 1);
    }
  }

  void value(const Node& n, const schema::Property& p, const Type& t, const std::string& path,
             int depth) {
    if (depth > 64 || is_no_value(n)) return;
    if (n.intrinsic_name() == "Fn::If") {
      for_branches(n, [&](const Node& b) { value(b, p, t, path, depth + 1); });
      return;
    }
    v_.value(n, p, t, path);
    if (!n.intrinsic_name().empty()) return;
    switch (t.kind) {
      case Type::Kind::Object:
        object(n, rt_.object(t), n, path, depth + 1);
        break;
      case Type::Kind::Primitive:
        if (t.primitive == schema::Primitive::Tag) object(n, tag_type(), n, path, depth + 1);
        break;
      case Type::Kind::List:
        if (n.is_sequence()) {
          for (size_t i = 0; i < n.items.size(); ++i) {
            value(n.items[i], p, t.items[0], path_join(path, std::to_string(i)), depth + 1);
          }
        }
        break;
      case Type::Kind::Map:
        if (n.is_mapping()) {
          for (const auto& e : n.entries) {
            value(e.value, p, t.items[0], path_join(path, e.key.text), depth + 1);
          }
        }
        break;
      case Type::Kind::Union:
        // Walk into the alternative that has the value's shape.
        for (const auto& alt : t.items) {
          const bool fits =
              (n.is_mapping() && (alt.kind == Type::Kind::Object || alt.kind == Type::Kind::Map)) ||
              (n.is_sequence() && alt.kind == Type::Kind::List);
          if (fits) {
            value(n, p, alt, path, depth + 1);
            break;
          }
        }
        break;
      default:
        break;
    }
  }

 private:
  template <typename F>
  static void for_branches(const Node& if_node, F&& f) {
    const Node& arg = if_node.intrinsic_arg();
    if (!arg.is_sequence() || arg.items.size() != 3) return;
    f(arg.items[1]);
    f(arg.items[2]);
  }

  const schema::ResourceType& rt_;
  PropertyVisitor& v_;
};

}  // namespace

bool is_no_value(const Node& n) {
  return n.intrinsic_name() == "Ref" && n.intrinsic_arg().is_scalar() &&
         n.intrinsic_arg().text == "AWS::NoValue";
}

const schema::ResourceType* checkable_schema(const Template& tpl, const Resource& r) {
  if (r.type_name.empty() || tpl.has_macro_transform() || tpl.has_rain_directives()) {
    return nullptr;
  }
  const schema::ResourceType* rt = schema::find_resource(r.type_name);
  if (!rt || !rt->transform.empty()) return nullptr;
  return rt;
}

void walk_properties(const Resource& r, const schema::ResourceType& type, PropertyVisitor& v) {
  Walker w(type, v);
  const std::string path = path_join(r.path, "Properties");
  if (!r.properties || r.properties->is_null()) {
    // No Properties at all: the resource's own object is empty (for required-property checks).
    static const Node kEmpty = [] {
      Node n;
      n.kind = NodeKind::Mapping;
      return n;
    }();
    v.object(kEmpty, type.properties, *r.key, path);
    return;
  }
  const Entry* e = r.attribute("Properties");
  w.object(*r.properties, type.properties, e ? e->key : *r.key, path, 0);
}

}  // namespace stacklint::rules
