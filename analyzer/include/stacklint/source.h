// Source text and positions. Nodes keep byte offsets into the buffer they were read from;
// line:column pairs (1-based, columns counted in Unicode code points) are computed on demand
// from a line index, so the tree stays small and positions are exact.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace stacklint {

// A half-open byte range [begin, end) into a source buffer.
struct Range {
  uint32_t begin = 0;
  uint32_t end = 0;
  friend bool operator==(const Range&, const Range&) = default;
};

// A 1-based line and column; the column counts Unicode code points.
struct Position {
  uint32_t line = 1;
  uint32_t column = 1;
  friend auto operator<=>(const Position&, const Position&) = default;
};

class LineIndex {
 public:
  LineIndex() = default;
  explicit LineIndex(std::string_view text);

  // Position of a byte offset (clamped to the text).
  Position position(uint32_t offset) const;
  // Byte offset of the start of a 1-based line (the end of the text past the last line).
  uint32_t line_start(uint32_t line) const;
  // The text of a 1-based line without its line terminator.
  std::string_view line_text(uint32_t line) const;
  uint32_t line_count() const { return static_cast<uint32_t>(starts_.size()); }
  std::string_view text() const { return text_; }

 private:
  std::string_view text_;
  std::vector<uint32_t> starts_;
};

// Checks that `text` is valid UTF-8; on failure returns false and the offset of the first bad byte.
bool valid_utf8(std::string_view text, uint32_t* bad_offset);

}  // namespace stacklint
