// What shape of value an intrinsic function yields, as far as the template alone tells.
#pragma once

#include "stacklint/template.h"

namespace stacklint::rules {

enum class ValueShape : uint8_t { Scalar, List, Integer, Unknown };

// The shape an intrinsic call yields: `!Ref` to a `List<...>` or `CommaDelimitedList`
// parameter and `!GetAZs`, `!Split`, `!Cidr` yield lists; `!GetAtt` the attribute's schema
// type; `!Sub`, `!Join`, `!Base64`, `!ToJsonString` and other `!Ref`s strings; `!Length` an
// integer; the rest (`!Select`, `!FindInMap`, ...) is unknown.
ValueShape intrinsic_shape(const Template& tpl, const Node& call);

}  // namespace stacklint::rules
