#include <algorithm>
#include <set>

#include "rules/common.h"
#include "rules/net/ingress.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{
    .id = "NET004",
    .name = "database-reachability",
    .severity = Severity::Error,
    .summary = "A database is reachable from the internet, or from no application tier at all",
    .doc = R"md(
## What it does
Follows, inside the template, which security groups a database or cache uses (RDS, Aurora,
Redshift, DocumentDB, Neptune, ElastiCache, MemoryDB) and what their ingress rules admit on the
database's port (its `Port`, or the engine's default: 5432, 3306, 1433, 1521, 5439, 27017,
8182, 6379, 11211):

- from the internet (`0.0.0.0/0`, `::/0`, also through parameters and conditions): reported;
- from none of the security groups the application tier uses (EC2 instances, launch
  templates and configurations, Lambda functions in a VPC, ECS services): reported, because
  the application cannot reach its database. Membership of a group is not a rule: instances
  in the same group as the database still need a rule that admits that group.

Only what the template proves is reported: a database using a security group defined
elsewhere, a rule admitting a private CIDR or a prefix list, or ports known only at deploy
time, make the check stand down.

## Why is this bad?
The first is a data breach waiting to happen. The second deploys cleanly and fails at the
first request, usually in production, because nothing in CloudFormation checks it.

## Example
```yaml
Resources:
  AppSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 8000, ToPort: 8000, CidrIp: 10.0.0.0/16}
  App:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      SecurityGroupIds: [!Ref AppSg]
  Database:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.micro
      VPCSecurityGroups: [!Ref AppSg]
```

## Use instead
```yaml
Resources:
  AppSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: app
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 8000, ToPort: 8000, CidrIp: 10.0.0.0/16}
  DbSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: database
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 5432, ToPort: 5432, SourceSecurityGroupId: !Ref AppSg}
  App:
    Type: AWS::EC2::Instance
    Properties:
      ImageId: ami-0123456789abcdef0
      SecurityGroupIds: [!Ref AppSg]
  Database:
    Type: AWS::RDS::DBInstance
    DeletionPolicy: Snapshot
    UpdateReplacePolicy: Snapshot
    Properties:
      Engine: postgres
      DBInstanceClass: db.t4g.micro
      VPCSecurityGroups: [!Ref DbSg]
```
)md"};

struct DbKind {
  std::string_view type;
  std::string_view groups;  // property holding its security groups
  long default_port;        // 0: from the engine
};

constexpr DbKind kDatabases[] = {
    {"AWS::RDS::DBInstance", "VPCSecurityGroups", 0},
    {"AWS::RDS::DBCluster", "VpcSecurityGroupIds", 0},
    {"AWS::Redshift::Cluster", "VpcSecurityGroupIds", 5439},
    {"AWS::DocDB::DBCluster", "VpcSecurityGroupIds", 27017},
    {"AWS::Neptune::DBCluster", "VpcSecurityGroupIds", 8182},
    {"AWS::ElastiCache::CacheCluster", "VpcSecurityGroupIds", 0},
    {"AWS::ElastiCache::ReplicationGroup", "SecurityGroupIds", 6379},
    {"AWS::MemoryDB::Cluster", "SecurityGroupIds", 6379},
};

long engine_port(std::string_view engine) {
  if (engine.starts_with("aurora-postgresql") || engine.starts_with("postgres")) return 5432;
  if (engine.starts_with("aurora") || engine.starts_with("mysql") ||
      engine.starts_with("mariadb")) {
    return 3306;
  }
  if (engine.starts_with("sqlserver")) return 1433;
  if (engine.starts_with("oracle")) return 1521;
  if (engine.starts_with("redis") || engine.starts_with("valkey")) return 6379;
  if (engine.starts_with("memcached")) return 11211;
  return 0;
}

