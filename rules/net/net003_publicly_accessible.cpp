#include <cctype>

#include "rules/common.h"
#include "rules/net/ingress.h"
#include "stacklint/schema.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "NET003",
                         .name = "database-publicly-accessible",
                         .severity = Severity::Error,
                         .summary = "A database or cache is made publicly accessible",
                         .doc = R"md(
## What it does
Reports `PubliclyAccessible` that can be true (literally, through a parameter's Default or
AllowedValues, a mapping, or a branch of `Fn::If`) on any resource type whose schema has that
property: RDS instances and clusters, Redshift clusters and serverless workgroups, DMS
replication instances, Amazon MQ brokers, Neptune instances, Timestream InfluxDB, Lightsail
databases, ...

## Why is this bad?
The database gets a public DNS name and address; only its security groups stand between it
and password-guessing from the internet.

## Example
```yaml
Resources:
  Database:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.micro
      PubliclyAccessible: true
```

## Use instead
```yaml
Resources:
  Database:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.micro
      PubliclyAccessible: false
```
)md"};

class PubliclyAccessible final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    for (const auto& r : tpl.resources()) {
      if (!r.properties || !r.properties->is_mapping()) continue;
      const Node* v = r.properties->get("PubliclyAccessible");
      if (!v) continue;
      const schema::ResourceType* rt = schema::find_resource(r.type_name);
      if (!rt || !rt->properties.property("PubliclyAccessible")) continue;
      Evaluator& ev = tpl.evaluator();
      for (const auto& p : ev.evaluate(*v, ev.exists(r.name))) {
        if (!p.value.is_literal()) continue;
        std::string s = p.value.literal();
        for (auto& c : s) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
        if (s != "true") continue;
        report(out, kMeta, *v, path_join(path_join(r.path, "Properties"), "PubliclyAccessible"),
               fmt::format("{} is publicly accessible from the internet{}", describe(r),
                           when_suffix(ev, p.when)));
        break;
      }
    }
  }
};

}  // namespace

const Rule& net003() {
  static const PubliclyAccessible rule;
  return rule;
}

}  // namespace stacklint::rules
