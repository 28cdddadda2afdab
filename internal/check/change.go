package check

import (
	"bytes"
	"fmt"
	"path"
	"reflect"
	"slices"
	"strings"

	"github.com/idebanken/idebanken/internal/diag"
	"github.com/idebanken/idebanken/internal/i18n"
	"github.com/idebanken/idebanken/internal/ideafile"
	"github.com/idebanken/idebanken/internal/model"
	"github.com/idebanken/idebanken/internal/snapshot"
	"github.com/idebanken/idebanken/internal/workflow"
	"github.com/idebanken/idebanken/internal/yamlx"
)

// Change is a change to an idea bank: its state before and after, and who
// made and approved it. Who may do what is judged by the roles of Base's
// configuration, whatever the change does to it.
type Change struct {
	Base, Head *snapshot.Snapshot
	// Actor is who proposes the change (a pull request's author);
	// Committers the authors of its commits, "" for one whom GitHub could
	// not tie to an account; Approvers those who approved it. Each author
	// must hold what a step needs, or one approver must. When all are
	// empty, who made the change is not checked.
	Actor      string
	Committers []string
	Approvers  []string
	Today      model.Date
}

// fileChange is one idea file that the change adds, modifies, renames or
// deletes.
type fileChange struct {
	base, head *model.Idea // nil for an added or a deleted file, or one that cannot be read
	basePath   string
	headPath   string
	baseData   []byte
}

// CheckChange checks the head of c as Lint does, and each changed idea file
// against the workflow. Problems in files the change does not touch are
// warnings: nobody is blocked by someone else's file.
func CheckChange(c Change) *Result {
	changes, touched := diff(c.Base, c.Head, processOf(c.Base), processOf(c.Head))
	res := lint(c.Head, c.Today, stagesBefore(changes), Options{})
	if res.Config == nil {
		return res
	}
	configChanged := !sameFile(c.Base.Config, c.Head.Config)
	auth := newAuthority(parseConfigQuiet(c.Base), c)
	for i := range res.Diags {
		d := &res.Diags[i]
		if d.Severity == diag.Error && !configChanged && !touched[d.Path] {
			d.Severity = diag.Warning
		}
	}
	heads := make(map[string]*model.Idea, len(res.Ideas))
	keys := make(map[*model.Idea]yamlx.Fields, len(res.Ideas))
	for i, idea := range res.Ideas {
		heads[idea.Path] = idea
		keys[idea] = res.Keys[i]
	}
	var out diag.List
	if configChanged {
		configChange(c, auth, &out)
	}
	// The steps are the base's, as the roles are: a change cannot open a
	// way through the process for itself.
	ck := &changeChecker{cfg: res.Config, flow: workflow.Of(auth.cfg), out: &out, auth: auth, actor: c.Actor, keys: keys}
	for _, ch := range changes {
		if ch.headPath != "" {
			ch.head = heads[ch.headPath]
		}
		ck.check(ch)
	}
	res.Diags = append(res.Diags, out.Items()...)
	diag.Sort(res.Diags)
	return res
}

// stagesBefore returns, for each changed file whose stage changed, the
// stage it had before: its path through the process must end with that
// step. A new file, "" before, must start the process.
func stagesBefore(changes []fileChange) map[string]model.Stage {
	out := make(map[string]model.Stage)
	for _, ch := range changes {
		switch {
		case ch.headPath == "":
		case ch.basePath == "":
			out[ch.headPath] = ""
		case ch.base != nil && ch.head != nil && ch.base.Stage != ch.head.Stage:
			out[ch.headPath] = ch.base.Stage
		}
	}
	return out
}

