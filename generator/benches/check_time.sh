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

seconds() { # prints the wall time of "$@" in seconds
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

for side in old new; do
  bin_var=${side}_bin
  "${!bin_var}" regen --docs "$docs" --out "$work/$side" --crate-name "graph-model-$side" >/dev/null 2>&1
  # Dependencies once, so the timed checks build the crate alone.
  cargo check --quiet --manifest-path "$work/$side/Cargo.toml" --no-default-features --features "$features" 2>/dev/null
done

echo "side round regen_s check_s"
for round in $(seq "$rounds"); do
  for side in old new; do
    bin_var=${side}_bin
    rm -rf "$work/regen-$side"
    regen=$(seconds "${!bin_var}" regen --docs "$docs" --out "$work/regen-$side" --crate-name "graph-model-$side")
    touch "$work/$side/src/lib.rs"
    check=$(seconds cargo check --manifest-path "$work/$side/Cargo.toml" --no-default-features --features "$features")
    echo "$side $round $regen $check"
  done
done
