// Turning command-line paths into the list of files to lint.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace stacklint {

struct InputFile {
  std::filesystem::path path;
  std::string display;  // the path as shown in output
  bool from_directory =
      false;  // found by walking a directory: lint only if it looks like a template
  bool is_stdin = false;
};

struct Discovery {
  std::vector<InputFile> files;
  std::vector<std::string> errors;  // paths that do not exist or cannot be read
};

// Reads a whole file (bytes as they are). On failure returns false and sets *error to the
// reason (strerror text, or "read error").
bool read_text_file(const std::filesystem::path& path, std::string& text, std::string* error);

// Template file extensions: .yaml .yml .json .template (case-insensitive).
bool has_template_extension(const std::filesystem::path& p);

// Expands `paths`: files are taken as they are, directories are walked recursively (following
// symbolic links, each directory once, skipping hidden directories and node_modules), `-` is
// standard input. Files found in directories need a template extension.
Discovery discover(const std::vector<std::string>& paths);

}  // namespace stacklint
