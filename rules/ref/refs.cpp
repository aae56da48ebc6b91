#include "rules/ref/refs.h"

#include <algorithm>
#include <array>

namespace stacklint::rules {
namespace {

constexpr std::array<std::string_view, 8> kPseudo{
    "AWS::AccountId", "AWS::NotificationARNs", "AWS::NoValue",   "AWS::Partition",
    "AWS::Region",    "AWS::StackId",          "AWS::StackName", "AWS::URLSuffix"};

class Collector {
 public:
  Collector(const Template& tpl, bool guards, bool include_foreach, std::vector<Reference>& out)
      : tpl_(tpl), guards_(guards), include_foreach_(include_foreach), out_(out) {}

  void walk(const Node& n, const std::string& path, const std::string& owner, Bdd::Ref when,
            int depth) {
    if (depth > 200) return;
    const std::string_view fn = n.intrinsic_name();
    if (fn == "Ref" && n.intrinsic_arg().is_scalar()) {
      const Node& a = n.intrinsic_arg();
      out_.push_back({Reference::Kind::Ref, a.text, "", a.range, path, owner, when});
      return;
    }
    if (fn == "Fn::GetAtt") {
      const Node& a = n.intrinsic_arg();
      if (a.is_sequence() && !a.items.empty() && a.items[0].is_scalar()) {
        const std::string attr =
            a.items.size() > 1 && a.items[1].is_scalar() ? a.items[1].text : std::string();
        out_.push_back(
            {Reference::Kind::GetAtt, a.items[0].text, attr, a.items[0].range, path, owner, when});
      }
      for (const auto& item : a.items) walk(item, path, owner, when, depth + 1);  // !Ref in attr
      return;
    }
    if (fn == "Fn::Sub") {
      sub(n.intrinsic_arg(), path, owner, when, depth);
      return;
    }
    if (fn == "Fn::If" && guards_) {
      const Node& a = n.intrinsic_arg();
      if (a.is_sequence() && a.items.size() == 3 && a.items[0].is_scalar()) {
        Evaluator& ev = tpl_.evaluator();
        const Bdd::Ref c = ev.condition(a.items[0].text);
        Bdd& bdd = ev.bdd();
        try {
          walk(a.items[1], path, owner, bdd.conj(when, c), depth + 1);
          walk(a.items[2], path, owner, bdd.conj(when, bdd.neg(c)), depth + 1);
        } catch (const BddBudgetExceeded&) {
          walk(a.items[1], path, owner, when, depth + 1);
          walk(a.items[2], path, owner, when, depth + 1);
        }
        return;
      }
    }
    for (size_t i = 0; i < n.items.size(); ++i) {
      walk(n.items[i], fn.empty() ? path_join(path, std::to_string(i)) : path, owner, when,
           depth + 1);
    }
    for (const auto& e : n.entries) {
      if (is_foreach_key(e.key.text) && !include_foreach_) continue;
      walk(e.value, fn.empty() ? path_join(path, e.key.text) : path, owner, when, depth + 1);
    }
  }

