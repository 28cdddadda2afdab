// Package check validates an idea bank: every idea file and the
// configuration on their own (lint), and, given the state before a change,
// each change of an idea against the workflow and who made it.
package check

import (
	"path"
	"strings"

	"github.com/idebanken/idebanken/internal/atomicfile"
	"github.com/idebanken/idebanken/internal/config"
	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/ideafile"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/parallel"
	"github.com/idebanken/idebanken/internal/snapshot"
	"github.com/idebanken/idebanken/internal/workflow"
	"github.com/idebanken/idebanken/internal/yamlx"
)

// Result is what checking found.
type Result struct {
	// Config is nil when there is no usable configuration; then nothing
	// else could be checked, and the caller cannot go on.
	Config *model.Config
	// Ideas are the idea files that could be read, in path order.
	Ideas []*model.Idea
	// Keys holds, for each of Ideas by its index, where each key of its
	// file stands: what the messages about it are placed by. The model
	// holds no positions; a caller that gives no messages may drop Keys.
	Keys []yamlx.Fields
	// Files is the number of files under ideas/ that were checked.
	Files int
	Diags []diag.Diagnostic
}

// Errors returns the number of errors in r.
func (r *Result) Errors() int {
	n, _ := diag.Count(r.Diags)
	return n
}

// Lint checks every file of snap as it is, on the day today.
func Lint(snap *snapshot.Snapshot, today model.Date) *Result {
	return lint(snap, today, nil, Options{})
}

// Options say what a caller of LintWith has no use for once the check is
// done, so that the check lets it go as it goes on instead of at its end.
// The messages are the same either way.
type Options struct {
	// NoKeys leaves Result.Keys nil, and each idea's positions are let go
	// as soon as that idea is checked: for a caller that gives no messages
	// of its own about the ideas (idebank build). Of the heap of checking
	// 100,000 ideas they were a third, held until the last was checked.
	NoKeys bool
	// Consume lets the check take the bytes of snap's idea files: each
	// file's Data is set to nil once it is parsed, as nothing the check
	// returns holds them, and snap is left good for its paths only. They
	// were the sixth of the heap of checking 100,000 ideas.
	Consume bool
}

// LintWith is Lint for a caller that has no use for what opts names once
// the check is done.
func LintWith(snap *snapshot.Snapshot, today model.Date, opts Options) *Result {
	return lint(snap, today, nil, opts)
}

// lint parses and checks snap. from, when not nil, gives for a changed idea
// file the stage it had before the change.
func lint(snap *snapshot.Snapshot, today model.Date, from map[string]model.Stage, opts Options) *Result {
	res := &Result{}
	var cfgDiags diag.List
	if snap.Config == nil {
		cfgDiags.Errorf(snapshot.ConfigFile, diag.Pos{}, diag.RuleRead, "config.missing")
		res.Diags = cfgDiags.Items()
		return res
	}
	res.Config = parseConfig(snap.Config, &cfgDiags)
	if res.Config == nil {
		res.Diags = cfgDiags.Items()
		return res
	}
	res.Diags = append(res.Diags, cfgDiags.Items()...)

	flow := workflow.Of(res.Config)
	n := len(snap.Ideas)
	res.Files = n
	ideas := make([]*model.Idea, n)
	cross := make([]crossKeys, n)
	perFile := make([]diag.List, n)
	var keys []yamlx.Fields
	if !opts.NoKeys {
		keys = make([]yamlx.Fields, n)
	}
	// Each file is parsed and checked on its own in one go, so that what
	// only its own check needs (its bytes, its positions) can go before
	// the next is parsed; the checks across files come once all are read.
	parallel.For(n, func(i int) {
		f := &snap.Ideas[i]
		idea, k := parseFile(f, res.Config.Process, &perFile[i])
		if opts.Consume {
			f.Data = nil
		}
		if idea == nil {
			return
		}
		l := &ideaLinter{cfg: res.Config, flow: flow, today: today, idea: idea, keys: k, out: &perFile[i]}
		if st, ok := from[idea.Path]; ok {
			l.from = &st
		}
		l.lint()
		ideas[i], cross[i] = idea, crossOf(k)
		if keys != nil {
			keys[i] = k
		}
	})
	byID := make(map[model.ID][]*model.Idea)
	for _, idea := range ideas {
		if idea != nil && idea.ID != "" {
			byID[idea.ID] = append(byID[idea.ID], idea)
		}
	}
	parallel.For(n, func(i int) {
		if ideas[i] != nil {
			crossFile(ideas[i], cross[i], byID, &perFile[i])
		}
	})
	for i, idea := range ideas {
		if idea != nil {
			res.Ideas = append(res.Ideas, idea)
			if keys != nil {
				res.Keys = append(res.Keys, keys[i])
			}
		}
		res.Diags = append(res.Diags, perFile[i].Items()...)
	}
	diag.Sort(res.Diags)
	return res
}

