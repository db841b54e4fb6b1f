#!/usr/bin/env bash
# The live chat under load, against release `agora serve`: 1,000 WebSocket connections in 200 rooms of five, 500
# messages a second for 60 seconds, delivery timed from the start of each POST to its arrival at every connection of
# its room (Benchmarks/chat/chat-load.py); on SQLite with one instance, then on PostgreSQL with two instances on one
# database, connections and posts spread over both.
#
#   Benchmarks/chat/bench-chat.sh [CLIENTS] [RATE] [SECONDS]     (defaults 1000, 500 and 60; `make bench-chat` runs it)
set -euo pipefail
cd "$(dirname "$0")/../.."
source Benchmarks/serve.sh
clients=${1:-1000}
rate=${2:-500}
seconds=${3:-60}
agora=.build/release/agora
work=$(mktemp -d /tmp/agora-bench-chat.XXXXXX)
server=""
second=""
password="Bench-Chat-Password-26"
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; [ -n "$second" ] && kill "$second" 2>/dev/null; rm -rf "$work"' EXIT
swift build -c release --product agora >/dev/null
python=$(Tests/Support/python-env.sh Tests/Support/python-requirements.txt)
# Both instances seal, sign and read with the same keys; rate limits off: one client posts far more than a person would.
export AGORA_JWT_SECRET="bench-chat-signing-secret-of-32-characters-at-least"
export AGORA_MESSAGE_KEYS="bench-chat-message-secret-of-32-characters-at-least"
export AGORA_RATE_LIMITS=off AGORA_LOG_LEVEL=warning AGORA_STORAGE="$work/Storage"
mkdir -p "$work/Site"

measure() {
    local engine=$1 database=$2 instances=$3
    local client provider bases pids
    seed_accounts "$database" 50 "$password"
    start_server "$work/serve-$engine-1.log" --database "$database" --site "$work/Site"
    local first=$server first_base=$base
    "$python" Benchmarks/chat/make-projects.py "$first_base" "$client" "$provider" "$password" $((clients / 5))
    bases=$first_base
    pids=$first
    if [ "$instances" = 2 ]; then
        AGORA_SITE_WORKER=off start_server "$work/serve-$engine-2.log" --database "$database" --site "$work/Site"
        second=$server
        bases="$first_base,$base"
        pids="$first $second"
    fi
    echo "$engine, $instances instance(s): $("$python" Benchmarks/chat/chat-load.py "$bases" "$client" "$provider" "$password" "$clients" "$rate" "$seconds" $pids)"
    [ -n "$second" ] && { kill "$second"; wait "$second" 2>/dev/null || true; second=""; }
    server=$first
    stop_server
}

if [ -n "${AGORA_TEST_POSTGRES_URL:-}" ]; then
    psql "$AGORA_TEST_POSTGRES_URL" -qc "CREATE DATABASE agora_bench" >/dev/null
    measure postgresql "${AGORA_TEST_POSTGRES_URL%/*}/agora_bench" 2
    exit 0
fi
echo "machine: $(nproc) cores; $clients connections in rooms of five; $rate messages a second for $seconds s; latency in ms"
measure sqlite "$work/agora.sqlite" 1
Tests/Support/with-postgres.sh "$0" "$clients" "$rate" "$seconds"
