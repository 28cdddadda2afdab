package notice

import (
	"fmt"
	"strings"

	"github.com/idebanken/idebanken/internal/ghmd"
	"github.com/idebanken/idebanken/internal/model"
)

// Similar lists the ideas of the bank most like the new idea id, most
// alike first, each with its stage and a link to its page or discussion,
// so that the submitter and the ambassador see them before anyone screens
// the new one. It returns "" for none.
func (w Writer) Similar(id model.ID, ideas []*model.Idea) string {
	if len(ideas) == 0 {
		return ""
	}
	var b strings.Builder
	fmt.Fprintf(&b, "**%s**\n\n", w.t("notice.similar.title", "**"+ghmd.Text(string(id))+"**"))
	for _, idea := range ideas {
		fmt.Fprintf(&b, "- **%s** *%s* · %s", ghmd.Text(string(idea.ID)), ghmd.Text(idea.Title), w.stage(idea.Stage))
		if u, ok := w.ideaURL(idea.ID); ok {
			fmt.Fprintf(&b, " · %s", u)
		} else if d := idea.Discussion; strings.HasPrefix(d, "https://") {
			fmt.Fprintf(&b, " · %s", ghmd.URL(d))
		}
		b.WriteByte('\n')
	}
	fmt.Fprintf(&b, "\n%s\n", w.t("notice.similar.hint"))
	return b.String()
}
