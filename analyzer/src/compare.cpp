#include "compare.h"

#include <fmt/format.h>

#include <algorithm>

#include "rules/dat/stateful.h"
#include "stacklint/diff.h"
#include "stacklint/registry.h"
#include "stacklint/schema.h"

namespace stacklint {
namespace {

std::string causes(const ResourceChange& c, int min_level) {
  std::string out;
  for (const auto& p : c.changes) {
    if (p.replacement < min_level) continue;
    if (!out.empty()) out += "; ";
    out += p.property == "(logical id)" ? fmt::format("its logical id changed from {}", c.old_id)
                                        : fmt::format("{} changed ({})", p.property, p.cause);
  }
  return out;
}

// The data a policy keeps, or "" when the data is deleted.
std::string kept_by(const Resource& r, const Node* policy, bool deletion) {
  if (!policy) {
    const bool rds_default = deletion && (r.type_name == "AWS::RDS::DBCluster" ||
                                          (r.type_name == "AWS::RDS::DBInstance" && r.properties &&
                                           !r.properties->get("DBClusterIdentifier")));
    return rds_default ? "a final snapshot (RDS's default)" : "";
  }
  if (!policy->is_scalar()) return "";
  if (policy->text == "Retain" || policy->text == "RetainExceptOnCreate")
    return "the old resource (Retain)";
  if (policy->text == "Snapshot") return "a snapshot";
  return "";
}

Range where_of(const Resource* r, const Template& tpl) {
  if (r) return r->key->range;
  const Section* s = tpl.section("Resources");
  return s ? s->key->range : Range{};
}

}  // namespace

void report_changes(const Template& old_tpl, const Template& new_tpl, const LintOptions& options,
                    Sink& sink) {
  const RuleMeta& chg001 = find_rule("CHG001")->meta();
  const RuleMeta& chg002 = find_rule("CHG002")->meta();
  const RuleMeta& chg003 = find_rule("CHG003")->meta();
  const RuleMeta& chg004 = find_rule("CHG004")->meta();
  for (const auto& c : diff_templates(old_tpl, new_tpl)) {
    if (options.allow_replacement.count(c.id) ||
        (!c.old_id.empty() && options.allow_replacement.count(c.old_id))) {
      continue;
    }
    const std::string path = "Resources/" + c.id;
    const bool replaced =
        c.kind == ResourceChange::Kind::Replaced || c.kind == ResourceChange::Kind::Renamed;
    const bool maybe = c.kind == ResourceChange::Kind::MayReplace;
    if (replaced) {
      sink.report(chg001, where_of(c.new_resource, new_tpl), path,
                  fmt::format("{} ({}) will be replaced: {}", c.id, c.type, causes(c, 2)));
    }
    if (maybe) {
      sink.report(chg004, where_of(c.new_resource, new_tpl), path,
                  fmt::format("{} ({}) may be replaced: {}; whether it is depends on values known "
                              "only at deploy time (a change set tells)",
                              c.id, c.type, causes(c, 1)));
    }
    // Data loss: replacement (UpdateReplacePolicy of the new version) or removal (DeletionPolicy
    // of the old one).
    const bool removed = c.kind == ResourceChange::Kind::Removed;
    const Resource* subject =
        removed ? c.old_resource : (c.new_resource ? c.new_resource : c.old_resource);
    if ((replaced || maybe || removed) && subject) {
      if (const auto* t = rules::stateful_type_of(*subject)) {
        const Node* policy = removed ? subject->deletion_policy
                             : c.kind == ResourceChange::Kind::Renamed
                                 ? c.old_resource->deletion_policy
                                 : subject->update_replace_policy;
        const std::string kept =
            kept_by(*subject, policy, removed || c.kind == ResourceChange::Kind::Renamed);
        const std::string what = removed ? "is removed from the template"
                                 : maybe ? "may be replaced"
                                         : "will be replaced";
        const std::string msg =
            kept.empty()
                ? fmt::format("{} ({}) {}: its {} will be deleted", c.id, c.type, what, t->holds)
                : fmt::format("{} ({}) {}; {} is kept", c.id, c.type, what, kept);
        sink.report(chg002, kept.empty() ? Severity::Error : Severity::Warning,
                    where_of(removed ? nullptr : c.new_resource, new_tpl), path, msg);
      }
    }
    // A custom name that stays while the resource is replaced: the update fails.
    if ((replaced || maybe) && c.kind != ResourceChange::Kind::Renamed && c.new_resource &&
        c.old_resource) {
      const schema::ResourceType* rt = schema::find_resource(c.type);
      if (!rt) continue;
      // The naming properties: the primary identifier when it is a property
      // (DBInstanceIdentifier), and <Type>Name (QueueName for AWS::SQS::Queue).
      std::vector<std::string> names;
      for (const auto& id : rt->primary_identifier) {
        if (rt->properties.property(id)) names.push_back(id);
      }
      const std::string own = c.type.substr(c.type.rfind(':') + 1) + "Name";
      if (rt->properties.property(own) &&
          std::find(names.begin(), names.end(), own) == names.end()) {
        names.push_back(own);
      }
      for (const auto& name : names) {
        const Node* now =
            c.new_resource->properties ? c.new_resource->properties->get(name) : nullptr;
        const Node* before =
            c.old_resource->properties ? c.old_resource->properties->get(name) : nullptr;
        if (!now || !before || !now->is_scalar() || !before->is_scalar() ||
            now->text != before->text)
          continue;
        sink.report(chg003, now->range, path_join(path, "Properties/" + name),
                    fmt::format("{} {} replaced but keeps its custom name {} '{}': CloudFormation "
                                "cannot replace a custom-named resource and the update will fail; "
                                "change {} too",
                                c.id, maybe ? "may be" : "will be", name, now->text, name));
      }
    }
  }
}

}  // namespace stacklint
