// The evaluator's stress test: a generated template with 40 conditions over 10 parameters and
// nested Fn::If (6 levels) in the properties of 200 resources. Lints it with every rule and
// evaluates every property, and prints the time and peak RSS (the budget: under 1 s, 200 MB).
#include <fmt/format.h>
#include <sys/resource.h>

#include <chrono>
#include <string>

#include "stacklint/linter.h"

namespace {

std::string generate() {
  std::string t = "Parameters:\n";
  for (int p = 0; p < 10; ++p) {
    t += fmt::format("  P{}:\n    Type: String\n    AllowedValues: [a, b, c, d]\n    Default: a\n",
                     p);
  }
  t += "Conditions:\n";
  for (int c = 0; c < 40; ++c) {
    const char v = static_cast<char>('a' + c % 4);
    if (c < 10) {
      t += fmt::format("  C{}: !Equals [!Ref P{}, {}]\n", c, c, v);
    } else if (c % 3 == 0) {
      t += fmt::format("  C{}: !And [!Condition C{}, !Not [!Condition C{}]]\n", c, c - 10, c - 3);
    } else if (c % 3 == 1) {
      t +=
          fmt::format("  C{}: !Or [!Condition C{}, !Equals [!Ref P{}, {}]]\n", c, c - 7, c % 10, v);
    } else {
      t += fmt::format("  C{}: !Not [!Or [!Condition C{}, !Condition C{}]]\n", c, c - 1, c - 10);
    }
  }
  t += "Resources:\n";
  for (int r = 0; r < 200; ++r) {
    std::string value = fmt::format("!Sub \"${{P{}}}-leaf\"", r % 10);
    for (int d = 0; d < 6; ++d) {
      value = fmt::format("!If [C{}, v{}-{}, {}]", (r * 7 + d * 11) % 40, r, d, value);
    }
    t += fmt::format("  R{}:\n    Type: AWS::SNS::Topic\n", r);
    if (r % 5 == 0) t += fmt::format("    Condition: C{}\n", r % 40);
    t += fmt::format(
        "    Properties:\n      TopicName: {}\n      DisplayName: !If [C{}, !Ref R{}, "
        "!Ref AWS::NoValue]\n",
        value, (r + 1) % 40, r == 0 ? 1 : r - 1);
  }
  return t;
}

}  // namespace

int main() {
  const std::string text = generate();
  const auto start = std::chrono::steady_clock::now();
  const stacklint::LintResult result = stacklint::lint_buffer(text, "stress.yaml", {});
  const double lint_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
  // Evaluate every property on top (what the security rules will do).
  const auto eval_start = std::chrono::steady_clock::now();
  const stacklint::ParameterValues none;
  const stacklint::Template tpl(*result.document, &none);
  size_t alternatives = 0;
  for (const auto& r : tpl.resources()) {
    for (const auto& e : r.properties->entries) {
      alternatives += tpl.evaluator().evaluate(e.value, tpl.evaluator().exists(r.name)).size();
    }
  }
  const double eval_s =
      std::chrono::duration<double>(std::chrono::steady_clock::now() - eval_start).count();
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  fmt::print("stress template: 10 parameters, 40 conditions, 200 resources with 6-deep Fn::If\n");
  fmt::print("bytes:             {}\n", text.size());
  fmt::print("findings:          {}\n", result.findings.size());
  fmt::print("lint (all rules):  {:.3f} s\n", lint_s);
  fmt::print("evaluate all properties: {:.3f} s ({} alternatives)\n", eval_s, alternatives);
  fmt::print("budget exceeded:   {}\n", tpl.evaluator().budget_exceeded() ? "yes" : "no");
  fmt::print("peak RSS:          {:.1f} MB\n", usage.ru_maxrss / 1024.0);
  return 0;
}
