#!/usr/bin/env bash
# Crate-only `cargo check` time of the v1.0 corpus crate beside that of
# graph-rs-sdk 3.0.1 (an untyped Microsoft Graph SDK on crates.io), measured
# alternately in one run (the machine is shared and noisy: compare the
# ratio, not the seconds).
#
#   cargo build --release -p graph-docs-codegen
#   generator/benches/peer_check.sh target/release/graph-docs-codegen [ROUNDS] [FEATURES]
#
# ROUNDS defaults to 3, FEATURES (of the generated crate) to `full`, all
# workloads; DOCS, if set, replaces the docs folder
# ../shared/corpus/graph-docs-2021-07/v1.0. graph-rs-sdk is checked with its
# default features (native-tls: needs OpenSSL headers and pkg-config);
# PEER_FEATURES, split at spaces, replaces them, e.g.
# PEER_FEATURES='--no-default-features --features rustls-tls'.
# "Crate only": each side's dependencies are built first (for graph-rs-sdk
# that includes its own graph-core, graph-http, graph-oauth and graph-error
# crates), then each check rebuilds the one crate alone, with no incremental
# cache, in the dev profile, with one shared target folder. graph-rs-sdk is
# taken from crates.io through a throwaway crate that depends on it, then its
# registry source is copied into a crate of its own (`[workspace]` added) so
# that it is the crate being checked.
set -euo pipefail
shopt -s inherit_errexit
bin=$(realpath "$1")
rounds=${2:-3}
features=${3:-full}
docs=$(realpath "${DOCS:-../shared/corpus/graph-docs-2021-07/v1.0}")
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
export CARGO_TARGET_DIR="$work/target" CARGO_INCREMENTAL=0
read -r -a peer_flags <<<"${PEER_FEATURES:-}"
peer_version=3.0.1

seconds() { # prints the wall time of "$@" in seconds
  local start end
  start=$(date +%s.%N)
  "$@" >/dev/null 2>&1 || { echo "failed: $*" >&2; return 1; }
  end=$(date +%s.%N)
  echo "$end - $start" | bc
}

median() { # the median of the numbers given as arguments
  printf '%s\n' "$@" | sort -n | awk '{a[NR]=$1} END {printf "%.2f\n", a[int((NR+1)/2)]}'
}

src_size() { # src_size SIDE DIR: files, lines and bytes of DIR/src
  local files lines bytes
  files=$(find "$2/src" -name '*.rs' | wc -l)
  lines=$(find "$2/src" -name '*.rs' -exec cat {} + | wc -l)
  bytes=$(find "$2/src" -name '*.rs' -exec cat {} + | wc -c)
  echo "$1 src: $files files, $lines lines, $bytes bytes"
}

fetch_peer() { # copies graph-rs-sdk's registry source into $work/peer
  local fetch="$work/fetch" registry src
  mkdir -p "$fetch/src"
  : >"$fetch/src/lib.rs"
  printf '%s\n' '[package]' 'name = "peer-fetch"' 'version = "0.0.0"' \
    'edition = "2021"' '[dependencies]' "graph-rs-sdk = \"=$peer_version\"" \
    '[workspace]' >"$fetch/Cargo.toml"
  cargo fetch --quiet --manifest-path "$fetch/Cargo.toml"
  registry=${CARGO_HOME:-$HOME/.cargo}/registry/src
  src=$(find "$registry" -maxdepth 2 -type d -name "graph-rs-sdk-$peer_version" | head -n 1)
  [[ -n $src ]] || { echo "graph-rs-sdk-$peer_version not in $registry" >&2; return 1; }
  cp -r "$src" "$work/peer"
  # A workspace of its own, with the versions the throwaway crate resolved.
  printf '\n[workspace]\n' >>"$work/peer/Cargo.toml"
  cp "$fetch/Cargo.lock" "$work/peer/Cargo.lock"
}

check_ours() { cargo check --manifest-path "$work/ours/Cargo.toml" --no-default-features --features "$features" "$@"; }
check_peer() { cargo check --manifest-path "$work/peer/Cargo.toml" "${peer_flags[@]}" "$@"; }

fetch_peer
"$bin" regen --docs "$docs" --out "$work/ours" --crate-name graph-model-v10 >/dev/null 2>&1
for side in ours peer; do
  src_size "$side" "$work/$side"
  # Dependencies once, so the timed checks build the crate alone.
  "check_$side" --quiet 2>/dev/null
done

declare -A times=([ours]="" [peer]="")
echo "side round check_s"
for round in $(seq "$rounds"); do
  for side in ours peer; do
    touch "$work/$side/src/lib.rs"
    check=$(seconds "check_$side")
    times[$side]+=" $check"
    echo "$side $round $check"
  done
done

# shellcheck disable=SC2086 # the times are split at spaces on purpose
ours=$(median ${times[ours]})
# shellcheck disable=SC2086
peer=$(median ${times[peer]})
echo "median ours $ours s, peer (graph-rs-sdk $peer_version) $peer s"
echo "ratio ours/peer $(awk -v a="$ours" -v b="$peer" 'BEGIN {printf "%.2f", a / b}')"
