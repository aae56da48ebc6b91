#include "stacklint/suppress.h"

#include <fmt/format.h>
#include <fmt/ranges.h>
#include <tree_sitter/api.h>

#include <algorithm>
#include <map>
#include <memory>

#include "stacklint/registry.h"

extern "C" const TSLanguage* tree_sitter_yaml();

namespace stacklint {
namespace {

// Best-effort map of other linters' checks to ours (documented in README.md).
const std::map<std::string, std::vector<std::string_view>, std::less<>>& compat_table() {
  static const std::map<std::string, std::vector<std::string_view>, std::less<>> kTable{
      // cfn-lint
      {"cfn-lint:E0000", {"PAR001"}},
      {"cfn-lint:E1001", {"PAR004"}},
      {"cfn-lint:E1010", {"SCH006", "REF002"}},
      {"cfn-lint:E1012", {"REF001"}},
      {"cfn-lint:E1019", {"REF003"}},
      {"cfn-lint:E2002", {"SCH008"}},
      {"cfn-lint:E2015", {"SCH009"}},
      {"cfn-lint:E3002", {"SCH002"}},
      {"cfn-lint:E3003", {"SCH003"}},
      {"cfn-lint:E3004", {"REF007"}},
      {"cfn-lint:E3005", {"REF004"}},
      {"cfn-lint:E3006", {"SCH001"}},
      {"cfn-lint:E3012", {"SCH004"}},
      {"cfn-lint:E3030", {"SCH005"}},
      {"cfn-lint:E3035", {"PAR006"}},
      {"cfn-lint:E3036", {"PAR006"}},
      {"cfn-lint:E8002", {"REF005"}},
      {"cfn-lint:W2001", {"REF008"}},
      {"cfn-lint:W7001", {"REF008"}},
      {"cfn-lint:W8001", {"REF008"}},
      {"cfn-lint:W2501", {"SEC001", "SEC002"}},
      {"cfn-lint:W1011", {"SEC001"}},
      {"cfn-lint:I3011", {"DAT001", "DAT002"}},
      {"cfn-lint:W3011", {"DAT001", "DAT002"}},
      // cfn_nag
      {"cfn_nag:W2", {"NET001"}},
      {"cfn_nag:W27", {"NET002"}},
      {"cfn_nag:F1", {"DAT004"}},
      {"cfn_nag:F2", {"IAM003"}},
      {"cfn_nag:F3", {"IAM001"}},
      {"cfn_nag:F4", {"IAM001"}},
      {"cfn_nag:F5", {"IAM001"}},
      {"cfn_nag:W11", {"IAM002"}},
      {"cfn_nag:W12", {"IAM002"}},
      {"cfn_nag:W13", {"IAM002"}},
      {"cfn_nag:F16", {"IAM003"}},
      {"cfn_nag:F38", {"IAM004"}},
      {"cfn_nag:F39", {"IAM004"}},
      {"cfn_nag:F22", {"NET003"}},
      {"cfn_nag:F23", {"SEC001"}},
      {"cfn_nag:F24", {"SEC002"}},
      {"cfn_nag:F26", {"DAT004"}},
      {"cfn_nag:F27", {"DAT004"}},
      // checkov
      {"checkov:CKV_AWS_24", {"NET001"}},
      {"checkov:CKV_AWS_25", {"NET001"}},
      {"checkov:CKV_AWS_260", {"NET001"}},
      {"checkov:CKV_AWS_277", {"NET002"}},
      {"checkov:CKV_AWS_17", {"NET003"}},
      {"checkov:CKV_AWS_16", {"DAT004"}},
      {"checkov:CKV_AWS_3", {"DAT004"}},
      {"checkov:CKV_AWS_42", {"DAT004"}},
      {"checkov:CKV_AWS_1", {"IAM001"}},
      {"checkov:CKV_AWS_62", {"IAM001"}},
      {"checkov:CKV_AWS_63", {"IAM001"}},
      {"checkov:CKV_AWS_107", {"IAM002"}},
      {"checkov:CKV_AWS_108", {"IAM002"}},
      {"checkov:CKV_AWS_111", {"IAM002"}},
      {"checkov:CKV_AWS_60", {"IAM003"}},
      {"checkov:CKV_AWS_70", {"IAM003"}},
      {"checkov:CKV_AWS_41", {"SEC004"}},
      {"checkov:CKV_AWS_45", {"SEC004"}},
      {"checkov:CKV_AWS_46", {"SEC004"}},
  };
  return kTable;
}

std::string trim(std::string_view s) {
  const auto b = s.find_first_not_of(" \t:-");
  if (b == std::string_view::npos) return {};
  const auto e = s.find_last_not_of(" \t\r");
  return std::string(s.substr(b, e - b + 1));
}

struct ParserDeleter {
  void operator()(TSParser* p) const { ts_parser_delete(p); }
};
struct TreeDeleter {
  void operator()(TSTree* t) const { ts_tree_delete(t); }
};

void comments_in(TSNode node, std::vector<Range>& out, int depth) {
  if (depth > 512) return;
  if (std::string_view(ts_node_type(node)) == "comment") {
    out.push_back({ts_node_start_byte(node), ts_node_end_byte(node)});
    return;
  }
  const uint32_t n = ts_node_child_count(node);
  for (uint32_t i = 0; i < n; ++i) comments_in(ts_node_child(node, i), out, depth + 1);
}

void parse_comment(const Template& tpl, Range r, std::vector<Suppression>& out,
                   std::vector<SuppressionProblem>& problems) {
  const std::string_view text =
      std::string_view(tpl.document().text).substr(r.begin, r.end - r.begin);
  const auto at = text.find("stacklint:");
  if (at == std::string_view::npos) return;
  std::string_view rest = text.substr(at + 10);
  rest.remove_prefix(std::min(rest.find_first_not_of(' '), rest.size()));
  if (!rest.starts_with("ignore[")) {
    problems.push_back({r, "", "a stacklint comment must read '# stacklint: ignore[RULE] reason'"});
    return;
  }
  const auto close = rest.find(']');
  if (close == std::string_view::npos) {
    problems.push_back({r, "", "unclosed 'ignore[' in a stacklint comment"});
    return;
  }
  Suppression s;
  s.scope = Suppression::Scope::Lines;
  s.line = tpl.document().position(r.begin).line;
  s.where = r;
  s.origin = "comment";
  std::string_view ids = rest.substr(7, close - 7);
  size_t start = 0;
  while (start <= ids.size()) {
    size_t comma = ids.find(',', start);
    if (comma == std::string_view::npos) comma = ids.size();
    const std::string id = trim(ids.substr(start, comma - start));
    if (!id.empty()) s.rules.push_back(id);
    start = comma + 1;
  }
  s.reason = trim(rest.substr(close + 1));
  out.push_back(std::move(s));
}

// Metadata forms, of a resource (scope Resource) or of the template (scope File).
void parse_metadata(const Node& metadata, const std::string& path, Suppression::Scope scope,
                    const std::string& resource, std::vector<Suppression>& out,
                    std::vector<SuppressionProblem>& problems) {
  if (!metadata.is_mapping()) return;
  auto base = [&](const Node& at, std::string origin) {
    Suppression s;
    s.scope = scope;
    s.resource = resource;
    s.where = at.range;
    s.origin = std::move(origin);
    s.logical_path = path;
    return s;
  };
  if (const Node* ours = metadata.get("stacklint")) {
    const Node* list = ours->get("ignore");
    if (!list || !list->is_sequence()) {
      problems.push_back({ours->range, path_join(path, "stacklint"),
                          "Metadata stacklint needs 'ignore: [{rule: ID, reason: ...}]'"});
    } else {
      for (const auto& item : list->items) {
        Suppression s = base(item, "stacklint");
        const Node* rule = item.get("rule");
        const Node* reason = item.get("reason");
        if (!rule || !rule->is_scalar()) {
          problems.push_back({item.range, path_join(path, "stacklint/ignore"),
                              "a stacklint ignore entry needs a 'rule'"});
          continue;
        }
        s.rules.push_back(rule->text);
        if (reason && reason->is_scalar()) s.reason = reason->text;
        out.push_back(std::move(s));
      }
    }
  }
  auto compat = [&](std::string_view linter, const Node& id, std::string reason) {
    Suppression s = base(id, std::string(linter));
    for (auto r : mapped_rules(linter, id.text)) s.rules.emplace_back(r);
    if (s.rules.empty()) return;  // no counterpart here: nothing to suppress
    s.reason = reason.empty() ? fmt::format("{} {}", linter, id.text) : std::move(reason);
    out.push_back(std::move(s));
  };
  if (const Node* cfn = metadata.get("cfn-lint")) {
    if (const Node* cfg = cfn->get("config")) {
      if (const Node* checks = cfg->get("ignore_checks"); checks && checks->is_sequence()) {
        for (const auto& c : checks->items) {
          if (c.is_scalar()) compat("cfn-lint", c, "");
        }
      }
    }
  }
  if (const Node* nag = metadata.get("cfn_nag")) {
    if (const Node* rules = nag->get("rules_to_suppress"); rules && rules->is_sequence()) {
      for (const auto& r : rules->items) {
        const Node* id = r.get("id");
        const Node* reason = r.get("reason");
        if (id && id->is_scalar())
          compat("cfn_nag", *id, reason && reason->is_scalar() ? reason->text : "");
      }
    }
  }
  if (const Node* ck = metadata.get("checkov")) {
    if (const Node* skip = ck->get("skip"); skip && skip->is_sequence()) {
      for (const auto& r : skip->items) {
        const Node* id = r.get("id");
        const Node* reason = r.get("comment");
        if (id && id->is_scalar())
          compat("checkov", *id, reason && reason->is_scalar() ? reason->text : "");
      }
    }
  }
}

}  // namespace

std::vector<std::string_view> mapped_rules(std::string_view linter, std::string_view check) {
  const auto it = compat_table().find(fmt::format("{}:{}", linter, check));
  return it == compat_table().end() ? std::vector<std::string_view>{} : it->second;
}

std::vector<Range> yaml_comments(std::string_view text) {
  std::vector<Range> out;
  if (text.find('#') == std::string_view::npos) return out;  // nothing to find: skip the parse
  std::unique_ptr<TSParser, ParserDeleter> parser(ts_parser_new());
  if (!ts_parser_set_language(parser.get(), tree_sitter_yaml())) return out;
  std::unique_ptr<TSTree, TreeDeleter> tree(ts_parser_parse_string(
      parser.get(), nullptr, text.data(), static_cast<uint32_t>(text.size())));
  if (!tree) return out;
  comments_in(ts_tree_root_node(tree.get()), out, 0);
  return out;
}

std::vector<Suppression> collect_suppressions(const Template& tpl,
                                              std::vector<SuppressionProblem>& problems) {
  std::vector<Suppression> out;
  const Document& doc = tpl.document();
  if (doc.format == Format::Yaml && doc.text.find("stacklint:") != std::string::npos) {
    for (const Range& r : yaml_comments(doc.text)) parse_comment(tpl, r, out, problems);
  }
  if (tpl.metadata()) {
    parse_metadata(*tpl.metadata(), "Metadata", Suppression::Scope::File, "", out, problems);
  }
  for (const auto& r : tpl.resources()) {
    if (r.metadata) {
      parse_metadata(*r.metadata, path_join(r.path, "Metadata"), Suppression::Scope::Resource,
                     std::string(r.name), out, problems);
    }
  }
  // Our own forms need known rules and a reason; malformed ones suppress nothing.
  std::vector<Suppression> valid;
  for (auto& s : out) {
    bool ok = true;
    for (auto& id : s.rules) {
      const Rule* rule = find_rule(id);
      if (!rule) {
        problems.push_back(
            {s.where, s.logical_path, fmt::format("suppression of unknown rule '{}'", id)});
        ok = false;
      } else {
        id = std::string(rule->meta().id);
      }
    }
    if ((s.origin == "comment" || s.origin == "stacklint") && s.reason.empty()) {
      problems.push_back(
          {s.where, s.logical_path,
           fmt::format("suppression of {} needs a reason", fmt::join(s.rules, ", "))});
      ok = false;
    }
    if (ok && !s.rules.empty()) valid.push_back(std::move(s));
  }
  return valid;
}

void apply_suppressions(std::vector<Finding>& findings, std::vector<Suppression>& suppressions) {
  std::vector<Finding> kept;
  for (auto& f : findings) {
    bool hidden = false;
    for (auto& s : suppressions) {
      if (std::find(s.rules.begin(), s.rules.end(), f.rule->id) == s.rules.end()) continue;
      bool in_scope = false;
      switch (s.scope) {
        case Suppression::Scope::Lines:
          in_scope = f.start.line == s.line || f.start.line == s.line + 1;
          break;
        case Suppression::Scope::Resource: {
          const std::string prefix = "Resources/" + s.resource;
          in_scope = f.logical_path == prefix || f.logical_path.starts_with(prefix + "/");
          break;
        }
        case Suppression::Scope::File:
          in_scope = true;
          break;
      }
      if (in_scope) {
        s.used = true;
        hidden = true;
      }
    }
    if (!hidden) kept.push_back(std::move(f));
  }
  findings = std::move(kept);
}

}  // namespace stacklint
