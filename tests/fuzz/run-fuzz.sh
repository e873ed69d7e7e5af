#!/bin/sh
# run-fuzz.sh HARNESS SEEDS SECONDS: fuzzes in a scratch corpus seeded from
# SEEDS, for SECONDS; crashes are written next to the build as crash-*.
set -eu
harness=$1 seeds=$2 seconds=$3
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
"$harness" -max_total_time="$seconds" -max_len=65536 -rss_limit_mb=4096 -timeout=60 \
  -print_final_stats=1 -artifact_prefix="$(pwd)/" "$work" "$seeds"
