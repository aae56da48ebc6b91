#include "stacklint/eval.h"

#include <fmt/format.h>
#include <fmt/ranges.h>

#include <algorithm>
#include <nlohmann/json.hpp>
#include <set>

#include "stacklint/schema.h"
#include "stacklint/template.h"

namespace stacklint {

// ---- Value ----------------------------------------------------------------------------------

Value Value::string(std::string s) {
  Value v;
  v.kind = Kind::String;
  v.parts.push_back({true, std::move(s)});
  return v;
}

Value Value::opaque(std::string what) {
  Value v;
  v.kind = Kind::String;
  v.parts.push_back({false, std::move(what)});
  return v;
}

Value Value::unknown(std::string why) {
  Value v;
  v.kind = Kind::Unknown;
  v.origin = std::move(why);
  return v;
}

bool Value::is_literal() const {
  return kind == Kind::String &&
         std::all_of(parts.begin(), parts.end(), [](const Fragment& f) { return f.literal; });
}

std::string Value::literal() const {
  std::string out;
  for (const auto& f : parts) out += f.literal ? f.text : "${" + f.text + "}";
  return out;
}

std::string Value::display() const {
  switch (kind) {
    case Kind::String: {
      const std::string s = literal();
      return is_literal() ? fmt::format("\"{}\"", s) : fmt::format("\"{}\" (partly known)", s);
    }
    case Kind::List: {
      if (items.empty() && !origin.empty()) return fmt::format("a list ({})", origin);
      std::string out = "[";
      for (size_t i = 0; i < items.size(); ++i) out += (i ? ", " : "") + items[i].display();
      return out + "]";
    }
    case Kind::Object:
      return "a mapping";
    case Kind::NoValue:
      return "AWS::NoValue (absent)";
    case Kind::Unknown:
      return fmt::format("unknown ({})", origin);
  }
  return "unknown";
}

bool Value::is_dynamic_reference() const {
  if (kind != Kind::String) return false;
  // CloudFormation resolves a dynamic reference wherever it stands in the string.
  for (const auto& f : parts) {
    if (!f.literal) continue;
    const std::string_view s = f.text;
    if (s.find("{{resolve:ssm:") != std::string_view::npos ||
        s.find("{{resolve:ssm-secure:") != std::string_view::npos ||
        s.find("{{resolve:secretsmanager:") != std::string_view::npos) {
      return true;
    }
  }
  return false;
}

// ---- Evaluator ------------------------------------------------------------------------------

namespace {

constexpr int kMaxDepth = 48;

void append(Value& s, const Value& part) {
  s.approximate = s.approximate || part.approximate;
  auto add = [&](Fragment f) {
    if (f.literal && !s.parts.empty() && s.parts.back().literal) {
      s.parts.back().text += f.text;
    } else if (!(f.literal && f.text.empty())) {
      s.parts.push_back(std::move(f));
    }
  };
  switch (part.kind) {
    case Value::Kind::String:
      for (const auto& f : part.parts) add(f);
      break;
    case Value::Kind::NoValue:
      break;
    case Value::Kind::Unknown:
      add({false, part.origin});
      break;
    case Value::Kind::List:
      add({false, "a list"});
      break;
    case Value::Kind::Object:
      add({false, "a mapping"});
      break;
  }
}

std::vector<std::string> split(const std::string& s, const std::string& delim) {
  std::vector<std::string> out;
  if (delim.empty()) return {s};
  size_t start = 0;
  while (true) {
    const size_t at = s.find(delim, start);
    out.push_back(s.substr(start, at == std::string::npos ? std::string::npos : at - start));
    if (at == std::string::npos) break;
    start = at + delim.size();
  }
  return out;
}

std::string trim(std::string s) {
  s.erase(0, s.find_first_not_of(" \t"));
  s.erase(s.find_last_not_of(" \t") + 1);
  return s;
}

bool list_type(std::string_view t) {
  return t.starts_with("List<") || t == "CommaDelimitedList" ||
         t.starts_with("AWS::SSM::Parameter::Value<List<") ||
         t == "AWS::SSM::Parameter::Value<CommaDelimitedList>";
}

bool has_intrinsic(const Node& n) {
  if (!n.intrinsic_name().empty()) return true;
  for (const auto& i : n.items) {
    if (has_intrinsic(i)) return true;
  }
  for (const auto& e : n.entries) {
    if (has_intrinsic(e.value)) return true;
  }
  return false;
}

// Key order is kept: Fn::ToJsonString writes keys as the template orders them.
nlohmann::ordered_json to_json(const Node& n) {
  if (n.is_sequence()) {
    auto a = nlohmann::ordered_json::array();
    for (const auto& i : n.items) a.push_back(to_json(i));
    return a;
  }
  if (n.is_mapping()) {
    auto o = nlohmann::ordered_json::object();
    for (const auto& e : n.entries) o[e.key.text] = to_json(e.value);
    return o;
  }
  return n.text;
}

}  // namespace

struct Evaluator::Impl {
  struct Domain {
    std::vector<std::string> values;
    std::vector<uint32_t> vars;
    bool open = false;  // the parameter can also take a value none of `values`
    uint32_t other = 0;
    bool list = false;
    std::string default_value;
    bool has_default = false;
    bool supplied = false;
  };

