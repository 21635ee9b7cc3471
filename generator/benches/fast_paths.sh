#!/usr/bin/env bash
# One hand-written fast path against the library code it stands for, on the
# `ir` command as a whole: builds the generator as it is and with
# `--cfg library_PATH` (the library in place of that fast path), then prints
# each build's instruction count (callgrind) and the median wall time of
# ROUNDS runs, the two builds taking turns.
#
#   generator/benches/fast_paths.sh front_matter|case|drop [ROUNDS] [FOLDER]
#
# ROUNDS defaults to 21, FOLDER to ../shared/corpus/graph-docs-2021-07/beta.
# Needs valgrind. Builds into a temporary target directory (a few minutes).
set -euo pipefail
shopt -s inherit_errexit
path=${1:?usage: fast_paths.sh front_matter|case|drop [ROUNDS] [FOLDER]}
rounds=${2:-21}
folder=$(realpath "${3:-../shared/corpus/graph-docs-2021-07/beta}")
root=$(cd "$(dirname "$0")/../.." && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT

build() { # build NAME [RUSTFLAGS]: the release binary at $work/NAME
  RUSTFLAGS="${2:-}" CARGO_TARGET_DIR="$work/target-$1" \
    cargo build --quiet --release --locked -p graph-docs-codegen --manifest-path "$root/Cargo.toml"
  cp "$work/target-$1/release/graph-docs-codegen" "$work/$1"
}
build fast
build library "--cfg library_$path"

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

: >"$work/fast.times"
: >"$work/library.times"
for _ in $(seq "$rounds"); do
  seconds "$work/fast" >>"$work/fast.times"
  seconds "$work/library" >>"$work/library.times"
done

echo "ir --docs $folder: fast path '$path' against the library"
echo "build | instructions | median seconds of $rounds"
for name in fast library; do
  echo "$name | $(instructions "$work/$name") | $(median <"$work/$name.times")"
done
