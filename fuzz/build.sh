#!/usr/bin/env bash
# Builds the libFuzzer targets into fuzz/.build/: Platform (with its C part, CPlatform), PlanModel,
# QueryLanguage and WordImport are compiled from Sources/ with coverage instrumentation and AddressSanitizer (SwiftPM
# cannot build with -sanitize=fuzzer), and FuzzChecks from fuzz/Support/ (the checks, also the SwiftPM
# target the fuzz regression tests run); then each harness in fuzz/Harnesses/ is linked against them into
# an executable of its own name.
#
#   fuzz/build.sh            build what is out of date
#   fuzz/build.sh query csv  build only these targets
#   FUZZ_FORCE=1 fuzz/build.sh   rebuild everything
set -euo pipefail
cd "$(dirname "$0")/.."
root=$PWD
out=fuzz/.build
mkdir -p "$out"
# One build at a time: two runs started together would write the same files.
exec 9>"$out/.lock"
flock 9

# Sources/CZlib: the module map of zlib's header, which WordImport loads with dlopen.
flags=(-sanitize=fuzzer,address -parse-as-library -O -g -swift-version 6 -I Sources/CZlib)
# Platform imports the C module CPlatform: every Swift compile that sees Platform needs its module map.
mkdir -p "$out/CPlatform"
modulemap="module CPlatform {
  umbrella header \"$root/Sources/CPlatform/include/CPlatform.h\"
  export *
}"
[[ "$(cat "$out/CPlatform/module.modulemap" 2>/dev/null)" == "$modulemap" ]] \
  || printf '%s\n' "$modulemap" >"$out/CPlatform/module.modulemap"
flags+=(-Xcc "-fmodule-map-file=$out/CPlatform/module.modulemap")
# The harnesses reach internal parts (`@testable import`), such as reading CSV in pieces.
testing=(-enable-testing)

# Newer than the target file, or the target missing, or FUZZ_FORCE set: rebuild.
stale() {
  local target=$1
  shift
  [[ -n "${FUZZ_FORCE:-}" || ! -e "$target" ]] && return 0
  local file
  for file in "$@"; do [[ "$file" -nt "$target" ]] && return 0; done
  return 1
}

# A library module from the Swift files of a folder: a static archive and its .swiftmodule in fuzz/.build.
module() {
  local name=$1 folder=$2
  shift 2
  local sources
  mapfile -t sources < <(find "$folder" -name '*.swift' | sort)
  if stale "$out/lib$name.a" "${sources[@]}" "$@" fuzz/build.sh; then
    echo "build.sh: compiling $name (${#sources[@]} files)" >&2
    # A build that fails part way must not leave an archive that looks up to date.
    rm -f "$out/lib$name.a"
    swiftc "${flags[@]}" "${testing[@]}" -j "$(nproc)" -module-name "$name" -I "$out" \
      -emit-module -emit-module-path "$out/$name.swiftmodule" \
      -emit-library -static -o "$out/lib$name.a" "${sources[@]}"
    touch "$out/lib$name.a"
  fi
}

# CPlatform's C files, instrumented like the Swift, in a static archive.
cmodule() {
  local sources objects=() source object
  mapfile -t sources < <(find Sources/CPlatform -name '*.c' -o -name '*.h' | sort)
  if stale "$out/libCPlatform.a" "${sources[@]}" fuzz/build.sh; then
    echo "build.sh: compiling CPlatform" >&2
    rm -f "$out/libCPlatform.a"
    for source in Sources/CPlatform/*.c; do
      object=$out/CPlatform/$(basename "$source" .c).o
      clang -fsanitize=fuzzer-no-link,address -O1 -g -fPIC -I Sources/CPlatform/include -c "$source" -o "$object"
      objects+=("$object")
    done
    ar rcs "$out/libCPlatform.a" "${objects[@]}"
  fi
}

cmodule
module Platform Sources/Platform "$out/libCPlatform.a"
module PlanModel Sources/PlanModel "$out/libPlatform.a"
module QueryLanguage Sources/QueryLanguage "$out/libPlanModel.a" "$out/libPlatform.a"
module WordImport Sources/WordImport Sources/CZlib/shim.h
module FuzzChecks fuzz/Support "$out/libPlanModel.a" "$out/libQueryLanguage.a"

targets=("$@")
if [[ ${#targets[@]} -eq 0 ]]; then
  for harness in fuzz/Harnesses/*.swift; do
    name=$(basename "$harness" .swift)
    targets+=("$name")
  done
fi
for name in "${targets[@]}"; do
  harness=fuzz/Harnesses/$name.swift
  [[ -f "$harness" ]] || { echo "build.sh: no harness $harness" >&2; exit 2; }
  archives=(
    "$out/libFuzzChecks.a" "$out/libQueryLanguage.a" "$out/libPlanModel.a" "$out/libPlatform.a"
    "$out/libCPlatform.a" "$out/libWordImport.a"
  )
  if stale "$out/$name" "$harness" "${archives[@]}"; then
    echo "build.sh: linking $name" >&2
    swiftc "${flags[@]}" -module-name SekomFuzz -I "$out" "$harness" "${archives[@]}" -o "$out/$name" 2>&1 \
      | { grep -v "ld.gold: warning: Cannot export local symbol" || true; }
  fi
done
echo "build.sh: built in $root/$out" >&2