  Evaluator& self;
  const Template& tpl;
  Bdd& bdd;
  std::map<std::string, Domain, std::less<>> domains;
  Bdd::Ref domain = Bdd::kTrue;
  std::vector<std::string> var_names;  // what each variable stands for
  std::vector<std::string> var_param;  // the parameter of a domain variable ("" for free atoms)
  std::map<std::string, uint32_t, std::less<>> free_atoms;
  std::map<std::string, Bdd::Ref, std::less<>> conditions;
  std::set<std::string, std::less<>> in_progress;
  std::vector<std::pair<Bdd::Ref, std::string>> condition_names;  // template order
  bool all_conditions = false;

  Impl(Evaluator& e, const Template& t, const ParameterValues& supplied)
      : self(e), tpl(t), bdd(e.bdd_) {
    try {
      build_domains(supplied);
    } catch (const BddBudgetExceeded&) {
      e.budget_exceeded_ = true;  // domains stay partial: answers are less exact, never wrong
    }
  }

  void build_domains(const ParameterValues& supplied) {
    std::map<std::string, std::set<std::string>, std::less<>> compared;
    if (tpl.root()) collect_comparisons(*tpl.root(), compared, 0);
    for (const auto& p : tpl.parameters()) {
      Domain d;
      d.list = p.type && p.type->is_scalar() && list_type(p.type->text);
      if (p.default_value && p.default_value->is_scalar() && !p.default_value->is_null()) {
        d.has_default = true;
        d.default_value = p.default_value->text;
      }
      std::set<std::string> values;
      if (const auto it = supplied.find(p.name); it != supplied.end()) {
        d.supplied = true;
        values.insert(it->second);
      } else if (p.allowed_values && p.allowed_values->is_sequence() &&
                 !p.allowed_values->items.empty()) {
        for (const auto& v : p.allowed_values->items) {
          if (v.is_scalar()) values.insert(v.text);
        }
      } else {
        d.open = true;
        if (d.has_default) values.insert(d.default_value);
        if (const auto c = compared.find(p.name); c != compared.end()) {
          values.insert(c->second.begin(), c->second.end());
        }
      }
      std::vector<uint32_t> vars;
      for (const auto& v : values) {
        d.values.push_back(v);
        d.vars.push_back(new_var(fmt::format("{} = {}", p.name, v), std::string(p.name)));
      }
      vars = d.vars;
      if (d.open) {
        d.other = new_var(fmt::format("{} is another value", p.name), std::string(p.name));
        vars.push_back(d.other);
      }
      domain = bdd.conj(domain, bdd.exactly_one(vars));
      domains.emplace(std::string(p.name), std::move(d));
    }
  }

  uint32_t new_var(std::string name, std::string param) {
    var_names.push_back(std::move(name));
    var_param.push_back(std::move(param));
    return static_cast<uint32_t>(var_names.size() - 1);
  }

