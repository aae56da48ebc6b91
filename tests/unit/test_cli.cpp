// End-to-end tests of the stacklint executable: exit codes, messages and output formats,
// including every kind of bad input the foundation must survive.
#include <doctest/doctest.h>
#include <sys/wait.h>
#include <unistd.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <nlohmann/json.hpp>
#include <set>
#include <sstream>
#include <string>

namespace fs = std::filesystem;

namespace {

struct Run {
  int code = -1;
  std::string out;
  std::string err;
};

std::string slurp(const fs::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::ostringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

// A scratch directory per test case, removed afterwards.
struct Scratch {
  fs::path dir;
  Scratch() {
    char tmpl[] = "/tmp/stacklint-cli-XXXXXX";
    dir = ::mkdtemp(tmpl);
  }
  ~Scratch() {
    std::error_code ec;
    fs::remove_all(dir, ec);
  }
  fs::path write(const std::string& name, const std::string& text) const {
    const fs::path p = dir / name;
    fs::create_directories(p.parent_path());
    std::ofstream(p, std::ios::binary) << text;
    return p;
  }
};

std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string("'\\''") : std::string(1, c);
  return q + "'";
}

Run stacklint(const std::string& args, const std::string& stdin_file = "/dev/null") {
  Scratch tmp;
  const std::string cmd = "cd " + quote(STACKLINT_SOURCE_DIR) + " && NO_COLOR=1 " +
                          quote(STACKLINT_BINARY) + " " + args + " <" + quote(stdin_file) + " >" +
                          quote((tmp.dir / "out").string()) + " 2>" +
                          quote((tmp.dir / "err").string());
  const int status = std::system(cmd.c_str());
  Run r;
  r.code = WIFEXITED(status) ? WEXITSTATUS(status) : -1;
  r.out = slurp(tmp.dir / "out");
  r.err = slurp(tmp.dir / "err");
  return r;
}

const std::string kGood = "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n";

}  // namespace

TEST_CASE("a clean template exits 0") {
  Scratch s;
  const auto r = stacklint("lint " + quote(s.write("ok.yaml", kGood).string()));
  CHECK(r.code == 0);
  CHECK(r.out.find("No problems found in 1 file.") != std::string::npos);
  CHECK(r.err.empty());
}

TEST_CASE("findings: text format with source line and caret, exit code by fail level") {
  Scratch s;
  const auto p = s.write("db.yaml", "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n");
  const auto r = stacklint("lint " + quote(p.string()));
  CHECK(r.code == 0);  // warnings only, default fail level is error
  CHECK(r.out.find("db.yaml:2:3: warning[DAT001] Bucket (AWS::S3::Bucket) has no "
                   "DeletionPolicy") != std::string::npos);
  CHECK(r.out.find(" 2 |   Bucket:\n   |   ^^^^^^\n") != std::string::npos);
  CHECK(r.out.find("Found 2 problems (0 errors, 2 warnings, 0 infos) in 1 of 1 file.\n"
                   "Run `stacklint explain DAT001` (or any rule id) for why it matters and how "
                   "to fix it.\n") != std::string::npos);
  CHECK(stacklint("lint " + quote(s.write("ok.yaml", kGood).string())).out.find("explain") ==
        std::string::npos);
  CHECK(stacklint("lint --fail-level warning " + quote(p.string())).code == 1);
  CHECK(stacklint("lint --fail-level info " + quote(p.string())).code == 1);
  CHECK(stacklint("lint --fail-level none " + quote(p.string())).code == 0);
  CHECK(stacklint("lint --fail-level warning --ignore DAT " + quote(p.string())).code == 0);
  const auto selected = stacklint("lint --select DAT002 " + quote(p.string()));
  CHECK(selected.out.find("DAT001") == std::string::npos);
  CHECK(selected.out.find("DAT002") != std::string::npos);
}