// configChange checks that a change of idebank.yaml is made or approved by
// an admin of the base (by management, where the base has no admin).
func configChange(c Change, auth *authority, out *diag.List) {
	if !auth.checked() {
		return
	}
	role := configRole(auth.cfg)
	if auth.allowsBy(func(l string) bool { return holdsAnywhere(auth.cfg, l, role) }, false) {
		return
	}
	var baseData, headData []byte
	if c.Base.Config != nil {
		baseData = c.Base.Config.Data
	}
	if c.Head.Config != nil {
		headData = c.Head.Config.Data
	}
	pos := diag.Pos{Line: firstDiffLine(baseData, headData), Col: 1}
	holders := holdersAnywhere(auth.cfg, role)
	if len(holders) == 0 {
		out.Errorf(snapshot.ConfigFile, pos, diag.RuleConfigChange, "change.config-nobody")
		return
	}
	out.Errorf(snapshot.ConfigFile, pos, diag.RuleConfigChange, "change.config",
		i18n.Key("actor."+string(role)), i18n.List(toAny(holders)), auth.authorList(), auth.approverList())
}

func sameFile(a, b *snapshot.File) bool {
	if a == nil || b == nil {
		return a == b
	}
	return a.Size == b.Size && a.Symlink == b.Symlink && bytes.Equal(a.Data, b.Data)
}

// diff pairs the idea files of base and head. A file deleted at one path and
// added at another with the same id is a rename.
func diff(base, head *snapshot.Snapshot, baseProc, headProc *model.Process) ([]fileChange, map[string]bool) {
	touched := make(map[string]bool)
	var changes []fileChange
	var added []fileChange
	for i := range head.Ideas {
		h := &head.Ideas[i]
		b := base.Idea(h.Path)
		if b != nil && sameFile(b, h) {
			continue
		}
		touched[h.Path] = true
		ch := fileChange{headPath: h.Path, basePath: h.Path}
		if b == nil {
			ch.basePath = ""
			ch.head = parseQuiet(h, headProc)
			added = append(added, ch)
			continue
		}
		ch.base, ch.baseData = parseQuiet(b, baseProc), b.Data
		ch.head = parseQuiet(h, headProc)
		changes = append(changes, ch)
	}
	deleted := make(map[model.ID]int) // id → index in changes
	for i := range base.Ideas {
		b := &base.Ideas[i]
		if head.Idea(b.Path) != nil {
			continue
		}
		ch := fileChange{basePath: b.Path, base: parseQuiet(b, baseProc), baseData: b.Data}
		if ch.base != nil && ch.base.ID != "" {
			deleted[ch.base.ID] = len(changes)
		}
		changes = append(changes, ch)
	}
	for _, a := range added {
		if a.head != nil && a.head.ID != "" {
			if i, ok := deleted[a.head.ID]; ok && changes[i].headPath == "" {
				changes[i].headPath = a.headPath
				changes[i].head = a.head
				continue
			}
		}
		changes = append(changes, a)
	}
	return changes, touched
}

// parseQuiet parses a file whose problems are reported elsewhere, or not at
// all: the state before a change.
func parseQuiet(f *snapshot.File, proc *model.Process) *model.Idea {
	if f.Symlink || f.Data == nil || !strings.HasSuffix(f.Path, ".md") {
		return nil
	}
	var discard diag.List
	return ideafile.ParseFor(proc, f.Path, f.Data, &discard)
}

// processOf returns the process of s's configuration: the default when it
// has none that can be read, as the lint of s then reports.
func processOf(s *snapshot.Snapshot) *model.Process {
	if cfg := parseConfigQuiet(s); cfg != nil {
		return cfg.Process
	}
	return nil
}

type changeChecker struct {
	cfg   *model.Config  // the head's: what the files are checked against
	flow  *workflow.Flow // the base's process: which steps there are
	out   *diag.List
	auth  *authority // the base's: who may make the change
	actor string     // who proposes the change, "" when not known
	// keys holds where the keys of each head idea stand: every message
	// is about the head's file.
	keys map[*model.Idea]yamlx.Fields
}

