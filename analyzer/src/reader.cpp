// Builds the located node tree from yaml-cpp's event stream. yaml-cpp gives the start of every
// node (a byte offset pointing at its tag, anchor or first character) but no end, so the end of
// each node is recovered here from the source text; it also neither detects duplicate keys nor
// bounds alias expansion, so both happen here.
#include "stacklint/reader.h"

#include <yaml-cpp/eventhandler.h>
#include <yaml-cpp/exceptions.h>
#include <yaml-cpp/parser.h>

#include <nlohmann/json.hpp>

#include <algorithm>
#include <cctype>
#include <cstdio>
#include <istream>
#include <streambuf>
#include <unordered_map>

#include "scalar_resolve.h"

namespace stacklint {
namespace {

constexpr std::string_view kBom = "\xEF\xBB\xBF";

// Reads a std::string_view through std::istream without copying it.
class ViewBuf : public std::streambuf {
 public:
  explicit ViewBuf(std::string_view s) {
    char* p = const_cast<char*>(s.data());
    setg(p, p, p + s.size());
  }
};

// Raised from the event handler to stop parsing when a safety limit is crossed.
struct LimitExceeded {
  uint32_t offset;
  std::string message;
};

bool is_space(char c) {
  return c == ' ' || c == '\t';
}
bool is_break(char c) {
  return c == '\n' || c == '\r';
}

// Skips node properties (`!tag`, `&anchor`), white space, line breaks and comments.
uint32_t skip_properties(std::string_view src, uint32_t pos) {
  const auto n = static_cast<uint32_t>(src.size());
  while (pos < n) {
    const char c = src[pos];
    if (c == '!' || c == '&') {
      while (pos < n && !is_space(src[pos]) && !is_break(src[pos])) ++pos;
    } else if (is_space(c) || is_break(c)) {
      ++pos;
    } else if (c == '#') {
      while (pos < n && !is_break(src[pos])) ++pos;
    } else {
      break;
    }
  }
  return pos;
}

uint32_t line_begin(std::string_view src, uint32_t pos) {
  while (pos > 0 && src[pos - 1] != '\n') --pos;
  return pos;
}

uint32_t line_end(std::string_view src, uint32_t pos) {
  const auto n = static_cast<uint32_t>(src.size());
  while (pos < n && !is_break(src[pos])) ++pos;
  return pos;
}

// End of a block scalar (`|` or `>`) whose indicator is at `pos`: the content indentation is that
// of the first non-blank line after the header; the scalar ends at the last non-blank line that
// is indented at least that much.
uint32_t block_scalar_end(std::string_view src, uint32_t pos) {
  const auto n = static_cast<uint32_t>(src.size());
  uint32_t end = line_end(src, pos);
  uint32_t cursor = end;
  int64_t content_indent = -1;
  while (cursor < n) {
    // Move to the next line.
    if (src[cursor] == '\r') ++cursor;
    if (cursor < n && src[cursor] == '\n') ++cursor;
    if (cursor >= n) break;
    uint32_t indent = 0;
    while (cursor + indent < n && src[cursor + indent] == ' ') ++indent;
    const uint32_t eol = line_end(src, cursor);
    const bool blank = std::all_of(src.begin() + cursor, src.begin() + eol,
                                   [](char c) { return c == ' ' || c == '\t'; });
    if (blank) {
      cursor = eol;
      continue;
    }
    if (content_indent < 0) {
      const uint32_t header_indent = [&] {
        uint32_t b = line_begin(src, pos), i = 0;
        while (b + i < n && src[b + i] == ' ') ++i;
        return i;
      }();
      if (indent <= header_indent && src[line_begin(src, pos) + header_indent] != '-') break;
      content_indent = indent;
    } else if (indent < content_indent) {
      break;
    }
    end = eol;
    cursor = eol;
  }
  return end;
}

// End of the scalar starting at `pos` (after its properties) whose value is `value`.
// `unterminated` is set for a quoted scalar whose closing quote never comes (yaml-cpp accepts
// one at the end of the input).
uint32_t scalar_end(std::string_view src, uint32_t pos, const std::string& value,
                    bool* unterminated) {
  const auto n = static_cast<uint32_t>(src.size());
  if (pos >= n) return n;
  const char c = src[pos];
  if (c == '"') {
    for (uint32_t i = pos + 1; i < n; ++i) {
      if (src[i] == '\\') {
        ++i;
      } else if (src[i] == '"') {
        return i + 1;
      }
    }
    *unterminated = true;
    return n;
  }
  if (c == '\'') {
    for (uint32_t i = pos + 1; i < n; ++i) {
      if (src[i] == '\'') {
        if (i + 1 < n && src[i + 1] == '\'') {
          ++i;
        } else {
          return i + 1;
        }
      }
    }
    *unterminated = true;
    return n;
  }
  if (c == '|' || c == '>') return block_scalar_end(src, pos);
  // Plain scalar: its text is the value, unless it was folded over several lines.
  if (value.find('\n') == std::string::npos && src.substr(pos, value.size()) == value) {
    return pos + static_cast<uint32_t>(value.size());
  }
  const auto last_space = value.find_last_of(" \n");
  const std::string_view last_word = last_space == std::string::npos
                                         ? std::string_view(value)
                                         : std::string_view(value).substr(last_space + 1);
  if (!last_word.empty()) {
    const auto at = src.find(last_word, pos);
    if (at != std::string_view::npos) return static_cast<uint32_t>(at + last_word.size());
  }
  return line_end(src, pos);
}

// End of a flow collection: the closing bracket after its last child.
uint32_t flow_end(std::string_view src, uint32_t from, char close) {
  const auto n = static_cast<uint32_t>(src.size());
  uint32_t pos = from;
  while (pos < n) {
    const char c = src[pos];
    if (c == close) return pos + 1;
    if (c == '#') {
      pos = line_end(src, pos);
      continue;
    }
    if (is_space(c) || is_break(c) || c == ',') {
      ++pos;
      continue;
    }
    break;
  }
  return from;
}

struct Frame {
  Node node;
  bool flow = false;
  std::string tag;
  uint32_t tag_begin = 0;
  YAML::anchor_t anchor = 0;
  std::optional<Node> pending_key;
  std::unordered_map<std::string, uint32_t> keys;  // key -> byte offset of its first occurrence
};

class TreeBuilder : public YAML::EventHandler {
 public:
  TreeBuilder(std::string_view src, const ReadLimits& limits, std::vector<ReadIssue>& issues)
      : src_(src), limits_(limits), issues_(issues) {}

