#!/usr/bin/env bash
# Reading the service's metadata against the `ir` command: the wall time of
# `ir` on a docs tree, of the same `ir` with `--metadata v1.0=FILE`, and of
# reading FILE alone (`ir` on one tiny page with `--metadata`, and without
# it for the start-up cost), measured in
# alternating rounds in one run (the machine is shared and noisy: compare
# medians and the ratio, not single seconds).
#
#   generator/benches/metadata_time.sh BIN [DOCS] [METADATA] [ROUNDS]
#
# BIN: a release graph-docs-codegen (`cargo build --release -p
# graph-docs-codegen`). DOCS defaults to
# ../shared/corpus/graph-docs-2021-07/v1.0, METADATA to
# ../shared/metadata/v1.0-2021-07-13.xml, ROUNDS to 7.
set -euo pipefail
shopt -s inherit_errexit
bin=$1
docs=${2:-../shared/corpus/graph-docs-2021-07/v1.0}
metadata=${3:-../shared/metadata/v1.0-2021-07-13.xml}
rounds=${4:-7}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$work/v1.0"
printf '# tiny resource type\n\n## Properties\n\n|Property|Type|Description|\n|:--|:--|:--|\n|id|String|Id.|\n' >"$work/v1.0/tiny.md"

seconds() { # prints the wall time of "$@" in seconds, its output discarded
    local start end
    start=$(date +%s%N)
    "$@" >/dev/null 2>&1
    end=$(date +%s%N)
    echo "scale=3; ($end - $start) / 1000000000" | bc
}

median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

declare -a ir with alone tiny
for ((i = 0; i < rounds; i++)); do
    ir+=("$(seconds "$bin" ir --docs "$docs" -o /dev/null)")
    with+=("$(seconds "$bin" ir --docs "$docs" -o /dev/null --metadata "v1.0=$metadata")")
    alone+=("$(seconds "$bin" ir --docs "$work/v1.0" -o /dev/null --metadata "v1.0=$metadata")")
    tiny+=("$(seconds "$bin" ir --docs "$work/v1.0" -o /dev/null)")
done
m_ir=$(printf '%s\n' "${ir[@]}" | median)
m_with=$(printf '%s\n' "${with[@]}" | median)
m_alone=$(printf '%s\n' "${alone[@]}" | median)
m_tiny=$(printf '%s\n' "${tiny[@]}" | median)
echo "rounds: $rounds (median seconds)"
echo "ir:                   $m_ir"
echo "ir --metadata:        $m_with"
echo "metadata alone:       $m_alone (ir of one tiny page with --metadata)"
echo "tiny page alone:      $m_tiny (the same without --metadata: process start)"
echo "metadata / ir:        $(echo "scale=3; $m_alone / $m_ir" | bc) (upper bound: start-up included)"