TEST_CASE("json format follows the documented schema") {
  Scratch s;
  const auto p = s.write("t.yaml",
                         "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n"
                         "    DeletionPolicy: Retain\n");
  const auto r = stacklint("lint --format json " + quote(p.string()));
  CHECK(r.code == 0);
  const auto j = nlohmann::json::parse(r.out);
  CHECK(j["version"] == 1);
  CHECK(j["tool"]["name"] == "stacklint");
  CHECK(j["tool"]["version"] == STACKLINT_VERSION);
  REQUIRE(j["files"].size() == 1);
  CHECK(j["files"][0]["status"] == "ok");
  REQUIRE(j["findings"].size() == 1);
  const auto& f = j["findings"][0];
  CHECK(f["rule"] == "DAT002");
  CHECK(f["name"] == "stateful-resource-without-update-replace-policy");
  CHECK(f["severity"] == "warning");
  CHECK(f["line"] == 2);
  CHECK(f["column"] == 3);
  CHECK(f["end_line"] == 2);
  CHECK(f["end_column"] == 9);
  CHECK(f["logical_path"] == "Resources/Bucket");
  CHECK(j["summary"] == nlohmann::json{{"files", 1}, {"errors", 0}, {"warnings", 1}, {"infos", 0}});
}

TEST_CASE("the bundled example matches its JSON snapshot") {
  const std::string root = STACKLINT_SOURCE_DIR;
  const auto r = stacklint("lint --format json examples/django-stack.yaml");
  REQUIRE(r.code == 1);  // it has errors on purpose
  (void)root;
  const auto expected =
      nlohmann::json::parse(slurp(fs::path(root) / "tests/snapshots/django-stack.json"));
  auto actual = nlohmann::json::parse(r.out);
  actual["tool"]["version"] = expected["tool"]["version"];
  CHECK(actual.dump(2) == expected.dump(2));
}

