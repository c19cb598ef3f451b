#!/usr/bin/env bash
# Builds the fuzz targets if needed and runs each for SECONDS_PER_TARGET seconds (default 12: the six
# targets take about a minute). Exits non-zero when any target found a crash, a hang (an input taking more
# than 5 s) or memory past 2 GiB, after printing the reproducer.
#
#   fuzz/run.sh                  every target, 12 s each
#   fuzz/run.sh 600              every target, 10 minutes each
#   fuzz/run.sh 300 query time   only these targets
#   FUZZ_JOBS=2 fuzz/run.sh 600  two fuzzing processes per target, sharing its corpus
#   FUZZ_SEED=42 fuzz/run.sh     a fixed seed, for a run that can be repeated
#
# What a run learns goes to fuzz/.corpus-work/TARGET/ (kept between runs, not committed); the seeds in
# fuzz/corpus/TARGET/ are only read. Crashes, hangs and out-of-memory inputs are written to
# fuzz/.artifacts/TARGET/. See fuzz/README.md to reproduce and minimize one.
set -uo pipefail
cd "$(dirname "$0")/.."

seconds=${1:-12}
shift || true
targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then targets=(query csv json import time docx); fi
jobs=${FUZZ_JOBS:-1}

fuzz/build.sh "${targets[@]}" || { echo "run.sh: the build failed" >&2; exit 2; }

# The Swift runtime's own backtracer reads freed memory under AddressSanitizer; libFuzzer's handler
# reports instead.
export SWIFT_BACKTRACE=enable=no
export ASAN_OPTIONS=${ASAN_OPTIONS:-detect_leaks=1}

max_len() {
  case $1 in
    query | time) echo 4096 ;;
    *) echo 65536 ;;
  esac
}

failed=()
for target in "${targets[@]}"; do
  work=fuzz/.corpus-work/$target
  artifacts=fuzz/.artifacts/$target
  log=fuzz/.artifacts/$target.log
  mkdir -p "$work" "$artifacts"
  options=(
    -max_total_time="$seconds" -max_len="$(max_len "$target")" -timeout=5 -rss_limit_mb=2048
    -malloc_limit_mb=2048 -artifact_prefix="$artifacts/" -print_final_stats=1
  )
  [[ -f fuzz/dict/$target.dict ]] && options+=(-dict="fuzz/dict/$target.dict")
  [[ -n "${FUZZ_SEED:-}" ]] && options+=(-seed="$FUZZ_SEED")
  if [[ $jobs -gt 1 ]]; then
    options+=(-jobs="$jobs" -workers="$jobs")
  fi
  echo "run.sh: $target for ${seconds}s" >&2
  "fuzz/.build/$target" "${options[@]}" "$work" "fuzz/corpus/$target" >"$log" 2>&1
  status=$?
  if [[ $jobs -gt 1 ]]; then cat fuzz-*.log >>"$log" 2>/dev/null && rm -f fuzz-*.log; fi
  # The last status line: coverage, corpus, executions per second.
  grep -E '^#[0-9]+.*(DONE|pulse|NEW|REDUCE)' "$log" | tail -1 | sed "s/^/run.sh: $target: /" >&2
  grep -E '^stat::(number_of_executed_units|average_exec_per_sec|peak_rss_mb)' "$log" \
    | sed "s/^/run.sh: $target: /" >&2
  if [[ $status -ne 0 ]] || grep -q 'Test unit written to' "$log"; then
    failed+=("$target")
    echo "run.sh: $target FAILED (exit $status); the log is $log" >&2
    grep -E '^(==[0-9]+==|SUMMARY|.*Fatal error)' "$log" | head -5 >&2
    for artifact in $(grep -o 'Test unit written to .*' "$log" | sed 's/^Test unit written to //'); do
      echo "run.sh: $target: reproducer $artifact ($(wc -c <"$artifact") bytes):" >&2
      # The bytes in the log too, since a CI machine's files are gone after the run.
      od -A d -t x1z -v "$artifact" | head -64 >&2
      echo "run.sh: reproduce: SWIFT_BACKTRACE=enable=no fuzz/.build/$target -timeout=5 $artifact" >&2
    done
  fi
done

if [[ ${#failed[@]} -gt 0 ]]; then
  echo "run.sh: failures in: ${failed[*]}; reproduce with fuzz/.build/TARGET ARTIFACT" \
    "(see fuzz/README.md)" >&2
  exit 1
fi
echo "run.sh: no crash, hang or memory blow-up in ${targets[*]} (${seconds}s each)" >&2