  std::optional<Node> take_root() { return std::move(root_); }
  uint32_t documents() const { return documents_; }

  void OnDocumentStart(const YAML::Mark& mark) override {
    if (++documents_ > 1) {
      throw LimitExceeded{offset(mark),
                          "the file holds more than one YAML document; a template is exactly one"};
    }
  }
  void OnDocumentEnd() override {}

  void OnNull(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    Node n;
    n.kind = NodeKind::Scalar;
    n.scalar_kind = ScalarKind::Null;
    const uint32_t begin = skip_properties(src_, offset(mark));
    uint32_t end = begin;
    if (begin < src_.size() && src_[begin] == '~') {
      end = begin + 1;
    } else if (src_.substr(begin, 4) == "null" || src_.substr(begin, 4) == "Null" ||
               src_.substr(begin, 4) == "NULL") {
      end = begin + 4;
    }
    n.range = {begin, end};
    n.text = std::string(src_.substr(begin, end - begin));
    complete(std::move(n), anchor, "", offset(mark));
  }

  void OnAlias(const YAML::Mark& mark, YAML::anchor_t anchor) override {
    auto it = anchors_.find(anchor);
    if (it == anchors_.end()) {
      throw LimitExceeded{offset(mark), "alias refers to an unknown anchor"};
    }
    alias_nodes_ += count_nodes(it->second);
    if (alias_nodes_ > limits_.max_alias_nodes) {
      throw LimitExceeded{offset(mark),
                          fmt_limit("YAML aliases expand to more than ", limits_.max_alias_nodes,
                                    " nodes (an alias bomb?)")};
    }
    Node copy = it->second;
    complete(std::move(copy), 0, "", offset(mark));
  }

