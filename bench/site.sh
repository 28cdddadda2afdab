#!/usr/bin/env bash
# bench/site.sh: `idebank build` against Hugo on the same generated idea
# files, side by side in one run (issue 3).
#
# Targets: on 10,000 ideas idebank is at least twice as fast as Hugo with
# minimal templates (median wall time), and its peak RSS stays under 400 MB.
# Prints a table and exits 0 when both hold, 1 when one fails, 2 when it
# could not measure.
#
# Usage: bench/site.sh            (from anywhere in the repository)
# Settings, from the environment:
#   N=10000      ideas to generate
#   ROUNDS=9     timed rounds of each tool
#   SEED=1       the corpus generator's seed
#   KEEP=1       keep the temporary folder (corpus, Hugo site, outputs)
#   HYPERFINE=1  time with hyperfine, each tool's rounds in a row, instead of
#                the interleaved /usr/bin/time loop (see below)
#   TMPDIR=/dev/shm everything (corpus and outputs) in memory: the disk out
#                   of the measurement, which a shared or throttled disk needs
#
# Needs hugo and GNU time (and hyperfine for HYPERFINE=1). Install them with
#   apt-get install -y hugo time hyperfine
#
# The tools take turns round by round, each first in every other round, so
# that both meet the same machine: on a shared VM the speed drifts by a tenth or more within
# minutes, and hyperfine, which runs all of one tool's rounds before the
# other's, then measures the drift along with the tools.
# This script installs nothing itself.
set -euo pipefail

N=${N:-10000}
ROUNDS=${ROUNDS:-9}
SEED=${SEED:-1}
TARGET_RATIO=2       # idebank at least this many times faster than hugo
TARGET_RSS_MB=400    # idebank's peak RSS below this

repo=$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)

missing=0
if ! command -v hugo >/dev/null 2>&1; then
	echo "site.sh: hugo is not installed; install it with: apt-get install -y hugo" >&2
	missing=1
fi
if [ ! -x /usr/bin/time ] || ! /usr/bin/time -v true >/dev/null 2>&1; then
	echo "site.sh: GNU time (/usr/bin/time -v) is not installed; install it with: apt-get install -y time" >&2
	missing=1
fi
if ! command -v go >/dev/null 2>&1; then
	echo "site.sh: go is not installed" >&2
	missing=1
fi
[ "$missing" = 0 ] || exit 2
use_hyperfine=0
if [ -n "${HYPERFINE:-}" ]; then
	if ! command -v hyperfine >/dev/null 2>&1; then
		echo "site.sh: HYPERFINE=1 but hyperfine is not installed; install it with: apt-get install -y hyperfine" >&2
		exit 2
	fi
	use_hyperfine=1
fi

work=$(mktemp -d "${TMPDIR:-/tmp}/idebank-bench.XXXXXX")
cleanup() {
	if [ -n "${KEEP:-}" ]; then
		echo "kept $work" >&2
	else
		rm -rf "$work"
	fi
}
trap cleanup EXIT

bank=$work/bank        # the idea bank: idebank.yaml and ideas/
site=$work/hugo        # the Hugo site over the same ideas/
out_hugo=$work/out-hugo
out_idebank=$work/out-idebank
export HUGO_CACHEDIR=$work/hugo-cache

echo "== building idebank and the corpus generator" >&2
(cd "$repo" && go build -o "$work/idebank" ./cmd/idebank && go build -o "$work/gencorpus" ./bench/gencorpus)
# The code measured: the commit, and +dirty when the work tree had changes.
rev="$(cd "$repo" && git rev-parse --short HEAD 2>/dev/null || echo '?')"
if [ -n "$(cd "$repo" && git status --porcelain 2>/dev/null)" ]; then
	rev="$rev+dirty"
fi

echo "== generating $N ideas (seed $SEED) into $bank" >&2
"$work/gencorpus" -n "$N" -seed "$SEED" -out "$bank"

