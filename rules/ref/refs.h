// Every reference a template makes: Ref, Fn::GetAtt, the variables of Fn::Sub, with where
// they stand, which resource or output they belong to, and the condition under which they are
// evaluated (the owner's Condition and the Fn::If branches around them).
#pragma once

#include <string>
#include <vector>

#include "stacklint/template.h"

namespace stacklint::rules {

struct Reference {
  enum class Kind : uint8_t { Ref, GetAtt, SubVariable };
  Kind kind;
  std::string target;     // logical id or parameter name
  std::string attribute;  // GetAtt, or a dotted Sub variable
  Range where;            // the name as written (inside a Sub string when found verbatim)
  std::string path;       // logical path of the enclosing element
  std::string owner;      // the resource that holds it, or empty
  Bdd::Ref when = Bdd::kTrue;
};

// Collects the references of Resources (properties, metadata, policies), Outputs, Conditions
// and Rules. `Fn::ForEach` fragments are skipped (their identifiers are loop variables). With
// `guards`, `when` is computed through the evaluator.
// `include_foreach` also walks Fn::ForEach fragments (for usage counts, where a loop body's
// references count).
std::vector<Reference> collect_references(const Template& tpl, bool guards,
                                          bool include_foreach = false);

// True when some Ref's target is computed (`Ref: !Sub "Param${Id}"` in a ForEach loop): any
// parameter may be the one referenced.
bool has_computed_ref(const Node& root);

// Pseudo parameters (AWS::Region, ...).
bool is_pseudo_parameter(std::string_view name);
std::vector<std::string_view> pseudo_parameters();

// A name a module creates: modules (`...::MODULE`) add their resources under the module's
// logical id as a prefix (module `Vpc` with resource `Subnet` gives `VpcSubnet`).
bool module_generated(const Template& tpl, std::string_view name);

// Reference rules stay silent on templates a transform rewrites (SAM generates resources that
// are referenced by name; macros and rain can do anything).
bool references_checkable(const Template& tpl);

}  // namespace stacklint::rules
