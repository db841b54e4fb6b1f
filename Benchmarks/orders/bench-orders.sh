#!/usr/bin/env bash
# Orders on a synthetic marketplace, against a release `agora serve` on loopback: routing one order against every
# provider (the time the service logs for each order it routes), and posting an order the way the wizard does
# (draft, one attachment of 5 MB, publish — which routes it), one after another; on SQLite, then on PostgreSQL.
#
#   Benchmarks/orders/bench-orders.sh [PROVIDERS] [ORDERS]     (defaults 100000 and 200; `make bench-orders` runs it)
set -euo pipefail
cd "$(dirname "$0")/../.."
source Benchmarks/serve.sh
providers=${1:-100000}
orders=${2:-200}
agora=.build/release/agora
work=$(mktemp -d /tmp/agora-bench-orders.XXXXXX)
server=""
password="Bench-Orders-Password-26"
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
swift build -c release --product agora >/dev/null

percentiles() { # reads numbers, prints p50 p99 max
    sort -n | awk '{ v[NR] = $1 } END { p99 = int(NR * 0.99); if (p99 < 1) p99 = 1; printf "%.1f %.1f %.1f\n", v[int((NR + 1) / 2)], v[p99], v[NR] }'
}

measure() {
    local engine=$1 database=$2
    echo "seeding $providers providers on $engine…" >&2
    local client provider
    seed_accounts "$database" "$providers" "$password"
    # Quotas off: one client posts far more orders than a day allows (AGORA_RATE_LIMITS, refused in production).
    AGORA_RATE_LIMITS=off AGORA_LOG_LEVEL=info AGORA_STORAGE="$work/Storage-$engine" start_server "$work/serve-$engine.log" --database "$database" --site "$work/Site"
    # The snapshot routing reads is loaded at start; the first orders wait for it, so they are left out.
    python3 Benchmarks/orders/create-orders.py "$base" "$client" "$password" 5 5 >/dev/null
    local before
    before=$(grep -c "order routed" "$work/serve-$engine.log" || true)
    read -r p50 p99 max < <(python3 Benchmarks/orders/create-orders.py "$base" "$client" "$password" "$orders" 5)
    printf "%-12s %-44s %10s %10s %10s\n" "$engine" "draft + 5 MB attachment + publish" "$p50" "$p99" "$max"
    read -r r50 r99 rmax < <(grep "order routed" "$work/serve-$engine.log" | tail -n +"$((before + 1))" | sed 's/.* ms=\([0-9.]*\).*/\1/' | percentiles)
    printf "%-12s %-44s %10s %10s %10s\n" "$engine" "routing one order against $providers providers" "$r50" "$r99" "$rmax"
    stop_server
}

if [ -n "${AGORA_TEST_POSTGRES_URL:-}" ]; then
    psql "$AGORA_TEST_POSTGRES_URL" -qc "CREATE DATABASE agora_bench" >/dev/null
    measure postgresql "${AGORA_TEST_POSTGRES_URL%/*}/agora_bench"
    exit 0
fi
echo "machine: $(nproc) cores; $providers providers; $orders orders, one at a time (ms)"
printf "%-12s %-44s %10s %10s %10s\n" "engine" "measure" "p50" "p99" "max"
measure sqlite "$work/agora.sqlite"
Tests/Support/with-postgres.sh "$0" "$providers" "$orders" 2>/dev/null
