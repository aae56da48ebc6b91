// Checks fixture templates against their inline expectations (see support/fixture_check.h).
#include <iostream>

#include "support/fixture_check.h"

int main(int argc, char** argv) {
  if (argc < 2) {
    std::cerr << "usage: fixture_runner FIXTURE...\n";
    return 2;
  }
  int passed = 0, failed = 0;
  for (int i = 1; i < argc; ++i) {
    const auto failures = stacklint::testing::check_fixture_file(argv[i]);
    for (const auto& f : failures) std::cerr << f << '\n';
    (failures.empty() ? passed : failed)++;
  }
  std::cout << passed << " passed, " << failed << " failed\n";
  return failed == 0 ? 0 : 1;
}
