#!/usr/bin/env bash
# Regen time and crate-only `cargo check` time of the crate two generator
# binaries write from one docs folder, measured alternately in one run (the
# machine is shared and noisy: compare the ratio, not the seconds).
#
#   generator/benches/check_time.sh OLD_BIN NEW_BIN [DOCS] [ROUNDS] [FEATURES]
#
# OLD_BIN/NEW_BIN: graph-docs-codegen binaries (build the old one from a
# worktree: `git worktree add /tmp/old REV && cargo build --release
# --manifest-path /tmp/old/Cargo.toml -p graph-docs-codegen`). DOCS defaults
# to ../shared/corpus/graph-docs-2021-07/v1.0, ROUNDS to 3, FEATURES to
# `full` (all workloads). "Crate only": dependencies are built first, then
# each check rebuilds the crate alone, with no incremental cache.
# OLD_ARGS/NEW_ARGS: more `regen` flags for one side, split at spaces, e.g.
# NEW_ARGS='--include-path /me/messages/**' with the same binary twice sets
# a subset beside the whole crate. The size of each side's `src/` comes first.
set -euo pipefail
shopt -s inherit_errexit
old_bin=$1
new_bin=$2
docs=${3:-../shared/corpus/graph-docs-2021-07/v1.0}
rounds=${4:-3}
features=${5:-full}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CARGO_TARGET_DIR="$work/target" CARGO_INCREMENTAL=0
read -r -a old_args <<<"${OLD_ARGS:-}"
read -r -a new_args <<<"${NEW_ARGS:-}"

seconds() { # prints the wall time of "$@" in seconds
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

regen_side() { # regen_side SIDE OUT: the side's binary and flags, writing OUT
  local bin_var=${1}_bin args_var="${1}_args[@]"
  "${!bin_var}" regen --docs "$docs" --out "$2" --crate-name "graph-model-$1" "${!args_var}"
}

for side in old new; do
  regen_side "$side" "$work/$side" >/dev/null 2>&1
  files=$(find "$work/$side/src" -name '*.rs' | wc -l)
  lines=$(find "$work/$side/src" -name '*.rs' -exec cat {} + | wc -l)
  bytes=$(find "$work/$side/src" -name '*.rs' -exec cat {} + | wc -c)
  echo "$side src: $files files, $lines lines, $bytes bytes"
  # Dependencies once, so the timed checks build the crate alone.
  cargo check --quiet --manifest-path "$work/$side/Cargo.toml" --no-default-features --features "$features" 2>/dev/null
done

echo "side round regen_s check_s"
for round in $(seq "$rounds"); do
  for side in old new; do
    rm -rf "$work/regen-$side"
    regen=$(seconds regen_side "$side" "$work/regen-$side")
    touch "$work/$side/src/lib.rs"
    check=$(seconds cargo check --manifest-path "$work/$side/Cargo.toml" --no-default-features --features "$features")
    echo "$side $round $regen $check"
  done
done
