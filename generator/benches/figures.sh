#!/usr/bin/env bash
# The wall-clock figures of docs/performance.md, for one generator binary:
# the `ir` command on each corpus folder, `regen` of the corpus crates (into
# an empty folder, and again with the crate on disk), and the crate-only
# `cargo check` of the v1.0 crate with every workload, each of seven
# workloads alone, and none.
# Prints the median of ROUNDS runs of each, in seconds.
#
#   cargo build --release -p graph-docs-codegen
#   generator/benches/figures.sh target/release/graph-docs-codegen [ROUNDS] [CORPUS]
#
# ROUNDS defaults to 5, CORPUS to ../shared/corpus. The machine is shared
# and noisy: run it when nothing else builds, and compare figures of one run.
set -euo pipefail
shopt -s inherit_errexit
bin=$(realpath "$1")
rounds=${2:-5}
corpus=$(realpath "${3:-../shared/corpus}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CARGO_TARGET_DIR="$work/target" CARGO_INCREMENTAL=0

seconds() { # the wall time of "$@" in seconds
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

median() { # the median of ROUNDS runs of "$@"
  local times=()
  for _ in $(seq "$rounds"); do
    times+=("$(seconds "$@")")
  done
  printf '%s\n' "${times[@]}" | sort -n | awk '{a[NR]=$1} END {printf "%.2f\n", a[int((NR+1)/2)]}'
}

fresh_regen() { # regen of $1 into an empty folder
  rm -rf "$work/fresh"
  "$bin" regen --docs "$1" --out "$work/fresh" --crate-name graph-model-fresh
}

echo "what | median seconds"
for folder in graph-docs-2021-07/v1.0 graph-docs-2021-07/beta graph-docs-2020-04/beta; do
  echo "ir $folder | $(median "$bin" ir --docs "$corpus/$folder" -o "$work/ir.json")"
done
for folder in graph-docs-2021-07/v1.0 graph-docs-2021-07/beta; do
  echo "regen $folder, empty folder | $(median fresh_regen "$corpus/$folder")"
  "$bin" regen --docs "$corpus/$folder" --out "$work/on-disk" --crate-name graph-model-on-disk >/dev/null 2>&1
  echo "regen $folder, crate on disk | $(median "$bin" regen --docs "$corpus/$folder" --out "$work/on-disk" --crate-name graph-model-on-disk)"
  rm -rf "$work/on-disk"
done

crate="$work/v1"
"$bin" regen --docs "$corpus/graph-docs-2021-07/v1.0" --out "$crate" --crate-name graph-model-v10 >/dev/null 2>&1
crate_check() { # crate-only check with the features "$@"
  touch "$crate/src/lib.rs"
  cargo check --manifest-path "$crate/Cargo.toml" "$@"
}
# Dependencies once, so the timed checks build the crate alone.
cargo check --quiet --manifest-path "$crate/Cargo.toml" --all-features 2>/dev/null
echo "cargo check v1.0 crate only, every workload | $(median crate_check)"
# The workloads a user would pick on their own: each alone (with `core`).
for workload in outlook files users groups teamwork intune-devices planner; do
  echo "cargo check v1.0 crate only, $workload alone | $(median crate_check --no-default-features --features "$workload")"
done
echo "cargo check v1.0 crate only, no workload | $(median crate_check --no-default-features)"