  void OnScalar(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                const std::string& value) override {
    const uint32_t at = offset(mark);
    const uint32_t begin = skip_properties(src_, at);
    Node n;
    n.kind = NodeKind::Scalar;
    n.text = value;
    bool unterminated = false;
    n.range = {begin, scalar_end(src_, begin, value, &unterminated)};
    if (unterminated) {
      throw LimitExceeded{begin, std::string("this ") + (src_[begin] == '"' ? "double" : "single") +
                                     "-quoted string is never closed"};
    }
    if (tag == "!" || tag.starts_with("tag:yaml.org,2002:str") ||
        tag.starts_with("tag:yaml.org,2002:binary") || !intrinsic_for_tag(tag).empty()) {
      n.quoted = tag == "!";
      n.scalar_kind = ScalarKind::String;
    } else {
      n.scalar_kind = resolve_plain_scalar(value);
    }
    uint32_t tag_at = at;
    if (n.range.begin == n.range.end && tag.starts_with("!") && tag.size() > 1) {
      // An empty tagged scalar (`BucketName: !Ref` at the end of a line) would be located at the
      // next token, possibly lines later; locate it at its tag instead.
      const size_t p = src_.rfind(tag, begin);
      if (p != std::string_view::npos && p >= at) {
        n.range = {static_cast<uint32_t>(p), static_cast<uint32_t>(p + tag.size())};
        tag_at = static_cast<uint32_t>(p);
      }
    }
    complete(std::move(n), anchor, tag, tag_at);
  }

  void OnSequenceStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                       YAML::EmitterStyle::value style) override {
    open(NodeKind::Sequence, mark, tag, anchor, style);
  }
  void OnSequenceEnd() override { close(']'); }

  void OnMapStart(const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
                  YAML::EmitterStyle::value style) override {
    open(NodeKind::Mapping, mark, tag, anchor, style);
  }
  void OnMapEnd() override {
    Frame& f = stack_.back();
    if (f.pending_key) {
      // A key whose value never came (should not happen with yaml-cpp); keep it with null.
      Node null_value;
      null_value.range = {f.pending_key->range.end, f.pending_key->range.end};
      f.node.entries.push_back({std::move(*f.pending_key), std::move(null_value)});
      f.pending_key.reset();
    }
    close('}');
  }

 private:
  static std::string fmt_limit(const char* a, uint32_t n, const char* b) {
    return std::string(a) + std::to_string(n) + b;
  }

  uint32_t offset(const YAML::Mark& mark) const {
    return static_cast<uint32_t>(std::clamp<int>(mark.pos, 0, static_cast<int>(src_.size())));
  }

  static uint32_t count_nodes(const Node& n) {
    uint32_t count = 1;
    for (const auto& item : n.items) count += count_nodes(item);
    for (const auto& e : n.entries) count += 1 + count_nodes(e.value);
    return count;
  }

  void open(NodeKind kind, const YAML::Mark& mark, const std::string& tag, YAML::anchor_t anchor,
            YAML::EmitterStyle::value style) {
    if (stack_.size() >= limits_.max_depth) {
      throw LimitExceeded{
          offset(mark), fmt_limit("the document nests deeper than ", limits_.max_depth, " levels")};
    }
    Frame f;
    f.node.kind = kind;
    f.node.scalar_kind = ScalarKind::Null;
    f.tag = tag;
    f.tag_begin = offset(mark);
    f.anchor = anchor;
    f.flow = style == YAML::EmitterStyle::Flow;
    const uint32_t begin = skip_properties(src_, f.tag_begin);
    f.node.range = {begin, begin};
    stack_.push_back(std::move(f));
  }

