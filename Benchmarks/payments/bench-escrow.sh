#!/usr/bin/env bash
# Funding and releasing milestones through a release `agora serve` with the local processor, timed per milestone
# from the client's side (Benchmarks/payments/fund-release.py): PROJECTS projects of ten milestones, WORKERS clients
# at once; on SQLite, then on PostgreSQL. The target is fund + release p99 under 50 ms.
#
#   Benchmarks/payments/bench-escrow.sh [PROJECTS] [WORKERS]     (defaults 20 and 4; `make bench-payments` runs it)
set -euo pipefail
cd "$(dirname "$0")/../.."
source Benchmarks/serve.sh
projects=${1:-20}
workers=${2:-4}
agora=.build/release/agora
work=$(mktemp -d /tmp/agora-bench-escrow.XXXXXX)
server=""
password="Bench-Escrow-Password-26"
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
swift build -c release --product agora >/dev/null
python=$(Tests/Support/python-env.sh Tests/Support/python-requirements.txt)
# Rate limits and quotas off: one client funds far more in a minute than a person would.
export AGORA_RATE_LIMITS=off AGORA_LOG_LEVEL=warning AGORA_STORAGE="$work/Storage"
mkdir -p "$work/Site"

measure() {
    local engine=$1 database=$2 client provider
    seed_accounts "$database" 20 "$password"
    start_server "$work/serve-$engine.log" --database "$database" --site "$work/Site"
    echo "$engine $("$python" Benchmarks/payments/fund-release.py "$base" "$client" "$provider" "$password" "$projects" "$workers")"
    stop_server
}

if [ -n "${AGORA_TEST_POSTGRES_URL:-}" ]; then
    psql "$AGORA_TEST_POSTGRES_URL" -qc "CREATE DATABASE agora_bench_escrow" >/dev/null
    measure postgresql "${AGORA_TEST_POSTGRES_URL%/*}/agora_bench_escrow"
    exit 0
fi
echo "machine: $(nproc) cores; $projects projects of ten milestones, $workers clients at once"
measure sqlite "$work/agora.sqlite"
Tests/Support/with-postgres.sh "$0" "$projects" "$workers" 2>/dev/null