 private:
  void sub(const Node& arg, const std::string& path, const std::string& owner, Bdd::Ref when,
           int depth) {
    const Node* text = &arg;
    const Node* vars = nullptr;
    if (arg.is_sequence() && !arg.items.empty()) {
      text = &arg.items[0];
      if (arg.items.size() > 1) {
        vars = &arg.items[1];
        walk(*vars, path, owner, when, depth + 1);
      }
    }
    if (!text->is_scalar()) {
      walk(*text, path, owner, when, depth + 1);
      return;
    }
    const std::string& s = text->text;
    const std::string_view source = tpl_.document().text;
    const std::string_view in_source =
        source.substr(text->range.begin, text->range.end - text->range.begin);
    for (size_t at = s.find("${"); at != std::string::npos; at = s.find("${", at + 2)) {
      const size_t close = s.find('}', at + 2);
      if (close == std::string::npos) break;
      std::string var = s.substr(at + 2, close - at - 2);
      var.erase(0, var.find_first_not_of(' '));
      var.erase(var.find_last_not_of(' ') + 1);
      if (var.empty() || var[0] == '!') continue;
      if (vars && vars->get(var)) continue;
      Range where = text->range;
      const std::string needle = "${" + var + "}";
      if (const auto found = in_source.find(needle); found != std::string_view::npos) {
        const auto b = static_cast<uint32_t>(text->range.begin + found + 2);
        where = {b, b + static_cast<uint32_t>(var.size())};
      }
      const auto dot = var.find('.');
      if (dot != std::string::npos && !is_pseudo_parameter(var)) {
        out_.push_back({Reference::Kind::SubVariable, var.substr(0, dot), var.substr(dot + 1),
                        where, path, owner, when});
      } else {
        out_.push_back({Reference::Kind::SubVariable, var, "", where, path, owner, when});
      }
    }
  }

  const Template& tpl_;
  bool guards_;
  bool include_foreach_;
  std::vector<Reference>& out_;
};

}  // namespace

bool is_pseudo_parameter(std::string_view name) {
  return std::find(kPseudo.begin(), kPseudo.end(), name) != kPseudo.end();
}

std::vector<std::string_view> pseudo_parameters() {
  return {kPseudo.begin(), kPseudo.end()};
}

bool module_generated(const Template& tpl, std::string_view name) {
  for (const auto& r : tpl.resources()) {
    if (r.type_name.ends_with("::MODULE") && name.starts_with(r.name)) return true;
  }
  return false;
}

bool references_checkable(const Template& tpl) {
  return tpl.root() && !tpl.has_macro_transform() && !tpl.has_rain_directives() &&
         !tpl.has_transform("AWS::Serverless-2016-10-31");
}

bool has_computed_ref(const Node& n) {
  if (n.intrinsic_name() == "Ref" && !n.intrinsic_arg().is_scalar()) return true;
  for (const auto& i : n.items) {
    if (has_computed_ref(i)) return true;
  }
  for (const auto& e : n.entries) {
    if (has_computed_ref(e.value)) return true;
  }
  return false;
}

std::vector<Reference> collect_references(const Template& tpl, bool guards, bool include_foreach) {
  std::vector<Reference> out;
  Collector c(tpl, guards, include_foreach, out);
  if (include_foreach && tpl.root()) {
    // Loop fragments at the section level (Fn::ForEach::X under Resources, Outputs, Conditions).
    for (const auto& s : tpl.sections()) {
      if (!s.value->is_mapping()) continue;
      for (const auto& e : s.value->entries) {
        if (is_foreach_key(e.key.text)) c.walk(e.value, std::string(s.name), "", Bdd::kTrue, 0);
      }
    }
  }
  for (const auto& r : tpl.resources()) {
    if (!r.value->is_mapping()) continue;
    Bdd::Ref when = Bdd::kTrue;
    if (guards) when = tpl.evaluator().exists(r.name);
    for (const auto& e : r.value->entries) {
      if (e.key.text == "Type" || e.key.text == "DependsOn" || e.key.text == "Condition") continue;
      c.walk(e.value, path_join(r.path, e.key.text), std::string(r.name), when, 0);
    }
  }
  for (const auto& o : tpl.outputs()) {
    Bdd::Ref when = Bdd::kTrue;
    if (guards && o.condition && o.condition->is_scalar()) {
      when = tpl.evaluator().condition(o.condition->text);
    }
    c.walk(*o.value, o.path, "", when, 0);
  }
  for (const auto& cond : tpl.conditions()) c.walk(*cond.value, cond.path, "", Bdd::kTrue, 0);
  for (const auto& rule : tpl.rules()) c.walk(*rule.value, rule.path, "", Bdd::kTrue, 0);
  return out;
}

}  // namespace stacklint::rules
