#include "scalar_resolve.h"

namespace stacklint {
namespace {

bool all_digits(std::string_view s, bool (*ok)(char)) {
  if (s.empty()) return false;
  for (char c : s) {
    if (!ok(c)) return false;
  }
  return true;
}

bool is_dec(char c) {
  return c >= '0' && c <= '9';
}
bool is_oct(char c) {
  return c >= '0' && c <= '7';
}
bool is_hex(char c) {
  return is_dec(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F');
}

bool is_float(std::string_view s) {
  // [-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?
  size_t i = 0;
  if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
  size_t int_digits = 0, frac_digits = 0;
  while (i < s.size() && is_dec(s[i])) ++i, ++int_digits;
  if (i < s.size() && s[i] == '.') {
    ++i;
    while (i < s.size() && is_dec(s[i])) ++i, ++frac_digits;
  }
  if (int_digits == 0 && frac_digits == 0) return false;
  if (i < s.size() && (s[i] == 'e' || s[i] == 'E')) {
    ++i;
    if (i < s.size() && (s[i] == '+' || s[i] == '-')) ++i;
    size_t exp_digits = 0;
    while (i < s.size() && is_dec(s[i])) ++i, ++exp_digits;
    if (exp_digits == 0) return false;
  }
  return i == s.size();
}

}  // namespace

ScalarKind resolve_plain_scalar(std::string_view s) {
  if (s.empty() || s == "~" || s == "null" || s == "Null" || s == "NULL") return ScalarKind::Null;
  if (s == "true" || s == "True" || s == "TRUE" || s == "false" || s == "False" || s == "FALSE") {
    return ScalarKind::Boolean;
  }
  std::string_view digits = s;
  if (digits.front() == '-' || digits.front() == '+') digits.remove_prefix(1);
  if (all_digits(digits, is_dec)) return ScalarKind::Integer;
  if (s.starts_with("0o") && all_digits(s.substr(2), is_oct)) return ScalarKind::Integer;
  if (s.starts_with("0x") && all_digits(s.substr(2), is_hex)) return ScalarKind::Integer;
  if (is_float(s)) return ScalarKind::Float;
  const std::string_view specials[] = {".inf",  ".Inf",  ".INF",  "-.inf", "-.Inf", "-.INF",
                                       "+.inf", "+.Inf", "+.INF", ".nan",  ".NaN",  ".NAN"};
  for (auto sp : specials) {
    if (s == sp) return ScalarKind::Float;
  }
  return ScalarKind::String;
}

}  // namespace stacklint
