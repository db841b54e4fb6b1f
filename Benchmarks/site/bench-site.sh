#!/usr/bin/env bash
# The generator's benchmark: Agora against Hugo on the same marketplace, one after the other, in one run.
#
#   Benchmarks/site/bench-site.sh [PROVIDERS]     (default 100000; `make bench-site` runs it)
#
# Hugo gets the same providers exported as one Markdown file each, with the same fields, rendered by a layout that
# makes provider pages of the same structure and size. Timed with GNU time (wall seconds and peak memory): Agora's
# full build, its rebuild with nothing changed and after one provider changed (incremental and --only), watch mode
# (bench-watch.py: a saved Markdown page until the reloaded page shows it), Hugo's full build on the same disk, then
# both full builds again writing into memory.
set -euo pipefail
cd "$(dirname "$0")/../.."
providers=${1:-100000}
work=$(mktemp -d /tmp/agora-bench.XXXXXX)
trap 'rm -rf "$work"' EXIT
agora=.build/release/agora
timed() { # label, command…: prints "label seconds peak-MiB"
    local label=$1; shift
    /usr/bin/time -f "%e %M" -o "$work/time" "$@" >"$work/out" 2>"$work/err" || { cat "$work/err" >&2; exit 1; }
    read -r seconds kib <"$work/time"
    printf "%-44s %8.2f s %8.0f MiB\n" "$label" "$seconds" "$((kib / 1024))"
    echo "$seconds" >"$work/last"
}

# Creating a file costs more right after many were deleted (ext4 without a journal passes over inodes freed in the
# last half minute), so each full build starts after a quiet spell: both sides get the same file system.
settle() { sync; sleep 45; }

swift build -c release --product agora >/dev/null
db="$work/agora.sqlite"
echo "seeding $providers providers…" >&2
$agora seed --providers "$providers" --seed 7 --database "$db" >/dev/null 2>&1
pages=$(( $(sqlite3 "$db" "SELECT COUNT(*) FROM user_profiles") ))
echo "machine: $(nproc) cores; providers: $pages"
printf "%-44s %10s %12s\n" "step" "wall" "peak memory"

hugo_site="$work/hugo"
mkdir -p "$hugo_site/content/providers" "$hugo_site/layouts"
cp -r Benchmarks/site/hugo-layouts/. "$hugo_site/layouts/"
cp -r Layouts/assets "$hugo_site/static" 2>/dev/null || mkdir -p "$hugo_site/static"
cat >"$hugo_site/hugo.toml" <<TOML
baseURL = "https://agora.example/"
title = "Agora"
disableKinds = ["taxonomy", "term", "RSS"]
TOML
python3 Benchmarks/site/export-for-hugo.py "$db" "$hugo_site/content/providers"

# Agora's builds on disk: full, nothing changed, one provider changed (incremental and --only), then watch mode.
common=(--database "$db" --out "$work/Site" --content Content --layouts Layouts --base-url https://agora.example)
settle
timed "agora build --full" $agora build --full "${common[@]}"
agora_full=$(cat "$work/last")
timed "agora build (nothing changed)" $agora build "${common[@]}"
slug=$(sqlite3 "$db" "SELECT slug FROM user_profiles ORDER BY user_id LIMIT 1 OFFSET $((pages / 2))")
touch_provider() { sqlite3 "$db" "UPDATE user_profiles SET bio = bio || ' Updated $1.', updated_at = strftime('%s','now') + $1 WHERE slug = '$slug'"; }
touch_provider 1
timed "agora build (one provider changed)" $agora build "${common[@]}"
touch_provider 2
timed "agora build --only provider:$slug" $agora build --only "provider:$slug" "${common[@]}"
python3 Benchmarks/site/bench-watch.py "$agora" "$db" "$work" 20

# Hugo's full build on the same disk; nothing was deleted since Agora's.
settle
timed "hugo (same providers, same fields)" hugo --quiet --source "$hugo_site" --destination "$work/hugo-public"
hugo_time=$(cat "$work/last")

# Both full builds again, writing into memory (/dev/shm), where the file system can favour neither.
memory=$(mktemp -d /dev/shm/agora-bench.XXXXXX)
trap 'rm -rf "$work" "$memory"' EXIT
timed "agora build --full, into memory" $agora build --full --database "$db" --out "$memory/Site" --content Content --layouts Layouts --base-url https://agora.example
agora_memory=$(cat "$work/last")
timed "hugo, into memory" hugo --quiet --source "$hugo_site" --destination "$memory/hugo-public"
hugo_memory=$(cat "$work/last")
rm -rf "$memory"

agora_files=$(find "$work/Site" -name '*.html' | wc -l)
agora_bytes=$(du -sb "$work/Site" | cut -f1)
hugo_files=$(find "$work/hugo-public" -name '*.html' | wc -l)
hugo_bytes=$(du -sb "$work/hugo-public" | cut -f1)
echo
echo "agora: $agora_files HTML files, $((agora_bytes / 1048576)) MiB; hugo: $hugo_files HTML files, $((hugo_bytes / 1048576)) MiB"
python3 -c "print(f'full build into memory: Agora is {${hugo_memory} / ${agora_memory}:.1f}x as fast as Hugo')"
python3 -c "print(f'full build: Agora is {${hugo_time} / ${agora_full}:.1f}x as fast as Hugo')"
