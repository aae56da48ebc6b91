#include "stacklint/parameters.h"

#include <fmt/format.h>

#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>

#include "stacklint/files.h"
#include "stacklint/source.h"

namespace stacklint {
namespace {

bool add_pair(std::string_view pair, ParameterValues& out) {
  const auto eq = pair.find('=');
  if (eq == std::string_view::npos || eq == 0) return false;
  out[std::string(pair.substr(0, eq))] = std::string(pair.substr(eq + 1));
  return true;
}

std::string scalar_text(const nlohmann::json& v) {
  if (v.is_string()) return v.get<std::string>();
  if (v.is_array()) {  // a list parameter given as a JSON list
    std::string out;
    for (const auto& item : v) {
      if (!out.empty()) out.push_back(',');
      out.append(scalar_text(item));
    }
    return out;
  }
  return v.dump();
}

}  // namespace

bool load_parameters(const std::string& arg, ParameterValues& out, std::string* error) {
  namespace fs = std::filesystem;
  std::error_code ec;
  if (!fs::exists(arg, ec)) {
    if (arg.find('=') != std::string::npos && add_pair(arg, out)) return true;
    *error = fmt::format("{}: no such file (and not a Key=Value pair)", arg);
    return false;
  }
  std::string text, why;
  if (!read_text_file(arg, text, &why)) {
    *error = fmt::format("{}: cannot read: {}", arg, why);
    return false;
  }
  const auto first = text.find_first_not_of(" \t\r\n");
  if (first == std::string::npos) return true;  // empty: no values
  if (text[first] != '[' && text[first] != '{') {
    std::istringstream words(text);
    std::string word;
    while (words >> word) {
      if (!add_pair(word, out)) {
        const auto at = text.find(word);
        const Position p = LineIndex(text).position(static_cast<uint32_t>(at));
        *error = fmt::format("{}:{}:{}: '{}' is not a Key=Value pair", arg, p.line, p.column, word);
        return false;
      }
    }
    return true;
  }
  nlohmann::json j;
  try {
    j = nlohmann::json::parse(text);
  } catch (const nlohmann::json::parse_error& e) {
    const Position p = LineIndex(text).position(static_cast<uint32_t>(e.byte > 0 ? e.byte - 1 : 0));
    *error = fmt::format("{}:{}:{}: invalid JSON", arg, p.line, p.column);
    return false;
  }
  auto bad = [&](const std::string& what) {
    *error = fmt::format("{}: {}", arg, what);
    return false;
  };
  if (j.is_array()) {
    for (size_t i = 0; i < j.size(); ++i) {
      const auto& item = j[i];
      if (!item.is_object() || !item.contains("ParameterKey") ||
          !item["ParameterKey"].is_string()) {
        return bad(fmt::format("entry {} has no \"ParameterKey\"", i + 1));
      }
      if (item.value("UsePreviousValue", false)) continue;  // the stack's value: unknown here
      if (!item.contains("ParameterValue")) {
        return bad(fmt::format("entry {} ({}) has no \"ParameterValue\"", i + 1,
                               item["ParameterKey"].get<std::string>()));
      }
      out[item["ParameterKey"].get<std::string>()] = scalar_text(item["ParameterValue"]);
    }
    return true;
  }
  const nlohmann::json* params = &j;
  if (j.contains("Parameters")) params = &j["Parameters"];
  if (!params->is_object()) return bad("\"Parameters\" must be an object of names to values");
  for (const auto& [k, v] : params->items()) out[k] = scalar_text(v);
  return true;
}

}  // namespace stacklint