  Bdd::Ref free_atom(const std::string& text) {
    auto it = free_atoms.find(text);
    if (it == free_atoms.end()) it = free_atoms.emplace(text, new_var(text, "")).first;
    return bdd.var(it->second);
  }

  bool sat(Bdd::Ref f) { return f != Bdd::kFalse && bdd.conj(f, domain) != Bdd::kFalse; }

  // Literals compared with `!Ref Param` in Fn::Equals anywhere: they join the parameter's domain.
  void collect_comparisons(const Node& n,
                           std::map<std::string, std::set<std::string>, std::less<>>& out,
                           int depth) {
    if (depth > 200) return;
    if (n.intrinsic_name() == "Fn::Equals") {
      const Node& arg = n.intrinsic_arg();
      if (arg.is_sequence() && arg.items.size() == 2) {
        for (int i = 0; i < 2; ++i) {
          const Node& ref = arg.items[i];
          const Node& lit = arg.items[1 - i];
          if (ref.intrinsic_name() == "Ref" && ref.intrinsic_arg().is_scalar() && lit.is_scalar() &&
              !lit.is_null()) {
            out[ref.intrinsic_arg().text].insert(lit.text);
          }
        }
      }
    }
    for (const auto& i : n.items) collect_comparisons(i, out, depth + 1);
    for (const auto& e : n.entries) collect_comparisons(e.value, out, depth + 1);
  }

  // ---- values ----

  using Poss = std::vector<Possibility>;

  void cap(Poss& p, Bdd::Ref when) {
    if (p.size() <= kMaxAlternatives) return;
    p.resize(kMaxAlternatives - 1);
    p.push_back({Value::unknown("too many alternatives"), when});
  }

  // Cartesian product of the alternatives of `parts`, combined by `make`.
  template <typename Make>
  Poss product(const std::vector<Poss>& parts, Bdd::Ref when, Make&& make) {
    Poss out;
    std::vector<const Value*> chosen(parts.size());
    bool overflow = false;
    auto rec = [&](auto&& self_rec, size_t i, Bdd::Ref guard) -> void {
      if (overflow) return;
      if (i == parts.size()) {
        if (out.size() >= kMaxAlternatives - 1) {
          overflow = true;
          return;
        }
        out.push_back({make(chosen), guard});
        return;
      }
      for (const auto& p : parts[i]) {
        const Bdd::Ref g = bdd.conj(guard, p.when);
        if (!sat(g)) continue;
        chosen[i] = &p.value;
        self_rec(self_rec, i + 1, g);
      }
    };
    rec(rec, 0, when);
    if (overflow) out.push_back({Value::unknown("too many alternatives"), when});
    return out;
  }

  Poss eval(const Node& n, Bdd::Ref when, int depth) {
    if (!sat(when)) return {};
    if (depth > kMaxDepth) return {{Value::unknown("nested too deeply"), when}};
    if (n.is_scalar()) {
      if (n.is_null()) return {{Value::unknown("null"), when}};
      return {{Value::string(n.text), when}};
    }
    if (n.is_sequence()) {
      std::vector<Poss> parts;
      for (const auto& item : n.items) parts.push_back(eval(item, when, depth + 1));
      return product(parts, when, [](const std::vector<const Value*>& vs) {
        Value list;
        list.kind = Value::Kind::List;
        for (const Value* v : vs) {
          if (v->kind != Value::Kind::NoValue) list.items.push_back(*v);  // NoValue drops out
        }
        return list;
      });
    }
    const std::string_view fn = n.intrinsic_name();
    if (fn.empty()) {
      Value o;
      o.kind = Value::Kind::Object;
      o.node = &n;
      return {{o, when}};
    }
    const Node& arg = n.intrinsic_arg();
    if (fn == "Ref") return ref(arg, when);
    if (fn == "Fn::If") return if_(arg, when, depth);
    if (fn == "Fn::Join") return join(arg, when, depth);
    if (fn == "Fn::Sub") return sub(arg, when, depth);
    if (fn == "Fn::Select") return select(arg, when, depth);
    if (fn == "Fn::Split") return split_(arg, when, depth);
    if (fn == "Fn::FindInMap") return find_in_map(arg, when, depth);
    if (fn == "Fn::Base64") return eval(arg, when, depth + 1);
    if (fn == "Fn::GetAtt") return {{getatt(arg), when}};
    if (fn == "Fn::GetAZs") return {{opaque_list("Fn::GetAZs"), when}};
    if (fn == "Fn::Cidr") return {{opaque_list("Fn::Cidr"), when}};
    if (fn == "Fn::ImportValue") {
      const std::string name = arg.is_scalar() ? arg.text : "a computed name";
      return {{Value::opaque("ImportValue " + name), when}};
    }
    if (fn == "Fn::Length") return length(arg, when, depth);
    if (fn == "Fn::ToJsonString") {
      if (!has_intrinsic(arg)) return {{Value::string(to_json(arg).dump()), when}};
      return {{Value::opaque("Fn::ToJsonString"), when}};
    }
    return {{Value::unknown(std::string(fn)), when}};
  }

