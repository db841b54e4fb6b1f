#!/usr/bin/env bash
# A provider's edit reaching the static site, on a synthetic marketplace of PROVIDERS providers, against a release
# `agora serve` on loopback whose site worker rewrites the pages: the demo provider saves a new title (it goes live at
# once) and the time until their page on disk shows it is measured, EDITS times, while SEARCHERS threads keep
# searching; on SQLite, then on PostgreSQL.
#
#   Benchmarks/profiles/bench-profiles.sh [PROVIDERS] [EDITS] [SEARCHERS]     (defaults 100000, 60 and 2; `make bench-profiles`)
set -euo pipefail
cd "$(dirname "$0")/../.."
source Benchmarks/serve.sh
providers=${1:-100000}
edits=${2:-60}
searchers=${3:-2}
agora=.build/release/agora
work=$(mktemp -d /tmp/agora-bench-profiles.XXXXXX)
server=""
password="Bench-Profiles-Password-26"
public="https://bench.agora.example"
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
swift build -c release --product agora >/dev/null

measure() {
    local engine=$1 database=$2
    echo "seeding $providers providers on $engine…" >&2
    local client provider
    seed_accounts "$database" "$providers" "$password"
    echo "building the site…" >&2
    local site="$work/Site-$engine"
    # The build and the service name one public address, as in production: the worker's targeted builds reuse the
    # build's manifest only when everything the pages depend on, the address included, is the same.
    AGORA_BASE_URL=$public $agora build --database "$database" --out "$site" >/dev/null
    # Searches are not counted against a limit (AGORA_RATE_LIMITS, refused in production).
    AGORA_BASE_URL=$public AGORA_RATE_LIMITS=off AGORA_STORAGE="$work/Storage-$engine" start_server "$work/serve-$engine.log" --database "$database" --site "$site"
    read -r p50 p99 max rate < <(python3 Benchmarks/profiles/edit-profile.py "$base" "$provider" "$password" "$site" "$edits" "$searchers")
    printf "%-12s %-46s %8s %8s %8s %14s\n" "$engine" "edit → provider page on disk" "$p50" "$p99" "$max" "$rate"
    stop_server
}

if [ -n "${AGORA_TEST_POSTGRES_URL:-}" ]; then
    psql "$AGORA_TEST_POSTGRES_URL" -qc "CREATE DATABASE agora_bench" >/dev/null
    measure postgresql "${AGORA_TEST_POSTGRES_URL%/*}/agora_bench"
    exit 0
fi
echo "machine: $(nproc) cores; $providers providers; $edits edits, one at a time, while $searchers clients search (ms)"
printf "%-12s %-46s %8s %8s %8s %14s\n" "engine" "measure" "p50" "p99" "max" "searches/s"
measure sqlite "$work/agora.sqlite"
Tests/Support/with-postgres.sh "$0" "$providers" "$edits" "$searchers" 2>/dev/null