// parseConfigQuiet reads the configuration of s, or nil, reporting nothing.
func parseConfigQuiet(s *snapshot.Snapshot) *model.Config {
	if s == nil || s.Config == nil {
		return nil
	}
	var discard diag.List
	return parseConfig(s.Config, &discard)
}

func parseConfig(f *snapshot.File, diags *diag.List) *model.Config {
	if f.Symlink {
		diags.Errorf(f.Path, diag.Pos{}, diag.RuleRead, "config.symlink")
		return nil
	}
	if f.Data == nil && f.Size > 0 {
		diags.Errorf(f.Path, diag.Pos{Line: 1, Col: 1}, diag.RuleTooLarge, "file.too-large", f.Size/1024, snapshot.ReadLimit/1024)
		return nil
	}
	return config.Parse(f.Data, diags)
}

// parseFile parses one file under ideas/, with where its keys stand, or
// reports why it is no idea file and returns nil.
func parseFile(f *snapshot.File, proc *model.Process, out *diag.List) (*model.Idea, yamlx.Fields) {
	switch {
	case f.Symlink:
		out.Errorf(f.Path, diag.Pos{}, diag.RuleFileName, "file.symlink")
	case atomicfile.IsTemp(path.Base(f.Path)):
		out.Errorf(f.Path, diag.Pos{}, diag.RuleFileName, "file.temp")
	case !strings.HasSuffix(f.Path, ".md"):
		out.Errorf(f.Path, diag.Pos{}, diag.RuleFileName, "file.not-md")
	case f.Data == nil && f.Size > 0:
		out.Errorf(f.Path, diag.Pos{Line: 1, Col: 1}, diag.RuleTooLarge, "file.too-large", f.Size/1024, ideafile.MaxSize/1024)
	default:
		return ideafile.Decode(proc, f.Path, f.Data, out)
	}
	return nil, nil
}

// crossKeys are where the keys stand that the checks across files place
// their messages by: all of an idea's positions that the check needs once
// the idea itself is checked.
type crossKeys struct {
	id, related, duplicateOf diag.Pos
	hasDuplicateOf           bool
}

func crossOf(keys yamlx.Fields) crossKeys {
	return crossKeys{id: keys.Lookup("id"), related: keys.Lookup("related"),
		duplicateOf: keys.Lookup("screening.duplicate_of"), hasDuplicateOf: keys.Has("screening.duplicate_of")}
}

// crossFile checks what an idea says about other ideas.
func crossFile(idea *model.Idea, keys crossKeys, byID map[model.ID][]*model.Idea, out *diag.List) {
	if same := byID[idea.ID]; len(same) > 1 {
		for _, other := range same {
			if other != idea {
				out.Errorf(idea.Path, keys.id, diag.RuleDuplicateID, "lint.duplicate-id", string(idea.ID), other.Path)
				break
			}
		}
	}
	for _, r := range idea.Related {
		switch {
		case model.ID(r).Year() == 0:
			out.Errorf(idea.Path, keys.related, diag.RuleRelated, "lint.related-form", string(r))
		case r == idea.ID:
			out.Errorf(idea.Path, keys.related, diag.RuleRelated, "lint.related-self", string(r))
		case len(byID[r]) == 0:
			out.Errorf(idea.Path, keys.related, diag.RuleRelated, "lint.related", string(r))
		}
	}
	duplicateOf(idea, keys, byID, out)
}

// duplicateOf checks screening.duplicate_of: the id of another idea of the
// bank, recorded with the outcome reject, since an idea screened as a
// duplicate goes no further than its original.
func duplicateOf(idea *model.Idea, keys crossKeys, byID map[model.ID][]*model.Idea, out *diag.List) {
	s := idea.Screening
	if s == nil || !keys.hasDuplicateOf {
		return
	}
	pos := keys.duplicateOf
	switch id := s.DuplicateOf; {
	case id.Year() == 0:
		out.Errorf(idea.Path, pos, diag.RuleDuplicateOf, "lint.duplicate-of-form", string(id))
	case id == idea.ID:
		out.Errorf(idea.Path, pos, diag.RuleDuplicateOf, "lint.duplicate-of-self", string(id))
	case len(byID[id]) == 0:
		out.Errorf(idea.Path, pos, diag.RuleDuplicateOf, "lint.duplicate-of", string(id))
	}
	if s.Outcome != "" && s.Outcome != model.ScreenReject {
		out.Errorf(idea.Path, pos, diag.RuleDuplicateOf, "lint.duplicate-of-outcome", string(s.Outcome))
	}
}
