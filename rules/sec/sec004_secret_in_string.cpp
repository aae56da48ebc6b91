#include <algorithm>
#include <cctype>
#include <regex>
#include <set>

#include "rules/common.h"
#include "rules/sec/secret_properties.h"

namespace stacklint::rules {
namespace {

constexpr RuleMeta kMeta{.id = "SEC004",
                         .name = "secret-in-string",
                         .severity = Severity::Error,
                         .summary = "A string holds secret material (keys, tokens, passwords)",
                         .doc = R"md(
## What it does
Looks inside every string of the resources (UserData scripts, inline Lambda code, environment
variables of functions and containers, commands, ...) for secret material written in the
template:

- AWS access key ids (`AKIA...`, `ASIA...`) and private key blocks (`-----BEGIN ... PRIVATE KEY-----`);
- well-known token formats: GitHub (`ghp_`, `github_pat_`), GitLab (`glpat-`), Slack (`xox?-`),
  Stripe live keys (`sk_live_`), Google API keys (`AIza`), SendGrid (`SG.`);
- literal values assigned to secret-like names: `SECRET_KEY=...`, `DB_PASSWORD: ...`,
  `export DJANGO_SECRET_KEY='...'`, and environment variables (`Environment.Variables` of a
  function, `Environment` of a container) whose name is secret-like;
- passwords in connection strings (`postgres://user:password@host/db`).

Not reported: references (`${Param}`, `$VAR`, `{{resolve:...}}`), values that name a secret
rather than hold it (ARNs, paths, URLs, `*_ARN`, `*_ID`, `*_NAME`), placeholders (`<password>`,
`changeme`, `example`, `xxxx`, `your-...`), values shorter than 6 characters, and AWS's
documentation example keys. Secret-bearing properties themselves are SEC001's.

## Why is this bad?
A secret in UserData or an environment variable is in the template, in the instance's or
function's configuration for anyone who can read it, and in the console.

## Example
```yaml
Resources:
  Function:
    Type: AWS::Lambda::Function
    Properties:
      Role: arn:aws:iam::123456789012:role/app
      Runtime: python3.12
      Handler: index.handler
      Code: {ZipFile: "def handler(e, c): pass"}
      Environment:
        Variables:
          DJANGO_SECRET_KEY: 9f8e7d6c5b4a39281706f5e4d3c2b1a0
```

## Use instead
```yaml
Resources:
  Function:
    Type: AWS::Lambda::Function
    Properties:
      Role: arn:aws:iam::123456789012:role/app
      Runtime: python3.12
      Handler: index.handler
      Code: {ZipFile: "def handler(e, c): pass"}
      Environment:
        Variables:
          DJANGO_SECRET_KEY: "{{resolve:secretsmanager:app/django:SecretString:key}}"
```
)md"};

std::string lower(std::string_view s) {
  std::string out(s);
  for (auto& c : out) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  return out;
}

bool secret_like_name(std::string_view name) {
  const std::string n = lower(name);
  static const char* kWords[] = {"secret",    "password", "passwd",      "pwd",        "token",
                                 "apikey",    "api_key",  "private_key", "privatekey", "access_key",
                                 "accesskey", "auth_key", "credential"};
  bool hit = false;
  for (const char* w : kWords) hit = hit || n.find(w) != std::string::npos;
  if (!hit) return false;
  static const char* kNotValues[] = {
      "_arn",    "arn",       "_id",     "_name",     "name",  "_file",    "_path",  "_url",
      "_uri",    "_endpoint", "_region", "_length",   "_ttl",  "_header",  "_param", "_parameter",
      "_key_id", "_version",  "_policy", "_rotation", "_type", "_enabled", "_expiry"};
  for (const char* s : kNotValues) {
    if (n.ends_with(s)) return false;
  }
  return true;
}

bool placeholder_or_reference(std::string_view v) {
  if (v.size() < 6) return true;
  if (v.starts_with("$") || v.find("${") != std::string_view::npos || v.starts_with("{{") ||
      v.starts_with("%") || v.starts_with("arn:") || v.starts_with("/") || v.starts_with("http") ||
      v.starts_with("!")) {
    return true;
  }
  const std::string l = lower(v);
  static const char* kPlaceholders[] = {"example",       "xxxx",        "<",         ">",
                                        "your",          "placeholder", "replace",   "dummy",
                                        "sample",        "changeme",    "change_me", "change-me",
                                        "...",           "***",         "todo",      "secret_here",
                                        "password_here", "none",        "null",      "undefined"};
  for (const char* p : kPlaceholders) {
    if (l.find(p) != std::string::npos) return true;
  }
  return std::all_of(v.begin(), v.end(), [&](char c) { return c == v[0]; });
}

struct Match {
  size_t offset;
  size_t length;
  std::string what;
  std::string secret;
};

void scan_text(const std::string& s, std::vector<Match>& out) {
  static const std::regex kAccessKey("(^|[^A-Z0-9])((AKIA|ASIA)[A-Z0-9]{16})([^A-Z0-9]|$)");
  static const std::regex kPrivateKey(
      "-----BEGIN (RSA |EC |DSA |OPENSSH |ENCRYPTED |PGP )?PRIVATE KEY( BLOCK)?-----");
  static const std::regex kTokens(
      "(ghp_[A-Za-z0-9]{36}|github_pat_[A-Za-z0-9_]{50,}|glpat-[A-Za-z0-9_-]{20}|"
      "xox[baprs]-[A-Za-z0-9-]{10,}|sk_live_[0-9a-zA-Z]{20,}|AIza[0-9A-Za-z_-]{35}|"
      "SG\\.[A-Za-z0-9_-]{22}\\.[A-Za-z0-9_-]{43})");
  // NAME=value, NAME = "value", NAME: value (a colon needs a space after it, so IAM actions
  // such as secretsmanager:GetSecretValue are not assignments).
  static const std::regex kAssignment(
      "([A-Za-z_][A-Za-z0-9_.-]*)[\"']?([ \\t]*=[ \\t]*|[ \\t]*:[ "
      "\\t]+)([\"']?)([^\"'\\s;&|,)}]+)");
  static const std::regex kConnection("[a-z][a-z0-9+.-]*://([^:/\\s@]+):([^@\\s/]+)@");

  auto each = [&](const std::regex& re, auto&& on) {
    for (auto it = std::sregex_iterator(s.begin(), s.end(), re); it != std::sregex_iterator();
         ++it) {
      on(*it);
    }
  };
  if (s.find("AKIA") != std::string::npos || s.find("ASIA") != std::string::npos) {
    each(kAccessKey, [&](const std::smatch& m) {
      const std::string key = m[2].str();
      if (key.find("EXAMPLE") == std::string::npos) {
        out.push_back(
            {static_cast<size_t>(m.position(2)), key.size(), "an AWS access key id", key});
      }
    });
  }
  if (s.find("PRIVATE KEY") != std::string::npos) {
    each(kPrivateKey, [&](const std::smatch& m) {
      out.push_back({static_cast<size_t>(m.position(0)), static_cast<size_t>(m.length(0)),
                     "a private key", m.str(0)});
    });
  }
  each(kTokens, [&](const std::smatch& m) {
    out.push_back({static_cast<size_t>(m.position(0)), static_cast<size_t>(m.length(0)),
                   "an access token", m.str(0)});
  });
  const std::string l = lower(s);
  if (l.find("secret") != std::string::npos || l.find("pass") != std::string::npos ||
      l.find("pwd") != std::string::npos || l.find("token") != std::string::npos ||
      l.find("key") != std::string::npos || l.find("credential") != std::string::npos) {
    each(kAssignment, [&](const std::smatch& m) {
      const std::string name = m[1].str();
      const std::string value = m[4].str();
      if (!secret_like_name(name) || placeholder_or_reference(value)) return;
      // Unquoted code (`key = response['Key']`, `token = get_token()`, `pwd = password`) assigns
      // an expression or a variable, not a literal.
      if (m[3].length() == 0 && (value.find_first_of("[](){}.") != std::string::npos ||
                                 std::all_of(value.begin(), value.end(), [](char c) {
                                   return std::isalpha(static_cast<unsigned char>(c)) || c == '_';
                                 }))) {
        return;
      }
      out.push_back({static_cast<size_t>(m.position(4)), value.size(),
                     "a literal value assigned to " + name, value});
    });
  }
  if (s.find("://") != std::string::npos) {
    each(kConnection, [&](const std::smatch& m) {
      const std::string password = m[2].str();
      if (placeholder_or_reference(password)) return;
      out.push_back({static_cast<size_t>(m.position(2)), password.size(),
                     "a password in a connection string", password});
    });
  }
}

class SecretInString final : public Rule {
 public:
  const RuleMeta& meta() const override { return kMeta; }
  void check(const Template& tpl, Sink& out) const override {
    for (const auto& r : tpl.resources()) {
      std::set<const Node*> secret_props;  // SEC001's business
      for_each_secret_property(
          r, [&](const Node& v, const std::string&, std::string_view) { secret_props.insert(&v); });
      walk(tpl, *r.value, r.path, r, secret_props, out, 0);
    }
  }

