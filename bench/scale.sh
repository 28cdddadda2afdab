#!/usr/bin/env bash
# bench/scale.sh: `idebank build` of 100,000 ideas beside one of 10,000, in
# one run (issue 13).
#
# Targets: the large build takes at most 12 times the small one's wall
# time, peaks at no more than 1.5 GB RSS, writes no HTML page over 1 MB,
# and a site under 1 GiB. The issue's GB and MB are read as decimal units
# (1.5 GB = 1,500,000,000 bytes, 1,430 MiB), the stricter reading; its GiB
# is binary, as GitHub Pages' limit is. Prints a table and exits 0 when all hold, 1 when one fails,
# 2 when it could not measure.
#
# Usage: bench/scale.sh
# Settings, from the environment:
#   SMALL=10000 LARGE=100000   the two banks' sizes
#   SEED=1                     the corpus generator's seed
#   CORPUS=DIR                 keep the generated banks in DIR/<n> and reuse
#                              them (generating 100,000 files takes minutes)
#   KEEP=1                     keep the temporary folder
#
# The small bank is built before and after the large one and the mean taken,
# so that a machine whose speed drifts meets both alike. Each build goes into
# a fresh folder, as on CI. Needs GNU time (apt-get install -y time).
set -euo pipefail

SMALL=${SMALL:-10000}
LARGE=${LARGE:-100000}
SEED=${SEED:-1}
MAX_RATIO=12
MAX_RSS_MB=1500      # decimal megabytes: 1.5 GB
MAX_PAGE=1000000     # bytes: 1 MB
MAX_SITE=$((1 << 30))

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)
if [ ! -x /usr/bin/time ] || ! /usr/bin/time -v true >/dev/null 2>&1; then
	echo "scale.sh: GNU time (/usr/bin/time -v) is not installed; install it with: apt-get install -y time" >&2
	exit 2
fi
work=$(mktemp -d "${TMPDIR:-/tmp}/idebank-scale.XXXXXX")
[ -n "${KEEP:-}" ] || trap 'rm -rf "$work"' EXIT
bin=$work/idebank
(cd "$repo" && go build -o "$bin" ./cmd/idebank) || exit 2
corpus=${CORPUS:-$work/corpus}

bank() { # bank N: the folder of a generated bank of N ideas
	local dir=$corpus/$1
	if [ ! -f "$dir/idebank.yaml" ]; then
		rm -rf "$dir"
		(cd "$repo" && go run ./bench/gencorpus -n "$1" -out "$dir" -seed "$SEED") >&2 || exit 2
	fi
	echo "$dir"
}

# build N: builds the bank of N ideas into a fresh folder; prints
# "seconds peakKB" and leaves the site in $work/site-N.
build() {
	local dir out log
	dir=$(bank "$1")
	out=$work/site-$1
	rm -rf "$out"
	sync
	log=$work/time-$1.log
	if ! /usr/bin/time -v "$bin" build -C "$dir" --out "$out" 2>"$log" >/dev/null; then
		tail -5 "$log" >&2
		exit 2
	fi
	awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; wall = s }
		/Maximum resident set size/ { rss = $2 }
		END { printf "%.2f %d\n", wall, rss }' "$log"
}

bank "$SMALL" >/dev/null
bank "$LARGE" >/dev/null
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)"
read -r s1 r1 < <(build "$SMALL")
read -r l rl < <(build "$LARGE")
read -r s2 r2 < <(build "$SMALL")
echo "load after:  $(cut -d' ' -f1-3 /proc/loadavg)"

site_stats() { # files, total bytes, largest HTML page and its size
	local out=$work/site-$1
	local files bytes largest
	files=$(find "$out" -type f | wc -l)
	bytes=$(find "$out" -type f -printf '%s\n' | awk '{ s += $1 } END { print s }')
	largest=$(find "$out" -type f -name '*.html' -printf '%s %P\n' | sort -n | tail -1)
	echo "$files $bytes $largest"
}
read -r sf sb sp spn < <(site_stats "$SMALL")
read -r lf lb lp lpn < <(site_stats "$LARGE")
small=$(awk -v a="$s1" -v b="$s2" 'BEGIN { printf "%.2f", (a + b) / 2 }')
ratio=$(awk -v l="$l" -v s="$small" 'BEGIN { printf "%.1f", l / s }')

printf '\n%-8s %10s %12s %8s %10s %12s  %s\n' ideas "wall s" "peak RSS MB" files "site MiB" "largest kB" "largest page"
printf '%-8s %10s %12d %8d %10.1f %12.1f  %s\n' "$SMALL" "$s1 / $s2" $(((r1 > r2 ? r1 : r2) * 1024 / 1000000)) "$sf" "$(echo "$sb / 1048576" | bc -l)" "$(echo "$sp / 1000" | bc -l)" "$spn"
printf '%-8s %10s %12d %8d %10.1f %12.1f  %s\n' "$LARGE" "$l" $((rl * 1024 / 1000000)) "$lf" "$(echo "$lb / 1048576" | bc -l)" "$(echo "$lp / 1000" | bc -l)" "$lpn"
echo
status=0
verdict() { # verdict OK TEXT
	if [ "$1" = 1 ]; then echo "PASS  $2"; else echo "FAIL  $2"; status=1; fi
}
verdict "$(awk -v r="$ratio" -v m="$MAX_RATIO" 'BEGIN { print (r <= m) }')" "time: $LARGE ideas take ${ratio}x the time of $SMALL (target <= ${MAX_RATIO}x)"
verdict "$((rl * 1024 <= MAX_RSS_MB * 1000000))" "memory: peak RSS $((rl * 1024 / 1000000)) MB, $((rl / 1024)) MiB (target <= $MAX_RSS_MB MB)"
verdict "$((lp <= MAX_PAGE))" "largest page: $lpn, $((lp / 1000)) kB (target <= 1000 kB)"
verdict "$((lb < MAX_SITE))" "site: $((lb / 1048576)) MiB (target < 1024 MiB = 1 GiB)"
if [ "$status" = 0 ]; then echo "RESULT: PASS"; else echo "RESULT: FAIL"; fi
exit "$status"