  void close(char bracket) {
    Frame f = std::move(stack_.back());
    stack_.pop_back();
    Node& n = f.node;
    uint32_t last = n.range.begin;
    if (!n.items.empty()) last = n.items.back().range.end;
    if (!n.entries.empty())
      last = std::max(n.entries.back().value.range.end, n.entries.back().key.range.end);
    if (f.flow) {
      const uint32_t from = (n.items.empty() && n.entries.empty()) ? n.range.begin + 1 : last;
      n.range.end = flow_end(src_, from, bracket);
      if (n.range.end == from) n.range.end = last;
    } else {
      n.range.end = last;
    }
    // `Fn::GetAtt: Res.Attr` (long form, dotted string) reads like `!GetAtt Res.Attr`.
    if (n.is_mapping() && n.entries.size() == 1 && n.entries[0].key.text == "Fn::GetAtt" &&
        n.entries[0].value.is_scalar() && !n.entries[0].value.is_null()) {
      n.entries[0].value = split_getatt(std::move(n.entries[0].value));
    }
    complete(std::move(n), f.anchor, f.tag, f.tag_begin);
  }

  // Applies the tag, records the anchor and attaches the finished node to its parent.
  void complete(Node n, YAML::anchor_t anchor, const std::string& tag, uint32_t tag_begin) {
    if (!tag.empty() && tag != "?" && tag != "!" && !tag.starts_with("tag:yaml.org,2002:")) {
      const std::string_view fn = intrinsic_for_tag(tag);
      if (fn.empty()) {
        std::string msg = "unknown tag '" + tag + "'";
        if (tag.starts_with("!Rain::")) {
          msg +=
              ": it is a directive of the rain CLI; CloudFormation rejects it until the "
              "template is packaged with `rain pkg`";
        } else {
          msg += ": CloudFormation knows only its own short forms (!Ref, !GetAtt, !Sub, ...)";
        }
        issues_.push_back({ReadIssue::Kind::UnknownTag,
                           {tag_begin, tag_begin + static_cast<uint32_t>(tag.size())},
                           std::move(msg),
                           current_path("")});
      } else {
        n = wrap_intrinsic(std::move(n), fn, tag, tag_begin);
      }
    }
    if (anchor != 0) anchors_[anchor] = n;
    attach(std::move(n));
  }

  Node wrap_intrinsic(Node inner, std::string_view fn, const std::string& tag, uint32_t tag_begin) {
    if (fn == "Fn::GetAtt" && inner.is_scalar()) inner = split_getatt(std::move(inner));
    Node key;
    key.kind = NodeKind::Scalar;
    key.scalar_kind = ScalarKind::String;
    key.text = std::string(fn);
    key.range = {tag_begin, tag_begin + static_cast<uint32_t>(tag.size())};
    Node m;
    m.kind = NodeKind::Mapping;
    m.short_form = true;
    m.text = tag;
    m.range = {tag_begin, std::max(inner.range.end, key.range.end)};
    if (inner.is_null() && inner.range.begin == inner.range.end) {
      inner.range = {key.range.end, key.range.end};
    }
    m.entries.push_back({std::move(key), std::move(inner)});
    return m;
  }

