#include "rules/common.h"
#include "stacklint/schema.h"
#include "stacklint/suggest.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "SCH006",
                         .name = "unknown-attribute",
                         .severity = Severity::Error,
                         .summary = "Fn::GetAtt reads an attribute the resource type does not have",
                         .doc = R"md(
## What it does
Reports `Fn::GetAtt` (both `!GetAtt Res.Attr` and `!GetAtt [Res, Attr]`) and `${Res.Attr}`
inside `Fn::Sub` strings that name an attribute the resource's type does not return. Nested
attributes such as `Endpoint.Address` are known. A close match is suggested.

Not checked: custom resources and modules (any attribute), `Outputs.*` of nested stacks and
provisioned products, SAM types, templates that use a macro, and references to resources that
do not exist (REF rules report those).

## Why is this bad?
CloudFormation rejects the template (`Template error: resource X does not support attribute
type Y in Fn::GetAtt`).

## Example
```yaml
Resources:
  Queue:
    Type: AWS::SQS::Queue
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
Outputs:
  QueueUrl:
    Value: !GetAtt Queue.Url
```

## Use instead
```yaml
Resources:
  Queue:
    Type: AWS::SQS::Queue
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
Outputs:
  QueueUrl:
    Value: !GetAtt Queue.QueueUrl
```
)md"};

bool any_attribute(std::string_view type) {
  return type.starts_with("Custom::") || type == "AWS::CloudFormation::CustomResource" ||
         type.ends_with("::MODULE");
}

class UnknownAttribute final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    if (!tpl.root() || tpl.has_macro_transform() || tpl.has_rain_directives()) return;
    walk(tpl, *tpl.root(), "", out, 0);
  }

 private:
  // Checks `resource.attribute` and reports over `where`.
  static void check_attribute(const Template& tpl, std::string_view resource,
                              std::string_view attribute, Range where, const std::string& path,
                              Sink& out) {
    const Resource* r = tpl.resource(resource);
    if (!r || r->type_name.empty() || any_attribute(r->type_name)) return;
    const schema::ResourceType* rt = schema::find_resource(r->type_name);
    if (!rt || !rt->transform.empty()) return;
    if (attribute.starts_with("Outputs.") &&
        (r->type_name == "AWS::CloudFormation::Stack" ||
         r->type_name == "AWS::ServiceCatalog::CloudFormationProvisionedProduct")) {
      return;
    }
    if (rt->attribute(attribute)) return;
    std::string msg = fmt::format("{} has no attribute '{}'", describe(*r), attribute);
    const auto names = rt->attribute_names();
    if (const auto hint = closest_match(attribute, names); !hint.empty()) {
      msg += fmt::format("; did you mean '{}'?", hint);
    } else if (names.empty()) {
      msg += "; it returns no attributes";
    } else if (names.size() <= 6) {
      msg += fmt::format("; it has {}", fmt::join(names, ", "));
    }
    out.report(kMeta, where, path, std::move(msg));
  }

  static void check_getatt(const Template& tpl, const Node& call, const std::string& path,
                           Sink& out) {
    const Node& arg = call.intrinsic_arg();
    if (!arg.is_sequence() || arg.items.size() != 2 || !arg.items[0].is_scalar() ||
        !arg.items[1].is_scalar()) {
      return;  // a computed attribute name (!Ref Param) cannot be checked statically
    }
    check_attribute(tpl, arg.items[0].text, arg.items[1].text, arg.items[1].range, path, out);
  }

  static void check_sub(const Template& tpl, const Node& call, const std::string& path, Sink& out) {
    const Node& arg = call.intrinsic_arg();
    const Node* text = &arg;
    const Node* vars = nullptr;
    if (arg.is_sequence() && !arg.items.empty()) {
      text = &arg.items[0];
      if (arg.items.size() > 1) vars = &arg.items[1];
    }
    if (!text->is_scalar()) return;
    const std::string& s = text->text;
    const std::string_view source = tpl.document().text;
    for (size_t at = s.find("${"); at != std::string::npos; at = s.find("${", at + 2)) {
      const size_t close = s.find('}', at + 2);
      if (close == std::string::npos) break;
      const std::string var = s.substr(at + 2, close - at - 2);
      if (var.empty() || var[0] == '!') continue;  // ${!Literal} is an escape
      const size_t dot = var.find('.');
      if (dot == std::string::npos) continue;
      const std::string resource = var.substr(0, dot);
      if (vars && vars->get(var)) continue;  // a variable of the Sub's own map
      // Point at ${...} in the source when it is there verbatim, else at the whole string.
      Range where = text->range;
      const std::string needle = "${" + var + "}";
      const auto found =
          source.substr(text->range.begin, text->range.end - text->range.begin).find(needle);
      if (found != std::string_view::npos) {
        const auto b = static_cast<uint32_t>(text->range.begin + found);
        where = {b, b + static_cast<uint32_t>(needle.size())};
      }
      check_attribute(tpl, resource, var.substr(dot + 1), where, path, out);
    }
  }

  static void walk(const Template& tpl, const Node& n, const std::string& path, Sink& out,
                   int depth) {
    if (depth > 200) return;
    const std::string_view fn = n.intrinsic_name();
    if (fn == "Fn::GetAtt") check_getatt(tpl, n, path, out);
    if (fn == "Fn::Sub") check_sub(tpl, n, path, out);
    for (size_t i = 0; i < n.items.size(); ++i) {
      walk(tpl, n.items[i], path, out, depth + 1);
    }
    for (const auto& e : n.entries) {
      walk(tpl, e.value, fn.empty() ? path_join(path, e.key.text) : path, out, depth + 1);
    }
  }
};

}  // namespace

const Rule& sch006() {
  static const UnknownAttribute rule;
  return rule;
}

}  // namespace stacklint::rules