TEST_CASE("bad input: each gets a clear message and the documented exit code") {
  Scratch s;
  SUBCASE("empty file") {
    const auto r = stacklint("lint " + quote(s.write("empty.yaml", "").string()));
    CHECK(r.code == 1);
    CHECK(r.out.find("error[PAR003] the file is empty") != std::string::npos);
  }
  SUBCASE("binary file") {
    const auto r = stacklint("lint " + quote(s.write("b.yaml", std::string("\x7f"
                                                                           "ELF\0\0\x01",
                                                                           7))
                                                 .string()));
    CHECK(r.code == 1);
    CHECK(r.out.find("binary file") != std::string::npos);
    CHECK(r.out.find(" 1 | ") == std::string::npos);  // no excerpt of raw bytes
  }
  SUBCASE("invalid UTF-8") {
    const auto r =
        stacklint("lint " + quote(s.write("u.yaml", "Resources:\n  T\xff: x\n").string()));
    CHECK(r.code == 1);
    CHECK(r.out.find("u.yaml:2:4: error[PAR001] invalid UTF-8 (byte 0xFF)") != std::string::npos);
  }
  SUBCASE("a list and a scalar document") {
    const auto list = stacklint("lint " + quote(s.write("l.yaml", "- a\n- b\n").string()));
    CHECK(list.code == 1);
    CHECK(list.out.find("the document is a list") != std::string::npos);
    const auto scalar = stacklint("lint " + quote(s.write("s.yaml", "hello\n").string()));
    CHECK(scalar.code == 1);
    CHECK(scalar.out.find("the document is a string") != std::string::npos);
  }
  SUBCASE("anchors and aliases, and an alias bomb") {
    const auto ok = stacklint("lint " + quote(s.write("a.yaml",
                                                      "Resources:\n  A: &t\n    Type: "
                                                      "AWS::SNS::Topic\n  B: *t\n")
                                                  .string()));
    CHECK(ok.code == 0);
    std::string bomb = "a: &a [x, x, x, x, x, x, x, x, x, x]\n";
    for (char c = 'b'; c <= 'j'; ++c) {
      bomb += std::string(1, c) + ": &" + c + " [";
      for (int i = 0; i < 10; ++i) bomb += std::string(i ? ", *" : "*") + static_cast<char>(c - 1);
      bomb += "]\n";
    }
    const auto r = stacklint("lint " + quote(s.write("bomb.yaml", bomb).string()));
    CHECK(r.code == 1);
    CHECK(r.out.find("an alias bomb?") != std::string::npos);
  }
  SUBCASE("10,000 levels of nesting") {
    std::string deep;
    for (int i = 0; i < 10000; ++i) deep += std::string(static_cast<size_t>(i) * 2, ' ') + "a:\n";
    const auto r = stacklint("lint " + quote(s.write("deep.yaml", deep).string()));
    CHECK(r.code == 1);
    CHECK(r.out.find("nests deeper than 256 levels") != std::string::npos);
    const auto j = stacklint(
        "lint " +
        quote(s.write("deep.json", std::string(10000, '[') + std::string(10000, ']')).string()));
    CHECK(j.code == 1);
    CHECK(j.out.find("PAR001") != std::string::npos);
  }
  SUBCASE("a 5 MB template") {
    std::string big = "Resources:\n";
    for (int i = 0; big.size() < 5'000'000; ++i) {
      big += "  Topic" + std::to_string(i) +
             ":\n    Type: AWS::SNS::Topic\n    Properties:\n"
             "      TopicName: topic-" +
             std::to_string(i) + "\n";
    }
    big += "  Bucket:\n    Type: AWS::S3::Bucket\n";
    const auto r = stacklint("lint --format json " + quote(s.write("big.yaml", big).string()));
    CHECK(r.code == 0);
    const auto j = nlohmann::json::parse(r.out);
    CHECK(j["summary"]["warnings"] == 2);
  }
  SUBCASE("CRLF line endings and a byte order mark") {
    const auto r = stacklint("lint " + quote(s.write("crlf.yaml",
                                                     "\xEF\xBB\xBFResources:\r\n  "
                                                     "B:\r\n    Type: AWS::S3::Bucket\r\n")
                                                 .string()));
    CHECK(r.code == 0);
    CHECK(r.out.find("crlf.yaml:2:3: warning[DAT001]") != std::string::npos);
    CHECK(r.out.find(" 2 |   B:\n") != std::string::npos);
  }
  SUBCASE("a path that does not exist") {
    const auto r = stacklint("lint " + quote((s.dir / "missing.yaml").string()));
    CHECK(r.code == 2);
    CHECK(r.err.find("missing.yaml: no such file or directory") != std::string::npos);
  }
  SUBCASE("a directory with no templates") {
    s.write("dir/readme.md", "# hi\n");
    s.write("dir/compose.yaml", "services:\n  web:\n    image: nginx\n");
    const auto r = stacklint("lint " + quote((s.dir / "dir").string()));
    CHECK(r.code == 2);
    CHECK(r.err.find("no CloudFormation templates found") != std::string::npos);
  }
  SUBCASE("a symlink loop") {
    fs::create_directories(s.dir / "loop");
    s.write("loop/t.yaml", kGood);
    fs::create_directory_symlink(s.dir / "loop", s.dir / "loop" / "again");
    fs::create_symlink(s.dir / "self", s.dir / "self");
    const auto dir = stacklint("lint --format json " + quote((s.dir / "loop").string()));
    CHECK(dir.code == 0);
    CHECK(nlohmann::json::parse(dir.out)["summary"]["files"] == 1);
    const auto self = stacklint("lint " + quote((s.dir / "self").string()));
    CHECK(self.code == 2);
    CHECK(self.err.find("self: Too many levels of symbolic links") != std::string::npos);
  }
  SUBCASE("an unreadable path among good ones loses nothing") {
    const auto good = s.write("good.yaml", kGood);
    const auto r = stacklint("lint --format json " + quote(good.string()) + " " +
                             quote((s.dir / "nope.yaml").string()));
    CHECK(r.code == 2);
    CHECK(nlohmann::json::parse(r.out)["summary"]["files"] == 1);
  }
}

