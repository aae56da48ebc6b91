#include <algorithm>

#include "rules/common.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "PAR007",
                         .name = "invalid-structure",
                         .severity = Severity::Error,
                         .summary = "A section, entry or attribute has the wrong shape",
                         .doc = R"md(
## What it does
Checks the shape CloudFormation requires of a template's parts:

- `AWSTemplateFormatVersion` is `"2010-09-09"`; `Description` is a string of at most 1,024 bytes.
- `Metadata`, `Parameters`, `Mappings`, `Conditions`, `Rules`, `Resources` and `Outputs` are
  mappings; each parameter, resource and output is a mapping; each mapping is a mapping of
  mappings; each condition is a condition function.
- Logical ids of parameters, resources and outputs are alphanumeric (`A-Za-z0-9`), at most 255
  characters.
- Every parameter has a `Type`; every output has a `Value`.
- A resource's `Type` and `Condition` are strings; `Properties`, `Metadata`, `CreationPolicy`
  and `UpdatePolicy` are mappings; `DependsOn` is a logical id or a list of them (intrinsic
  functions are not allowed there).

## Why is this bad?
CloudFormation rejects the template with a `Template format error` at deploy time; this rule
tells you at commit time, pointing at the offending line.

## Example
```yaml
Resources:
  App-Bucket:
    Type: AWS::S3::Bucket
    DependsOn: !Ref Queue
  Queue:
    Type: AWS::SQS::Queue
```

## Use instead
```yaml
Resources:
  AppBucket:
    Type: AWS::S3::Bucket
    DependsOn: Queue
  Queue:
    Type: AWS::SQS::Queue
```
)md"};