  static Value opaque_list(std::string origin) {
    Value v;
    v.kind = Value::Kind::List;
    v.origin = std::move(origin);
    return v;
  }

  Value getatt(const Node& arg) {
    std::string resource, attribute;
    if (arg.is_sequence() && arg.items.size() == 2 && arg.items[0].is_scalar() &&
        arg.items[1].is_scalar()) {
      resource = arg.items[0].text;
      attribute = arg.items[1].text;
    } else {
      return Value::unknown("Fn::GetAtt with a computed attribute");
    }
    if (const Resource* r = tpl.resource(resource)) {
      if (const auto* rt = schema::find_resource(r->type_name)) {
        if (const auto* a = rt->attribute(attribute);
            a && a->type.kind == schema::Type::Kind::List) {
          return opaque_list(resource + "." + attribute);
        }
      }
    }
    return Value::opaque(resource + "." + attribute);
  }

  Poss ref(const Node& arg, Bdd::Ref when) {
    if (!arg.is_scalar()) return {{Value::unknown("Ref to a computed name"), when}};
    const std::string& name = arg.text;
    if (const auto it = domains.find(name); it != domains.end()) {
      const Domain& d = it->second;
      Poss out;
      for (size_t i = 0; i < d.values.size(); ++i) {
        const Bdd::Ref g = bdd.conj(when, bdd.var(d.vars[i]));
        if (!sat(g)) continue;
        Value v;
        if (d.list) {
          v.kind = Value::Kind::List;
          for (const auto& item : split(d.values[i], ","))
            v.items.push_back(Value::string(trim(item)));
        } else {
          v = Value::string(d.values[i]);
        }
        v.origin = "parameter " + name;
        v.from_parameter_default = !d.supplied && d.has_default && d.values[i] == d.default_value;
        out.push_back({std::move(v), g});
      }
      if (d.open) {
        const Bdd::Ref g = bdd.conj(when, bdd.var(d.other));
        if (sat(g)) {
          Value v = d.list ? opaque_list("parameter " + name) : Value::opaque(name);
          v.origin = "parameter " + name;
          out.push_back({std::move(v), g});
        }
      }
      return out;
    }
    if (name == "AWS::NoValue") {
      Value v;
      v.kind = Value::Kind::NoValue;
      return {{v, when}};
    }
    if (name == "AWS::NotificationARNs") return {{opaque_list(name), when}};
    if (name.starts_with("AWS::")) return {{Value::opaque(name), when}};
    if (const Resource* r = tpl.resource(name)) {
      Value v = Value::opaque("Ref " + name);
      // Ref yields the type's primary identifier (a bucket's name, an instance's id, ...).
      const auto* rt = schema::find_resource(r->type_name);
      v.origin = rt && !rt->primary_identifier.empty()
                     ? fmt::format("{} of {}", fmt::join(rt->primary_identifier, ", "), name)
                     : "Ref " + name;
      return {{v, when}};
    }
    return {{Value::unknown("undefined " + name), when}};
  }