TEST_CASE("directories: templates by extension and content, deterministic order") {
  Scratch s;
  s.write("t/b.yaml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n");
  s.write("t/a/c.json", "{\"Resources\": {\"Q\": {\"Type\": \"AWS::SQS::Queue\"}}}");
  s.write("t/workflow.yml", "on: push\njobs: {}\n");
  s.write("t/.hidden/x.yaml", kGood);
  s.write("t/d.template", "AWSTemplateFormatVersion: '2010-09-09'\nResources: {}\n");
  const auto r = stacklint("lint --format json -j 2 " + quote((s.dir / "t").string()));
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["files"].size() == 3);
  const std::string base = (s.dir / "t").string();
  CHECK(j["files"][0]["path"] == base + "/a/c.json");
  CHECK(j["files"][1]["path"] == base + "/b.yaml");
  CHECK(j["files"][2]["path"] == base + "/d.template");
  CHECK(r.code == 1);  // d.template has no resources (PAR009)
}

TEST_CASE("stdin") {
  Scratch s;
  const auto in = s.write("in.yaml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n");
  const auto r = stacklint("lint --stdin-filename infra/app.yaml -", in.string());
  CHECK(r.code == 0);
  CHECK(r.out.find("infra/app.yaml:2:3: warning[DAT001]") != std::string::npos);
}

TEST_CASE("--output writes the report to a file") {
  Scratch s;
  const auto p = s.write("t.yaml", kGood);
  const auto r = stacklint("lint --format json -o " + quote((s.dir / "report.json").string()) +
                           " " + quote(p.string()));
  CHECK(r.code == 0);
  CHECK(r.out.empty());
  CHECK(nlohmann::json::parse(slurp(s.dir / "report.json"))["summary"]["files"] == 1);
  const auto bad = stacklint("lint -o /nonexistent/dir/r.txt " + quote(p.string()));
  CHECK(bad.code == 2);
  CHECK(bad.err.find("cannot write") != std::string::npos);
}

TEST_CASE("usage errors exit 2 with a one-line message") {
  CHECK(stacklint("").code == 2);
  CHECK(stacklint("lint").code == 2);
  CHECK(stacklint("lint --format xml x.yaml").code == 2);
  const auto sel = stacklint("lint --select NOPE " + quote(STACKLINT_SOURCE_DIR "/examples"));
  CHECK(sel.code == 2);
  CHECK(sel.err.find("'NOPE' matches no rule") != std::string::npos);
  CHECK(stacklint("frobnicate").code == 2);
}

TEST_CASE("rules, explain and --version") {
  const auto rules = stacklint("rules");
  CHECK(rules.code == 0);
  CHECK(rules.out.find("DAT001  stateful-resource-without-deletion-policy") != std::string::npos);
  const auto json = nlohmann::json::parse(stacklint("rules --format json").out);
  CHECK(json.size() >= 13);
  const auto explain = stacklint("explain dat001");
  CHECK(explain.code == 0);
  CHECK(explain.out.find("# DAT001 stateful-resource-without-deletion-policy") !=
        std::string::npos);
  CHECK(explain.out.find("## Use instead") != std::string::npos);
  const auto unknown = stacklint("explain DAT01");
  CHECK(unknown.code == 2);
  CHECK(unknown.err.find("did you mean") != std::string::npos);
  const auto version = stacklint("--version");
  CHECK(version.code == 0);
  CHECK(version.out == std::string("stacklint ") + STACKLINT_VERSION + "\n");
}

TEST_CASE("schema prints a resource type's properties and attributes") {
  const auto text = stacklint("schema AWS::SQS::Queue");
  CHECK(text.code == 0);
  CHECK(text.out.find("AWS::SQS::Queue (holds data)") != std::string::npos);
  CHECK(text.out.find("FifoQueue") != std::string::npos);
  CHECK(text.out.find("QueueUrl") != std::string::npos);
  const auto json =
      nlohmann::json::parse(stacklint("schema --format json AWS::RDS::DBInstance").out);
  CHECK(json["type"] == "AWS::RDS::DBInstance");
  bool found = false;
  for (const auto& p : json["properties"]) {
    if (p["name"] == "DBInstanceIdentifier") {
      found = true;
      CHECK(p["update"] == "Replacement");
    }
  }
  CHECK(found);
  const auto unknown = stacklint("schema AWS::SQS::Qeue");
  CHECK(unknown.code == 2);
  CHECK(unknown.err.find("did you mean AWS::SQS::Queue?") != std::string::npos);
}

