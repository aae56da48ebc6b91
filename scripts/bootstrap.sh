#!/usr/bin/env bash
# Quick start, step 1: install what is missing, build stacklint, lint the bundled example.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/deps.sh
cmake -S . -B build -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build build --target stacklint
echo
echo "\$ build/stacklint lint examples/django-stack.yaml"
# The example has findings on purpose: exit code 1 is the expected answer here.
build/stacklint lint examples/django-stack.yaml || [ $? -eq 1 ]
