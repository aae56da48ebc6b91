#!/usr/bin/env bash
# Installs the Debian 12 packages stacklint needs to build and test, when they are missing.
# Run as root (or with sudo). Safe to run repeatedly.
set -euo pipefail
packages=(build-essential cmake ninja-build pkg-config git pre-commit clang-format
          libyaml-cpp-dev nlohmann-json3-dev libfmt-dev libcli11-dev doctest-dev libtree-sitter-dev)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
command -v npm >/dev/null 2>&1 || missing+=(nodejs npm)
if ((${#missing[@]})); then
  echo "stacklint: installing ${missing[*]}" >&2
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi

# npm packages, pinned in tools/package-lock.json: the tree-sitter YAML grammar's C sources (built
# into stacklint) and the SARIF validator the tests use. Only files are needed: no install scripts.
here=$(cd "$(dirname "$0")/.." && pwd)
multitool="$here/tools/node_modules/@microsoft/sarif-multitool-linux/Sarif.Multitool"
if [ ! -f "$multitool" ] ||
   [ ! -f "$here/tools/node_modules/@tree-sitter-grammars/tree-sitter-yaml/src/parser.c" ]; then
  (cd "$here/tools" && npm ci --no-audit --no-fund --silent --ignore-scripts)
fi
chmod +x "$multitool"  # its install script, skipped above, would have done this