func (c *changeChecker) errorf(idea *model.Idea, field string, rule diag.Rule, key string, args ...any) {
	c.out.Errorf(idea.Path, c.keys[idea].Lookup(field), rule, key, args...)
}

func (c *changeChecker) check(ch fileChange) {
	switch {
	case ch.headPath == "":
		c.out.Errorf(ch.basePath, diag.Pos{}, diag.RuleDeleted, "change.deleted")
	case ch.basePath == "":
		c.added(ch)
	default:
		c.modified(ch)
	}
}

func (c *changeChecker) added(ch fileChange) {
	idea := ch.head
	if idea == nil {
		return
	}
	if idea.Stage != "" && idea.Stage != c.flow.Process.Start() {
		c.errorf(idea, "stage", diag.RuleNewStage, "change.new-stage", string(idea.Stage))
	}
	// The login of a new idea's submitter may withdraw it later: only the
	// author of the change may give their own, or intake the login of the
	// issue it was made from.
	if login := idea.Submitter.GitHub; login != "" && c.actor != "" && !idea.Submitter.Anonymous &&
		!model.SameLogin(login, c.actor) && !model.SameLogin(c.actor, IntakeBot) {
		c.errorf(idea, "submitter.github", diag.RulePermission, "change.new-submitter", login, c.actor)
	}
	// notify comments on, relabels and closes the discussion's issue: a new
	// file may point it at one only where intake made the file from that
	// issue, or someone who may set it on an existing idea approves.
	if idea.Discussion != "" && c.auth.checked() && !model.SameLogin(c.actor, IntakeBot) {
		var by []workflow.Actor
		for _, r := range c.flow.EditRules("discussion", c.flow.PhaseOf(idea.Stage)) {
			by = append(by, r.By...)
		}
		c.require(idea, idea, c.editPos(idea, "discussion"), "discussion", shown(by), idea.Unit)
	}
}

// IntakeBot is the GitHub login that writes the pull requests of intake,
// the GitHub Actions token's: the only author of a change that may add an
// idea whose submitter.github is another login (the author).
const IntakeBot = "github-actions[bot]"

func (c *changeChecker) modified(ch fileChange) {
	base, head := ch.base, ch.head
	if ch.basePath != ch.headPath && path.Dir(ch.basePath) != path.Dir(ch.headPath) {
		c.out.Errorf(ch.headPath, diag.Pos{}, diag.RuleRename, "change.rename", ch.basePath)
	}
	if base == nil && head != nil && ideafile.LooseStage(ch.baseData) != head.Stage {
		// Without the state before, the step cannot be checked; a change
		// that only repairs the file can.
		c.errorf(head, "stage", diag.RuleTransition, "change.base-unreadable", string(head.Stage))
		return
	}
	if base == nil || head == nil {
		return // what cannot be read now is reported by lint
	}
	c.immutable(base, head)
	if base.Stage == head.Stage || !c.flow.Process.HasStage(head.Stage) || !c.flow.Process.HasStage(base.Stage) {
		c.edits(base, head, nil)
		return
	}
	if c.flow.Final(base.Stage) {
		c.errorf(head, "stage", diag.RuleTransition, "change.final", string(base.Stage), string(head.Stage))
		return
	}
	t, ok := c.flow.Lookup(base.Stage, head.Stage)
	if !ok {
		// The refused step says all there is to say about its sections.
		next := c.flow.Next(base.Stage)
		c.errorf(head, "stage", diag.RuleTransition, "change.transition", string(base.Stage), string(head.Stage), i18n.List(toAny(next)))
		return
	}
	c.permission(base, head, t)
	c.edits(base, head, t)
}

