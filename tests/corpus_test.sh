#!/usr/bin/env bash
# Lints every template of ../shared/corpus (when it exists): no crash, no exit code 2.
# Templates broken on purpose yield PAR findings (exit 1), which is fine.
# Each readable template compared with itself (--compare-to) must show no change at all.
# Exit 77 (skipped) when the corpus is not there.
set -u
stacklint=$1
corpus=$2
if [ ! -d "$corpus" ]; then
  echo "corpus not found at $corpus: skipped"
  exit 77
fi
out=$(mktemp)
"$stacklint" lint --format json --fail-level none "$corpus" >"$out" 2>"$out.err"
code=$?
if [ "$code" -ne 0 ]; then
  echo "stacklint exited $code on the corpus"; cat "$out.err"; rm -f "$out" "$out.err"; exit 1
fi
# Each file on its own too, so that one file's crash cannot hide behind another's result.
failures=0
while IFS= read -r -d '' f; do
  "$stacklint" lint --fail-level none "$f" >/dev/null 2>"$out.err"
  c=$?
  if [ "$c" -ne 0 ] && ! grep -q "no CloudFormation templates" "$out.err"; then
    echo "exit $c on $f"; cat "$out.err"; failures=$((failures + 1))
  fi
  if [ "$c" -eq 0 ]; then
    same=$("$stacklint" lint --compare-to "$f" --select CHG --fail-level none --format github "$f" 2>&1)
    # Templates broken on purpose cannot be compared (exit 2 saying so): fine.
    if [ -n "$same" ] && ! [[ "$same" == *"cannot compare with it"* ]]; then
      echo "change reported between $f and itself:"; echo "$same"; failures=$((failures + 1))
    fi
  fi
done < <(find "$corpus" -type f \( -name '*.yaml' -o -name '*.yml' -o -name '*.json' -o -name '*.template' \) -print0)
rm -f "$out" "$out.err"
echo "corpus: $failures failures"
[ "$failures" -eq 0 ]
