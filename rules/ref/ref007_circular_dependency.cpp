#include <algorithm>
#include <map>

#include "rules/common.h"
#include "rules/ref/refs.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "REF007",
                         .name = "circular-dependency",
                         .severity = Severity::Error,
                         .summary = "Resources depend on each other in a cycle",
                         .doc = R"md(
## What it does
Builds the dependency graph CloudFormation builds (a resource depends on every resource it
names through `Ref`, `Fn::GetAtt`, `Fn::Sub` or `DependsOn`, in its properties, metadata and
policies) and reports each cycle, naming it: `A -> B -> A`.

## Why is this bad?
CloudFormation rejects the template (`Circular dependency between resources`). The usual
cause is two security groups that admit each other inline; the fix is a separate
`AWS::EC2::SecurityGroupIngress` resource.

## Example
```yaml
Resources:
  WebSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 80, ToPort: 80, SourceSecurityGroupId: !Ref LbSg}
  LbSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: lb
      SecurityGroupEgress:
        - {IpProtocol: tcp, FromPort: 80, ToPort: 80, DestinationSecurityGroupId: !Ref WebSg}
```

## Use instead
```yaml
Resources:
  WebSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: web
      SecurityGroupIngress:
        - {IpProtocol: tcp, FromPort: 80, ToPort: 80, SourceSecurityGroupId: !Ref LbSg}
  LbSg:
    Type: AWS::EC2::SecurityGroup
    Properties:
      GroupDescription: lb
  LbToWeb:
    Type: AWS::EC2::SecurityGroupEgress
    Properties:
      GroupId: !Ref LbSg
      IpProtocol: tcp
      FromPort: 80
      ToPort: 80
      DestinationSecurityGroupId: !Ref WebSg
```
)md"};

class CircularDependency final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    if (!references_checkable(tpl)) return;
    const auto& resources = tpl.resources();
    std::map<std::string_view, size_t> index;
    for (size_t i = 0; i < resources.size(); ++i) index.emplace(resources[i].name, i);
    std::vector<std::vector<size_t>> edges(resources.size());
    for (const auto& ref : collect_references(tpl, false)) {
      if (ref.owner.empty()) continue;
      const auto from = index.find(ref.owner);
      const auto to = index.find(ref.target);
      if (from != index.end() && to != index.end()) edges[from->second].push_back(to->second);
    }
    for (size_t i = 0; i < resources.size(); ++i) {
      const Node* d = resources[i].depends_on;
      if (!d) continue;
      auto add = [&](const Node& n) {
        if (const auto to = index.find(n.text); n.is_scalar() && to != index.end()) {
          edges[i].push_back(to->second);
        }
      };
      if (d->is_sequence()) {
        for (const auto& item : d->items) add(item);
      } else {
        add(*d);
      }
    }
    for (auto& e : edges) {
      std::sort(e.begin(), e.end());
      e.erase(std::unique(e.begin(), e.end()), e.end());
    }
    // Tarjan's strongly connected components, iteratively.
    const size_t n = resources.size();
    std::vector<int> order(n, -1), low(n, 0);
    std::vector<bool> on_stack(n, false);
    std::vector<size_t> stack;
    int counter = 0;
    std::vector<std::vector<size_t>> components;
    for (size_t root = 0; root < n; ++root) {
      if (order[root] != -1) continue;
      std::vector<std::pair<size_t, size_t>> work{{root, 0}};
      while (!work.empty()) {
        auto& [v, next] = work.back();
        if (next == 0 && order[v] == -1) {
          order[v] = low[v] = counter++;
          stack.push_back(v);
          on_stack[v] = true;
        }
        if (next < edges[v].size()) {
          const size_t w = edges[v][next++];
          if (order[w] == -1) {
            work.push_back({w, 0});
          } else if (on_stack[w]) {
            low[v] = std::min(low[v], order[w]);
          }
          continue;
        }
        if (low[v] == order[v]) {
          std::vector<size_t> comp;
          size_t w;
          do {
            w = stack.back();
            stack.pop_back();
            on_stack[w] = false;
            comp.push_back(w);
          } while (w != v);
          const bool self_loop =
              comp.size() == 1 && std::find(edges[v].begin(), edges[v].end(), v) != edges[v].end();
          if (comp.size() > 1 || self_loop) components.push_back(std::move(comp));
        }
        const size_t done = v;
        work.pop_back();
        if (!work.empty()) low[work.back().first] = std::min(low[work.back().first], low[done]);
      }
    }
    for (auto& comp : components) {
      std::sort(comp.begin(), comp.end());
      const std::vector<size_t> cycle = find_cycle(comp, edges);
      std::string names;
      for (size_t k : cycle) names += std::string(resources[k].name) + " -> ";
      names += resources[cycle.front()].name;
      const Resource& first = resources[comp.front()];
      report(out, kMeta, *first.key, first.path, fmt::format("circular dependency: {}", names));
    }
  }

 private:
  // A cycle through the component's first member, following edges inside the component.
  static std::vector<size_t> find_cycle(const std::vector<size_t>& comp,
                                        const std::vector<std::vector<size_t>>& edges) {
    const size_t start = comp.front();
    auto inside = [&](size_t v) { return std::binary_search(comp.begin(), comp.end(), v); };
    std::vector<size_t> path{start};
    std::vector<size_t> parent_edge{0};
    std::vector<bool> seen(edges.size(), false);
    seen[start] = true;
    while (!path.empty()) {
      const size_t v = path.back();
      size_t& i = parent_edge.back();
      if (i < edges[v].size()) {
        const size_t w = edges[v][i++];
        if (w == start) return path;
        if (inside(w) && !seen[w]) {
          seen[w] = true;
          path.push_back(w);
          parent_edge.push_back(0);
        }
        continue;
      }
      path.pop_back();
      parent_edge.pop_back();
    }
    return {start};
  }
};

}  // namespace

const Rule& ref007() {
  static const CircularDependency rule;
  return rule;
}

}  // namespace stacklint::rules
