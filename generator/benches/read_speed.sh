#!/usr/bin/env bash
# Reading JSON: the generated crate's own serde impls beside serde's derive on
# the same structs and the same bodies, in one divan process. Every concrete
# response example of the docs is read into its type (a page of it for a
# collection) by each side; the ratio generated/derive is the figure.
# `derive` is a copy of the crate with serde's derive on the same structs
# (undocumented members kept with `#[serde(flatten)]`); `derive_drop_unknown`
# drops those members, less work than the crate does: a stricter baseline.
#
#   generator/benches/read_speed.sh BIN [DOCS] [WORK]
#
# BIN: a graph-docs-codegen binary (`cargo build --release -p
# graph-docs-codegen`, then target/release/graph-docs-codegen). DOCS defaults
# to ../shared/corpus/graph-docs-2021-07/v1.0; WORK (default
# target/read-bench) holds the three crates and their build, kept between runs.
# ROUNDS (default 3) runs of the benchmark, each printing its medians.
set -euo pipefail
shopt -s inherit_errexit
bin=$1
docs=${2:-../shared/corpus/graph-docs-2021-07/v1.0}
work=${3:-target/read-bench}
mkdir -p "$work"
"$bin" regen --docs "$docs" --out "$work/read" --crate-name graph-model-read --read-bench >/dev/null 2>&1
"$bin" regen --docs "$docs" --out "$work/derive" --crate-name graph-model-derive --serde-impls derive >/dev/null 2>&1
"$bin" regen --docs "$docs" --out "$work/derive-drop" --crate-name graph-model-derive-drop \
  --serde-impls derive-drop-unknown >/dev/null 2>&1
for round in $(seq "${ROUNDS:-3}"); do
  cargo bench --quiet --manifest-path "$work/read/Cargo.toml" --bench 'read_*' -- --sample-count 30 >"$work/bench.txt" 2>&1
  # divan's table: `├─ NAME  fastest │ slowest │ median │ mean …`; the median is the third column.
  awk -F'│' -v round="$round" '
    /[├╰]─ / {
      split($1, head, " "); name = head[2]; median[name] = $3; gsub(/^ +| +$/, "", median[name])
    }
    END {
      printf "round %s median: generated %s, derive %s, derive_drop_unknown %s\n", round, median["generated"], median["derive"], median["derive_drop_unknown"]
    }' "$work/bench.txt"
done
