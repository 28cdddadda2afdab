#!/usr/bin/env bash
# Hämtar en pull request som data, för arbetsflödet check (.github/workflows/
# check.yml), och skriver till $GITHUB_OUTPUT:
#
#   pr          pull requestens nummer ("" när ingen öppen pull request har
#               commiten: då finns inget att kontrollera)
#   head        pull requestens senaste commit
#   base        basgrenens commit, den som är utcheckad och som idebank byggdes från
#   merge       en commit med trädet som sammanslagningen skulle ge, med base och
#               head som föräldrar
#   actor       den som öppnade pull requesten
#   committers  författarna till pull requestens commits, kommaseparerade; en tom
#               plats är en författare som GitHub inte kunde knyta till ett konto
#   approvers   de vars senaste granskning godkänner pull requestens senaste commit
#
# Säkerhet: skriptet kör från basgrenens utcheckning. Pull requestens commits
# hämtas in i repots objektlager, aldrig till arbetskatalogen: ingenting i dem
# checkas ut, byggs eller körs. Allt som sägs om vem som gjort vad kommer från
# GitHubs API med jobbets token, som bara får läsa här.
#
# Miljön: GH_TOKEN, REPO (owner/name), PR (tomt i en workflow_run) och
# RUN_HEAD_SHA (commiten som en workflow_run gäller).
set -euo pipefail

out() { printf '%s=%s\n' "$1" "$2" >>"$GITHUB_OUTPUT"; }
fail() { printf '::error::%s\n' "$1"; exit 2; }

pr="${PR:-}"
if [ -z "$pr" ]; then
	case "${RUN_HEAD_SHA:-}" in
	*[!0-9a-f]* | "") fail "ingen pull request och ingen commit att kontrollera" ;;
	esac
	# En workflow_run efter en granskning: den öppna pull request vars
	# senaste commit granskningen gällde (också från en fork, där GitHub
	# inte anger pull requesten i händelsen).
	pr=$(gh api --paginate "repos/$REPO/pulls?state=open&per_page=100" \
		--jq ".[] | select(.head.sha == \"$RUN_HEAD_SHA\") | .number" | head -n 1)
	if [ -z "$pr" ]; then
		echo "Ingen öppen pull request har commit $RUN_HEAD_SHA som sin senaste; inget att kontrollera."
		out pr ""
		exit 0
	fi
fi
case "$pr" in
*[!0-9]* | "") fail "pull requestens nummer är inget nummer" ;;
esac

json=$(gh api "repos/$REPO/pulls/$pr")
head=$(jq -r '.head.sha' <<<"$json")
actor=$(jq -r '.user.login // ""' <<<"$json")
commits=$(jq -r '.commits' <<<"$json")
[[ "$head" =~ ^[0-9a-f]{40}$ ]] || fail "pull requestens senaste commit är ingen commit: $head"
base=$(git rev-parse HEAD)

# Pull requestens commits, som data. Med jobbets token, eftersom
# utcheckningen inte sparar någon (persist-credentials: false).
auth=$(printf 'x-access-token:%s' "$GH_TOKEN" | base64 -w0)
echo "::add-mask::$auth"
git -c "http.https://github.com/.extraheader=AUTHORIZATION: basic $auth" \
	fetch --quiet --no-tags origin "+refs/pull/$pr/head:refs/remotes/pull/$pr/head"
fetched=$(git rev-parse "refs/remotes/pull/$pr/head")
[ "$fetched" = "$head" ] || fail "pull requesten fick en ny commit under kontrollen; en ny körning kontrollerar den"

# Det som sammanslagningen skulle ge, som ett träd: git merge-tree skriver
# inget till arbetskatalogen.
if ! tree=$(git merge-tree --write-tree "$base" "$head"); then
	printf '::error::pull requesten krockar med basgrenen; slå ihop basgrenen med den och lös konflikterna\n'
	exit 1
fi
merge=$(GIT_AUTHOR_NAME=idebank GIT_AUTHOR_EMAIL=idebank@invalid GIT_COMMITTER_NAME=idebank \
	GIT_COMMITTER_EMAIL=idebank@invalid git commit-tree "$tree" -p "$base" -p "$head" -m "pull request $pr")

# Författarna till varje commit: GitHub-kontot som commitens e-postadress hör
# till, tomt när den inte hör till något. API:t ger högst 250 commits; fler
# än så kan inte kontrolleras, och kontrollen stannar hellre än gissar.
mapfile -t logins < <(gh api --paginate "repos/$REPO/pulls/$pr/commits?per_page=100" --jq '.[] | (.author.login // "")')
[ "${#logins[@]}" -eq "$commits" ] ||
	fail "pull requesten har $commits commits, men ${#logins[@]} gick att läsa (GitHub visar högst 250): dela upp den"
committers=$(IFS=,; echo "${logins[*]}")

# De som har godkänt den senaste versionen: för varje granskare den senaste
# granskningen som godkänner, begär ändringar eller har avfärdats; den räknas
# om den godkänner pull requestens senaste commit.
approvers=$(gh api --paginate "repos/$REPO/pulls/$pr/reviews" | jq -rs --arg sha "$head" '
	add // []
	| map(select(.user != null and (.state == "APPROVED" or .state == "CHANGES_REQUESTED" or .state == "DISMISSED")))
	| group_by(.user.login)
	| map(max_by(.submitted_at))
	| map(select(.state == "APPROVED" and .commit_id == $sha) | .user.login)
	| join(",")')

# Inloggningsnamn är bokstäver, siffror och bindestreck, botar som
# dependabot[bot] har hakparenteser; allt annat stoppar kontrollen.
login_list='^[][A-Za-z0-9,-]*$'
for v in "$actor" "$approvers" "$committers"; do
	[[ "$v" =~ $login_list ]] || fail "ett användarnamn från GitHub har oväntade tecken: $v"
done
out pr "$pr"
out head "$head"
out base "$base"
out merge "$merge"
out actor "$actor"
out committers "$committers"
out approvers "$approvers"
echo "Pull request #$pr: $head, öppnad av ${actor:-okänd}; commits av: $committers; godkänd av: ${approvers:-ingen}"