// immutable checks that id, submitted and submitter keep their values. The
// one change allowed to the submitter is to make them anonymous, so that a
// person can have their name removed.
func (c *changeChecker) immutable(base, head *model.Idea) {
	if base.ID != head.ID {
		c.errorf(head, "id", diag.RuleImmutable, "change.immutable", "id", string(base.ID))
	}
	if base.Submitted != head.Submitted {
		c.errorf(head, "submitted", diag.RuleImmutable, "change.immutable", "submitted", base.Submitted.String())
	}
	bs, hs := base.Submitter, head.Submitter
	anonymised := hs.Anonymous && hs.Name == "" && hs.GitHub == ""
	if bs != hs && !anonymised {
		field := "submitter"
		switch {
		case bs.Name != hs.Name:
			field = "submitter.name"
		case bs.GitHub != hs.GitHub:
			field = "submitter.github"
		case bs.Anonymous != hs.Anonymous:
			field = "submitter.anonymous"
		}
		c.errorf(head, field, diag.RuleImmutable, "change.submitter")
	}
}

// permission checks that the author or an approver of the change may make
// the step, in the idea's unit.
func (c *changeChecker) permission(base, head *model.Idea, t *workflow.Transition) {
	if !c.auth.checked() {
		return
	}
	// The submitter, the unit and the implementer are the ones in the file
	// before the change: a change cannot name its author the submitter and
	// so withdraw the idea, or move it to a unit where she holds a role.
	// (An approving decision names its implementer in the same change as
	// the step; the implementer's own steps come after it.)
	who := *head
	who.Submitter, who.Unit = base.Submitter, base.Unit
	if base.Decision != nil || head.Decision == nil {
		who.Decision = base.Decision
	}
	if c.auth.allows(&who, t.Actors) {
		return
	}
	holderList := i18n.List(toAny(holders(c.auth.cfg, &who, t.Actors)))
	if !c.auth.nameable(&who, t.Actors) {
		// The check's messages are public annotations: about an anonymous
		// idea they name nobody who acts in no role.
		c.errorf(head, "stage", diag.RulePermission, "change.permission-unnamed",
			string(head.ID), string(base.Stage), string(head.Stage), actorList(c.flow.Process, t.Actors), who.Unit, holderList)
		return
	}
	c.errorf(head, "stage", diag.RulePermission, "change.permission",
		string(head.ID), string(base.Stage), string(head.Stage), actorList(c.flow.Process, t.Actors), who.Unit,
		i18n.List(toAny(holders(c.auth.cfg, &who, t.Actors))), c.auth.authorList(), c.auth.approverList())
}

// edits checks every field that the change touches against the policy of
// workflow.Edits: who may change it while the idea is where it was before
// the change. The sections that a change of stage adds were checked with
// the step itself. Who acts is judged in the idea's unit before the change.
func (c *changeChecker) edits(base, head *model.Idea, step *workflow.Transition) {
	if !c.auth.checked() {
		return
	}
	byStep := make(map[string]bool)
	if step != nil {
		for _, r := range step.Requires {
			byStep[r.Section] = true
		}
	}
	phase := c.flow.PhaseOf(base.Stage)
	for _, field := range c.flow.EditFields() {
		before, after := fieldValue(base, field), fieldValue(head, field)
		if byStep[field] || reflect.DeepEqual(before, after) {
			continue
		}
		var actors []workflow.Actor
		setOnce := false
		allowed := false
		for _, r := range c.flow.EditRules(field, phase) {
			if r.Once && !reflect.ValueOf(before).IsZero() {
				setOnce = true
				continue // set already: no rule changes it
			}
			by := c.expand(r.By, head, field)
			for _, a := range by {
				if !slices.Contains(actors, a) {
					actors = append(actors, a)
				}
			}
			if c.auth.allows(c.who(base, head), by) {
				allowed = true
				break
			}
		}
		switch {
		case allowed:
		case len(actors) == 0 && setOnce:
			c.errorf(head, field, diag.RuleImmutable, "change.once", field, fmt.Sprint(before))
		case len(actors) == 0:
			c.errorf(head, field, diag.RuleImmutable, "change.frozen", field, string(base.Stage))
		case phase == workflow.PhaseFinal && slices.Equal(actors, []workflow.Actor{workflow.RoleActor(model.RoleAdmin)}):
			c.out.Errorf(head.Path, c.editPos(head, field), diag.RulePermission, "change.edit-final",
				field, string(base.Stage), i18n.List(toAny(holdersAnywhere(c.auth.cfg, model.RoleAdmin))))
		default:
			c.require(base, head, c.editPos(head, field), field, shown(actors), base.Unit)
		}
	}
}

