package ideafile

import (
	"bytes"
	"fmt"
	"strings"

	"gopkg.in/yaml.v3"

	"github.com/idebanken/idebanken/internal/model"
)

// New describes a new idea: what a submitter gives, whether through an
// issue form, `idebank new` or a test.
type New struct {
	ID         model.ID
	Title      string
	Kind       model.Kind
	Submitted  model.Date
	Submitter  model.Submitter
	Unit       string
	Tags       []string
	Discussion string
	Body       string
}

// Encode writes the file of a new idea at the stage submitted. Every value
// goes through the YAML encoder, never into the text as it was typed, so
// that no title or name can add or change a field, however it is written.
func Encode(n New) ([]byte, error) {
	doc := &yaml.Node{Kind: yaml.MappingNode}
	add := func(key string, value *yaml.Node) {
		doc.Content = append(doc.Content, &yaml.Node{Kind: yaml.ScalarNode, Value: key}, value)
	}
	str := func(s string) *yaml.Node {
		n := &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!str", Value: s}
		if strings.ContainsAny(s, "\n\r") {
			n.Style = yaml.DoubleQuotedStyle // one line, every character kept
		}
		return n
	}
	plain := func(s string) *yaml.Node { return &yaml.Node{Kind: yaml.ScalarNode, Value: s} }
	add("id", plain(string(n.ID)))
	add("title", str(n.Title))
	add("kind", plain(string(n.Kind)))
	add("stage", plain(string(model.StageSubmitted)))
	add("submitted", plain(n.Submitted.String()))
	sub := &yaml.Node{Kind: yaml.MappingNode}
	if n.Submitter.Anonymous {
		sub.Content = append(sub.Content, plain("anonymous"), &yaml.Node{Kind: yaml.ScalarNode, Tag: "!!bool", Value: "true"})
	} else {
		sub.Content = append(sub.Content, plain("name"), str(n.Submitter.Name))
		if n.Submitter.GitHub != "" {
			sub.Content = append(sub.Content, plain("github"), str(n.Submitter.GitHub))
		}
	}
	add("submitter", sub)
	add("unit", str(n.Unit))
	if len(n.Tags) > 0 {
		tags := &yaml.Node{Kind: yaml.SequenceNode, Style: yaml.FlowStyle}
		for _, t := range n.Tags {
			tags.Content = append(tags.Content, str(t))
		}
		add("tags", tags)
	}
	if n.Discussion != "" {
		add("discussion", str(n.Discussion))
	}
	var buf bytes.Buffer
	buf.WriteString("---\n")
	enc := yaml.NewEncoder(&buf)
	enc.SetIndent(2)
	if err := enc.Encode(doc); err != nil {
		return nil, fmt.Errorf("encoding idea %s: %w", n.ID, err)
	}
	if err := enc.Close(); err != nil {
		return nil, err
	}
	buf.WriteString("---\n")
	body := strings.TrimSpace(strings.ReplaceAll(n.Body, "\r\n", "\n"))
	// A line of only "---" in the body is text, but some tools would take
	// it for the end of the front matter: make it a thematic break they
	// cannot mistake.
	body = fenceLine.ReplaceAllString(body, "- - -")
	buf.WriteString(body)
	buf.WriteString("\n")
	return buf.Bytes(), nil
}
