#include "stacklint/template.h"

#include <algorithm>

namespace stacklint {

std::string path_join(std::string_view base, std::string_view segment) {
  std::string out;
  out.reserve(base.size() + segment.size() + 1);
  out += base;
  if (!base.empty()) out += '/';
  out += segment;
  return out;
}

bool is_foreach_key(std::string_view key) {
  return key.starts_with("Fn::ForEach::");
}

namespace {

template <typename T>
void read_entries(const Section& s, std::vector<T>& out) {
  if (!s.value || !s.value->is_mapping()) return;
  out.reserve(s.value->entries.size());
  for (const auto& e : s.value->entries) {
    if (is_foreach_key(e.key.text)) continue;
    T item{};
    item.name = e.key.text;
    item.key = &e.key;
    item.value = &e.value;
    item.path = path_join(s.name, e.key.text);
    out.push_back(std::move(item));
  }
}

bool has_rain_key(const Node& n, int depth) {
  if (depth > 300) return false;
  for (const auto& e : n.entries) {
    if (e.key.text.starts_with("Rain::") || has_rain_key(e.value, depth + 1)) return true;
  }
  for (const auto& item : n.items) {
    if (has_rain_key(item, depth + 1)) return true;
  }
  return false;
}

}  // namespace

Template::~Template() = default;

const ParameterValues& Template::parameter_values() const {
  static const ParameterValues kNone;
  return parameter_values_ ? *parameter_values_ : kNone;
}

std::string_view Template::rule_option(std::string_view rule, std::string_view key,
                                       std::string_view fallback) const {
  if (!rule_options_) return fallback;
  std::string full(rule);
  full += '.';
  full += key;
  const auto it = rule_options_->find(full);
  return it == rule_options_->end() ? fallback : std::string_view(it->second);
}

Evaluator& Template::evaluator() const {
  if (!evaluator_) evaluator_ = std::make_unique<Evaluator>(*this, parameter_values());
  return *evaluator_;
}

Template::Template(const Document& doc, const ParameterValues* parameters)
    : doc_(&doc), parameter_values_(parameters) {
  if (!doc.root || !doc.root->is_mapping()) return;
  root_ = &*doc.root;
  for (const auto& issue : doc.issues) {
    if (issue.kind == ReadIssue::Kind::UnknownTag &&
        doc.text.compare(issue.range.begin, 7, "!Rain::") == 0) {
      rain_ = true;
    }
  }
  if (!rain_ && doc.format == Format::Json) rain_ = has_rain_key(*root_, 0);
  for (const auto& e : root_->entries) {
    sections_.push_back({e.key.text, &e.key, &e.value});
  }
  for (const auto& s : sections_) {
    if (s.name == "AWSTemplateFormatVersion") {
      format_version_ = s.value;
    } else if (s.name == "Description") {
      description_ = s.value;
    } else if (s.name == "Metadata") {
      metadata_ = s.value;
    } else if (s.name == "Transform") {
      if (s.value->is_scalar() && !s.value->is_null()) {
        transforms_.push_back(s.value->text);
      } else if (s.value->is_sequence()) {
        for (const auto& t : s.value->items) {
          if (t.is_scalar()) transforms_.push_back(t.text);
        }
      } else if (const Node* name = s.value->get("Name"); name && name->is_scalar()) {
        transforms_.push_back(name->text);  // the {Name: AWS::Include, Parameters: ...} form
      }
    } else if (s.name == "Parameters") {
      read_entries(s, parameters_);
    } else if (s.name == "Mappings") {
      read_entries(s, mappings_);
    } else if (s.name == "Conditions") {
      read_entries(s, conditions_);
    } else if (s.name == "Rules") {
      read_entries(s, rules_);
    } else if (s.name == "Resources") {
      read_entries(s, resources_);
    } else if (s.name == "Outputs") {
      read_entries(s, outputs_);
    }
  }
  for (auto& p : parameters_) {
    p.type = p.value->get("Type");
    p.default_value = p.value->get("Default");
    p.no_echo = p.value->get("NoEcho");
    p.allowed_values = p.value->get("AllowedValues");
  }
  for (auto& r : resources_) {
    const Node& v = *r.value;
    r.type = v.get("Type");
    if (r.type && r.type->is_scalar() && !r.type->is_null()) r.type_name = r.type->text;
    r.properties = v.get("Properties");
    r.depends_on = v.get("DependsOn");
    r.condition = v.get("Condition");
    r.deletion_policy = v.get("DeletionPolicy");
    r.update_replace_policy = v.get("UpdateReplacePolicy");
    r.metadata = v.get("Metadata");
    r.creation_policy = v.get("CreationPolicy");
    r.update_policy = v.get("UpdatePolicy");
  }
  for (auto& o : outputs_) {
    o.output_value = o.value->get("Value");
    o.export_ = o.value->get("Export");
    o.condition = o.value->get("Condition");
  }
}

const Section* Template::section(std::string_view name) const {
  for (const auto& s : sections_) {
    if (s.name == name) return &s;
  }
  return nullptr;
}

bool Template::has_transform(std::string_view name) const {
  return std::find(transforms_.begin(), transforms_.end(), name) != transforms_.end();
}

bool Template::has_macro_transform() const {
  return std::any_of(transforms_.begin(), transforms_.end(),
                     [](std::string_view t) { return !t.starts_with("AWS::"); });
}

const Parameter* Template::parameter(std::string_view name) const {
  for (const auto& p : parameters_) {
    if (p.name == name) return &p;
  }
  return nullptr;
}

const Resource* Template::resource(std::string_view name) const {
  for (const auto& r : resources_) {
    if (r.name == name) return &r;
  }
  return nullptr;
}

}  // namespace stacklint