// shown returns the actors a message names: an admin may change any field,
// as docs/rules.md says, so the role is named only where nobody else may.
func shown(actors []workflow.Actor) []workflow.Actor {
	admin := workflow.RoleActor(model.RoleAdmin)
	if len(actors) == 1 {
		return actors
	}
	return slices.DeleteFunc(slices.Clone(actors), func(a workflow.Actor) bool { return a == admin })
}

// who is the idea as who may act on it is judged: its submitter, unit and
// implementer as they were before the change.
func (c *changeChecker) who(base, head *model.Idea) *model.Idea {
	w := *head
	w.Submitter, w.Unit, w.Decision = base.Submitter, base.Unit, base.Decision
	return &w
}

// expand puts for workflow.Signers those who may sign section.
func (c *changeChecker) expand(by []workflow.Actor, head *model.Idea, section string) []workflow.Actor {
	var out []workflow.Actor
	for _, a := range by {
		if a == workflow.Signers {
			out = append(out, signersFor(c.flow, head, section)...)
			continue
		}
		out = append(out, a)
	}
	return out
}

// editPos returns where a message about field points: the field, or for
// the Markdown the line it starts on.
func (c *changeChecker) editPos(idea *model.Idea, field string) diag.Pos {
	if field == "body" {
		return diag.Pos{Line: idea.BodyLine, Col: 1}
	}
	return c.keys[idea].Lookup(field)
}

// fieldValue returns the value of a field of workflow.Edits, for comparing.
func fieldValue(idea *model.Idea, field string) any {
	switch field {
	case "title":
		return idea.Title
	case "kind":
		return idea.Kind
	case "body":
		return idea.Body
	case "tags":
		if len(idea.Tags) == 0 {
			return []string(nil) // an empty list is no tags
		}
		return idea.Tags
	case "related":
		if len(idea.Related) == 0 {
			return []model.ID(nil)
		}
		return idea.Related
	case "unit":
		return idea.Unit
	case "discussion":
		return idea.Discussion
	case "implementation.started":
		if idea.Implementation != nil {
			return idea.Implementation.Started
		}
		return model.Date{}
	case "implementation.completed":
		if idea.Implementation != nil {
			return idea.Implementation.Completed
		}
		return model.Date{}
	case "implementation.communicated":
		if idea.Implementation != nil {
			return idea.Implementation.Communicated
		}
		return (*model.Communication)(nil) // as a file with implementation but no announcement
	case "withdrawn":
		return idea.Withdrawn
	}
	return idea.Part(field)
}

// require reports field, at pos, unless an author or approver is one of
// actors in unit.
func (c *changeChecker) require(base, head *model.Idea, pos diag.Pos, field string, actors []workflow.Actor, unit string) {
	who := *c.who(base, head)
	who.Unit = unit
	if c.auth.allows(&who, actors) {
		return
	}
	if !c.auth.nameable(&who, actors) {
		c.out.Errorf(head.Path, pos, diag.RulePermission, "change.edit-permission-unnamed",
			field, actorList(c.flow.Process, actors), unit, i18n.List(toAny(holders(c.auth.cfg, &who, actors))))
		return
	}
	c.out.Errorf(head.Path, pos, diag.RulePermission, "change.edit-permission",
		field, actorList(c.flow.Process, actors), unit, i18n.List(toAny(holders(c.auth.cfg, &who, actors))), c.auth.authorList(), c.auth.approverList())
}
