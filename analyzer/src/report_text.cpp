#include <fmt/format.h>

#include <algorithm>
#include <string>

#include "stacklint/report.h"

namespace stacklint {

Summary summarize(std::span<const LintResult> results) {
  Summary s;
  for (const auto& r : results) {
    if (r.status == FileStatus::Skipped) continue;
    ++s.files;
    if (!r.findings.empty()) ++s.files_with_findings;
    for (const auto& f : r.findings) {
      switch (f.severity) {
        case Severity::Error:
          ++s.errors;
          break;
        case Severity::Warning:
          ++s.warnings;
          break;
        case Severity::Info:
          ++s.infos;
          break;
      }
    }
  }
  return s;
}

namespace {

struct Palette {
  std::string_view bold, red, yellow, blue, cyan, dim, reset;
};
constexpr Palette kColor{"\x1b[1m",  "\x1b[1;31m", "\x1b[1;33m", "\x1b[1;34m",
                         "\x1b[36m", "\x1b[2m",    "\x1b[0m"};
constexpr Palette kPlain{};

std::string_view severity_color(const Palette& p, Severity s) {
  switch (s) {
    case Severity::Error:
      return p.red;
    case Severity::Warning:
      return p.yellow;
    case Severity::Info:
      return p.blue;
  }
  return p.reset;
}

std::string plural(size_t n, std::string_view word) {
  return fmt::format("{} {}{}", n, word, n == 1 ? "" : "s");
}

// Width in columns of a prefix of `line` of `code_points` code points; tabs are kept so the
// caret lines up under them.
std::string padding_for(std::string_view line, uint32_t code_points) {
  std::string pad;
  uint32_t seen = 0;
  for (size_t i = 0; i < line.size() && seen < code_points; ++i) {
    const auto c = static_cast<unsigned char>(line[i]);
    if ((c & 0xC0) == 0x80) continue;
    pad += c == '\t' ? '\t' : ' ';
    ++seen;
  }
  while (seen++ < code_points) pad += ' ';
  return pad;
}

uint32_t code_point_count(std::string_view s) {
  uint32_t n = 0;
  for (const char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

// Byte offset of the code point with index `cp` in `line` (the end when past it).
size_t byte_of(std::string_view line, uint32_t cp) {
  uint32_t seen = 0;
  for (size_t i = 0; i < line.size(); ++i) {
    if ((static_cast<unsigned char>(line[i]) & 0xC0) == 0x80) continue;
    if (seen++ == cp) return i;
  }
  return line.size();
}

void write_source(std::string& out, const Palette& p, const Document& doc, const Finding& f) {
  if (f.start.line > doc.lines.line_count()) return;
  std::string_view line = doc.lines.line_text(f.start.line);
  const std::string number = std::to_string(f.start.line);
  const std::string gutter(number.size(), ' ');
  const uint32_t line_len = code_point_count(line);
  uint32_t first = f.start.column - 1;
  uint32_t last = f.end.line == f.start.line ? f.end.column - 1 : line_len;
  if (last <= first) last = first + 1;
  // Long lines (minified JSON) are shown as a window around the finding.
  constexpr uint32_t kMaxWidth = 120;
  std::string prefix, suffix;
  if (line_len > kMaxWidth) {
    const uint32_t from = first > 40 ? first - 40 : 0;
    const uint32_t to = std::min(line_len, from + kMaxWidth);
    const size_t b = byte_of(line, from), e = byte_of(line, to);
    if (from > 0) prefix = "...";
    if (to < line_len) suffix = "...";
    line = line.substr(b, e - b);
    first = first - from + static_cast<uint32_t>(prefix.size());
    last = std::min(last - from, to - from) + static_cast<uint32_t>(prefix.size());
    if (last <= first) last = first + 1;
  }
  const std::string shown = prefix + std::string(line) + suffix;
  out += fmt::format(" {}{} |{} {}\n", p.cyan, number, p.reset, shown);
  out += fmt::format(" {}{} |{} {}{}{}{}\n", p.cyan, gutter, p.reset, padding_for(shown, first),
                     severity_color(p, f.severity), std::string(last - first, '^'), p.reset);
}

}  // namespace

void write_text(std::ostream& os, std::span<const LintResult> results, const TextOptions& opts) {
  const Palette& p = opts.color ? kColor : kPlain;
  std::string out;
  for (const auto& r : results) {
    // No excerpt of a binary file: its bytes would garble the terminal.
    const bool excerpt = opts.show_source && r.document && !r.findings.empty() &&
                         r.document->text.find('\0') == std::string::npos;
    for (const auto& f : r.findings) {
      out += fmt::format("{}{}:{}:{}:{} {}{}{}[{}] {}\n", p.bold, r.path, f.start.line,
                         f.start.column, p.reset, severity_color(p, f.severity),
                         severity_name(f.severity), p.reset, f.rule->id, f.message);
      if (excerpt) write_source(out, p, *r.document, f);
    }
  }
  const Summary s = summarize(results);
  const size_t total = s.errors + s.warnings + s.infos;
  if (total == 0) {
    out += fmt::format("{}No problems found{} in {}.\n", p.bold, p.reset, plural(s.files, "file"));
  } else {
    out += fmt::format("{}Found {}{} ({}, {}, {}) in {} of {}.\n", p.bold, plural(total, "problem"),
                       p.reset, plural(s.errors, "error"), plural(s.warnings, "warning"),
                       plural(s.infos, "info"), s.files_with_findings, plural(s.files, "file"));
    // Point at the fix: each rule's documentation has why it matters and what to write instead.
    std::string_view first;
    for (const auto& r : results) {
      if (!r.findings.empty()) {
        first = r.findings.front().rule->id;
        break;
      }
    }
    out += fmt::format(
        "Run `stacklint explain {}` (or any rule id) for why it matters and how to fix it.\n",
        first);
  }
  os << out;
}

}  // namespace stacklint
