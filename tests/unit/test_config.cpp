#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "stacklint/config.h"
#include "stacklint/linter.h"
#include "stacklint/registry.h"

using namespace stacklint;
namespace fs = std::filesystem;

TEST_CASE("globs: *, ** and ?") {
  CHECK(glob_match("*.yaml", "a.yaml"));
  CHECK_FALSE(glob_match("*.yaml", "dir/a.yaml"));
  CHECK(glob_match("**/*.yaml", "a.yaml"));
  CHECK(glob_match("**/*.yaml", "x/y/a.yaml"));
  CHECK(glob_match("stacks/**", "stacks/legacy/b.yaml"));
  CHECK(glob_match("**/generated/**", "a/generated/b/c.json"));
  CHECK_FALSE(glob_match("**/generated/**", "a/gen/c.json"));
  CHECK(glob_match("stacks/prod-?.yaml", "stacks/prod-1.yaml"));
  CHECK_FALSE(glob_match("stacks/prod-?.yaml", "stacks/prod-12.yaml"));
}

namespace {
struct Dir {
  fs::path path;
  Dir() {
    char t[] = "/tmp/stacklint-config-XXXXXX";
    path = ::mkdtemp(t);
  }
  ~Dir() {
    std::error_code ec;
    fs::remove_all(path, ec);
  }
  std::string write(const std::string& name, const std::string& text) const {
    fs::create_directories((path / name).parent_path());
    std::ofstream(path / name) << text;
    return (path / name).string();
  }
};

std::string load_error(const std::string& text) {
  Dir d;
  Config c;
  std::string error;
  if (load_config(d.write(".stacklint.yaml", text), c, &error)) return "";
  return error.substr(error.find(".stacklint.yaml"));
}
}  // namespace

TEST_CASE("configuration errors name the file, line and column") {
  CHECK(load_error("select: [SEC]\nselct: [NET]\n") ==
        ".stacklint.yaml:2:1: unknown key 'selct' (known: select, ignore, severity, fail-level, "
        "include, exclude, rule-options, parameters, overrides, allow-replacement)");
  CHECK(load_error("ignore: [NOPE]\n")
            .starts_with(".stacklint.yaml:1:9: ignore: 'NOPE' matches no rule"));
  CHECK(load_error("severity:\n  DAT001: critical\n") ==
        ".stacklint.yaml:2:11: severity must be error, warning or info");
  CHECK(load_error("fail-level: sometimes\n") ==
        ".stacklint.yaml:1:13: fail-level must be error, warning, info or none");
  CHECK(load_error("rule-options:\n  NET001: {allowed-port: [22]}\n") ==
        ".stacklint.yaml:2:12: NET001 has no option 'allowed-port'");
  CHECK(load_error("overrides:\n  - ignore: [SEC]\n") ==
        ".stacklint.yaml:2:5: an override needs paths");
  CHECK(load_error("select: [SEC\n").find("end of sequence") != std::string::npos);
  CHECK(load_error("").empty());
  CHECK(load_error("# nothing configured yet\n").empty());
}

TEST_CASE("options for a file: overrides, parameters, include/exclude, command line on top") {
  Dir d;
  const auto file = d.write(".stacklint.yaml", R"(select: [DAT, NET]
ignore: [DAT003]
severity: {DAT001: error}
exclude: ["**/generated/**"]
rule-options:
  NET001: {allowed-ports: [22, 80]}
parameters:
  "prod/*.yaml": {Env: prod}
overrides:
  - paths: ["legacy/**"]
    ignore: [DAT001]
    severity: {DAT002: info}
allow-replacement: [Cache]
)");
  Config c;
  std::string error;
  REQUIRE(load_config(file, c, &error));
  CHECK(find_config(d.path / "prod" / "x.yaml") == fs::path(file));
  LintOptions cli;
  bool excluded = false;
  const RuleMeta& dat001 = find_rule("DAT001")->meta();
  const RuleMeta& sec001 = find_rule("SEC001")->meta();
  auto prod = options_for(c, d.path / "prod/app.yaml", cli, {}, {}, &excluded, &error);
  CHECK_FALSE(excluded);
  CHECK(prod.selection.enabled(dat001));
  CHECK_FALSE(prod.selection.enabled(sec001));
  CHECK(prod.severity.at("DAT001") == Severity::Error);
  CHECK(prod.parameters.at("Env") == "prod");
  CHECK(prod.rule_options.at("NET001.allowed-ports") == "22,80");
  CHECK(prod.allow_replacement.count("Cache") == 1);
  auto legacy = options_for(c, d.path / "legacy/old.yaml", cli, {}, {}, &excluded, &error);
  CHECK_FALSE(legacy.selection.enabled(dat001));
  CHECK(legacy.severity.at("DAT002") == Severity::Info);
  CHECK(legacy.parameters.empty());
  options_for(c, d.path / "a/generated/t.yaml", cli, {}, {}, &excluded, &error);
  CHECK(excluded);
  // The command line wins: --select SEC001 and --parameters Env=dev.
  cli.parameters["Env"] = "dev";
  auto mixed = options_for(c, d.path / "prod/app.yaml", cli, {"SEC001"}, {}, &excluded, &error);
  CHECK(mixed.selection.enabled(sec001));
  CHECK_FALSE(mixed.selection.enabled(dat001));
  CHECK(mixed.parameters.at("Env") == "dev");
}
