// Reading a template buffer (YAML or JSON) into a located node tree. Reading never throws:
// every problem becomes a ReadIssue with the byte range it concerns.
#pragma once

#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "stacklint/node.h"
#include "stacklint/source.h"

namespace stacklint {

enum class Format : uint8_t { Yaml, Json };

struct ReadIssue {
  enum class Kind : uint8_t {
    Syntax,        // the text is not well-formed YAML/JSON (or exceeds a safety limit)
    DuplicateKey,  // a mapping repeats a key
    NotATemplate,  // empty, binary, or a document that is not a mapping
    UnknownTag,    // a YAML tag CloudFormation does not know (the value is kept, untagged)
  };
  Kind kind;
  Range range;
  std::string message;
  std::string logical_path = {};  // where in the document, e.g. "Resources/Bucket" (may be empty)
};

// Safety limits. Templates are at most 1 MB for CloudFormation; these bound the work done on
// hostile input (deep nesting, alias bombs) without ever refusing a real template.
struct ReadLimits {
  uint32_t max_depth = 256;            // nesting of collections
  uint32_t max_alias_nodes = 200'000;  // nodes copied while expanding YAML aliases
};

struct Document {
  Document() = default;
  Document(const Document&) = delete;
  Document& operator=(const Document&) = delete;

  std::string text;  // the buffer as read, without a UTF-8 byte order mark
  LineIndex lines;   // over `text`
  Format format = Format::Yaml;
  std::optional<Node> root;  // absent when the text could not be read
  std::vector<ReadIssue> issues;

  bool has_issue(ReadIssue::Kind kind) const;
  Position position(uint32_t offset) const { return lines.position(offset); }
};

// JSON when the first significant character is `{` or `[`, YAML otherwise.
Format detect_format(std::string_view text);

// Reads `text`. Never throws (except std::bad_alloc).
std::unique_ptr<const Document> read_document(std::string text, const ReadLimits& limits = {});

}  // namespace stacklint
