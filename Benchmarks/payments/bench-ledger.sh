#!/usr/bin/env bash
# The ledger alone: TRANSACTIONS balanced transactions of four lines from WORKERS concurrent writers, then
# `Ledger.verify` over every entry written; on SQLite, then on a throw-away PostgreSQL.
#
#   Benchmarks/payments/bench-ledger.sh [TRANSACTIONS] [WORKERS]     (defaults 250000 — a million entries — and 8)
set -euo pipefail
cd "$(dirname "$0")/../.."
transactions=${1:-250000}
workers=${2:-8}
bench=.build/release/agora-bench-ledger
work=$(mktemp -d /tmp/agora-bench-ledger.XXXXXX)
trap 'rm -rf "$work"' EXIT
swift build -c release --product agora-bench-ledger >/dev/null

if [ -n "${AGORA_TEST_POSTGRES_URL:-}" ]; then
    psql "$AGORA_TEST_POSTGRES_URL" -qc "CREATE DATABASE agora_bench_ledger" >/dev/null
    echo "postgresql $($bench "${AGORA_TEST_POSTGRES_URL%/*}/agora_bench_ledger" "$transactions" "$workers")"
    exit 0
fi
echo "machine: $(nproc) cores; $transactions transactions of 4 lines, $workers writers"
echo "sqlite $($bench "$work/ledger.sqlite" "$transactions" "$workers")"
Tests/Support/with-postgres.sh "$0" "$transactions" "$workers" 2>/dev/null
