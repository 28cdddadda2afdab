// Command genhistory writes a git fast-import stream of an idea bank's
// history, for the history benchmark: -ideas ideas added one per commit,
// then changes of stage and unrelated edits up to -commits commits.
//
//	go run ./bench/genhistory -ideas 10000 -commits 35000 | git fast-import
package main

import (
	"bufio"
	"flag"
	"fmt"
	"math/rand/v2"
	"os"

	"github.com/idebanken/idebanken/internal/model"
)

var line = []model.Stage{model.StageSubmitted, model.StageDeveloping, model.StageProposed, model.StageApproved,
	model.StagePlanning, model.StageImplementing, model.StageImplemented, model.StageEvaluated}

func main() {
	ideas := flag.Int("ideas", 10000, "ideas")
	commits := flag.Int("commits", 35000, "commits in all")
	from := flag.String("from", "", "continue the branch from this commit (for one more commit)")
	start := flag.Int("start", 0, "the number of the first commit, for dates and marks")
	flag.Parse()
	w := bufio.NewWriterSize(os.Stdout, 1<<20)
	defer w.Flush()
	r := rand.New(rand.NewPCG(1, 2))
	stage := make([]int, *ideas)
	mark := 0
	when := int64(1640995200) + int64(*start)*3600 // 2022-01-01, an hour per commit
	prev := *from
	commit := func(msg, path, content string) {
		mark++
		fmt.Fprintf(w, "blob\nmark :%d\ndata %d\n%s\n", mark, len(content), content)
		blob := mark
		mark++
		when += 3600
		fmt.Fprintf(w, "commit refs/heads/main\nmark :%d\nauthor Anna Ambassadör <4711+amb@users.noreply.github.com> %d +0000\n", mark, when)
		fmt.Fprintf(w, "committer GitHub <noreply@github.com> %d +0000\ndata %d\n%s\n", when, len(msg), msg)
		if prev != "" {
			fmt.Fprintf(w, "from %s\n", prev)
		}
		fmt.Fprintf(w, "M 100644 :%d %s\n\n", blob, path)
		prev = fmt.Sprintf(":%d", mark)
	}
	path := func(i int) string {
		id := model.MakeID(2022 + i*5 / *ideas, i+1)
		return fmt.Sprintf("ideas/%d/%s-ide-nummer-%d.md", id.Year(), id, i+1)
	}
	content := func(i int) string {
		id := model.MakeID(2022 + i*5 / *ideas, i+1)
		return fmt.Sprintf("---\nid: %s\ntitle: Idé nummer %d\nkind: improvement\nstage: %s\nsubmitted: %d-02-01\n---\nText om idé %d.\n",
			id, i+1, line[stage[i]], id.Year(), i+1)
	}
	n := *start
	for i := 0; i < *ideas && n < *commits; i++ {
		if *from != "" {
			break // one more commit on an existing history: a change below
		}
		commit(fmt.Sprintf("Ny idé %d", i+1), path(i), content(i))
		n++
	}
	for ; n < *commits; n++ {
		if r.IntN(10) == 0 {
			commit("Uppdatera README", "README.md", fmt.Sprintf("Idébanken, version %d\n", n))
			continue
		}
		i := r.IntN(*ideas)
		if stage[i] < len(line)-1 {
			stage[i]++
		}
		commit(fmt.Sprintf("%s till %s", path(i), line[stage[i]]), path(i), content(i))
	}
}