  // `!GetAtt Resource.Attribute` is `{Fn::GetAtt: [Resource, Attribute]}`; the attribute may
  // itself contain dots (`Endpoint.Address`), so the split is at the first dot.
  Node split_getatt(Node scalar) const {
    Node seq;
    seq.kind = NodeKind::Sequence;
    seq.range = scalar.range;
    const auto dot = scalar.text.find('.');
    const bool literal =
        !scalar.quoted && src_.substr(scalar.range.begin, scalar.text.size()) == scalar.text;
    auto part = [&](std::string text, uint32_t off) {
      Node p;
      p.kind = NodeKind::Scalar;
      p.scalar_kind = ScalarKind::String;
      const auto len = static_cast<uint32_t>(text.size());
      p.range =
          literal ? Range{scalar.range.begin + off, scalar.range.begin + off + len} : scalar.range;
      p.text = std::move(text);
      return p;
    };
    if (dot == std::string::npos) {
      seq.items.push_back(part(scalar.text, 0));
    } else {
      seq.items.push_back(part(scalar.text.substr(0, dot), 0));
      seq.items.push_back(part(scalar.text.substr(dot + 1), static_cast<uint32_t>(dot + 1)));
    }
    return seq;
  }

  void attach(Node n) {
    if (stack_.empty()) {
      root_ = std::move(n);
      return;
    }
    Frame& parent = stack_.back();
    if (parent.node.kind == NodeKind::Sequence) {
      parent.node.items.push_back(std::move(n));
      return;
    }
    if (!parent.pending_key) {
      if (!n.is_scalar()) {
        throw LimitExceeded{n.range.begin,
                            "a mapping key must be a string, not " + std::string(n.describe())};
      }
      if (n.is_null() && n.range.begin == n.range.end) {
        // `: value` with an empty key: yaml-cpp reports the key where the next token is.
        n.text.clear();
      }
      parent.pending_key = std::move(n);
      return;
    }
    Node key = std::move(*parent.pending_key);
    parent.pending_key.reset();
    if (n.is_null() && n.range.begin == n.range.end) n.range = {key.range.end, key.range.end};
    auto [it, inserted] = parent.keys.emplace(key.text, key.range.begin);
    if (!inserted) {
      issues_.push_back({ReadIssue::Kind::DuplicateKey, key.range,
                         "duplicate key '" + key.text + "'@" + std::to_string(it->second),
                         current_path(key.text)});
      return;  // CloudFormation rejects the template; keep the first definition.
    }
    parent.node.entries.push_back({std::move(key), std::move(n)});
  }

  // The logical path of the node being built, ending in `last`.
  std::string current_path(const std::string& last) const {
    std::string path;
    for (size_t i = 0; i + 1 < stack_.size(); ++i) {
      const Frame& f = stack_[i];
      if (!path.empty()) path += '/';
      if (f.node.is_sequence()) {
        path += std::to_string(f.node.items.size());
      } else if (f.pending_key) {
        path += f.pending_key->text;
      }
    }
    if (!path.empty() && !last.empty()) path += '/';
    return path + last;
  }

  std::string_view src_;
  const ReadLimits& limits_;
  std::vector<ReadIssue>& issues_;
  std::vector<Frame> stack_;
  std::optional<Node> root_;
  std::unordered_map<YAML::anchor_t, Node> anchors_;
  uint32_t alias_nodes_ = 0;
  uint32_t documents_ = 0;
};

// yaml-cpp rejects JSON's UTF-16 surrogate pair escapes (`\ud83d\ude00`). They are rewritten to
// YAML's 32-bit escape (`\U0001F600`, two bytes shorter) before parsing, and every offset after
// a rewrite is shifted back afterwards. Lone surrogates become U+FFFD (same length).
struct OffsetShift {
  uint32_t parsed_offset;  // first parsed offset this shift applies to
  uint32_t shift;          // bytes to add to reach the original offset
};

int hex_value(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

int parse_u16_escape(std::string_view s, size_t i) {  // s[i] == '\\', s[i+1] == 'u'
  if (i + 6 > s.size() || s[i] != '\\' || (s[i + 1] != 'u' && s[i + 1] != 'U')) return -1;
  int v = 0;
  for (size_t k = i + 2; k < i + 6; ++k) {
    const int h = hex_value(s[k]);
    if (h < 0) return -1;
    v = v * 16 + h;
  }
  return v;
}

std::string rewrite_surrogates(std::string_view text, std::vector<OffsetShift>& shifts) {
  std::string out;
  out.reserve(text.size());
  uint32_t total_shift = 0;
  for (size_t i = 0; i < text.size(); ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) {
      const int hi = text[i + 1] == 'u' ? parse_u16_escape(text, i) : -1;
      if (hi >= 0xD800 && hi <= 0xDBFF) {
        const int lo = parse_u16_escape(text, i + 6);
        if (lo >= 0xDC00 && lo <= 0xDFFF) {
          const uint32_t cp = 0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00);
          char buf[16];
          std::snprintf(buf, sizeof buf, "\\U%08X", cp);
          out += buf;
          i += 11;
          total_shift += 2;
          shifts.push_back({static_cast<uint32_t>(out.size()), total_shift});
          continue;
        }
      }
      if (hi >= 0xD800 && hi <= 0xDFFF) {
        out += "\\uFFFD";
        i += 5;
        continue;
      }
      out += text[i];
      out += text[i + 1];
      ++i;
      continue;
    }
    out += text[i];
  }
  return out;
}

