#!/usr/bin/env bash
# Notifications against release `agora serve` on loopback (Benchmarks/notifications/notification-load.py): on a
# marketplace of MEMBERS providers, an event's notification timed to the person's open WebSocket (EVENTS messages in a
# project, one after another) and marketplace news to every member; then, on one of EMAILS providers, a staff message
# to all of them delivered by the email worker to the file transport and, separately, to a local SMTP server
# (aiosmtpd, no TLS). On SQLite with one instance, then on PostgreSQL. The targets: under 100 ms at p99 to the socket,
# news to 100,000 people queued in under 10 s, at least 200 emails a second to the file transport.
#
#   Benchmarks/notifications/bench-notifications.sh [MEMBERS] [EMAILS] [EVENTS]
#       (defaults 100000, 5000 and 300; `make bench-notifications` runs it)
set -euo pipefail
cd "$(dirname "$0")/../.."
source Benchmarks/serve.sh
members=${1:-100000}
emails=${2:-5000}
events=${3:-300}
agora=.build/release/agora
work=$(mktemp -d /tmp/agora-bench-notifications.XXXXXX)
server=""
smtp=""
password="Bench-Notify-Password-26"
trap '[ -n "$server" ] && kill "$server" 2>/dev/null; [ -n "$smtp" ] && kill "$smtp" 2>/dev/null; rm -rf "$work"' EXIT
swift build -c release --product agora >/dev/null
python=$(Tests/Support/python-env.sh Tests/Support/python-requirements.txt)
load="$python Benchmarks/notifications/notification-load.py"
export AGORA_JWT_SECRET="bench-notifications-signing-secret-of-32-characters"
export AGORA_RATE_LIMITS=off AGORA_LOG_LEVEL=warning
mkdir -p "$work/Site"

# prepare DATABASE PROVIDERS: the marketplace and its owner (bench-owner@example.com).
prepare() {
    seed_accounts "$1" "$2" "$password"
    AGORA_ADMIN_PASSWORD=$password $agora admin create --email bench-owner@example.com --first-name Bench --last-name Owner \
        --database "$1" >/dev/null 2>&1
}

measure() {
    local engine=$1 database=$2 small=$3 relayed=$4
    local client provider
    echo "$engine: seeding $members providers…" >&2
    prepare "$database" "$members"
    AGORA_STORAGE="$work/Storage-$engine" start_server "$work/serve-$engine.log" --database "$database" --site "$work/Site"
    echo "$engine live:     $($load live "$base" "$client" "$provider" "$password" "$events")"
    echo "$engine news:     $($load announce "$base" bench-owner@example.com "$password")"
    stop_server

    prepare "$small" "$emails"
    AGORA_STORAGE="$work/Storage-$engine-file" start_server "$work/serve-$engine-file.log" --database "$small" --site "$work/Site"
    echo "$engine file:     $($load emails "$base" bench-owner@example.com "$password" "$work/Storage-$engine-file/mail")"
    stop_server

    local port
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    "$python" Tests/Support/smtp-server.py --port "$port" --maildir "$work/maildir-$engine" --plain >"$work/smtp-$engine.log" 2>&1 &
    smtp=$!
    until grep -q ready "$work/smtp-$engine.log"; do sleep 0.2; done
    prepare "$relayed" "$emails"
    AGORA_SMTP_URL="smtp://127.0.0.1:$port" AGORA_SMTP_REQUIRE_TLS=off AGORA_STORAGE="$work/Storage-$engine-smtp" \
        start_server "$work/serve-$engine-smtp.log" --database "$relayed" --site "$work/Site"
    echo "$engine smtp:     $($load emails "$base" bench-owner@example.com "$password" "$work/maildir-$engine/new")"
    stop_server
    kill "$smtp"
    wait "$smtp" 2>/dev/null || true
    smtp=""
}

if [ -n "${AGORA_TEST_POSTGRES_URL:-}" ]; then
    psql "$AGORA_TEST_POSTGRES_URL" -qc "CREATE DATABASE agora_bench" >/dev/null
    psql "$AGORA_TEST_POSTGRES_URL" -qc "CREATE DATABASE agora_bench_emails" >/dev/null
    psql "$AGORA_TEST_POSTGRES_URL" -qc "CREATE DATABASE agora_bench_relayed" >/dev/null
    measure postgresql "${AGORA_TEST_POSTGRES_URL%/*}/agora_bench" "${AGORA_TEST_POSTGRES_URL%/*}/agora_bench_emails" \
        "${AGORA_TEST_POSTGRES_URL%/*}/agora_bench_relayed"
    exit 0
fi
echo "machine: $(nproc) cores; $members members, $emails emails, $events events"
measure sqlite "$work/agora.sqlite" "$work/emails.sqlite" "$work/relayed.sqlite"
Tests/Support/with-postgres.sh "$0" "$members" "$emails" "$events"
