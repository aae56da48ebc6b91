#include <algorithm>
#include <cstdlib>
#include <optional>
#include <regex>

#include "rules/common.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "SCH009",
                         .name = "invalid-parameter-default",
                         .severity = Severity::Error,
                         .summary = "A parameter's Default breaks its own constraints",
                         .doc = R"md(
## What it does
Checks a parameter's `Default` against the parameter's own constraints: `AllowedValues`,
`AllowedPattern` (the whole value must match), `MinLength`/`MaxLength` for strings and
`MinValue`/`MaxValue` for numbers. For list types (`CommaDelimitedList`, `List<...>`) each
element of the default is checked against `AllowedValues` (unless the whole default is one of
them) and `AllowedPattern`.

## Why is this bad?
A deploy that relies on the default fails parameter validation before anything is created,
usually in the one environment where nobody passes the parameter explicitly.

## Example
```yaml
Parameters:
  Environment:
    Type: String
    AllowedValues: [staging, production]
    Default: prod
Resources:
  Topic:
    Type: AWS::SNS::Topic
```

## Use instead
```yaml
Parameters:
  Environment:
    Type: String
    AllowedValues: [staging, production]
    Default: production
Resources:
  Topic:
    Type: AWS::SNS::Topic
```
)md"};

std::vector<std::string> elements(const Parameter& p) {
  const std::string& d = p.default_value->text;
  const std::string_view type = p.type && p.type->is_scalar() ? std::string_view(p.type->text) : "";
  if (!(type == "CommaDelimitedList" || type.starts_with("List<"))) return {d};
  std::vector<std::string> out;
  size_t start = 0;
  while (true) {
    const size_t comma = d.find(',', start);
    std::string item =
        d.substr(start, comma == std::string::npos ? std::string::npos : comma - start);
    item.erase(0, item.find_first_not_of(' '));
    item.erase(item.find_last_not_of(' ') + 1);
    out.push_back(item);
    if (comma == std::string::npos) break;
    start = comma + 1;
  }
  return out;
}

const Node* field(const Parameter& p, std::string_view name) {
  return p.value->get(name);
}

std::optional<double> number(const Node* n) {
  if (!n || !n->is_scalar() || n->text.empty()) return std::nullopt;
  char* end = nullptr;
  const double v = std::strtod(n->text.c_str(), &end);
  if (!end || *end != '\0') return std::nullopt;
  return v;
}

class ParameterDefault final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    if (tpl.has_rain_directives()) return;  // rain modules have parameter types of their own
    for (const auto& p : tpl.parameters()) {
      if (!p.default_value || !p.default_value->is_scalar() || p.default_value->is_null()) continue;
      const Node& d = *p.default_value;
      const std::string path = path_join(p.path, "Default");
      auto fail = [&](std::string msg) { report(out, kMeta, d, path, std::move(msg)); };
      const auto items = elements(p);
      if (const Node* allowed = field(p, "AllowedValues"); allowed && allowed->is_sequence()) {
        const bool whole =
            std::any_of(allowed->items.begin(), allowed->items.end(),
                        [&](const Node& a) { return a.is_scalar() && a.text == d.text; });
        for (const auto& item : whole ? std::vector<std::string>{} : items) {
          const bool ok =
              std::any_of(allowed->items.begin(), allowed->items.end(),
                          [&](const Node& a) { return a.is_scalar() && a.text == item; });
          if (!ok) {
            fail(fmt::format("the Default of parameter {} ('{}') is not one of its AllowedValues",
                             p.name, item));
          }
        }
      }
      if (const Node* pattern = field(p, "AllowedPattern"); pattern && pattern->is_scalar()) {
        try {
          const std::regex re(pattern->text, std::regex::ECMAScript);
          for (const auto& item : items) {
            if (!std::regex_match(item, re)) {
              fail(
                  fmt::format("the Default of parameter {} ('{}') does not match its "
                              "AllowedPattern {}",
                              p.name, item, pattern->text));
            }
          }
        } catch (const std::regex_error&) {
          // Java-only syntax std::regex cannot read: do not guess.
        }
      }
      const bool numeric = p.type && p.type->is_scalar() && p.type->text == "Number";
      if (!numeric) {
        const auto len = static_cast<double>(d.text.size());
        if (auto min = number(field(p, "MinLength")); min && len < *min) {
          fail(
              fmt::format("the Default of parameter {} is {} characters long, shorter than its "
                          "MinLength {}",
                          p.name, d.text.size(), *min));
        }
        if (auto max = number(field(p, "MaxLength")); max && len > *max) {
          fail(
              fmt::format("the Default of parameter {} is {} characters long, longer than its "
                          "MaxLength {}",
                          p.name, d.text.size(), *max));
        }
      } else if (auto v = number(&d)) {
        if (auto min = number(field(p, "MinValue")); min && *v < *min) {
          fail(fmt::format("the Default of parameter {} ({}) is below its MinValue {}", p.name,
                           d.text, *min));
        }
        if (auto max = number(field(p, "MaxValue")); max && *v > *max) {
          fail(fmt::format("the Default of parameter {} ({}) is above its MaxValue {}", p.name,
                           d.text, *max));
        }
      } else {
        fail(fmt::format("the Default of Number parameter {} ('{}') is not a number", p.name,
                         d.text));
      }
    }
  }
};

}  // namespace

const Rule& sch009() {
  static const ParameterDefault rule;
  return rule;
}

}  // namespace stacklint::rules
