#include <vector>

#include "rules/common.h"
#include "rules/dat/stateful.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{
    .id = "DAT003",
    .name = "stateful-resource-delete-policy",
    .severity = Severity::Warning,
    .summary = "DeletionPolicy or UpdateReplacePolicy is Delete on a resource that holds data",
    .doc = R"md(
## What it does
Reports `DeletionPolicy: Delete` or `UpdateReplacePolicy: Delete` on a resource that holds data
(the types listed in DAT001), including when `Delete` is only one of the values the policy can
take: a branch of `!If`, or a parameter's `Default` or `AllowedValues`.

## Why is this bad?
The policy says, explicitly, to delete the data when the stack is deleted or the resource is
removed or replaced. That is sometimes right for throw-away environments; make it a conscious
choice per environment (for example `!If [IsProd, Retain, Delete]`, which this rule still
reports so that the choice is reviewed, or a suppression with a reason).

## Example
```yaml
Resources:
  Uploads:
    Type: AWS::S3::Bucket
    DeletionPolicy: Delete
    UpdateReplacePolicy: Retain
```

## Use instead
```yaml
Resources:
  Uploads:
    Type: AWS::S3::Bucket
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
```
)md"};

class DeletePolicy final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    for (const auto& r : tpl.resources()) {
      const StatefulType* t = stateful_type_of(r);
      if (!t) continue;
      check_policy(tpl, r, *t, "DeletionPolicy", r.deletion_policy,
                   "deleting the stack or removing the resource", out);
      check_policy(tpl, r, *t, "UpdateReplacePolicy", r.update_replace_policy,
                   "an update that replaces it", out);
    }
  }

 private:
  static void check_policy(const Template& tpl, const Resource& r, const StatefulType& t,
                           std::string_view attribute, const Node* value, std::string_view when,
                           Sink& out) {
    if (!value) return;
    std::vector<PolicyValue> values;
    bool unknown = false;
    policy_values(tpl, *value, values, unknown);
    for (const auto& v : values) {
      if (v.text != "Delete") continue;
      const bool inside =
          v.node->range.begin >= value->range.begin && v.node->range.end <= value->range.end;
      const bool sole = value->is_scalar();
      report(out, kMeta, inside ? *v.node : *value, path_join(r.path, attribute),
             fmt::format("{} of {} {} Delete: {} deletes its {}", attribute, describe(r),
                         sole ? "is" : "can be", when, t.holds));
      break;
    }
  }
};

}  // namespace

const Rule& dat003() {
  static const DeletePolicy rule;
  return rule;
}

}  // namespace stacklint::rules
