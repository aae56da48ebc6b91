#include "stacklint/selection.h"

#include <algorithm>
#include <cctype>

#include "stacklint/registry.h"

namespace stacklint {
namespace {

std::string upper(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::toupper(static_cast<unsigned char>(c)));
  return out;
}

// How specifically `selector` names `rule`: 0 = not at all; a rule name counts as a full id.
size_t specificity(const std::string& selector, const RuleMeta& rule) {
  if (selector == rule.name) return rule.id.size();
  if (selector == "ALL") return 1;
  if (std::string_view(rule.id).starts_with(selector)) return selector.size() + 1;
  return 0;
}

size_t best(const std::vector<std::string>& selectors, const RuleMeta& rule) {
  size_t s = 0;
  for (const auto& sel : selectors) s = std::max(s, specificity(sel, rule));
  return s;
}

}  // namespace

std::vector<std::string> split_selectors(const std::vector<std::string>& args) {
  std::vector<std::string> out;
  for (const auto& arg : args) {
    size_t start = 0;
    while (start <= arg.size()) {
      size_t comma = arg.find(',', start);
      if (comma == std::string::npos) comma = arg.size();
      std::string item = arg.substr(start, comma - start);
      item.erase(0, item.find_first_not_of(" \t"));
      item.erase(item.find_last_not_of(" \t") + 1);
      if (!item.empty()) {
        // Rule names are kebab-case; everything else is an id or prefix.
        out.push_back(item.find('-') == std::string::npos ? upper(item) : item);
      }
      start = comma + 1;
    }
  }
  return out;
}

bool RuleSelection::set(std::vector<std::string> select, std::vector<std::string> ignore,
                        std::string* error) {
  for (const auto* list : {&select, &ignore}) {
    for (const auto& sel : *list) {
      bool matches = false;
      for (const Rule* r : all_rules()) matches = matches || specificity(sel, r->meta()) > 0;
      if (!matches) {
        if (error) *error = "'" + sel + "' matches no rule (see `stacklint rules`)";
        return false;
      }
    }
  }
  select_ = std::move(select);
  ignore_ = std::move(ignore);
  return true;
}

bool RuleSelection::enabled(const RuleMeta& rule) const {
  const size_t s = select_.empty() ? 1 : best(select_, rule);
  const size_t i = best(ignore_, rule);
  if (s == 0) return false;
  return s > i;
}

}  // namespace stacklint
