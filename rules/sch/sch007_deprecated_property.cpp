#include "rules/common.h"
#include "rules/sch/walk.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "SCH007",
                         .name = "deprecated-property",
                         .severity = Severity::Warning,
                         .summary = "A property is deprecated",
                         .doc = R"md(
## What it does
Reports a property that AWS's resource database marks as deprecated.

## Why is this bad?
Deprecated properties stop receiving new features, may be removed, and often have a
replacement that behaves better (for example an ElastiCache cluster's
`CacheSecurityGroupNames`, from before VPCs, gave way to `VpcSecurityGroupIds`).

## Example
```yaml
Resources:
  Cache:
    Type: AWS::ElastiCache::CacheCluster
    Properties:
      Engine: redis
      CacheNodeType: cache.t4g.micro
      NumCacheNodes: 1
      CacheSecurityGroupNames: [legacy-cache]
```

## Use instead
```yaml
Resources:
  Cache:
    Type: AWS::ElastiCache::CacheCluster
    Properties:
      Engine: redis
      CacheNodeType: cache.t4g.micro
      NumCacheNodes: 1
      VpcSecurityGroupIds: [sg-0123456789abcdef0]
```
)md"};

class Visitor final : public PropertyVisitor {
 public:
  Visitor(const Resource& r, Sink& out) : r_(r), out_(out) {}
  void object(const Node& mapping, const schema::ObjectType& type, const Node&,
              const std::string& path) override {
    for (const auto& e : mapping.entries) {
      const schema::Property* p = type.property(e.key.text);
      if (p && p->deprecated) {
        report(out_, kMeta, e.key, path_join(path, e.key.text),
               fmt::format("{} of {} is deprecated", p->name, r_.name));
      }
    }
  }

 private:
  const Resource& r_;
  Sink& out_;
};

class DeprecatedProperty final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    for (const auto& r : tpl.resources()) {
      const schema::ResourceType* rt = checkable_schema(tpl, r);
      if (!rt) continue;
      Visitor v(r, out);
      walk_properties(r, *rt, v);
    }
  }
};

}  // namespace

const Rule& sch007() {
  static const DeprecatedProperty rule;
  return rule;
}

}  // namespace stacklint::rules