  Poss if_(const Node& arg, Bdd::Ref when, int depth) {
    if (!arg.is_sequence() || arg.items.size() != 3 || !arg.items[0].is_scalar()) {
      return {{Value::unknown("malformed Fn::If"), when}};
    }
    const Bdd::Ref c = self.condition(arg.items[0].text);
    Poss out = eval(arg.items[1], bdd.conj(when, c), depth + 1);
    Poss other = eval(arg.items[2], bdd.conj(when, bdd.neg(c)), depth + 1);
    out.insert(out.end(), std::make_move_iterator(other.begin()),
               std::make_move_iterator(other.end()));
    cap(out, when);
    return out;
  }

  // The alternatives of a list argument as lists of values.
  Poss as_lists(const Node& n, Bdd::Ref when, int depth) { return eval(n, when, depth + 1); }

  Poss join(const Node& arg, Bdd::Ref when, int depth) {
    if (!arg.is_sequence() || arg.items.size() != 2)
      return {{Value::unknown("malformed Fn::Join"), when}};
    std::vector<Poss> parts{eval(arg.items[0], when, depth + 1),
                            as_lists(arg.items[1], when, depth)};
    return product(parts, when, [](const std::vector<const Value*>& vs) {
      const Value& delim = *vs[0];
      const Value& list = *vs[1];
      if (list.kind != Value::Kind::List || (list.items.empty() && !list.origin.empty())) {
        return Value::opaque("Fn::Join of " +
                             (list.origin.empty() ? std::string("a computed list") : list.origin));
      }
      Value s;
      s.kind = Value::Kind::String;
      bool first = true;
      for (const auto& item : list.items) {
        if (!first) append(s, delim);
        append(s, item);
        first = false;
      }
      if (s.parts.empty()) s.parts.push_back({true, ""});
      return s;
    });
  }

  Poss sub(const Node& arg, Bdd::Ref when, int depth) {
    const Node* text = &arg;
    const Node* vars = nullptr;
    if (arg.is_sequence() && !arg.items.empty()) {
      text = &arg.items[0];
      if (arg.items.size() > 1 && arg.items[1].is_mapping()) vars = &arg.items[1];
    }
    if (!text->is_scalar()) return {{Value::unknown("Fn::Sub of a computed string"), when}};
    const std::string& s = text->text;
    std::vector<Poss> parts;
    size_t pos = 0;
    while (pos <= s.size()) {
      const size_t open = s.find("${", pos);
      if (open == std::string::npos) {
        parts.push_back({{Value::string(s.substr(pos)), when}});
        break;
      }
      const size_t close = s.find('}', open + 2);
      if (close == std::string::npos) {
        parts.push_back({{Value::string(s.substr(pos)), when}});
        break;
      }
      parts.push_back({{Value::string(s.substr(pos, open - pos)), when}});
      const std::string var = trim(s.substr(open + 2, close - open - 2));
      if (!var.empty() && var[0] == '!') {
        parts.push_back({{Value::string("${" + var.substr(1) + "}"), when}});
      } else if (const Node* v = vars ? vars->get(var) : nullptr) {
        parts.push_back(eval(*v, when, depth + 1));
      } else if (const auto dot = var.find('.');
                 dot != std::string::npos && tpl.resource(var.substr(0, dot))) {
        parts.push_back({{Value::opaque(var), when}});
      } else {
        Node ref_arg;
        ref_arg.kind = NodeKind::Scalar;
        ref_arg.scalar_kind = ScalarKind::String;
        ref_arg.text = var;
        parts.push_back(ref(ref_arg, when));
      }
      pos = close + 1;
    }
    return product(parts, when, [](const std::vector<const Value*>& vs) {
      Value out;
      out.kind = Value::Kind::String;
      for (const Value* v : vs) append(out, *v);
      if (out.parts.empty()) out.parts.push_back({true, ""});
      return out;
    });
  }

