#!/usr/bin/env bash
# Where the crate-only `cargo check` time of a generated crate goes: rustc's
# `-Ztime-passes` (through RUSTC_BOOTSTRAP=1 on stable) on the crate one
# generator binary writes, the largest passes printed in seconds. Run it on
# two binaries to compare a profile before and after a change to emission.
#
#   generator/benches/check_profile.sh BIN [DOCS] [FEATURES]
#
# DOCS defaults to ../shared/corpus/graph-docs-2021-07/v1.0, FEATURES to
# `full` (all workloads). Dependencies are built first; the profiled build
# is the crate alone, with no incremental cache.
set -euo pipefail
shopt -s inherit_errexit
bin=$(realpath "$1")
docs=${2:-../shared/corpus/graph-docs-2021-07/v1.0}
features=${3:-full}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CARGO_TARGET_DIR="$work/target" CARGO_INCREMENTAL=0 RUSTC_BOOTSTRAP=1

"$bin" regen --docs "$docs" --out "$work/crate" --crate-name graph-model-profiled >/dev/null 2>&1
manifest=$work/crate/Cargo.toml
cargo check --quiet --manifest-path "$manifest" --no-default-features --features "$features" 2>/dev/null
touch "$work/crate/src/lib.rs"
cargo rustc --quiet --manifest-path "$manifest" --profile=check --lib \
  --no-default-features --features "$features" -- -Ztime-passes 2>"$work/passes" || {
  cat "$work/passes" >&2
  exit 1
}
# Lines look like `time:   5.123; rss: …  type_check_crate`; the top-level
# passes only (no nested ones are printed at this verbosity).
awk '/^time:/ { gsub(";", "", $2); printf "%-40s %7.2f s\n", $NF, $2 }' "$work/passes" |
  sort -k2 -n -r | head -15