uint32_t unshift(uint32_t offset, const std::vector<OffsetShift>& shifts) {
  auto it = std::upper_bound(shifts.begin(), shifts.end(), offset,
                             [](uint32_t o, const OffsetShift& s) { return o < s.parsed_offset; });
  return it == shifts.begin() ? offset : offset + std::prev(it)->shift;
}

void unshift_tree(Node& n, const std::vector<OffsetShift>& shifts) {
  n.range = {unshift(n.range.begin, shifts), unshift(n.range.end, shifts)};
  for (auto& item : n.items) unshift_tree(item, shifts);
  for (auto& e : n.entries) {
    unshift_tree(e.key, shifts);
    unshift_tree(e.value, shifts);
  }
}

// yaml-cpp reads JSON as YAML flow style, which is more lenient than JSON (`{"A": 1,,}`,
// comments, unquoted keys). JSON templates are first checked by a strict JSON parser; returns
// false and fills `issue` on the first error.
bool strict_json_ok(std::string_view text, ReadIssue& issue) {
  if (nlohmann::json::accept(text)) return true;
  try {
    const auto parsed = nlohmann::json::parse(text);
    (void)parsed;
  } catch (const nlohmann::json::parse_error& e) {
    std::string msg = e.what();
    // "[json.exception.parse_error.101] parse error at line 1, column 9: syntax error while
    // parsing object key - unexpected ','; expected string literal" -> the part after "N: ".
    if (const auto colon = msg.find(": ", msg.find("column")); colon != std::string::npos) {
      msg = msg.substr(colon + 2);
    }
    const auto at = static_cast<uint32_t>(e.byte > 0 ? e.byte - 1 : 0);
    issue = {ReadIssue::Kind::Syntax, {at, at + 1}, "invalid JSON: " + msg};
    return false;
  } catch (const std::exception& e) {
    issue = {ReadIssue::Kind::Syntax, {0, 0}, std::string("invalid JSON: ") + e.what()};
    return false;
  }
  return true;
}

bool looks_binary(std::string_view text) {
  return text.find('\0') != std::string_view::npos;
}

}  // namespace

bool Document::has_issue(ReadIssue::Kind kind) const {
  return std::any_of(issues.begin(), issues.end(),
                     [kind](const ReadIssue& i) { return i.kind == kind; });
}

Format detect_format(std::string_view text) {
  if (text.starts_with(kBom)) text.remove_prefix(kBom.size());
  for (const char c : text) {
    if (c == ' ' || c == '\t' || c == '\r' || c == '\n') continue;
    return (c == '{' || c == '[') ? Format::Json : Format::Yaml;
  }
  return Format::Yaml;
}