  Poss select(const Node& arg, Bdd::Ref when, int depth) {
    if (!arg.is_sequence() || arg.items.size() != 2)
      return {{Value::unknown("malformed Fn::Select"), when}};
    std::vector<Poss> parts{eval(arg.items[0], when, depth + 1),
                            as_lists(arg.items[1], when, depth)};
    return product(parts, when, [](const std::vector<const Value*>& vs) {
      const Value& index = *vs[0];
      const Value& list = *vs[1];
      if (!index.is_literal()) return Value::unknown("Fn::Select with a computed index");
      char* end = nullptr;
      const std::string text = index.literal();
      const long i = std::strtol(text.c_str(), &end, 10);
      if (!end || *end != '\0' || i < 0) return Value::unknown("Fn::Select with a bad index");
      if (list.kind != Value::Kind::List || (list.items.empty() && !list.origin.empty())) {
        return Value::opaque("Fn::Select from " +
                             (list.origin.empty() ? std::string("a computed list") : list.origin));
      }
      if (static_cast<size_t>(i) >= list.items.size())
        return Value::unknown("Fn::Select index out of range");
      return list.items[static_cast<size_t>(i)];
    });
  }

  Poss split_(const Node& arg, Bdd::Ref when, int depth) {
    if (!arg.is_sequence() || arg.items.size() != 2)
      return {{Value::unknown("malformed Fn::Split"), when}};
    std::vector<Poss> parts{eval(arg.items[0], when, depth + 1),
                            eval(arg.items[1], when, depth + 1)};
    return product(parts, when, [](const std::vector<const Value*>& vs) {
      if (!vs[0]->is_literal() || !vs[1]->is_literal())
        return opaque_list("Fn::Split of a computed string");
      Value list;
      list.kind = Value::Kind::List;
      for (auto& item : split(vs[1]->literal(), vs[0]->literal()))
        list.items.push_back(Value::string(item));
      return list;
    });
  }

  Poss length(const Node& arg, Bdd::Ref when, int depth) {
    Poss lists = as_lists(arg, when, depth);
    for (auto& p : lists) {
      if (p.value.kind == Value::Kind::List && p.value.origin.empty()) {
        p.value = Value::string(std::to_string(p.value.items.size()));
      } else {
        p.value = Value::unknown("Fn::Length of a computed list");
      }
    }
    return lists;
  }

  Poss find_in_map(const Node& arg, Bdd::Ref when, int depth) {
    if (!arg.is_sequence() || arg.items.size() < 3)
      return {{Value::unknown("malformed Fn::FindInMap"), when}};
    const Node* fallback = nullptr;
    if (arg.items.size() == 4) {
      if (const Node* d = arg.items[3].get("DefaultValue")) fallback = d;
    }
    const Section* mappings = tpl.section("Mappings");
    if (!mappings || !mappings->value->is_mapping()) return {{Value::unknown("no Mappings"), when}};
    Poss out;
    for (const auto& m : eval(arg.items[0], when, depth + 1)) {
      if (!m.value.is_literal()) {
        out.push_back({Value::unknown("Fn::FindInMap with a computed map name"), m.when});
        continue;
      }
      const Node* map = mappings->value->get(m.value.literal());
      for (const auto& k1 : eval(arg.items[1], m.when, depth + 1)) {
        for (const auto& k2 : eval(arg.items[2], k1.when, depth + 1)) {
          lookup(map, k1.value, k2.value, fallback, k2.when, depth, out);
          if (out.size() > kMaxAlternatives) {
            cap(out, when);
            return out;
          }
        }
      }
    }
    cap(out, when);
    return out;
  }

  void lookup(const Node* map, const Value& k1, const Value& k2, const Node* fallback,
              Bdd::Ref when, int depth, Poss& out) {
    auto add_fallback = [&] {
      if (fallback) {
        auto v = eval(*fallback, when, depth + 1);
        out.insert(out.end(), v.begin(), v.end());
      }
    };
    if (!map || !map->is_mapping()) {
      add_fallback();
      return;
    }
    const size_t before = out.size();
    std::vector<const Node*> seconds;
    if (k1.is_literal()) {
      if (const Node* s = map->get(k1.literal())) seconds.push_back(s);
    } else {
      for (const auto& e : map->entries) seconds.push_back(&e.value);  // any top-level key
    }
    bool found = false;
    for (const Node* second : seconds) {
      if (!second->is_mapping()) continue;
      if (k2.is_literal()) {
        if (const Node* v = second->get(k2.literal())) {
          auto vs = eval(*v, when, depth + 1);
          out.insert(out.end(), vs.begin(), vs.end());
          found = true;
        }
      } else {
        for (const auto& e : second->entries) {
          auto vs = eval(e.value, when, depth + 1);
          out.insert(out.end(), vs.begin(), vs.end());
          found = true;
        }
      }
    }
    if (!found) add_fallback();
    if (!k1.is_literal() || !k2.is_literal()) {
      // Enumerated over keys known only at deploy time: possible values, not certain ones.
      for (size_t i = before; i < out.size(); ++i) out[i].value.approximate = true;
    }
  }