// The security groups of the application tier: those attached to compute resources.
std::set<std::string> app_groups(const Template& tpl) {
  std::set<std::string> out;
  auto add_list = [&](const Node* list) {
    if (!list || !list->is_sequence()) return;
    for (const auto& item : list->items) {
      const std::string g = security_group_of(tpl, item);
      if (!g.empty()) out.insert(g);
    }
  };
  for (const auto& r : tpl.resources()) {
    const Node* p = r.properties;
    if (!p || !p->is_mapping()) continue;
    if (r.type_name == "AWS::EC2::Instance") {
      add_list(p->get("SecurityGroupIds"));
      add_list(p->get("SecurityGroups"));
    } else if (r.type_name == "AWS::EC2::LaunchTemplate") {
      if (const Node* d = p->get("LaunchTemplateData")) {
        add_list(d->get("SecurityGroupIds"));
        if (const Node* nis = d->get("NetworkInterfaces"); nis && nis->is_sequence()) {
          for (const auto& ni : nis->items) add_list(ni.get("Groups"));
        }
      }
    } else if (r.type_name == "AWS::AutoScaling::LaunchConfiguration") {
      add_list(p->get("SecurityGroups"));
    } else if (r.type_name == "AWS::Lambda::Function") {
      if (const Node* v = p->get("VpcConfig")) add_list(v->get("SecurityGroupIds"));
    } else if (r.type_name == "AWS::ECS::Service") {
      if (const Node* n = p->get("NetworkConfiguration")) {
        if (const Node* a = n->get("AwsvpcConfiguration")) add_list(a->get("SecurityGroups"));
      }
    }
  }
  return out;
}

class DatabaseReachability final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    if (!tpl.root()) return;
    std::vector<IngressRule> ingress;
    bool collected = false;
    std::set<std::string> apps;
    Evaluator& ev = tpl.evaluator();
    for (const auto& r : tpl.resources()) {
      const DbKind* kind = nullptr;
      for (const auto& k : kDatabases) {
        if (k.type == r.type_name) kind = &k;
      }
      if (!kind || !r.properties || !r.properties->is_mapping()) continue;
      if (r.properties->get("DBClusterIdentifier")) continue;  // the cluster has the groups
      const Node* groups = r.properties->get(kind->groups);
      if (!groups || !groups->is_sequence() || groups->items.empty()) continue;
      const long port = database_port(tpl, r, *kind);
      if (port <= 0) continue;
      std::vector<std::string> db_groups;
      bool all_known = true;
      for (const auto& item : groups->items) {
        const std::string g = security_group_of(tpl, item);
        if (g.empty()) {
          all_known = false;
        } else {
          db_groups.push_back(g);
        }
      }
      if (!collected) {
        ingress = collect_ingress(tpl);
        apps = app_groups(tpl);
        collected = true;
      }
      const std::string path = path_join(path_join(r.path, "Properties"), kind->groups);
      bool reachable_from_app = false, uncertain = !all_known;
      for (const auto& rule : ingress) {
        if (std::find(db_groups.begin(), db_groups.end(), rule.group) == db_groups.end()) continue;
        const auto ranges = port_ranges(tpl, rule);
        if (ranges.empty()) {
          uncertain = true;
          continue;
        }
        bool covers = false;
        for (const auto& [range, when] : ranges) {
          covers = covers || range.all_protocols ||
                   (!range.icmp && range.from <= port && port <= range.to);
        }
        if (!covers) continue;
        for (const auto& [cidr, when] : world_cidrs(tpl, rule)) {
          report(out, kMeta, *rule.cidr, cidr_path(rule),
                 fmt::format("{} is reachable from the internet: {} admits {} on port {}{}",
                             describe(r), rule.group, cidr, port, when_suffix(ev, when)));
        }
        if (!rule.source_group.empty() && apps.count(rule.source_group)) reachable_from_app = true;
        if (rule.other_source || (rule.cidr && world_cidrs(tpl, rule).empty())) uncertain = true;
      }
      if (!reachable_from_app && !uncertain && !apps.empty()) {
        std::vector<std::string> app_list(apps.begin(), apps.end());
        report(
            out, kMeta, *groups, path,
            fmt::format("{} listens on port {}, but its security groups ({}) admit no traffic "
                        "on it from the application tier's groups ({})",
                        describe(r), port, fmt::join(db_groups, ", "), fmt::join(app_list, ", ")));
      }
    }
  }

 private:
  static long database_port(const Template& tpl, const Resource& r, const DbKind& kind) {
    if (const Node* p = r.properties->get("Port")) {
      const auto values = tpl.evaluator().evaluate(*p);
      if (values.size() != 1 || !values[0].value.is_literal()) return 0;
      return std::strtol(values[0].value.literal().c_str(), nullptr, 10);
    }
    if (kind.default_port) return kind.default_port;
    const Node* engine = r.properties->get("Engine");
    if (!engine || !engine->is_scalar()) return 0;
    return engine_port(engine->text);
  }
};

}  // namespace

const Rule& net004() {
  static const DatabaseReachability rule;
  return rule;
}

}  // namespace stacklint::rules