std::unique_ptr<const Document> read_document(std::string text, const ReadLimits& limits) {
  auto doc = std::make_unique<Document>();
  if (std::string_view(text).starts_with(kBom)) text.erase(0, kBom.size());
  doc->text = std::move(text);
  doc->lines = LineIndex(doc->text);
  doc->format = detect_format(doc->text);
  const std::string_view src = doc->text;
  auto& issues = doc->issues;

  if (looks_binary(src)) {
    issues.push_back({ReadIssue::Kind::NotATemplate,
                      {0, 0},
                      "this is a binary file (it contains NUL bytes), not a template"});
    return doc;
  }
  uint32_t bad = 0;
  if (!valid_utf8(src, &bad)) {
    char hex[8];
    std::snprintf(hex, sizeof hex, "0x%02X", static_cast<unsigned char>(src[bad]));
    issues.push_back(
        {ReadIssue::Kind::Syntax,
         {bad, bad + 1},
         std::string("invalid UTF-8 (byte ") + hex + "); CloudFormation templates must be UTF-8"});
    return doc;
  }
  if (std::all_of(src.begin(), src.end(),
                  [](char c) { return std::isspace(static_cast<unsigned char>(c)); })) {
    issues.push_back({ReadIssue::Kind::NotATemplate, {0, 0}, "the file is empty"});
    return doc;
  }

  if (doc->format == Format::Json) {
    ReadIssue issue{};
    if (!strict_json_ok(src, issue)) {
      issues.push_back(std::move(issue));
      return doc;
    }
  }

  std::vector<OffsetShift> shifts;
  std::string rewritten;
  std::string_view parsed = src;
  if (doc->format == Format::Json && src.find("\\u") != std::string_view::npos) {
    rewritten = rewrite_surrogates(src, shifts);
    if (!shifts.empty() || rewritten != src) parsed = rewritten;
  }

  ViewBuf buf(parsed);
  std::istream in(&buf);
  TreeBuilder builder(parsed, limits, issues);
  try {
    YAML::Parser parser(in);
    while (parser.HandleNextDocument(builder)) {
    }
    doc->root = builder.take_root();
  } catch (const LimitExceeded& e) {
    issues.push_back({ReadIssue::Kind::Syntax, {e.offset, e.offset}, e.message});
  } catch (const YAML::Exception& e) {
    const uint32_t at =
        static_cast<uint32_t>(std::clamp<int>(e.mark.pos, 0, static_cast<int>(parsed.size())));
    std::string msg = e.msg.empty() ? "malformed YAML" : e.msg;
    if (msg == "bad file") msg = "unexpected content";
    issues.push_back({ReadIssue::Kind::Syntax, {at, at}, msg});
  }
  if (!shifts.empty()) {
    for (auto& i : issues) i.range = {unshift(i.range.begin, shifts), unshift(i.range.end, shifts)};
    if (doc->root) unshift_tree(*doc->root, shifts);
  }
  // Duplicate-key messages carry the first occurrence as "@offset"; turn it into a line number.
  for (auto& i : issues) {
    if (i.kind != ReadIssue::Kind::DuplicateKey) continue;
    const auto at = i.message.rfind('@');
    if (at == std::string::npos) continue;
    uint32_t first = static_cast<uint32_t>(std::stoul(i.message.substr(at + 1)));
    if (!shifts.empty()) first = unshift(first, shifts);
    i.message = i.message.substr(0, at) + " (first defined on line " +
                std::to_string(doc->lines.position(first).line) + ")";
  }
  if (doc->has_issue(ReadIssue::Kind::Syntax)) {
    doc->root.reset();
    return doc;
  }
  if (!doc->root || doc->root->is_null()) {
    issues.push_back(
        {ReadIssue::Kind::NotATemplate, {0, 0}, "the file holds no YAML or JSON document"});
    doc->root.reset();
  } else if (!doc->root->is_mapping()) {
    issues.push_back(
        {ReadIssue::Kind::NotATemplate, doc->root->range,
         "the document is " + std::string(doc->root->describe()) +
             ", but a template is a mapping of sections (Resources, Parameters, ...)"});
  }
  return doc;
}

}  // namespace stacklint
