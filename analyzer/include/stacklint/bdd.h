// A small reduced ordered binary decision diagram package: the representation of "under which
// conditions" in the evaluator. Formulas over a few hundred variables stay small when they come
// from CloudFormation conditions, and every operation is memoised, so evaluating templates with
// many conditions costs polynomial, not exponential, time. A node budget bounds the worst case:
// past it, operations throw BddBudgetExceeded and the caller answers "unknown".
#pragma once

#include <cstdint>
#include <stdexcept>
#include <unordered_map>
#include <vector>

namespace stacklint {

struct BddBudgetExceeded : std::runtime_error {
  BddBudgetExceeded() : std::runtime_error("decision diagram budget exceeded") {}
};

class Bdd {
 public:
  using Ref = uint32_t;
  static constexpr Ref kFalse = 0;
  static constexpr Ref kTrue = 1;

  explicit Bdd(size_t max_nodes = 2'000'000);

  // The formula "variable v is true". Variables are ordered by number.
  Ref var(uint32_t v);
  Ref ite(Ref f, Ref g, Ref h);
  Ref conj(Ref a, Ref b) { return ite(a, b, kFalse); }
  Ref disj(Ref a, Ref b) { return ite(a, kTrue, b); }
  Ref neg(Ref a) { return ite(a, kFalse, kTrue); }

  // Exactly one of `vars` is true.
  Ref exactly_one(const std::vector<uint32_t>& vars);

  // Visits the paths to kTrue as partial assignments (variable, value), at most `limit` of them.
  template <typename F>
  void paths(Ref f, F&& visit, size_t limit = 64) const {
    std::vector<std::pair<uint32_t, bool>> path;
    size_t count = 0;
    walk(f, path, visit, count, limit);
  }

  size_t size() const { return nodes_.size(); }

 private:
  struct Node {
    uint32_t var;
    Ref lo, hi;
  };
  static constexpr uint32_t kTerminalVar = UINT32_MAX;

  Ref make(uint32_t var, Ref lo, Ref hi);
  uint32_t top(Ref f) const { return nodes_[f].var; }
  Ref low(Ref f, uint32_t v) const { return nodes_[f].var == v ? nodes_[f].lo : f; }
  Ref high(Ref f, uint32_t v) const { return nodes_[f].var == v ? nodes_[f].hi : f; }

  template <typename F>
  void walk(Ref f, std::vector<std::pair<uint32_t, bool>>& path, F& visit, size_t& count,
            size_t limit) const {
    if (count >= limit || f == kFalse) return;
    if (f == kTrue) {
      ++count;
      visit(path);
      return;
    }
    const Node n = nodes_[f];  // a copy: `visit` may add nodes and move the vector
    path.emplace_back(n.var, false);
    walk(n.lo, path, visit, count, limit);
    path.back().second = true;
    walk(n.hi, path, visit, count, limit);
    path.pop_back();
  }

  struct Key3 {
    uint64_t a, b;
    bool operator==(const Key3&) const = default;
  };
  struct Hash3 {
    size_t operator()(const Key3& k) const { return k.a * 0x9E3779B97F4A7C15ULL ^ k.b; }
  };

  std::vector<Node> nodes_;
  std::unordered_map<Key3, Ref, Hash3> unique_;
  std::unordered_map<Key3, Ref, Hash3> ite_cache_;
  size_t max_nodes_;
};

}  // namespace stacklint