TEST_CASE("eval shows the values a node can take and when") {
  Scratch s;
  const auto p = s.write("t.yaml", R"(Parameters:
  Env: {Type: String, AllowedValues: [dev, prod]}
Conditions:
  IsProd: !Equals [!Ref Env, prod]
Resources:
  Db:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !If [IsProd, !Sub "{{resolve:ssm:/${Env}/name}}", devname]
)");
  const auto r = stacklint("eval " + quote(p.string()) + " Resources/Db/Properties/TopicName");
  CHECK(r.code == 0);
  CHECK(r.out.find("\"{{resolve:ssm:/prod/name}}\" (dynamic reference)\n      when IsProd") !=
        std::string::npos);
  CHECK(r.out.find("\"devname\"\n      when not IsProd") != std::string::npos);
  const auto supplied = stacklint("eval --parameters Env=dev " + quote(p.string()) +
                                  " Resources/Db/Properties/TopicName");
  CHECK(supplied.out.find("\"devname\"\n      when always") != std::string::npos);
  const auto missing = stacklint("eval " + quote(p.string()) + " Resources/Nope");
  CHECK(missing.code == 2);
  CHECK(missing.err.find("nothing at 'Resources/Nope'") != std::string::npos);
}

TEST_CASE("lint --parameters narrows what parameters can be") {
  Scratch s;
  const auto p = s.write("t.yaml", R"(Parameters:
  Env: {Type: String, AllowedValues: [dev, qa, prod]}
Mappings:
  Names: {dev: {N: d}, prod: {N: p}}
Resources:
  Topic:
    Type: AWS::SNS::Topic
    Properties:
      TopicName: !FindInMap [Names, !Ref Env, N]
)");
  CHECK(stacklint("lint " + quote(p.string())).code == 1);  // qa is missing (REF006)
  CHECK(stacklint("lint --parameters Env=prod " + quote(p.string())).code == 0);
  const auto file = s.write("params.json", R"([{"ParameterKey": "Env", "ParameterValue": "qa"}])");
  const auto qa = stacklint("lint --parameters " + quote(file.string()) + " " + quote(p.string()));
  CHECK(qa.code == 1);
  CHECK(qa.out.find("REF006") != std::string::npos);
  const auto bad = s.write("bad.json", "[{\"ParameterKey\": }]");
  const auto err = stacklint("lint --parameters " + quote(bad.string()) + " " + quote(p.string()));
  CHECK(err.code == 2);
  CHECK(err.err.find("bad.json:1:") != std::string::npos);
}

TEST_CASE("baseline: record today's findings, report only new ones") {
  Scratch s;
  const auto t = s.write("t.yaml", "Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n");
  const auto base = (s.dir / "base.json").string();
  const auto w = stacklint("lint --fail-level warning --write-baseline " + quote(base) + " " +
                           quote(t.string()));
  CHECK(w.code == 0);
  CHECK(w.err.find("wrote 2 findings to the baseline") != std::string::npos);
  CHECK(stacklint("lint --fail-level warning --baseline " + quote(base) + " " + quote(t.string()))
            .code == 0);
  // Lines move and a new problem appears: only the new one is reported.
  s.write("t.yaml",
          "# moved\nResources:\n  Bucket:\n    Type: AWS::S3::Bucket\n"
          "  Logs:\n    Type: AWS::Logs::LogGroup\n");
  const auto r = stacklint("lint --fail-level warning --format json --baseline " + quote(base) +
                           " " + quote(t.string()));
  CHECK(r.code == 1);
  const auto j = nlohmann::json::parse(r.out);
  REQUIRE(j["findings"].size() == 2);
  for (const auto& f : j["findings"]) CHECK(f["logical_path"] == "Resources/Logs");
  // The Bucket is fixed: its entries are reported as stale.
  s.write("t.yaml", "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n");
  const auto stale = stacklint("lint --baseline " + quote(base) + " " + quote(t.string()));
  CHECK(stale.err.find("2 baselined findings no longer occur") != std::string::npos);
  const auto bad = s.write("bad.json", "{\"version\": 1,\n \"findings\": [}");
  const auto e = stacklint("lint --baseline " + quote(bad.string()) + " " + quote(t.string()));
  CHECK(e.code == 2);
  CHECK(e.err.find("bad.json:2:") != std::string::npos);
}

