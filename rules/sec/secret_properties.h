// Properties that carry secrets, as data: (resource type, property path). A path is
// '/'-separated; '*' stands for every element of a list or every value of a map.
#pragma once

#include <functional>
#include <span>
#include <string>
#include <string_view>

#include "stacklint/template.h"

namespace stacklint::rules {

struct SecretProperty {
  std::string_view type;
  std::string_view path;
};

std::span<const SecretProperty> secret_properties();

// Calls `f(value, logical_path, property_name)` for each secret-bearing property value present
// in resource `r` (through Fn::If branches, each branch separately).
void for_each_secret_property(
    const Resource& r,
    const std::function<void(const Node&, const std::string&, std::string_view)>& f);

// `NoEcho: true` (any casing, quoted or not).
bool is_no_echo(const Parameter& p);

// Shows a secret without revealing it: its first two characters and its length.
std::string redact(std::string_view secret);

// Parameters a node refers to (Ref, Fn::Sub variables), by name.
void referenced_parameters(const Template& tpl, const Node& n,
                           const std::function<void(const Parameter&, const Node& where)>& f);

}  // namespace stacklint::rules
