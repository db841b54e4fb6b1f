# Shared by the benchmarks that measure a running service; sourced, not run. The sourcing script sets `agora` (the
# release binary) and clears `server` in its EXIT trap.

# seed_accounts DATABASE PROVIDERS PASSWORD: seeds PROVIDERS providers (seed 7) with the demo client and a demo
# provider whose password is PASSWORD; sets `client` and `provider` to their addresses (declare them local first to
# keep them in the caller).
seed_accounts() {
    local accounts
    accounts=$(AGORA_DEMO_PASSWORD=$3 AGORA_BCRYPT_COST=10 $agora seed --providers "$2" --seed 7 --database "$1" 2>/dev/null)
    client=$(sed -n 's/^demo accounts: \([^ ]*\) (client).*/\1/p' <<<"$accounts")
    provider=$(sed -n 's/^demo accounts: [^ ]* (client) and \([^ ]*\) (provider).*/\1/p' <<<"$accounts")
}

# start_server LOG [agora serve options…]: starts `agora serve` on a free loopback port (environment settings go
# before the call) and waits until it answers; sets `server` (its process id) and `base` (its URL).
start_server() {
    local log=$1 port
    shift
    port=$(python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
    base="http://127.0.0.1:$port"
    $agora serve --port "$port" "$@" >"$log" 2>&1 &
    server=$!
    until curl -sf "$base/api/health" >/dev/null; do sleep 0.2; done
}

# stop_server: stops the server start_server started, and waits for it.
stop_server() {
    kill "$server"
    wait "$server" 2>/dev/null || true
    server=""
}
