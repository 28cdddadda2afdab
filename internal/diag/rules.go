package diag

// Rule is the stable id of a kind of problem. Rule ids appear in every
// message, are documented with an example of the fix in docs/rules.md, and
// never change meaning.
type Rule string

// The rules, grouped as the checks are.
const (
	// Reading and parsing a file.
	RuleRead        Rule = "read"         // the file could not be read
	RuleTooLarge    Rule = "too-large"    // the file is larger than the limit
	RuleEncoding    Rule = "encoding"     // not UTF-8 text
	RuleFrontMatter Rule = "front-matter" // no front matter, or not closed
	RuleYAMLSyntax  Rule = "yaml-syntax"  // YAML that does not parse
	RuleYAMLAlias   Rule = "yaml-alias"   // anchors and aliases are not allowed
	RuleUnknownKey  Rule = "unknown-field"
	RuleDuplicate   Rule = "duplicate-field"
	RuleFieldType   Rule = "field-type"    // a list where a text belongs, and the like
	RuleValue       Rule = "invalid-value" // not one of the allowed values
	RuleDate        Rule = "invalid-date"
	RuleRequired    Rule = "required-field"

	// One idea file.
	RuleIDFormat     Rule = "id-format"
	RuleFileName     Rule = "file-name"
	RuleTitle        Rule = "title"
	RuleTag          Rule = "tag"
	RuleURL          Rule = "url"
	RuleEmptyBody    Rule = "empty-body"
	RuleMarkdown     Rule = "markdown-limit" // text past the bounds the renderer is fast within
	RuleUnknownUnit  Rule = "unknown-unit"
	RuleUnknownLogin Rule = "unknown-person"
	RuleRole         Rule = "role"
	RuleCriteria     Rule = "criteria"
	RuleOutcome      Rule = "outcome-mismatch"
	RuleMissing      Rule = "missing-section"
	RuleUnexpected   Rule = "unexpected-section"
	RuleDateOrder    Rule = "date-order"
	RuleFuture       Rule = "date-future"
	RuleAnonymous    Rule = "anonymous"
	RulePersonalData Rule = "personal-data"

	// Across files.
	RuleDuplicateID Rule = "duplicate-id"
	RuleRelated     Rule = "related"
	RuleDuplicateOf Rule = "duplicate-of"

	// Reminders, always warnings.
	RuleFeedbackDue Rule = "feedback-overdue"
	RuleRevisitDue  Rule = "revisit-due"

	// The files against the git history (check --history), warnings.
	RuleHistoryStep Rule = "history-step"
	RuleHistoryDate Rule = "history-date"

	// A change from --base to --head.
	RuleTransition Rule = "transition"
	RuleImmutable  Rule = "immutable-field"
	RuleDeleted    Rule = "deleted"
	RuleNewStage   Rule = "new-idea"
	RuleRename     Rule = "rename"
	RulePermission Rule = "permission"
	// RuleConfigChange: idebank.yaml changed without an admin of the base.
	RuleConfigChange Rule = "config-change"

	// The configuration.
	RuleConfig Rule = "config"
)

// Rules lists every rule, in the order of docs/rules.md.
var Rules = []Rule{
	RuleRead, RuleTooLarge, RuleEncoding, RuleFrontMatter, RuleYAMLSyntax, RuleYAMLAlias,
	RuleUnknownKey, RuleDuplicate, RuleFieldType, RuleValue, RuleDate, RuleRequired,
	RuleIDFormat, RuleFileName, RuleTitle, RuleTag, RuleURL, RuleEmptyBody, RuleMarkdown,
	RuleUnknownUnit, RuleUnknownLogin, RuleRole, RuleCriteria, RuleOutcome, RuleMissing,
	RuleUnexpected, RuleDateOrder, RuleFuture, RuleAnonymous, RulePersonalData,
	RuleDuplicateID, RuleRelated, RuleDuplicateOf,
	RuleFeedbackDue, RuleRevisitDue, RuleHistoryStep, RuleHistoryDate,
	RuleTransition, RuleImmutable, RuleDeleted, RuleNewStage, RuleRename, RulePermission,
	RuleConfigChange, RuleConfig,
}