TEST_CASE("lint finds .stacklint.yaml above each file; config prints the effective one") {
  Scratch s;
  s.write("repo/.stacklint.yaml",
          "select: [DAT]\nfail-level: warning\nseverity: {DAT001: error}\n"
          "overrides:\n  - paths: [\"legacy/**\"]\n    ignore: [DAT001]\n");
  s.write("repo/stacks/a.yaml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n");
  s.write("repo/legacy/b.yaml", "Resources:\n  B:\n    Type: AWS::S3::Bucket\n");
  const auto r = stacklint("lint --format json " + quote((s.dir / "repo").string()));
  CHECK(r.code == 1);
  const auto j = nlohmann::json::parse(r.out);
  std::set<std::string> seen;
  for (const auto& f : j["findings"]) {
    seen.insert(f["path"].get<std::string>().substr(s.dir.string().size() + 6) + " " +
                f["rule"].get<std::string>() + " " + f["severity"].get<std::string>());
  }
  CHECK(seen == std::set<std::string>{"legacy/b.yaml DAT002 warning", "stacks/a.yaml DAT001 error",
                                      "stacks/a.yaml DAT002 warning"});
  const auto cfg = stacklint("config " + quote((s.dir / "repo/legacy/b.yaml").string()));
  CHECK(cfg.code == 0);
  const auto c = nlohmann::json::parse(cfg.out);
  CHECK(c["rules"] == nlohmann::json::array({"DAT002", "DAT003", "DAT004"}));
  s.write("repo/.stacklint.yaml", "select: [DAT]\nfail_level: warning\n");
  const auto bad = stacklint("lint " + quote((s.dir / "repo").string()));
  CHECK(bad.code == 2);
  CHECK(bad.err.find(".stacklint.yaml:2:1: unknown key 'fail_level'") != std::string::npos);
}

TEST_CASE("pre-commit: Debian's pre-commit refuses a bad template and accepts a good one") {
  const std::string source = STACKLINT_SOURCE_DIR;
  if (std::system(("git -C " + quote(source) + " rev-parse HEAD >/dev/null 2>&1").c_str()) != 0 ||
      std::system("command -v pre-commit >/dev/null 2>&1") != 0) {
    MESSAGE("skipped: the source is not a git checkout, or pre-commit is not installed");
    return;
  }
  Scratch s;
  const std::string repo = (s.dir / "repo").string();
  const std::string bin_dir = fs::path(STACKLINT_BINARY).parent_path().string();
  const std::string env = "export PATH=" + quote(bin_dir) +
                          ":$PATH PRE_COMMIT_HOME=" + quote((s.dir / "cache").string()) +
                          " NO_COLOR=1; cd " + quote(repo) + " && ";
  fs::create_directories(repo);
  std::string rev;
  {
    FILE* p = ::popen(("git -C " + quote(source) + " rev-parse HEAD").c_str(), "r");
    char buf[64] = {};
    if (p && std::fgets(buf, sizeof buf, p)) rev = buf;
    if (p) ::pclose(p);
    rev.erase(rev.find_last_not_of("\n") + 1);
  }
  s.write("repo/.pre-commit-config.yaml", "repos:\n  - repo: " + source + "\n    rev: " + rev +
                                              "\n    hooks:\n      - id: stacklint\n");
  s.write("repo/compose.yaml", "services:\n  web:\n    image: nginx\n");
  REQUIRE(std::system((env + "git init -q && git config user.email t@example.com && git config "
                             "user.name t && git add -A && git commit -qm init >/dev/null 2>&1 && "
                             "pre-commit install >/dev/null 2>&1")
                          .c_str()) == 0);
  s.write("repo/good.yaml", "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n");
  const auto good_log = (s.dir / "good.log").string();
  CHECK(std::system((env + "git add good.yaml && git commit -qm good >" + quote(good_log) + " 2>&1")
                        .c_str()) == 0);
  s.write("repo/bad.yaml",
          "Resources:\n  Db:\n    Type: AWS::RDS::DBInstance\n    Properties:\n"
          "      Engine: postgres\n      DBInstanceClass: db.t4g.micro\n"
          "      StorageEncrypted: true\n      MasterUserPassword: hunter2hunter2\n");
  const auto bad_log = (s.dir / "bad.log").string();
  CHECK(std::system((env + "git add bad.yaml && git commit -qm bad >" + quote(bad_log) + " 2>&1")
                        .c_str()) != 0);
  std::ifstream in(bad_log);
  const std::string out((std::istreambuf_iterator<char>(in)), {});
  CHECK(out.find("bad.yaml:8:27: error[SEC001]") != std::string::npos);
  CHECK(std::system((env + "git log --oneline | grep -q good && ! git log --oneline | grep -q bad")
                        .c_str()) == 0);
}

