// Symbolic evaluation of intrinsic functions and conditions: what can this value be, and when?
//
// evaluate(node) returns every value the node can take, each with the condition (a decision
// diagram over parameter values) under which it holds. Values are exact where the template
// decides them (literals, Fn::Join/Sub/Select/Split/FindInMap/If over them, a parameter's
// AllowedValues or Default, values the user supplied), partial where part is only known at
// deploy time (a string with a known prefix and an opaque resource id in it), and Unknown,
// honestly, where nothing can be said or a budget ran out.
#pragma once

#include <map>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "stacklint/bdd.h"
#include "stacklint/node.h"

namespace stacklint {

class Template;

// A piece of a string value: literal text, or an opaque value known only at deploy time
// (`text` then describes it, e.g. "Ref Bucket" or "Database.Endpoint.Address").
struct Fragment {
  bool literal = true;
  std::string text;
};

struct Value {
  enum class Kind : uint8_t {
    String,   // parts: literal and opaque fragments (numbers and booleans are strings too)
    List,     // items
    Object,   // a mapping, not evaluated further (node)
    NoValue,  // AWS::NoValue: the property is absent
    Unknown,  // nothing can be said (origin says why)
  };
  Kind kind = Kind::Unknown;
  std::vector<Fragment> parts;
  std::vector<Value> items;
  const Node* node = nullptr;           // Object: the mapping
  std::string origin;                   // Unknown: why; also set for values from parameters
  bool from_parameter_default = false;  // the value is a parameter's Default
  // One of the values a lookup can give when its keys are known only at deploy time
  // (Fn::FindInMap enumerated over every key): possible, not proven.
  bool approximate = false;

  static Value string(std::string s);
  static Value opaque(std::string what);
  static Value unknown(std::string why);

  bool is_literal() const;      // a String whose every part is literal
  std::string literal() const;  // the text of the literal parts, opaque parts as ${...}
  std::string display() const;
  // Holds a dynamic reference ({{resolve:ssm:...}}, ssm-secure, secretsmanager), also when
  // built by Fn::Sub or Fn::Join; CloudFormation resolves it wherever it stands in the string.
  bool is_dynamic_reference() const;
};

struct Possibility {
  Value value;
  Bdd::Ref when = Bdd::kTrue;
};

// Parameter values supplied by the user (`--parameters`), by parameter name.
using ParameterValues = std::map<std::string, std::string, std::less<>>;

class Evaluator {
 public:
  // Alternatives kept per value; past it the rest collapses into one Unknown.
  static constexpr size_t kMaxAlternatives = 64;

  // `max_bdd_nodes` bounds the decision diagrams (memory and time); past it answers are Unknown.
  Evaluator(const Template& tpl, const ParameterValues& supplied, size_t max_bdd_nodes = 2'000'000);
  ~Evaluator();
  Evaluator(const Evaluator&) = delete;
  Evaluator& operator=(const Evaluator&) = delete;

  // Every value `n` can take when `when` holds (unsatisfiable alternatives are dropped).
  std::vector<Possibility> evaluate(const Node& n, Bdd::Ref when = Bdd::kTrue);

  // A named condition; an undefined or circular one is a free variable (REF005 reports it).
  Bdd::Ref condition(std::string_view name);
  // The condition under which a resource exists (true when it has no Condition).
  Bdd::Ref exists(std::string_view resource);

  Bdd& bdd() { return bdd_; }
  // Whether `f` can hold for some parameter values.
  bool satisfiable(Bdd::Ref f);
  // "always", "never", "IsProd", "not IsProd", "Env = production and Size = large", ...
  std::string describe(Bdd::Ref f);
  // True once a budget ran out: some answers were "unknown".
  bool budget_exceeded() const { return budget_exceeded_; }

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
  Bdd bdd_;
  bool budget_exceeded_ = false;
  friend struct Impl;
};

}  // namespace stacklint
