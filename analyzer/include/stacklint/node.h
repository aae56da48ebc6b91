// The located node tree: what YAML and JSON templates are read into. Every key and value keeps
// the byte range it was read from. Short-form intrinsics (`!Ref X`) are stored exactly like their
// long forms (`{Ref: X}`): a one-entry mapping whose key is the function name, flagged
// `short_form` so that messages and fixes can echo the user's spelling.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stacklint/source.h"

namespace stacklint {

enum class NodeKind : uint8_t { Scalar, Sequence, Mapping };

// The type a scalar resolves to. Quoted YAML scalars and JSON strings are strings; plain YAML
// scalars resolve like YAML 1.1's core types (which is what CloudFormation does).
enum class ScalarKind : uint8_t { String, Integer, Float, Boolean, Null };

struct Entry;

struct Node {
  NodeKind kind = NodeKind::Scalar;
  ScalarKind scalar_kind = ScalarKind::Null;
  bool quoted = false;      // scalar was quoted (or a JSON string)
  bool short_form = false;  // mapping came from a YAML short-form tag such as !Ref
  Range range;
  std::string text;            // scalars: the value; mappings from a tag: the tag as written
  std::vector<Node> items;     // sequences
  std::vector<Entry> entries;  // mappings, in source order

  bool is_scalar() const { return kind == NodeKind::Scalar; }
  bool is_sequence() const { return kind == NodeKind::Sequence; }
  bool is_mapping() const { return kind == NodeKind::Mapping; }
  bool is_null() const { return kind == NodeKind::Scalar && scalar_kind == ScalarKind::Null; }
  bool is_string() const { return kind == NodeKind::Scalar && scalar_kind == ScalarKind::String; }

  // Mapping lookup by exact key; nullptr when absent or when this is not a mapping.
  const Node* get(std::string_view key) const;
  const Entry* find_entry(std::string_view key) const;

  // If this node is an intrinsic function call (a one-entry mapping whose key is `Ref`,
  // `Condition` or starts with `Fn::`), the function name; otherwise empty.
  std::string_view intrinsic_name() const;
  // The argument of an intrinsic function call (valid only when intrinsic_name() is not empty).
  const Node& intrinsic_arg() const;

  // A short human-readable kind: "a string", "a list", "a mapping", ...
  std::string_view describe() const;
};

struct Entry {
  Node key;  // always a scalar
  Node value;
};

// Names the YAML short-form tags map to (`!Ref` -> `Ref`, `!GetAtt` -> `Fn::GetAtt`); empty for
// tags that are not CloudFormation intrinsics.
std::string_view intrinsic_for_tag(std::string_view tag);

}  // namespace stacklint
