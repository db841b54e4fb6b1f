#!/usr/bin/env bash
# A bulk operation on ACCOUNTS providers through a release `agora serve` on loopback over a built site, the way the
# admin page runs it:
# suspend every provider (each with its sessions ended, its page queued, its email and its audit entry), then undo
# it; on SQLite, then on PostgreSQL. The target is under 5 s for 10,000 accounts. Figures: the time from the request
# until the page would see the operation finished (the worker looks for work every 250 ms, so up to that much is the
# wait), and the time the service itself logged for the run.
#
#   Benchmarks/admin/bench-bulk.sh [ACCOUNTS]     (default 10000; `make bench-admin` runs it)
set -euo pipefail
cd "$(dirname "$0")/../.."
source Benchmarks/serve.sh
accounts=${1:-10000}
agora=.build/release/agora
work=$(mktemp -d /tmp/agora-bench-bulk.XXXXXX)
server=""
password="Bench-Bulk-Password-26"
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
swift build -c release --product agora >/dev/null

measure() {
    local engine=$1 database=$2
    echo "seeding $accounts providers on $engine…" >&2
    AGORA_DEMO_PASSWORD=$password AGORA_BCRYPT_COST=10 $agora seed --providers "$accounts" --seed 7 --database "$database" >/dev/null 2>&1
    AGORA_ADMIN_PASSWORD=$password $agora admin create --email bench-owner@example.com --first-name Bench --last-name Owner \
        --database "$database" >/dev/null 2>&1
    # A live site, as a deployment has: the pages the operation changes are published by incremental builds.
    $agora build --database "$database" --out "$work/Site" >/dev/null 2>&1
    AGORA_LOG_LEVEL=info AGORA_STORAGE="$work/Storage-$engine" start_server "$work/serve-$engine.log" --database "$database" --site "$work/Site"
    python3 Benchmarks/admin/bulk-operation.py "$base" bench-owner@example.com "$password" "type=provider" >"$work/figures-$engine"
    stop_server
    # The service's own time for each run, in the order they finished (the log is complete once it stopped).
    grep "bulk operation finished" "$work/serve-$engine.log" | sed 's/.* ms=\([0-9]*\).*/\1/' >"$work/logged-$engine"
    paste -d ' ' "$work/figures-$engine" "$work/logged-$engine" | while read -r action chosen changed ms logged; do
        printf "%-12s %-10s %10s %10s %16s %12s\n" "$engine" "$action" "$chosen" "$changed" "$ms" "$logged"
    done
}

if [ -n "${AGORA_TEST_POSTGRES_URL:-}" ]; then
    psql "$AGORA_TEST_POSTGRES_URL" -qc "CREATE DATABASE agora_bench" >/dev/null
    measure postgresql "${AGORA_TEST_POSTGRES_URL%/*}/agora_bench"
    exit 0
fi
echo "machine: $(nproc) cores; $accounts providers"
printf "%-12s %-10s %10s %10s %16s %12s\n" "engine" "action" "chosen" "changed" "request→done ms" "service ms"
measure sqlite "$work/agora.sqlite"
Tests/Support/with-postgres.sh "$0" "$accounts" 2>/dev/null