bool is_logical_id(std::string_view id) {
  return !id.empty() && id.size() <= 255 && std::all_of(id.begin(), id.end(), [](char c) {
    return (c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9');
  });
}

class InvalidStructure final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }

  void check(const Template& tpl, Sink& out) const override {
    if (!tpl.root()) return;
    check_header(tpl, out);
    for (const auto& s : tpl.sections()) {
      if (s.name == "Metadata" || s.name == "Parameters" || s.name == "Mappings" ||
          s.name == "Conditions" || s.name == "Rules" || s.name == "Resources" ||
          s.name == "Outputs") {
        if (!s.value->is_mapping() && !s.value->is_null()) {
          report(
              out, kMeta, *s.value, std::string(s.name),
              fmt::format("the {} section must be a mapping, not {}", s.name, s.value->describe()));
        }
      }
      if (s.name == "Transform") check_transform(*s.value, out);
    }
    for (const auto& p : tpl.parameters()) check_parameter(p, out);
    for (const auto& m : tpl.mappings()) check_mapping(m, out);
    for (const auto& c : tpl.conditions()) check_condition(c, out);
    for (const auto& r : tpl.resources()) check_resource(r, out);
    for (const auto& o : tpl.outputs()) check_output(o, out);
  }

 private:
  static void check_header(const Template& tpl, Sink& out) {
    if (const Node* v = tpl.format_version()) {
      if (!v->is_scalar() || v->text != "2010-09-09") {
        report(out, kMeta, *v, "AWSTemplateFormatVersion",
               "AWSTemplateFormatVersion must be \"2010-09-09\", the only version there is");
      }
    }
    if (const Node* d = tpl.description()) {
      if (!d->is_scalar() || d->is_null()) {
        report(out, kMeta, *d, "Description",
               fmt::format("Description must be a string, not {}", d->describe()));
      } else if (d->text.size() > 1024) {
        report(out, kMeta, *d, "Description",
               fmt::format("Description is {} bytes long; CloudFormation allows at most 1024",
                           d->text.size()));
      }
    }
  }

  static void check_transform(const Node& t, Sink& out) {
    auto ok_item = [](const Node& n) {
      return (n.is_scalar() && !n.is_null()) || (n.is_mapping() && n.get("Name"));
    };
    bool ok = ok_item(t);
    if (t.is_sequence()) ok = std::all_of(t.items.begin(), t.items.end(), ok_item);
    if (!ok) {
      report(
          out, kMeta, t, "Transform",
          "Transform must be a transform name, a list of names, or {Name: ..., Parameters: ...}");
    }
  }

  static void check_id(const NamedEntry& e, std::string_view what, Sink& out) {
    if (!is_logical_id(e.name)) {
      report(out, kMeta, *e.key, e.path,
             fmt::format("{} logical id '{}' must be alphanumeric (A-Za-z0-9, at most 255 "
                         "characters)",
                         what, e.name));
    }
  }

  static bool expect_mapping(const NamedEntry& e, std::string_view what, Sink& out) {
    if (e.value->is_mapping()) return true;
    report(out, kMeta, e.value->is_null() ? *e.key : *e.value, e.path,
           fmt::format("{} {} must be a mapping, not {}", what, e.name, e.value->describe()));
    return false;
  }

  static void check_parameter(const Parameter& p, Sink& out) {
    check_id(p, "parameter", out);
    if (!expect_mapping(p, "parameter", out)) return;
    if (!p.type) {
      report(out, kMeta, *p.key, p.path, fmt::format("parameter {} has no Type", p.name));
    } else if (!p.type->is_scalar() || p.type->is_null()) {
      report(out, kMeta, *p.type, path_join(p.path, "Type"),
             fmt::format("the Type of parameter {} must be a string", p.name));
    }
  }

  static void check_mapping(const NamedEntry& m, Sink& out) {
    if (!expect_mapping(m, "mapping", out)) return;
    for (const auto& e : m.value->entries) {
      if (!e.value.is_mapping()) {
        report(out, kMeta, e.value.is_null() ? e.key : e.value, path_join(m.path, e.key.text),
               fmt::format("mapping {} must map '{}' to a mapping of keys to values, not {}",
                           m.name, e.key.text, e.value.describe()));
      }
    }
  }

  static void check_condition(const NamedEntry& c, Sink& out) {
    const std::string_view fn = c.value->intrinsic_name();
    if (fn == "Fn::Equals" || fn == "Fn::And" || fn == "Fn::Or" || fn == "Fn::Not" ||
        fn == "Condition") {
      return;
    }
    report(out, kMeta, c.value->is_null() ? *c.key : *c.value, c.path,
           fmt::format("condition {} must be a condition function (Fn::Equals, Fn::And, Fn::Or, "
                       "Fn::Not or Condition), not {}",
                       c.name, fn.empty() ? c.value->describe() : fn));
  }

  static bool mapping_or_intrinsic(const Node& n) {
    return n.is_mapping();  // an intrinsic call is a mapping too (Fn::If, ...)
  }

  static void check_resource(const Resource& r, Sink& out) {
    check_id(r, "resource", out);
    if (!expect_mapping(r, "resource", out)) return;
    if (r.type && !r.type->is_null() && !r.type->is_scalar()) {
      report(out, kMeta, *r.type, path_join(r.path, "Type"),
             fmt::format("the Type of resource {} must be a string, not {}", r.name,
                         r.type->describe()));
    }
    if (r.condition && (!r.condition->is_scalar() || r.condition->is_null())) {
      report(out, kMeta, *r.condition, path_join(r.path, "Condition"),
             fmt::format("the Condition of resource {} must be the name of a condition", r.name));
    }
    const std::pair<const char*, const Node*> mappings[] = {{"Properties", r.properties},
                                                            {"Metadata", r.metadata},
                                                            {"CreationPolicy", r.creation_policy},
                                                            {"UpdatePolicy", r.update_policy}};
    for (const auto& [name, node] : mappings) {
      if (node && !node->is_null() && !mapping_or_intrinsic(*node)) {
        report(out, kMeta, *node, path_join(r.path, name),
               fmt::format("{} of resource {} must be a mapping, not {}", name, r.name,
                           node->describe()));
      }
    }
    if (const Node* d = r.depends_on) check_depends_on(r, *d, out);
  }

  static void check_depends_on(const Resource& r, const Node& d, Sink& out) {
    const std::string path = path_join(r.path, "DependsOn");
    auto bad = [&](const Node& n) {
      report(out, kMeta, n, path,
             fmt::format("DependsOn of {} must list logical ids as plain strings; {} is not "
                         "allowed here",
                         r.name, n.intrinsic_name().empty() ? n.describe() : n.intrinsic_name()));
    };
    if (d.is_scalar() && !d.is_null()) return;
    if (d.is_sequence()) {
      for (const auto& item : d.items) {
        if (!item.is_scalar() || item.is_null()) bad(item);
      }
      return;
    }
    bad(d);
  }

  static void check_output(const Output& o, Sink& out) {
    check_id(o, "output", out);
    if (!expect_mapping(o, "output", out)) return;
    if (!o.output_value) {
      report(out, kMeta, *o.key, o.path, fmt::format("output {} has no Value", o.name));
    }
    if (o.export_ && (!o.export_->is_mapping() || !o.export_->get("Name"))) {
      report(out, kMeta, *o.export_, path_join(o.path, "Export"),
             fmt::format("Export of output {} must be a mapping with a Name", o.name));
    }
    if (o.condition && (!o.condition->is_scalar() || o.condition->is_null())) {
      report(out, kMeta, *o.condition, path_join(o.path, "Condition"),
             fmt::format("the Condition of output {} must be the name of a condition", o.name));
    }
  }
};

}  // namespace

const Rule& par007() {
  static const InvalidStructure rule;
  return rule;
}

}  // namespace stacklint::rules
