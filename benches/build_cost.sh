#!/usr/bin/env bash
# Build cost of depending on zoom-cobrowse: a clean debug build of a consumer using
# the SDK's default features, divided by one of a consumer using what a hand-written
# client needs (reqwest with the same TLS, serde, chrono, tokio). Builds alternate
# A B A B ... in one run, each in its own target directory, so load changes on a
# shared machine hit both sides; prints each time, the medians and their ratios.
# Two figures per build: wall seconds, and CPU seconds (user + system of cargo and
# every rustc and build script it ran), which other work on a shared machine
# changes far less than wall time.
#
# Usage: benches/build_cost.sh [ROUNDS]   (default 3; run from anywhere)
set -euo pipefail
rounds=${1:-3}
sdk=$(cd "$(dirname "$0")/.." && pwd)
work=$(mktemp -d /tmp/zoom-cobrowse-build-cost.XXXXXX)
trap 'rm -rf "$work"' EXIT

consumer() { # name, dependencies
    mkdir -p "$work/$1/src"
    printf '[package]\nname = "%s"\nversion = "0.0.0"\nedition = "2024"\n\n[dependencies]\n%s\n' \
        "$1" "$2" >"$work/$1/Cargo.toml"
    echo 'fn main() {}' >"$work/$1/src/main.rs"
    # The SDK's lock file, so both sides build the same dependency versions.
    cp "$sdk/Cargo.lock" "$work/$1/Cargo.lock"
}
consumer sdk "zoom-cobrowse = { path = \"$sdk\" }"
consumer baseline 'reqwest = { version = "0.13", default-features = false, features = ["json", "rustls"] }
serde = { version = "1", features = ["derive"] }
serde_json = "1"
chrono = { version = "0.4", default-features = false, features = ["serde", "std", "clock"] }
tokio = { version = "1", features = ["rt", "time", "macros"] }'

# Fetch and resolve once, outside the timings.
for name in sdk baseline; do
    (cd "$work/$name" && cargo fetch -q)
done

build() { # name → "wall cpu": seconds of a clean build, elapsed and user + system
    rm -rf "$work/$1/target"
    local TIMEFORMAT='%3R %3U %3S'
    # bash's `time` counts every process cargo waited for (rustc, build scripts);
    # cargo's own messages go to fd 3, the real stderr, not into the figures.
    { time (cd "$work/$1" && CARGO_TARGET_DIR="$work/$1/target" cargo build -q --offline 2>&3); } 3>&2 2>"$work/$1.time"
    awk '{printf "%.1f %.1f\n", $1, $2 + $3}' "$work/$1.time"
}
median() { sort -n | awk '{a[NR]=$1} END {print (NR % 2) ? a[(NR+1)/2] : (a[NR/2] + a[NR/2+1]) / 2}'; }

for name in sdk baseline; do
    : >"$work/$name.wall"
    : >"$work/$name.cpu"
done
for round in $(seq "$rounds"); do
    # Alternate which goes first, so neither always builds on a warmer machine.
    if ((round % 2)); then order="sdk baseline"; else order="baseline sdk"; fi
    for name in $order; do
        times=$(build "$name")
        read -r wall cpu <<<"$times"
        echo "$wall" >>"$work/$name.wall"
        echo "$cpu" >>"$work/$name.cpu"
        echo "round $round: $name ${wall}s wall, ${cpu}s CPU"
    done
done
for figure in wall cpu; do
    a=$(median <"$work/sdk.$figure")
    b=$(median <"$work/baseline.$figure")
    echo "clean debug build, $figure: zoom-cobrowse consumer ${a}s / baseline consumer ${b}s = ratio $(echo "scale=3; $a / $b" | bc) (target <= 1.3)"
done