# A minimal Hugo site whose content is the idea files themselves: contentDir
# points at the bank's ideas/ folder, so both tools read the very same
# Markdown files with their YAML front matter. Everything Hugo would make
# beyond the pages is off: taxonomies, RSS, sitemap, robots.txt, 404.
# The ideas' own keys (id, kind, stage, submitted, screening.date, …) are
# just page params to Hugo; "submitted" is taken as the page date so that
# Hugo sorts lists newest first, as idebank does.
mkdir -p "$site/layouts/_default"
cat >"$site/config.toml" <<EOF
baseURL = "https://example.org/idebanken/"
title = "Idébanken"
languageCode = "sv"
defaultContentLanguage = "sv"
contentDir = "$bank/ideas"
disableKinds = ["taxonomy", "term", "RSS", "sitemap", "robotsTXT", "404"]
enableRobotsTXT = false
disableAliases = true
[taxonomies]
[frontmatter]
date = ["submitted", ":default"]
EOF
cat >"$site/layouts/_default/single.html" <<'EOF'
<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>
{{ .Content }}
</main></body></html>
EOF
cat >"$site/layouts/_default/list.html" <<'EOF'
<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>{{ .Title }}</title></head>
<body><main><h1>{{ .Title }}</h1>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>
</main></body></html>
EOF
cat >"$site/layouts/index.html" <<'EOF'
<!DOCTYPE html>
<html lang="sv"><head><meta charset="utf-8"><title>{{ .Site.Title }}</title></head>
<body><main><h1>{{ .Site.Title }}</h1>
<ul>{{ range .Pages }}<li><a href="{{ .RelPermalink }}">{{ .Title }}</a></li>
{{ end }}</ul>
</main></body></html>
EOF

hugo_cmd=(hugo --quiet -s "$site" -d "$out_hugo")
idebank_cmd=("$work/idebank" build -C "$bank" --out "$out_idebank")

# One trial build of each: fail early, and with the tool's own message,
# if either cannot build the corpus at all.
echo "== trial builds" >&2
"${hugo_cmd[@]}" || { echo "site.sh: hugo failed to build the corpus" >&2; exit 2; }
"${idebank_cmd[@]}" || { echo "site.sh: idebank build failed on the corpus" >&2; exit 2; }
pages_hugo=$(find "$out_hugo" -name '*.html' | wc -l)
pages_idebank=$(find "$out_idebank" -name '*.html' | wc -l)
# bytes_mb DIR prints the size of the files under DIR in MB.
bytes_mb() { find "$1" -type f -printf '%s\n' | awk '{ s += $1 } END { printf "%.1f", s / 1e6 }'; }
size_hugo=$(bytes_mb "$out_hugo")
size_idebank=$(bytes_mb "$out_idebank")

# Each round starts from a fresh output folder, with the previous round's
# writes flushed, so neither tool pays for the other's disk traffic.
prepare_hugo="rm -rf $(printf %q "$out_hugo") && sync"
prepare_idebank="rm -rf $(printf %q "$out_idebank") && sync"

# median reads numbers, one a line, and prints their median.
median() {
	sort -g | awk '{ v[NR] = $1 } END { if (NR == 0) exit 1; if (NR % 2) print v[(NR + 1) / 2]; else print (v[NR / 2] + v[NR / 2 + 1]) / 2 }'
}

# measure TOOL CMD... runs CMD under /usr/bin/time -v and appends its peak
# RSS in KB to $work/TOOL.rss, its wall time in seconds to $work/TOOL.wall
# and its user and system CPU seconds to $work/TOOL.cpu.
measure() {
	local tool=$1 log=$work/time.log start end kb secs
	shift
	start=$(date +%s.%N)
	if ! /usr/bin/time -v -o "$log" "$@" >/dev/null 2>"$work/cmd.err"; then
		cat "$work/cmd.err" "$log" >&2
		echo "site.sh: failed: $*" >&2
		exit 2
	fi
	end=$(date +%s.%N)
	kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$log")
	awk -F': ' '/User time/ { u = $2 } /System time/ { s = $2 } END { print u, s }' "$log" >>"$work/$tool.cpu"
	secs=$(echo "$start $end" | awk '{ printf "%.3f", $2 - $1 }')
	echo "$kb" >>"$work/$tool.rss"
	echo "$secs" >>"$work/$tool.wall"
	echo "   round $r $tool: ${secs}s, $((kb / 1024)) MB" >&2
}

declare -A rss time_med time_min time_max cpu_user cpu_sys
for tool in hugo idebank; do : >"$work/$tool.rss"; : >"$work/$tool.wall"; : >"$work/$tool.cpu"; done
load_before=$(cut -d' ' -f1-3 /proc/loadavg)

if [ "$use_hyperfine" = 1 ]; then
	echo "== timing with hyperfine, $ROUNDS rounds each (+1 warm-up)" >&2
	hyperfine --style basic --warmup 1 --runs "$ROUNDS" \
		--export-csv "$work/hyperfine.csv" \
		-n hugo --prepare "$prepare_hugo" "$(printf '%q ' "${hugo_cmd[@]}")" \
		-n idebank --prepare "$prepare_idebank" "$(printf '%q ' "${idebank_cmd[@]}")" >&2
	# command,mean,stddev,median,user,system,min,max
	while IFS=, read -r name _mean _sd med _user _sys mn mx _; do
		case $name in hugo | idebank) time_med[$name]=$med time_min[$name]=$mn time_max[$name]=$mx cpu_user[$name]=$_user cpu_sys[$name]=$_sys ;; esac
	done <"$work/hyperfine.csv"
	rss_rounds=3
