// Lints every template under a directory (default: ../shared/corpus) the way `stacklint lint`
// does (discovery, parallel lint, sort) and prints templates, bytes, wall time, templates/s
// and peak RSS. Repeats the whole run --repeat times and reports the best wall time.
// --compare: also time change analysis, each template linted with --compare-to itself (one
// thread; every property compared and, being textually equal, evaluated on both sides).
#include <fmt/format.h>
#include <sys/resource.h>

#include <chrono>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <thread>
#include <vector>

#include "stacklint/files.h"
#include "stacklint/linter.h"
#include "stacklint/reader.h"

int main(int argc, char** argv) {
  std::string dir = "../shared/corpus";
  int repeat = 5;
  bool compare = false;
  unsigned jobs = std::max(1u, std::thread::hardware_concurrency());
  for (int i = 1; i < argc; ++i) {
    if (!std::strcmp(argv[i], "--repeat") && i + 1 < argc) {
      repeat = std::max(1, std::atoi(argv[++i]));
    } else if (!std::strcmp(argv[i], "--compare")) {
      compare = true;
    } else if (!std::strcmp(argv[i], "--jobs") && i + 1 < argc) {
      jobs = static_cast<unsigned>(std::max(1, std::atoi(argv[++i])));
    } else {
      dir = argv[i];
    }
  }
  if (!std::filesystem::is_directory(dir)) {
    fmt::print(stderr, "corpus_bench: {} is not a directory (skipped)\n", dir);
    return 0;
  }
  const stacklint::Discovery found = stacklint::discover({dir});
  double best = 1e9;
  size_t templates = 0, bytes = 0, findings = 0;
  for (int r = 0; r < repeat; ++r) {
    const auto start = std::chrono::steady_clock::now();
    const auto results = stacklint::lint_inputs(found.files, stacklint::LintOptions{}, jobs);
    const double secs =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count();
    best = std::min(best, secs);
    templates = bytes = findings = 0;
    for (const auto& res : results) {
      if (res.status == stacklint::FileStatus::Skipped || !res.document) continue;
      ++templates;
      bytes += res.document->text.size();
      findings += res.findings.size();
    }
  }
  double compare_best = 0;
  size_t compared = 0, changes = 0;
  if (compare) {
    std::vector<std::pair<std::string, std::shared_ptr<const stacklint::Document>>> inputs;
    for (const auto& f : found.files) {
      std::string text, error;
      if (!stacklint::read_text_file(f.path, text, &error)) continue;
      auto doc = stacklint::read_document(text);
      if (!doc || !doc->root || !doc->issues.empty()) continue;
      inputs.emplace_back(std::move(text), std::move(doc));
    }
    compare_best = 1e9;
    for (int r = 0; r < repeat; ++r) {
      const auto start = std::chrono::steady_clock::now();
      compared = changes = 0;
      for (const auto& [text, doc] : inputs) {
        stacklint::LintOptions options;
        options.compare_to = doc;
        const auto res = stacklint::lint_buffer(text, "t.yaml", options);
        ++compared;
        for (const auto& f : res.findings) changes += f.rule->id.substr(0, 3) == "CHG";
      }
      compare_best =
          std::min(compare_best,
                   std::chrono::duration<double>(std::chrono::steady_clock::now() - start).count());
    }
  }
  rusage usage{};
  getrusage(RUSAGE_SELF, &usage);
  fmt::print("corpus:       {}\n", dir);
  fmt::print("templates:    {}\n", templates);
  fmt::print("bytes:        {}\n", bytes);
  fmt::print("findings:     {}\n", findings);
  fmt::print("threads:      {}\n", jobs);
  fmt::print("wall (best of {}): {:.3f} s\n", repeat, best);
  fmt::print("templates/s:  {:.0f}\n", templates / best);
  fmt::print("MB/s:         {:.1f}\n", bytes / best / 1e6);
  if (compare) {
    fmt::print(
        "compare-to itself, 1 thread (best of {}): {} templates in {:.3f} s, {} CHG findings\n",
        repeat, compared, compare_best, changes);
  }
  fmt::print("peak RSS:     {:.1f} MB\n", usage.ru_maxrss / 1024.0);
  return 0;
}
