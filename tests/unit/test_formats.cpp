// SARIF (validated by Microsoft's SARIF multitool, with its default rules and GitHub's ingestion
// rules), GitHub annotations and JUnit output of the stacklint executable.
#include <doctest/doctest.h>
#include <sys/wait.h>

#include <fmt/format.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <nlohmann/json.hpp>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

int run(const std::string& cmd) {
  const int status = std::system(cmd.c_str());
  return WIFEXITED(status) ? WEXITSTATUS(status) : -1;
}

const fs::path kSource = STACKLINT_SOURCE_DIR;
const std::string kTool =
    (kSource / "tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool").string();

struct Tmp {
  fs::path dir;
  Tmp() {
    char t[] = "/tmp/stacklint-fmt-XXXXXX";
    dir = ::mkdtemp(t);
  }
  ~Tmp() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
};

// Error-level results the multitool reports about `sarif` (rule kinds as given, or default).
std::vector<std::string> validate(const fs::path& sarif, const std::string& rule_kind,
                                  const fs::path& out) {
  const std::string kind =
      rule_kind.empty() ? std::string() : fmt::format("--rule-kind '{}' ", rule_kind);
  const std::string cmd = fmt::format("'{}' validate {}'{}' -o '{}' >/dev/null 2>&1", kTool, kind,
                                      sarif.string(), out.string());
  const int code = run(cmd);
  REQUIRE_MESSAGE(fs::exists(out), "the SARIF multitool did not run (exit " << code << ")");
  const auto log = nlohmann::json::parse(slurp(out));
  std::vector<std::string> errors;
  for (const auto& r : log["runs"][0]["results"]) {
    if (r.value("level", "warning") == "error") {
      errors.push_back(fmt::format("{}: {}", r.value("ruleId", "?"), r["message"].dump()));
    }
  }
  return errors;
}

}  // namespace

TEST_CASE("SARIF output passes the SARIF multitool, default and GitHub rules") {
  REQUIRE_MESSAGE(fs::exists(kTool), "run scripts/deps.sh to install the SARIF multitool");
  Tmp tmp;
  const fs::path sarif = tmp.dir / "out.sarif";
  // Every fixture and the example: many rules, conditions, JSON and YAML, parse errors.
  const int code =
      run(fmt::format("cd '{}' && '{}' lint --format sarif --fail-level none "
                      "examples fixtures -o '{}'",
                      kSource.string(), STACKLINT_BINARY, sarif.string()));
  REQUIRE(code == 0);
  int n = 0;
  for (const char* kind : {"", "Sarif;Gh"}) {
    CAPTURE(kind);
    const auto errors = validate(sarif, kind, tmp.dir / fmt::format("validation{}.sarif", n++));
    for (const auto& e : errors) MESSAGE(e);
    CHECK(errors.empty());
  }
  const auto doc = nlohmann::json::parse(slurp(sarif));
  const auto& run0 = doc["runs"][0];
  const auto& rules = run0["tool"]["driver"]["rules"];
  CHECK(rules.size() >= 40);
  CHECK(run0["originalUriBaseIds"]["%SRCROOT%"]["uri"].get<std::string>().ends_with("/"));
  REQUIRE(run0["results"].size() > 100);
  for (const auto& r : run0["results"]) {
    const auto index = r["ruleIndex"].get<size_t>();
    CHECK(rules[index]["id"] == r["ruleId"]);
    const auto uri =
        r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].get<std::string>();
    CHECK_FALSE(uri.starts_with("/"));
    CHECK(r["partialFingerprints"].contains("stacklintFindingHash/v1"));
  }
}

TEST_CASE("SARIF fingerprints survive unrelated edits") {
  Tmp tmp;
  const std::string tpl = "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n";
  std::ofstream(tmp.dir / "t.yaml") << tpl;
  auto fingerprints = [&] {
    run(fmt::format("cd '{}' && '{}' lint --format sarif t.yaml -o out.sarif", tmp.dir.string(),
                    STACKLINT_BINARY));
    std::vector<std::string> out;
    const auto doc = nlohmann::json::parse(slurp(tmp.dir / "out.sarif"));  // alive for the loop
    for (const auto& r : doc["runs"][0]["results"]) {
      out.push_back(r["partialFingerprints"]["stacklintFindingHash/v1"]);
    }
    return out;
  };
  const auto before = fingerprints();
  REQUIRE(before.size() == 2);
  std::ofstream(tmp.dir / "t.yaml") << "# a comment that moves every line\n\n"
                                    << tpl << "  Queue:\n    Type: AWS::SNS::Topic\n";
  CHECK(fingerprints() == before);
}

TEST_CASE("GitHub annotations and JUnit XML") {
  Tmp tmp;
  std::ofstream(tmp.dir / "t.yaml") << "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n"
                                       "    DeletionPolicy: Snapshot\n";
  run(
      fmt::format("cd '{0}' && '{1}' lint --format github t.yaml > gh.txt; '{1}' lint --format "
                  "junit t.yaml > junit.xml",
                  tmp.dir.string(), STACKLINT_BINARY));
  const std::string gh = slurp(tmp.dir / "gh.txt");
  CHECK(gh.find("::error file=t.yaml,line=4,col=21,endLine=4,endColumn=29,title=PAR006 "
                "invalid-deletion-policy::DeletionPolicy of Bucket is 'Snapshot', but "
                "AWS::S3::Bucket does not support snapshots; use Retain or Delete\n") !=
        std::string::npos);
  CHECK(gh.find("::warning file=t.yaml,line=2,col=3") != std::string::npos);
  const std::string junit = slurp(tmp.dir / "junit.xml");
  CHECK(junit.starts_with("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites"));
  CHECK(junit.find("failures=\"2\"") != std::string::npos);
  CHECK(junit.find("<testcase classname=\"t.yaml\" name=\"PAR006 invalid-deletion-policy\" "
                   "file=\"t.yaml\">\n      <failure type=\"PAR006\" message=\"1 finding\">") !=
        std::string::npos);
  CHECK(junit.find("name=\"SEC001 hardcoded-secret\" file=\"t.yaml\"/>") != std::string::npos);
}