 private:
  static void walk(const Template& tpl, const Node& n, const std::string& path, const Resource& r,
                   const std::set<const Node*>& skip, Sink& out, int depth) {
    if (depth > 100 || skip.count(&n)) return;
    if (n.is_string()) {
      check_string(tpl, n, path, r, out);
      return;
    }
    const std::string_view fn = n.intrinsic_name();
    for (size_t i = 0; i < n.items.size(); ++i) {
      const Node& item = n.items[i];
      // Container environment: [{Name: SECRET_KEY, Value: literal}]
      if (const Node* name = item.get("Name"); name && name->is_scalar() && item.get("Value")) {
        check_named(tpl, *name, *item.get("Value"), path_join(path, std::to_string(i)), r, out);
      }
      walk(tpl, item, fn.empty() ? path_join(path, std::to_string(i)) : path, r, skip, out,
           depth + 1);
    }
    const bool env_map = path.ends_with("/Environment/Variables");
    for (const auto& e : n.entries) {
      if (env_map) check_named(tpl, e.key, e.value, path_join(path, e.key.text), r, out);
      walk(tpl, e.value, fn.empty() ? path_join(path, e.key.text) : path, r, skip, out, depth + 1);
    }
  }

  // An environment variable whose name is secret-like and whose value is literal text.
  static void check_named(const Template&, const Node& name, const Node& value,
                          const std::string& path, const Resource& r, Sink& out) {
    if (!value.is_scalar() || value.is_null() || !secret_like_name(name.text)) return;
    if (placeholder_or_reference(value.text)) return;
    report(out, kMeta, value, path,
           fmt::format("environment variable {} of {} holds a secret written in the template: {}",
                       name.text, r.name, redact(value.text)));
  }

  static void check_string(const Template& tpl, const Node& n, const std::string& path,
                           const Resource& r, Sink& out) {
    std::vector<Match> matches;
    scan_text(n.text, matches);
    if (matches.empty()) return;
    const std::string_view source = tpl.document().text;
    const std::string_view raw = source.substr(n.range.begin, n.range.end - n.range.begin);
    std::set<std::string> seen;
    for (const auto& m : matches) {
      if (!seen.insert(m.secret).second) continue;
      // Point at the secret itself when it stands verbatim in the source.
      Range where = n.range;
      if (const auto at = raw.find(m.secret); at != std::string_view::npos) {
        const auto b = static_cast<uint32_t>(n.range.begin + at);
        where = {b, b + static_cast<uint32_t>(m.secret.size())};
      }
      out.report(kMeta, where, path,
                 fmt::format("{} of {} holds {}: {}", path.substr(path.rfind('/') + 1), r.name,
                             m.what, redact(m.secret)));
    }
  }
};

}  // namespace

const Rule& sec004() {
  static const SecretInString rule;
  return rule;
}

}  // namespace stacklint::rules
