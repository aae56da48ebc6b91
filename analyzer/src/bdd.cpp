#include "stacklint/bdd.h"

#include <algorithm>

namespace stacklint {

Bdd::Bdd(size_t max_nodes) : max_nodes_(max_nodes) {
  nodes_.push_back({kTerminalVar, kFalse, kFalse});  // false
  nodes_.push_back({kTerminalVar, kTrue, kTrue});    // true
}

Bdd::Ref Bdd::make(uint32_t v, Ref lo, Ref hi) {
  if (lo == hi) return lo;
  const Key3 key{(static_cast<uint64_t>(v) << 32) | lo, hi};
  if (const auto it = unique_.find(key); it != unique_.end()) return it->second;
  if (nodes_.size() >= max_nodes_) throw BddBudgetExceeded();
  const auto ref = static_cast<Ref>(nodes_.size());
  nodes_.push_back({v, lo, hi});
  unique_.emplace(key, ref);
  return ref;
}

Bdd::Ref Bdd::var(uint32_t v) {
  return make(v, kFalse, kTrue);
}

Bdd::Ref Bdd::ite(Ref f, Ref g, Ref h) {
  if (f == kTrue) return g;
  if (f == kFalse) return h;
  if (g == h) return g;
  if (g == kTrue && h == kFalse) return f;
  const Key3 key{(static_cast<uint64_t>(f) << 32) | g, h};
  if (const auto it = ite_cache_.find(key); it != ite_cache_.end()) return it->second;
  const uint32_t v = std::min({top(f), top(g), top(h)});
  const Ref lo = ite(low(f, v), low(g, v), low(h, v));
  const Ref hi = ite(high(f, v), high(g, v), high(h, v));
  const Ref r = make(v, lo, hi);
  if (ite_cache_.size() >= max_nodes_) throw BddBudgetExceeded();
  ite_cache_.emplace(key, r);
  return r;
}

Bdd::Ref Bdd::exactly_one(const std::vector<uint32_t>& vars) {
  // none_so_far / one_so_far, built from the last variable up (vars sorted ascending).
  std::vector<uint32_t> sorted = vars;
  std::sort(sorted.begin(), sorted.end());
  Ref none = kTrue, one = kFalse;  // over the suffix processed so far
  for (auto it = sorted.rbegin(); it != sorted.rend(); ++it) {
    const Ref new_one = make(*it, one, none);
    const Ref new_none = make(*it, none, kFalse);
    one = new_one;
    none = new_none;
  }
  return one;
}

}  // namespace stacklint