  // ---- conditions ----

  Bdd::Ref cond_expr(const Node& n, int depth) {
    if (depth > kMaxDepth) return free_atom("a condition nested too deeply");
    const std::string_view fn = n.intrinsic_name();
    const Node* arg = fn.empty() ? nullptr : &n.intrinsic_arg();
    if (fn == "Condition" && arg->is_scalar()) return self.condition(arg->text);
    if (fn == "Fn::Not" && arg->is_sequence() && arg->items.size() == 1) {
      return bdd.neg(cond_expr(arg->items[0], depth + 1));
    }
    if ((fn == "Fn::And" || fn == "Fn::Or") && arg->is_sequence()) {
      Bdd::Ref r = fn == "Fn::And" ? Bdd::kTrue : Bdd::kFalse;
      for (const auto& item : arg->items) {
        const Bdd::Ref c = cond_expr(item, depth + 1);
        r = fn == "Fn::And" ? bdd.conj(r, c) : bdd.disj(r, c);
      }
      return r;
    }
    if (fn == "Fn::Equals" && arg->is_sequence() && arg->items.size() == 2) {
      return equals(arg->items[0], arg->items[1], depth);
    }
    return free_atom(fmt::format("condition at byte {}", n.range.begin));
  }

  // The parameter an opaque "another value" stands for, if `v` is one.
  const Domain* other_value_of(const Value& v, std::string* name) {
    if (v.kind != Value::Kind::String || v.parts.size() != 1 || v.parts[0].literal) return nullptr;
    if (!v.origin.starts_with("parameter ")) return nullptr;
    *name = v.origin.substr(10);
    const auto it = domains.find(*name);
    return it == domains.end() ? nullptr : &it->second;
  }

  Bdd::Ref equals(const Node& a, const Node& b, int depth) {
    Bdd::Ref result = Bdd::kFalse;
    const Poss as = eval(a, Bdd::kTrue, depth + 1);
    const Poss bs = eval(b, Bdd::kTrue, depth + 1);
    for (const auto& pa : as) {
      for (const auto& pb : bs) {
        const Bdd::Ref g = bdd.conj(pa.when, pb.when);
        if (!sat(g)) continue;
        const Value& va = pa.value;
        const Value& vb = pb.value;
        if (va.is_literal() && vb.is_literal()) {
          if (va.literal() == vb.literal()) result = bdd.disj(result, g);
          continue;
        }
        // "Param is another value" compared with a literal of its domain: never equal.
        std::string pname;
        const Value* lit = va.is_literal() ? &va : vb.is_literal() ? &vb : nullptr;
        const Value* other = lit == &va ? &vb : &va;
        if (lit) {
          if (const Domain* d = other_value_of(*other, &pname)) {
            const auto& vals = d->values;
            if (std::find(vals.begin(), vals.end(), lit->literal()) != vals.end()) continue;
          }
        }
        const std::string key = va.display() + " = " + vb.display();
        result = bdd.disj(result, bdd.conj(g, free_atom(key)));
      }
    }
    return result;
  }