TEST_CASE("diff: markers, causes, JSON, git versions, acknowledged replacements") {
  Scratch s;
  const auto old_t = s.write("old.yaml", R"(Parameters:
  Name: {Type: String, Default: orders}
Resources:
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: !Ref Name
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      KeySchema: [{AttributeName: id, KeyType: HASH}]
  Gone:
    Type: AWS::SNS::Topic
)");
  const auto new_t = s.write("new.yaml", R"(Parameters:
  Name: {Type: String, Default: orders-v2}
Resources:
  Table:
    Type: AWS::DynamoDB::Table
    Properties:
      TableName: !Ref Name
      BillingMode: PAY_PER_REQUEST
      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
      KeySchema: [{AttributeName: id, KeyType: HASH}]
  Fresh:
    Type: AWS::SQS::Queue
    DeletionPolicy: Retain
    UpdateReplacePolicy: Retain
)");
  const auto r = stacklint("diff " + quote(old_t.string()) + " " + quote(new_t.string()));
  CHECK(r.code == 1);  // the table's data would be deleted (CHG002, error)
  CHECK(r.out.find("[+] Fresh  AWS::SQS::Queue\n") != std::string::npos);
  CHECK(r.out.find("[-] Gone  AWS::SNS::Topic\n") != std::string::npos);
  CHECK(r.out.find("[~] Table  AWS::DynamoDB::Table  REPLACE\n") != std::string::npos);
  CHECK(r.out.find("(the Default of parameter Name) [replaces]") != std::string::npos);
  CHECK(r.out.find("error[CHG002] Table (AWS::DynamoDB::Table) will be replaced: its table will be "
                   "deleted") != std::string::npos);
  const auto j = nlohmann::json::parse(
      stacklint("diff --format json " + quote(old_t.string()) + " " + quote(new_t.string())).out);
  bool table = false;
  for (const auto& c : j["changes"]) {
    if (c["logical_id"] == "Table") {
      table = true;
      CHECK(c["change"] == "replaced");
      CHECK(c["properties"][0]["property"] == "TableName");
      CHECK(c["properties"][0]["replacement"] == "yes");
    }
  }
  CHECK(table);
  CHECK(stacklint("diff --allow-replacement Table " + quote(old_t.string()) + " " +
                  quote(new_t.string()))
            .code == 0);
  CHECK(stacklint("diff " + quote(old_t.string()) + " " + quote(old_t.string()))
            .out.find("No change to resources.") != std::string::npos);
  // Versions from git, and the lint gate.
  const std::string repo = (s.dir / "repo").string();
  fs::create_directories(repo);
  fs::copy_file(old_t, s.dir / "repo/t.yaml");
  REQUIRE(std::system(("cd " + quote(repo) +
                       " && git init -q && git config user.email t@example.com && "
                       "git config user.name t && git add t.yaml && git commit -qm v1")
                          .c_str()) == 0);
  fs::copy_file(new_t, s.dir / "repo/t.yaml", fs::copy_options::overwrite_existing);
  const auto gate = std::system(("cd " + quote(repo) + " && " + quote(STACKLINT_BINARY) +
                                 " lint --compare-to git:HEAD t.yaml > gate.txt 2>&1")
                                    .c_str());
  CHECK(WEXITSTATUS(gate) == 1);
  std::ifstream in(repo + "/gate.txt");
  const std::string gate_out((std::istreambuf_iterator<char>(in)), {});
  CHECK(gate_out.find("t.yaml:4:3: error[CHG002]") != std::string::npos);
  const auto ok = std::system(("cd " + quote(repo) + " && " + quote(STACKLINT_BINARY) +
                               " diff git:HEAD:t.yaml git:HEAD:t.yaml > same.txt 2>&1")
                                  .c_str());
  CHECK(WEXITSTATUS(ok) == 0);
  const auto missing = std::system(("cd " + quote(repo) + " && " + quote(STACKLINT_BINARY) +
                                    " diff git:HEAD:nope.yaml t.yaml > /dev/null 2>&1")
                                       .c_str());
  CHECK(WEXITSTATUS(missing) == 2);
  // The gate over a directory: a template added since REV has nothing to compare with (no
  // error); one that was broken at REV is linted without change analysis, with a warning.
  auto run_in_repo = [&](const std::string& args, std::string& output) {
    const int status = std::system(
        ("cd " + quote(repo) + " && " + quote(STACKLINT_BINARY) + " " + args + " > out.txt 2>&1")
            .c_str());
    std::ifstream file(repo + "/out.txt");
    output.assign(std::istreambuf_iterator<char>(file), {});
    return WEXITSTATUS(status);
  };
  s.write("repo/stacks/broken.yaml", "Resources:\n  A: [\n");
  REQUIRE(std::system(("cd " + quote(repo) + " && git add stacks && git commit -qm v2").c_str()) ==
          0);
  s.write("repo/stacks/broken.yaml", "Resources:\n  Topic:\n    Type: AWS::SNS::Topic\n");
  s.write("repo/stacks/added.yaml",
          "Resources:\n  Queue:\n    Type: AWS::SQS::Queue\n"
          "    DeletionPolicy: Retain\n    UpdateReplacePolicy: Retain\n");
  std::string output;
  CHECK(run_in_repo("lint --compare-to git:HEAD stacks", output) == 0);
  CHECK(output.find("warning: stacks/broken.yaml@HEAD:3:1:") != std::string::npos);
  CHECK(output.find("stacks/broken.yaml is linted without change analysis") != std::string::npos);
  CHECK(output.find("added.yaml") == std::string::npos);
  CHECK(output.find("No problems found in 2 files.") != std::string::npos);
  // A version named explicitly must be readable: exit 2 with its position.
  CHECK(run_in_repo("lint --compare-to git:HEAD:stacks/broken.yaml stacks/broken.yaml", output) ==
        2);
  CHECK(output.find("stacks/broken.yaml@HEAD:3:1:") != std::string::npos);
  CHECK(output.find("cannot compare with it") != std::string::npos);
  CHECK(run_in_repo("lint --compare-to git:HEAD:stacks/added.yaml stacks/added.yaml", output) == 2);
  CHECK(run_in_repo("lint --compare-to git:no-such-rev stacks", output) == 2);
}

TEST_CASE("diff warns when a version has structural errors") {
  Scratch s;
  const auto ok = s.write("ok.yaml", kGood);
  const auto broken = s.write("broken.yaml", "Resources: 5\n");
  const auto r = stacklint("diff " + quote(ok.string()) + " " + quote(broken.string()));
  CHECK(r.code == 0);  // a removed SNS topic is no CHG finding
  CHECK(r.out.find("[-] Topic  AWS::SNS::Topic") != std::string::npos);
  CHECK(r.err.find("broken.yaml:1:12: the Resources section must be a mapping, not an integer "
                   "[PAR007]; the comparison covers what could be read") != std::string::npos);
  const auto same = stacklint("diff " + quote(ok.string()) + " " + quote(ok.string()));
  CHECK(same.err.empty());
}
