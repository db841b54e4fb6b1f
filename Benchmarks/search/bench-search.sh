#!/usr/bin/env bash
# Search under load on a synthetic marketplace: uncached typical searches (words + category + price + radius), one
# at a time and four at a time, one cached search, and suggestions as typed, measured with wrk on loopback against a
# release `agora serve`, on SQLite and then on a throw-away PostgreSQL.
#
#   Benchmarks/search/bench-search.sh [PROVIDERS] [SECONDS]     (defaults 100000 and 20; `make bench-search` runs it)
set -euo pipefail
cd "$(dirname "$0")/../.."
source Benchmarks/serve.sh
providers=${1:-100000}
seconds=${2:-20}
agora=.build/release/agora
work=$(mktemp -d /tmp/agora-bench-search.XXXXXX)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
swift build -c release --product agora >/dev/null

# Runs the three loads against a database (its setting as the argument) and prints one line per load.
measure() {
    local engine=$1 database=$2
    echo "seeding $providers providers on $engine…" >&2
    $agora seed --providers "$providers" --seed 7 --database "$database" >/dev/null 2>&1
    # Limits off: the loads send far more than any person would (AGORA_RATE_LIMITS, refused in production).
    AGORA_RATE_LIMITS=off AGORA_LOG_LEVEL=warning AGORA_STORAGE="$work/Storage" start_server "$work/serve-$engine.log" --database "$database" --site "$work/Site"
    # Warm up the catalogue caches and the database's own cache.
    wrk -t2 -c4 -d5s -s Benchmarks/search/search.lua "$base" >/dev/null
    curl -sf -o /dev/null "$base/api/search/suggestions?q=dev"
    run() { # label, wrk arguments…
        local label=$1; shift
        wrk --latency "$@" >"$work/out.txt"
        if grep -q "Non-2xx" "$work/out.txt"; then echo "errors in $label:" >&2; cat "$work/out.txt" >&2; exit 1; fi
        printf "%-12s %-34s %10s %10s %10s %12s\n" "$engine" "$label" \
            "$(awk '$1 == "50%" { print $2 }' "$work/out.txt")" "$(awk '$1 == "99%" { print $2 }' "$work/out.txt")" \
            "$(awk '$1 == "Latency" { print $4 }' "$work/out.txt")" "$(awk '/Requests\/sec/ { print $2 }' "$work/out.txt")"
    }
    run "typical search, one at a time" -t1 -c1 -d"${seconds}s" -s Benchmarks/search/search.lua "$base"
    run "typical search, 4 at a time" -t2 -c4 -d"${seconds}s" -s Benchmarks/search/search.lua "$base"
    run "same search, cached" -t2 -c32 -d"${seconds}s" \
        "$base/api/search/providers?q=developer&category=web-development&min_rate=30&max_rate=90&near=48.85,2.35,500"
    run "suggestions as typed" -t2 -c4 -d"${seconds}s" -s Benchmarks/search/suggestions.lua "$base"
    stop_server
}

if [ -n "${AGORA_TEST_POSTGRES_URL:-}" ]; then
    # The PostgreSQL half: this script, run again by with-postgres.sh below.
    psql "$AGORA_TEST_POSTGRES_URL" -qc "CREATE DATABASE agora_bench" >/dev/null
    measure postgresql "${AGORA_TEST_POSTGRES_URL%/*}/agora_bench"
    exit 0
fi
echo "machine: $(nproc) cores; $providers providers; $seconds s per load"
printf "%-12s %-34s %10s %10s %10s %12s\n" "engine" "load" "p50" "p99" "max" "requests/s"
measure sqlite "$work/agora.sqlite"
Tests/Support/with-postgres.sh "$0" "$providers" "$seconds" 2>/dev/null
