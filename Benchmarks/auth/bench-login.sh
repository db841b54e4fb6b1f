#!/usr/bin/env bash
# Sign-in under load: login throughput and latency with bcrypt at cost 14 (production) and 10 (the lowest allowed
# outside tests), and GET /api/health latency measured at the same time, to show that hashing, which runs on NIO's
# thread pool, does not stall the event loops.
#
#   Benchmarks/auth/bench-login.sh [SECONDS]     (default 30; `make bench-auth` runs it)
set -euo pipefail
cd "$(dirname "$0")/../.."
source Benchmarks/serve.sh
seconds=${1:-30}
# The health check under load runs for SECONDS - 4 (it starts 2 s in and stops 2 s early).
[[ "$seconds" =~ ^[0-9]+$ ]] && (( seconds >= 5 )) || { echo "SECONDS must be a whole number of at least 5" >&2; exit 2; }
agora=.build/release/agora
work=$(mktemp -d /tmp/agora-bench-auth.XXXXXX)
server=""
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; rm -rf "$work"' EXIT
swift build -c release --product agora >/dev/null
echo "machine: $(nproc) cores; $seconds s of logins per cost"
printf "%-6s %12s %12s %12s %16s %16s\n" "cost" "logins/s" "login p50" "login p99" "health p99 idle" "health p99 load"

for cost in 14 10; do
    db="$work/agora-$cost.sqlite"
    $agora migrate --database "$db" >/dev/null 2>&1
    AGORA_BCRYPT_COST=$cost AGORA_CAPTCHA=off AGORA_STORAGE="$work/Storage-$cost" AGORA_LOG_LEVEL=warning \
        start_server "$work/serve-$cost.log" --database "$db" --site "$work/Site"
    curl -sf -o /dev/null -H 'Content-Type: application/json' "$base/api/auth/register" -d '{
        "first_name": "Bench", "last_name": "Mark", "email": "bench@example.com", "password": "Violet-Harbour-Lantern-7",
        "phone": "+33612345678", "country": "FR", "user_type": "client",
        "accepted_terms_version": "2026-11-01", "accepted_privacy_version": "2026-11-01"}'
    token=""
    until [ -n "$token" ]; do
        sleep 0.2
        token=$(cat "$work/Storage-$cost"/mail/*.eml 2>/dev/null | python3 -c 'import quopri, re, sys
text = quopri.decodestring(sys.stdin.buffer.read()).decode()
match = re.search(r"token=([A-Za-z0-9_-]{43})", text)
print(match.group(1) if match else "")' || true)
    done
    curl -sf -o /dev/null "$base/api/auth/verify-email/$token"

    idle=$(wrk -t1 -c1 -d5s --latency "$base/api/health" | awk '$1 == "99%" { print $2 }')
    wrk -t2 -c8 -d"${seconds}s" --timeout 60s --latency -s Benchmarks/auth/login.lua "$base/api/auth/login" >"$work/login-$cost.txt" &
    logins=$!
    sleep 2
    loaded=$(wrk -t1 -c1 -d"$((seconds - 4))s" --latency "$base/api/health" | awk '$1 == "99%" { print $2 }')
    wait "$logins"
    if grep -q "Non-2xx" "$work/login-$cost.txt"; then echo "logins failed:" >&2; cat "$work/login-$cost.txt" "$work/serve-$cost.log" >&2; exit 1; fi
    rate=$(awk '/Requests\/sec/ { print $2 }' "$work/login-$cost.txt")
    p50=$(awk '$1 == "50%" { print $2 }' "$work/login-$cost.txt")
    p99=$(awk '$1 == "99%" { print $2 }' "$work/login-$cost.txt")
    printf "%-6s %12s %12s %12s %16s %16s\n" "$cost" "$rate" "$p50" "$p99" "$idle" "$loaded"
    stop_server
done