else
	rss_rounds=$ROUNDS
fi

# Peak RSS of each (and, without hyperfine, the wall times), the two tools
# taking turns round by round, each going first every other round.
echo "== peak RSS with /usr/bin/time -v, $rss_rounds rounds each, interleaved" >&2
for ((r = 1; r <= rss_rounds; r++)); do
	order="hugo idebank"
	if ((r % 2 == 0)); then order="idebank hugo"; fi
	for tool in $order; do
		if [ "$tool" = hugo ]; then
			eval "$prepare_hugo"
			measure hugo "${hugo_cmd[@]}"
		else
			eval "$prepare_idebank"
			measure idebank "${idebank_cmd[@]}"
		fi
	done
done

for tool in hugo idebank; do
	rss[$tool]=$(sort -n "$work/$tool.rss" | tail -1)
	if [ "$use_hyperfine" = 0 ]; then
		time_med[$tool]=$(median <"$work/$tool.wall")
		time_min[$tool]=$(sort -g "$work/$tool.wall" | head -1)
		time_max[$tool]=$(sort -g "$work/$tool.wall" | tail -1)
		cpu_user[$tool]=$(awk '{ print $1 }' "$work/$tool.cpu" | median)
		cpu_sys[$tool]=$(awk '{ print $2 }' "$work/$tool.cpu" | median)
	fi
done

load_after=$(cut -d' ' -f1-3 /proc/loadavg)
ratio=$(awk -v h="${time_med[hugo]}" -v i="${time_med[idebank]}" 'BEGIN { printf "%.2f", h / i }')
rss_mb=$(( ${rss[idebank]} / 1024 ))
speed_ok=$(awk -v r="$ratio" -v t="$TARGET_RATIO" 'BEGIN { print (r >= t) ? "PASS" : "FAIL" }')
rss_ok=$([ "$rss_mb" -lt "$TARGET_RSS_MB" ] && echo PASS || echo FAIL)

echo
echo "idebank build vs hugo: $N ideas, $ROUNDS rounds, $(nproc) cores, $(awk -F': ' '/^model name/ { print $2; exit }' /proc/cpuinfo)"
echo "$(hugo version | awk '{ print $1, $2 }'); idebank built from $rev"
echo "timing: $([ "$use_hyperfine" = 1 ] && echo 'hyperfine (user/sys: mean)' || echo '/usr/bin/time loop (user/sys: median)'); peak RSS: max of $rss_rounds rounds of /usr/bin/time -v"
echo "load average before: $load_before; after: $load_after"
if awk -v l="${load_after%% *}" -v n="$(nproc)" 'BEGIN { exit !(l > n) }'; then
	echo "WARNING: the machine was busy with other work (load above $(nproc)): wall times are noisy; compare user+sys too"
fi
echo
printf '%-9s %10s %10s %10s %8s %8s %14s %8s %8s\n' tool "median s" "min s" "max s" "user s" "sys s" "peak RSS MB" "pages" "out MB"
for tool in hugo idebank; do
	pages=$([ "$tool" = hugo ] && echo "$pages_hugo" || echo "$pages_idebank")
	size=$([ "$tool" = hugo ] && echo "$size_hugo" || echo "$size_idebank")
	printf '%-9s %10.3f %10.3f %10.3f %8.2f %8.2f %14d %8d %8s\n' "$tool" "${time_med[$tool]}" "${time_min[$tool]}" "${time_max[$tool]}" \
		"${cpu_user[$tool]}" "${cpu_sys[$tool]}" "$(( ${rss[$tool]} / 1024 ))" "$pages" "$size"
done
echo
printf '%-44s %8s  %s\n' "speed: hugo median / idebank median = ${ratio}x" "$speed_ok" "(target >= ${TARGET_RATIO}x)"
printf '%-44s %8s  %s\n' "memory: idebank peak RSS = ${rss_mb} MB" "$rss_ok" "(target < ${TARGET_RSS_MB} MB)"

if [ "$speed_ok" = PASS ] && [ "$rss_ok" = PASS ]; then
	echo "RESULT: PASS"
	exit 0
fi
echo "RESULT: FAIL"
exit 1
