#!/usr/bin/env bash
# Regenerates every performance table of docs/performance.md with one command:
#   1. the scaling table (benchmarks/Stm.Scaling --all --repeat 3: every cell 3 times, each in a fresh process;
#      the default variants, so plain, lock, stm and the langext peer, LanguageExt.Core's STM),
#   2. the read-tracking memory table (benchmarks/Stm.Benchmarks --memory),
#   3. the BenchmarkDotNet micro-benchmark tables (benchmarks/Stm.Benchmarks --filter '*').
# Each replaces the text between its <!-- BEGIN name --> and <!-- END name --> markers in docs/performance.md.
#
# Usage: benchmarks/run-all.sh [--print] [--quick] [-- extra Stm.Scaling options]
#   --print   print the tables instead of writing docs/performance.md
#   --quick   smoke run for a busy machine (scaling 0.3 s per cell, BenchmarkDotNet --quick): not for publishing
# Any option after -- goes to Stm.Scaling (e.g. -- --threads 1,2,4 --seconds 5).
# Exit code: non-zero if a scaling cell of ours (plain, lock, stm) failed or a memory check failed (the tables are
# written anyway). A failed langext cell shows in the table as "failed: <reason>" and does not change the exit code.
# -- --variants plain,lock,stm leaves the peer out.
set -euo pipefail
cd "$(dirname "$0")/.."

print=0
quick=0
scaling_args=()
while [[ $# -gt 0 ]]; do
  case "$1" in
    --print) print=1 ;;
    --quick) quick=1 ;;
    --) shift; scaling_args+=("$@"); break ;;
    *) echo "unknown option $1 (see the header of $0)" >&2; exit 2 ;;
  esac
  shift
done

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
status=0

dotnet build -c Release benchmarks/Stm.Scaling/Stm.Scaling.csproj -nologo -v q >&2
dotnet build -c Release benchmarks/Stm.Benchmarks/Stm.Benchmarks.csproj -nologo -v q >&2

quick_scaling=(--repeat 3)   # publishing run: every cell 3 times in fresh processes, median kept
quick_bdn=()
if [[ $quick == 1 ]]; then
  quick_scaling=(--seconds 0.3 --warmup 0.2)
  quick_bdn=(--quick)
fi

echo "== scaling" >&2
dotnet run -c Release --no-build --project benchmarks/Stm.Scaling -- --all "${quick_scaling[@]}" "${scaling_args[@]}" \
  > "$out/scaling.md" || status=1

echo "== memory" >&2
dotnet run -c Release --no-build --project benchmarks/Stm.Benchmarks -- --memory > "$out/memory.md" || status=1

echo "== micro-benchmarks" >&2
dotnet run -c Release --no-build --project benchmarks/Stm.Benchmarks -- --filter '*' "${quick_bdn[@]}" \
  --artifacts "$out/bdn" --exporters github >&2 || status=1
{
  first=1
  for report in "$out"/bdn/results/*-report-github.md; do
    [[ -f $report ]] || continue
    name=$(basename "$report" -report-github.md)
    echo "#### ${name##*.}"
    echo
    if [[ $first == 1 ]]; then
      cat "$report"          # the first report keeps BenchmarkDotNet's environment block
      first=0
    else
      sed '/^```/,/^```/d' "$report"
    fi
    echo
  done
} > "$out/micro.md"

if [[ $quick == 1 ]]; then
  for section in scaling memory micro; do
    { echo "_Smoke run (run-all.sh --quick): short cells and jobs, possibly on a busy machine; not representative. Regenerate with benchmarks/run-all.sh on a quiet machine._"; echo; cat "$out/$section.md"; } > "$out/$section.tmp"
    mv "$out/$section.tmp" "$out/$section.md"
  done
fi

if [[ $print == 1 ]]; then
  for section in scaling memory micro; do
    echo "### $section"
    echo
    cat "$out/$section.md"
    echo
  done
  exit $status
fi

doc=docs/performance.md
for section in scaling memory micro; do
  grep -q "^<!-- BEGIN $section -->\$" "$doc" || { echo "$doc has no <!-- BEGIN $section --> marker" >&2; exit 2; }
  awk -v name="$section" -v content="$out/$section.md" '
    $0 == "<!-- BEGIN " name " -->" { print; while ((getline line < content) > 0) print line; skip = 1; next }
    $0 == "<!-- END " name " -->" { skip = 0 }
    !skip { print }
  ' "$doc" > "$out/doc.tmp"
  cat "$out/doc.tmp" > "$doc"
done
echo "updated $doc" >&2
exit $status
