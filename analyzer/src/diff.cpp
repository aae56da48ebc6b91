#include "stacklint/diff.h"

#include <fmt/format.h>

#include <algorithm>
#include <map>
#include <set>

#include "stacklint/schema.h"

namespace stacklint {
namespace {

using Renames = std::map<std::string, std::string, std::less<>>;  // new id -> old id

std::string canonical(const Node& n, const Renames& renames, bool in_ref = false) {
  if (n.is_scalar()) {
    if (n.is_null()) return "~";
    std::string text = n.text;
    if (in_ref) {
      const auto dot = text.find('.');
      const auto it = renames.find(text.substr(0, dot));
      if (it != renames.end())
        text = it->second + (dot == std::string::npos ? "" : text.substr(dot));
    }
    return "'" + text + "'";
  }
  if (n.is_sequence()) {
    std::string out = "[";
    for (const auto& i : n.items)
      out += (out.size() > 1 ? "," : "") + canonical(i, renames, in_ref);
    return out + "]";
  }
  const std::string_view fn = n.intrinsic_name();
  if (fn == "Fn::Sub" && !renames.empty()) {
    // ${NewId} and ${NewId.Attr} read as the old id.
    Node copy = n;
    Node& arg = copy.entries[0].value;
    Node* text = arg.is_sequence() && !arg.items.empty() ? &arg.items[0] : &arg;
    if (text->is_scalar()) {
      for (const auto& [new_id, old_id] : renames) {
        for (const std::string suffix : {"}", "."}) {
          const std::string from = "${" + new_id + suffix, to = "${" + old_id + suffix;
          for (size_t at = text->text.find(from); at != std::string::npos;
               at = text->text.find(from, at + to.size())) {
            text->text.replace(at, from.size(), to);
          }
        }
      }
    }
    return "{Fn::Sub:" + canonical(copy.entries[0].value, {}, false) + "}";
  }
  std::vector<std::string> parts;
  for (const auto& e : n.entries) {
    const bool ref = e.key.text == "Ref" || e.key.text == "Fn::GetAtt" || e.key.text == "DependsOn";
    parts.push_back(e.key.text + ":" + canonical(e.value, renames, ref || in_ref));
  }
  std::sort(parts.begin(), parts.end());
  std::string out = "{";
  for (const auto& p : parts) out += (out.size() > 1 ? "," : "") + p;
  return out + "}";
}

std::string render(const Node* n) {
  if (!n) return "";
  if (n->is_scalar()) return n->is_null() ? "null" : n->text;
  std::string c = canonical(*n, {});
  if (c.size() > 60) c = c.substr(0, 57) + "...";
  return c;
}

std::set<std::string> evaluated(const Template& tpl, const Node& n) {
  std::set<std::string> out;
  for (const auto& p : tpl.evaluator().evaluate(n)) out.insert(p.value.display());
  return out;
}

// References inside a node: resources (Ref/GetAtt/Sub), parameters and mappings it uses.
struct Uses {
  std::map<std::string, bool> resources;  // id -> through Ref (true) or GetAtt/Sub attr (false)
  std::set<std::string> parameters, mappings;
};

void collect(const Template& tpl, const Node& n, Uses& u, int depth = 0) {
  if (depth > 100) return;
  const std::string_view fn = n.intrinsic_name();
  if (fn == "Ref" && n.intrinsic_arg().is_scalar()) {
    const std::string& t = n.intrinsic_arg().text;
    if (tpl.resource(t)) u.resources[t] = true;
    if (tpl.parameter(t)) u.parameters.insert(t);
  } else if (fn == "Fn::GetAtt" && n.intrinsic_arg().is_sequence() &&
             !n.intrinsic_arg().items.empty()) {
    const std::string& t = n.intrinsic_arg().items[0].text;
    if (tpl.resource(t)) u.resources.emplace(t, false);
  } else if (fn == "Fn::FindInMap" && n.intrinsic_arg().is_sequence() &&
             !n.intrinsic_arg().items.empty() && n.intrinsic_arg().items[0].is_scalar()) {
    u.mappings.insert(n.intrinsic_arg().items[0].text);
  } else if (fn == "Fn::Sub") {
    const Node& a = n.intrinsic_arg();
    const Node* text = a.is_sequence() && !a.items.empty() ? &a.items[0] : &a;
    if (text->is_scalar()) {
      const std::string& s = text->text;
      for (size_t at = s.find("${"); at != std::string::npos; at = s.find("${", at + 2)) {
        const size_t close = s.find('}', at);
        if (close == std::string::npos) break;
        std::string var = s.substr(at + 2, close - at - 2);
        const auto dot = var.find('.');
        const std::string id = var.substr(0, dot);
        if (tpl.resource(id)) u.resources.emplace(id, dot == std::string::npos);
        if (tpl.parameter(var)) u.parameters.insert(var);
      }
    }
  }
  for (const auto& i : n.items) collect(tpl, i, u, depth + 1);
  for (const auto& e : n.entries) collect(tpl, e.value, u, depth + 1);
}

int level_of(schema::Replacement r) {
  return r == schema::Replacement::Always ? 2 : r == schema::Replacement::Conditional ? 1 : 0;
}

// The strongest replacement flag among the nested members that differ between x and y, with
// the path of the member that carries it ("ClientSubnets", "Listeners[0].Port").
struct Nested {
  int level = 0;
  std::string path;
  const Node* before = nullptr;
  const Node* after = nullptr;
};

Nested nested_level(const schema::ResourceType& rt, const schema::Type& t, const Node* x,
                    const Node* y, int depth) {
  Nested best;
  if (depth > 16 || !x || !y) return best;
  auto consider = [&](Nested n, const std::string& prefix) {
    if (n.level <= best.level) return;
    n.path = n.path.empty() ? prefix : prefix + (n.path[0] == '[' ? "" : ".") + n.path;
    best = std::move(n);
  };
  if (t.kind == schema::Type::Kind::List && x->is_sequence() && y->is_sequence()) {
    for (size_t i = 0; i < std::min(x->items.size(), y->items.size()); ++i) {
      consider(nested_level(rt, t.items[0], &x->items[i], &y->items[i], depth + 1),
               "[" + std::to_string(i) + "]");
    }
    return best;
  }
  if (t.kind != schema::Type::Kind::Object || !x->is_mapping() || !y->is_mapping()) return best;
  for (const auto& p : rt.object(t).properties) {
    const Node* a = x->get(p.name);
    const Node* b = y->get(p.name);
    if (!a && !b) continue;
    if (a && b && canonical(*a, {}) == canonical(*b, {})) continue;
    consider(Nested{level_of(p.replacement), "", a, b}, p.name);
    consider(nested_level(rt, p.type, a, b, depth + 1), p.name);
  }
  return best;
}

// The strongest replacement flag among the nested members of `node` that refer to `target`:
// when target gets a new physical id, those members change.
int ref_level(const Template& tpl, const schema::ResourceType& rt, const schema::Type& t,
              const Node& node, const std::string& target, int depth) {
  if (depth > 16) return 0;
  int level = 0;
  if (t.kind == schema::Type::Kind::List && node.is_sequence()) {
    for (const auto& item : node.items)
      level = std::max(level, ref_level(tpl, rt, t.items[0], item, target, depth + 1));
    return level;
  }
  if (t.kind != schema::Type::Kind::Object || !node.is_mapping()) return 0;
  for (const auto& p : rt.object(t).properties) {
    const Node* v = node.get(p.name);
    if (!v) continue;
    Uses u;
    collect(tpl, *v, u);
    if (!u.resources.count(target)) continue;
    level = std::max(
        {level, level_of(p.replacement), ref_level(tpl, rt, p.type, *v, target, depth + 1)});
  }
  return level;
}

// When x and y differ in exactly one place, the path to it ("InstanceType", "Rules[2].Port")
// and the two values there; otherwise an empty path. Intrinsic functions are leaves.
Nested single_difference(const Node* x, const Node* y, int depth = 0) {
  Nested at{0, "", x, y};
  while (x && y && depth++ < 32 && x->intrinsic_name().empty() && y->intrinsic_name().empty()) {
    const Node *nx = nullptr, *ny = nullptr;
    std::string step;
    int differing = 0;
    if (x->is_mapping() && y->is_mapping()) {
      std::set<std::string> keys;
      for (const auto& e : x->entries) keys.insert(e.key.text);
      for (const auto& e : y->entries) keys.insert(e.key.text);
      for (const auto& k : keys) {
        const Node* a = x->get(k);
        const Node* b = y->get(k);
        if (a && b && canonical(*a, {}) == canonical(*b, {})) continue;
        ++differing;
        nx = a, ny = b, step = k;
      }
    } else if (x->is_sequence() && y->is_sequence() && x->items.size() == y->items.size()) {
      for (size_t i = 0; i < x->items.size(); ++i) {
        if (canonical(x->items[i], {}) == canonical(y->items[i], {})) continue;
        ++differing;
        nx = &x->items[i], ny = &y->items[i], step = "[" + std::to_string(i) + "]";
      }
    } else {
      break;
    }
    if (differing != 1) break;
    at.path += (at.path.empty() || step[0] == '[' ? "" : ".") + step;
    at.before = nx, at.after = ny;
    x = nx, y = ny;
  }
  return at;
}

// How a change of `property` from x to y affects the resource: the top-level flag, or a
// stronger one from a nested member (BrokerNodeGroupInfo.ClientSubnets replaces an MSK cluster
// although BrokerNodeGroupInfo as a whole is updatable).
Nested replacement_of(const Resource& r, std::string_view property, const Node* x = nullptr,
                      const Node* y = nullptr) {
  const schema::ResourceType* rt = schema::find_resource(r.type_name);
  if (!rt) return {};  // custom resources: updated by their provider
  const schema::Property* p = rt->properties.property(property);
  if (!p) return {};
  Nested top{level_of(p->replacement), "", x, y};
  Nested inner = nested_level(*rt, p->type, x, y, 0);
  return inner.level > top.level ? inner : top;
}

const Node* property(const Resource& r, std::string_view name) {
  return r.properties && r.properties->is_mapping() ? r.properties->get(name) : nullptr;
}

std::vector<std::string> property_names(const Resource* a, const Resource* b) {
  std::set<std::string> names;
  for (const Resource* r : {a, b}) {
    if (r && r->properties && r->properties->is_mapping()) {
      for (const auto& e : r->properties->entries) names.insert(e.key.text);
    }
  }
  return {names.begin(), names.end()};
}

// Why a property whose text did not change evaluates differently.
std::string indirect_cause(const Template& o, const Template& n, const Node& node) {
  Uses u;
  collect(n, node, u);
  for (const auto& p : u.parameters) {
    const Parameter* op = o.parameter(p);
    const Parameter* np = n.parameter(p);
    const std::string od = op && op->default_value ? canonical(*op->default_value, {}) : "";
    const std::string nd = np && np->default_value ? canonical(*np->default_value, {}) : "";
    if (od != nd) return fmt::format("the Default of parameter {}", p);
    if (o.parameter_values().count(p) || n.parameter_values().count(p)) {
      return fmt::format("the value of parameter {}", p);
    }
  }
  for (const auto& m : u.mappings) return fmt::format("mapping {}", m);
  return "a value it depends on";
}

}  // namespace

std::string_view change_marker(ResourceChange::Kind k) {
  switch (k) {
    case ResourceChange::Kind::Added:
      return "[+]";
    case ResourceChange::Kind::Removed:
      return "[-]";
    default:
      return "[~]";
  }
}

std::vector<ResourceChange> diff_templates(const Template& o, const Template& n) {
  std::vector<ResourceChange> out;
  // Renames: a removed and an added resource of one type with (nearly) the same properties.
  std::vector<const Resource*> removed, added;
  for (const auto& r : o.resources()) {
    if (!n.resource(r.name)) removed.push_back(&r);
  }
  for (const auto& r : n.resources()) {
    if (!o.resource(r.name)) added.push_back(&r);
  }
  Renames renames;
  std::set<const Resource*> renamed_old, renamed_new;
  for (const Resource* a : added) {
    double best = 0;
    const Resource* match = nullptr;
    for (const Resource* r : removed) {
      if (renamed_old.count(r) || r->type_name != a->type_name) continue;
      const auto names = property_names(r, a);
      size_t same = 0;
      for (const auto& p : names) {
        const Node* x = property(*r, p);
        const Node* y = property(*a, p);
        if (x && y && canonical(*x, {}) == canonical(*y, {})) ++same;
      }
      const double score = names.empty() ? 1.0 : static_cast<double>(same) / names.size();
      if (score >= 0.8 && score > best) best = score, match = r;
    }
    if (match) {
      renames[std::string(a->name)] = std::string(match->name);
      renamed_old.insert(match);
      renamed_new.insert(a);
    }
  }
  std::map<std::string, int, std::less<>> replaced;  // new id -> 2 replaced, 1 may
  std::map<std::string, ResourceChange, std::less<>> changes;
  for (const auto& r : n.resources()) {
    if (renamed_new.count(&r)) {
      ResourceChange c{ResourceChange::Kind::Renamed,
                       std::string(r.name),
                       renames[std::string(r.name)],
                       std::string(r.type_name),
                       {},
                       nullptr,
                       nullptr};
      c.old_resource = o.resource(c.old_id);
      c.new_resource = &r;
      c.changes.push_back({"(logical id)", "a logical id rename", c.old_id, c.id, 2});
      replaced[c.id] = 2;
      changes.emplace(c.id, std::move(c));
      continue;
    }
    const Resource* old = o.resource(r.name);
    if (!old) {
      changes.emplace(std::string(r.name), ResourceChange{ResourceChange::Kind::Added,
                                                          std::string(r.name),
                                                          "",
                                                          std::string(r.type_name),
                                                          {},
                                                          nullptr,
                                                          &r});
      continue;
    }
    ResourceChange c{ResourceChange::Kind::Modified,
                     std::string(r.name),
                     "",
                     std::string(r.type_name),
                     {},
                     nullptr,
                     nullptr};
    c.old_resource = old;
    c.new_resource = &r;
    if (old->type_name != r.type_name) {
      c.changes.push_back(
          {"Type", "direct edit", std::string(old->type_name), std::string(r.type_name), 2});
    }
    for (const auto& p : property_names(old, &r)) {
      const Node* x = property(*old, p);
      const Node* y = property(r, p);
      std::string cause;
      if (!x || !y || canonical(*x, {}) != canonical(*y, renames)) {
        cause = "direct edit";
      } else if (evaluated(o, *x) != evaluated(n, *y)) {
        cause = indirect_cause(o, n, *y);
      } else {
        continue;
      }
      std::string before = render(x), after = render(y);
      if (cause != "direct edit") {  // show what the values evaluate to
        auto join = [](const std::set<std::string>& v) {
          std::string joined;
          for (const auto& item : v) joined += (joined.empty() ? "" : " | ") + item;
          return joined;
        };
        before = join(evaluated(o, *x));
        after = join(evaluated(n, *y));
      }
      Nested effect = replacement_of(r, p, x, y);
      if (!effect.path.empty() && cause == "direct edit") {
        // Name the member that forces the replacement and show its own values.
        c.changes.push_back({p + (effect.path[0] == '[' ? "" : ".") + effect.path, cause,
                             render(effect.before), render(effect.after), effect.level});
      } else if (Nested one = single_difference(x, y);
                 !one.path.empty() && cause == "direct edit") {
        // One member changed: name it and show its values rather than the whole structure.
        c.changes.push_back({p + (one.path[0] == '[' ? "" : ".") + one.path, cause,
                             render(one.before), render(one.after), effect.level});
      } else {
        c.changes.push_back({p, cause, before, after, effect.level});
      }
    }
    for (const char* attr : {"DeletionPolicy", "UpdateReplacePolicy", "Condition", "DependsOn",
                             "Metadata", "CreationPolicy", "UpdatePolicy"}) {
      const Node* x = old->value->get(attr);
      const Node* y = r.value->get(attr);
      if ((x == nullptr) != (y == nullptr) ||
          (x && y && canonical(*x, {}) != canonical(*y, renames))) {
        c.changes.push_back({attr, "direct edit", render(x), render(y), 0});
      }
    }
    int level = 0;
    for (const auto& ch : c.changes) level = std::max(level, ch.replacement);
    if (level) replaced[c.id] = level;
    if (!c.changes.empty()) changes.emplace(c.id, std::move(c));
  }
  // Propagation: a replaced resource gets a new physical id, so what refers to it changes.
  for (bool again = true; again;) {
    again = false;
    for (const auto& r : n.resources()) {
      if (!o.resource(r.name) || replaced.count(r.name) == 2) continue;
      for (const auto& p : property_names(&r, nullptr)) {
        const Node* y = property(r, p);
        Uses u;
        collect(n, *y, u);
        for (const auto& [target, via_ref] : u.resources) {
          const auto it = replaced.find(target);
          if (it == replaced.end() || target == r.name) continue;
          const int certainty = (it->second == 2 && via_ref) ? 2 : 1;
          int behaviour = replacement_of(r, p).level;
          if (const schema::ResourceType* rt = schema::find_resource(r.type_name)) {
            if (const schema::Property* prop = rt->properties.property(p)) {
              behaviour = std::max(behaviour, ref_level(n, *rt, prop->type, *y, target, 0));
            }
          }
          const int level = std::min(certainty, behaviour);
          auto [entry, fresh] = changes.try_emplace(std::string(r.name),
                                                    ResourceChange{ResourceChange::Kind::Modified,
                                                                   std::string(r.name),
                                                                   "",
                                                                   std::string(r.type_name),
                                                                   {},
                                                                   o.resource(r.name),
                                                                   &r});
          auto& list = entry->second.changes;
          const std::string cause =
              fmt::format("{} is {}replaced", target, certainty == 2 ? "" : "maybe ");
          if (std::none_of(list.begin(), list.end(),
                           [&](const PropertyChange& pc) { return pc.property == p; })) {
            list.push_back({p, cause, "", "", level});
          }
          if (level > (replaced.count(r.name) ? replaced[std::string(r.name)] : 0)) {
            replaced[std::string(r.name)] = level;
            again = true;
          }
        }
      }
    }
  }
  for (auto& [id, c] : changes) {
    if (c.kind == ResourceChange::Kind::Modified) {
      const auto it = replaced.find(id);
      if (it != replaced.end()) {
        c.kind =
            it->second == 2 ? ResourceChange::Kind::Replaced : ResourceChange::Kind::MayReplace;
      }
    }
    out.push_back(std::move(c));
  }
  for (const Resource* r : removed) {
    if (renamed_old.count(r)) continue;
    out.push_back({ResourceChange::Kind::Removed,
                   std::string(r->name),
                   "",
                   std::string(r->type_name),
                   {},
                   r,
                   nullptr});
  }
  std::sort(out.begin(), out.end(),
            [](const ResourceChange& a, const ResourceChange& b) { return a.id < b.id; });
  return out;
}

}  // namespace stacklint
