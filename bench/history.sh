#!/usr/bin/env bash
# The history benchmark: a repository of 10,000 ideas and 35,000 commits,
# the history pass against `git log --raw --no-renames -- ideas/` side by
# side, then a rebuild's pass after one more commit. Needs git (for the
# repository and the comparison only; idebank itself never runs git).
#
#   bench/history.sh [IDEAS] [COMMITS]
set -euo pipefail
cd "$(dirname "$0")/.."
ideas=${1:-10000}
commits=${2:-35000}
command -v git >/dev/null || { echo "bench/history.sh needs git: apt-get install -y git" >&2; exit 2; }
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
repo="$work/repo"
git init -q -b main "$repo"
echo "== generating $ideas ideas in $commits commits"
time (go run ./bench/genhistory -ideas "$ideas" -commits "$commits" | git -C "$repo" fast-import --quiet)
git -C "$repo" gc --quiet
echo "== measuring"
more="go run ./bench/genhistory -ideas $ideas -commits $((commits + 1)) -start $commits -from refs/heads/main^0 | git -C $repo fast-import --quiet --force"
go run ./bench/historybench -repo "$repo" -rounds 3 -more "$more"
