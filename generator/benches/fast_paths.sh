#!/usr/bin/env bash
# The hand-written fast paths against the library code they stand for, on
# the `ir` command as a whole: builds the generator as it is and, for each
# PATH, with `--cfg library_PATH` (the library in place of that fast path),
# then prints each build's instruction count (callgrind) and the median wall
# time of ROUNDS runs, the builds taking turns.
#
#   generator/benches/fast_paths.sh [front_matter] [case] [drop]
#
# Environment: ROUNDS (default 21), FOLDER (default
# ../shared/corpus/graph-docs-2021-07/beta). Needs valgrind. Builds into a
# temporary target directory (a few minutes per PATH).
set -euo pipefail
shopt -s inherit_errexit
paths=("${@:-front_matter case drop}")
read -r -a paths <<<"${paths[*]}"
rounds=${ROUNDS:-21}
folder=$(realpath "${FOLDER:-../shared/corpus/graph-docs-2021-07/beta}")
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

cargo build --quiet --release --locked -p graph-docs-codegen --manifest-path "$root/Cargo.toml"
cp "${CARGO_TARGET_DIR:-$root/target}/release/graph-docs-codegen" "$work/fast"
builds=(fast)
for path in "${paths[@]}"; do
  # Another --cfg rebuilds every dependency: its own target directory.
  RUSTFLAGS="--cfg library_$path" CARGO_TARGET_DIR="$work/target" \
    cargo build --quiet --release --locked -p graph-docs-codegen --manifest-path "$root/Cargo.toml"
  cp "$work/target/release/graph-docs-codegen" "$work/library_$path"
  builds+=("library_$path")
done

instructions() { # the instructions callgrind counts for the `ir` command of binary $1
  valgrind --tool=callgrind --callgrind-out-file="$work/cg.out" \
    "$1" ir --docs "$folder" -o "$work/ir.json" 2>&1 | sed -n 's/.*Collected : //p'
}

seconds() { # the wall time of the `ir` command of binary $1
  local start end
  start=$(date +%s.%N)
  "$1" ir --docs "$folder" -o "$work/ir.json" >/dev/null 2>&1
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

median() { sort -n | awk '{a[NR]=$1} END {printf "%.3f\n", a[int((NR+1)/2)]}'; }

for _ in $(seq "$rounds"); do
  for name in "${builds[@]}"; do
    seconds "$work/$name" >>"$work/$name.times"
  done
done

echo "ir --docs $folder: the fast paths against the library"
echo "build | instructions | median seconds of $rounds"
for name in "${builds[@]}"; do
  echo "$name | $(instructions "$work/$name") | $(median <"$work/$name.times")"
done
