#include "stacklint/files.h"

#include <sys/stat.h>

#include <algorithm>
#include <cctype>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <set>
#include <sstream>
#include <system_error>
#include <utility>

namespace stacklint {

namespace fs = std::filesystem;

bool read_text_file(const fs::path& path, std::string& text, std::string* error) {
  std::ifstream in(path, std::ios::binary);
  if (!in) {
    *error = std::strerror(errno);
    return false;
  }
  std::ostringstream ss;
  ss << in.rdbuf();
  if (in.bad()) {
    *error = "read error";
    return false;
  }
  text = std::move(ss).str();
  return true;
}

bool has_template_extension(const fs::path& p) {
  std::string ext = p.extension().string();
  for (auto& c : ext) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return ext == ".yaml" || ext == ".yml" || ext == ".json" || ext == ".template";
}

namespace {

using DirId = std::pair<dev_t, ino_t>;

bool skip_directory(const fs::path& dir) {
  const std::string name = dir.filename().string();
  return (name.size() > 1 && name[0] == '.') || name == "node_modules";
}

std::string display_join(const std::string& base, const fs::path& rel) {
  if (base.empty() || base == ".") return rel.generic_string();
  std::string out = base;
  if (out.back() != '/') out += '/';
  return out + rel.generic_string();
}

void walk(const fs::path& dir, const std::string& display, std::set<DirId>& seen, Discovery& out) {
  struct stat st {};
  if (::stat(dir.c_str(), &st) != 0) {
    out.errors.push_back(display + ": " + std::strerror(errno));
    return;
  }
  if (!seen.insert({st.st_dev, st.st_ino}).second) return;  // a symlink cycle or a second path

  std::error_code ec;
  fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) {
    out.errors.push_back(display + ": " + ec.message());
    return;
  }
  std::vector<fs::directory_entry> entries;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    entries.push_back(*it);
  }
  std::sort(entries.begin(), entries.end(),
            [](const auto& a, const auto& b) { return a.path().filename() < b.path().filename(); });
  for (const auto& entry : entries) {
    const fs::path& p = entry.path();
    const std::string child = display_join(display, p.filename());
    std::error_code sec;
    const fs::file_status status = fs::status(p, sec);  // follows links
    if (sec) continue;  // a dangling link or a link loop inside a tree: not a template, skip it
    if (fs::is_directory(status)) {
      if (!skip_directory(p)) walk(p, child, seen, out);
    } else if (fs::is_regular_file(status) && has_template_extension(p)) {
      out.files.push_back({p, child, /*from_directory=*/true, /*is_stdin=*/false});
    }
  }
}

}  // namespace

Discovery discover(const std::vector<std::string>& paths) {
  Discovery out;
  std::set<DirId> seen;
  for (const auto& arg : paths) {
    if (arg == "-") {
      out.files.push_back({fs::path(), "-", false, true});
      continue;
    }
    const fs::path p(arg);
    struct stat st {};
    if (::stat(p.c_str(), &st) != 0) {
      const int err = errno;
      out.errors.push_back(arg + ": " +
                           (err == ENOENT ? std::string("no such file or directory")
                                          : std::string(std::strerror(err))));
      continue;
    }
    if (S_ISDIR(st.st_mode)) {
      std::string display = arg;
      while (display.size() > 1 && display.back() == '/') display.pop_back();
      walk(p, display, seen, out);
    } else {
      out.files.push_back({p, arg, false, false});
    }
  }
  return out;
}

}  // namespace stacklint
