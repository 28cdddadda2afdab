package issueform

import (
	"strings"
)

// section is one "## " heading of a kind's template, with the guidance in
// the comment under it.
type section struct {
	Heading  string
	Guidance string // the comment's text, its lines joined; "" without one
}

// outline is what a form takes from a kind's template.
type outline struct {
	Intro    string // the comment before the first heading, as paragraphs
	Sections []section
}

// readTemplate reads the outline of a template: the Markdown after its
// front matter. Headings are lines that start with "## " outside comments
// and code fences; the first comment under a heading is its guidance.
func readTemplate(data []byte) outline {
	text := strings.ReplaceAll(string(data), "\r\n", "\n")
	text = strings.TrimPrefix(text, "\uFEFF")
	lines := strings.Split(text, "\n")
	lines = afterFrontMatter(lines)
	var out outline
	var comment []string
	inComment, inFence, haveComment := false, false, false
	cur := -1 // index of the current section, -1 before the first
	for _, line := range lines {
		trimmed := strings.TrimSpace(line)
		switch {
		case inComment:
			if i := strings.Index(line, "-->"); i >= 0 {
				comment = append(comment, line[:i])
				inComment = false
				attachComment(&out, cur, comment, &haveComment)
				comment = nil
			} else {
				comment = append(comment, line)
			}
		case strings.HasPrefix(trimmed, "```") || strings.HasPrefix(trimmed, "~~~"):
			inFence = !inFence
		case inFence:
		case strings.HasPrefix(line, "## "):
			out.Sections = append(out.Sections, section{Heading: strings.TrimSpace(line[3:])})
			cur = len(out.Sections) - 1
			haveComment = false
		case strings.HasPrefix(trimmed, "<!--"):
			rest := strings.TrimPrefix(trimmed, "<!--")
			if i := strings.Index(rest, "-->"); i >= 0 {
				attachComment(&out, cur, []string{rest[:i]}, &haveComment)
			} else {
				inComment = true
				comment = []string{rest}
			}
		}
	}
	return out
}

// attachComment gives a finished comment to the intro or to the current
// section, unless that already has one.
func attachComment(out *outline, cur int, lines []string, have *bool) {
	if *have {
		return
	}
	*have = true
	if cur < 0 {
		out.Intro = paragraphs(lines)
		return
	}
	out.Sections[cur].Guidance = strings.Join(strings.Fields(strings.Join(lines, " ")), " ")
}

// paragraphs joins the lines of each paragraph with spaces and separates
// paragraphs with a blank line, as Markdown reads them.
func paragraphs(lines []string) string {
	var paras []string
	var cur []string
	flush := func() {
		if len(cur) > 0 {
			paras = append(paras, strings.Join(cur, " "))
			cur = nil
		}
	}
	for _, l := range lines {
		if strings.TrimSpace(l) == "" {
			flush()
			continue
		}
		cur = append(cur, strings.Join(strings.Fields(l), " "))
	}
	flush()
	return strings.Join(paras, "\n\n")
}

// afterFrontMatter returns the lines after the front matter, or all of them
// when there is none.
func afterFrontMatter(lines []string) []string {
	if len(lines) == 0 || strings.TrimSpace(lines[0]) != "---" {
		return lines
	}
	for i := 1; i < len(lines); i++ {
		if strings.TrimSpace(lines[i]) == "---" {
			return lines[i+1:]
		}
	}
	return lines
}