  std::string describe(Bdd::Ref f) {
    if (f == Bdd::kTrue) return "always";
    const Bdd::Ref f_own = f;
    f = bdd.conj(f, domain);
    if (f == Bdd::kFalse) return "never";
    if (bdd.conj(bdd.neg(f), domain) == Bdd::kFalse) return "always";
    if (!all_conditions) {
      all_conditions = true;
      for (const auto& c : tpl.conditions()) self.condition(c.name);
      condition_names.clear();
      for (const auto& c : tpl.conditions()) {
        condition_names.emplace_back(self.condition(c.name), std::string(c.name));
      }
    }
    for (const auto& [ref, name] : condition_names) {
      if (bdd.conj(ref, domain) == f) return name;
    }
    for (const auto& [ref, name] : condition_names) {
      if (bdd.conj(bdd.neg(ref), domain) == f) return "not " + name;
    }
    std::vector<std::string> alternatives;
    bool more = false;
    bdd.paths(
        f_own,
        [&](const std::vector<std::pair<uint32_t, bool>>& path) {
          // Skip paths the parameter domains rule out (two values of one parameter at once).
          Bdd::Ref cube = Bdd::kTrue;
          for (const auto& [v, val] : path)
            cube = bdd.conj(cube, val ? bdd.var(v) : bdd.neg(bdd.var(v)));
          if (!sat(cube)) return;
          if (alternatives.size() >= 4) {
            more = true;
            return;
          }
          std::set<std::string> positive_params;
          for (const auto& [v, val] : path) {
            if (val && !var_param[v].empty()) positive_params.insert(var_param[v]);
          }
          std::vector<std::string> atoms;
          for (const auto& [v, val] : path) {
            if (val) {
              atoms.push_back(var_names[v]);
            } else if (var_param[v].empty() || !positive_params.count(var_param[v])) {
              atoms.push_back("not (" + var_names[v] + ")");
            }
          }
          std::string s;
          for (size_t i = 0; i < atoms.size(); ++i) s += (i ? " and " : "") + atoms[i];
          alternatives.push_back(s.empty() ? "always" : s);
        },
        64);
    std::string out;
    for (size_t i = 0; i < alternatives.size(); ++i) out += (i ? " or " : "") + alternatives[i];
    if (more) out += " or ...";
    return out;
  }
};

Evaluator::Evaluator(const Template& tpl, const ParameterValues& supplied, size_t max_bdd_nodes)
    : bdd_(max_bdd_nodes) {
  impl_ = std::make_unique<Impl>(*this, tpl, supplied);
}

Evaluator::~Evaluator() = default;

std::vector<Possibility> Evaluator::evaluate(const Node& n, Bdd::Ref when) {
  try {
    auto out = impl_->eval(n, when, 0);
    impl_->cap(out, when);
    return out;
  } catch (const BddBudgetExceeded&) {
    budget_exceeded_ = true;
    return {{Value::unknown("evaluation budget exceeded"), when}};
  }
}

Bdd::Ref Evaluator::condition(std::string_view name) {
  Impl& m = *impl_;
  if (const auto it = m.conditions.find(name); it != m.conditions.end()) return it->second;
  const NamedEntry* def = nullptr;
  for (const auto& c : m.tpl.conditions()) {
    if (c.name == name) def = &c;
  }
  if (!def || m.in_progress.count(name)) {
    // Undefined (REF005) or circular: nothing is known about it.
    return m.free_atom(std::string(name));
  }
  m.in_progress.insert(std::string(name));
  Bdd::Ref r;
  try {
    r = m.cond_expr(*def->value, 0);
  } catch (const BddBudgetExceeded&) {
    budget_exceeded_ = true;
    r = m.free_atom(std::string(name));
  }
  m.in_progress.erase(std::string(name));
  m.conditions.emplace(std::string(name), r);
  return r;
}

Bdd::Ref Evaluator::exists(std::string_view resource) {
  const Resource* r = impl_->tpl.resource(resource);
  if (!r || !r->condition || !r->condition->is_scalar()) return Bdd::kTrue;
  return condition(r->condition->text);
}

bool Evaluator::satisfiable(Bdd::Ref f) {
  try {
    return impl_->sat(f);
  } catch (const BddBudgetExceeded&) {
    budget_exceeded_ = true;
    return true;  // unknown: assume it can happen
  }
}

std::string Evaluator::describe(Bdd::Ref f) {
  try {
    return impl_->describe(f);
  } catch (const BddBudgetExceeded&) {
    budget_exceeded_ = true;
    return "under some conditions";
  }
}

}  // namespace stacklint
