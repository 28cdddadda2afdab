package i18n

import (
	"strings"

	"github.com/idebanken/idebanken/internal/model"
)

func init() {
	for k, v := range processTexts {
		catalog[k] = v
	}
}

// processTexts are the messages about a bank's own process, the process:
// key of idebank.yaml.
var processTexts = map[string]Text{
	"list.and":                        {" och ", " and "},
	"site.score":                      {"%s %d av %d", "%s %d of %d"},
	"site.stage-desc-own":             {"Idéerna som just nu är i det här steget av processen.", "The ideas at this stage of the process now."},
	"site.outcome-to":                 {"Till steget %s", "To the stage %s"},
	"site.now-own":                    {"Idén är i steget %s", "The idea is at the stage %s"},
	"site.final-own":                  {"Idén är avslutad i steget %s.", "The idea has ended at the stage %s."},
	"site.next-step-own":              {"Nästa steg är %v.", "The next step is %v."},
	"site.role-desc-own":              {"En roll i bankens egen process; tabellen nedan visar vilka steg den tar.", "A role of the bank's own process; the table below shows the steps it takes."},
	"site.event.to":                   {"Till steget %s", "To the stage %s"},
	"process.missing":                 {"%s saknas: en egen process anger alla sina steg och stegbyten", "%s is missing: a process of the bank's own states all its stages and steps"},
	"process.no-stages":               {"processen har inga steg: lista dem under stages, i processens ordning", "the process has no stages: list them under stages, in the order of the process"},
	"process.no-id":                   {"en post (%s) saknar id", "an entry (%s) has no id"},
	"process.id-form":                 {"%s %q ska skrivas med små bokstäver, siffror och bindestreck (å, ä → a, ö → o)", "the %s %q must be written in lowercase letters, digits and hyphens (å, ä → a, ö → o)"},
	"process.label":                   {"%s %q saknar namn på båda språken: ge den både sv och en", "the %s %q lacks a label in both languages: give it both sv and en"},
	"process.duplicate":               {"%s %q finns två gånger: ta bort den ena", "the %s %q is there twice: remove one"},
	"process.reserved":                {"%q kan inte vara id för %s: ordet har redan en betydelse i processen. Välj ett annat", "%[1]q cannot be the id of a %[2]s: the word already means something in the process. Choose another"},
	"process.criterion-type":          {"kriteriet %q saknar type: met (uppfyllt eller inte) eller score (en poäng)", "the criterion %q has no type: met (met or not) or score (a score)"},
	"process.criterion-scale":         {"kriteriet %q är en poäng och behöver min och max, med min mindre än max", "the criterion %q is a score and needs min and max, min less than max"},
	"process.criterion-terms":         {"kriteriet %q är en poäng och behöver terms: vad som poängsätts, till exempel [short, long]", "the criterion %q is a score and needs terms: what is scored, for example [short, long]"},
	"process.want-mapping":            {"%s ska bestå av rader av formen `namn: värde`", "%s must consist of lines of the form `name: value`"},
	"process.section-builtin-changed": {"avsnittet %q är v1:s och kan inte ändras här: skriv fälten och required som standardprocessen gör (docs/process.md), eller ta bort avsnittet ur sections; ett avsnitt som är bankens eget får ett eget namn", "the section %q is v1's and cannot be changed here: write its fields and required as the default process does (docs/process.md), or remove it from sections; a section of the bank's own takes a name of its own"},
	"process.section-builtin":         {"avsnittet %q finns redan i idéfilen: välj ett annat namn för bankens eget avsnitt", "the section %q is already part of an idea file: choose another name for the bank's own section"},
	"process.no-fields":               {"avsnittet %q har inga fält: ange dem under fields, med en typ (date, login, text, number eller url)", "the section %q has no fields: list them under fields, each with a type (date, login, text, number or url)"},
	"process.required-field":          {"avsnittet %q kräver fältet %q, som inte finns under fields: lägg till det eller ta bort det ur required", "the section %q requires the field %q, which is not under fields: add it or remove it from required"},
	"process.by-login":                {"fältet by i avsnittet %q är den som skriver under och måste ha typen login", "the field by of the section %q is who signs it and must have the type login"},
	"process.need-section":            {"ett villkor under needs saknar section: ange avsnittet (eller med punkt ett fält i det) som steget kräver", "an entry under needs has no section: name the section (or with a dot a field of it) that the step needs"},
	"process.step-parts":              {"stegbytet behöver from (en lista av steg), to (ett steg) och by (roller, eller submitter, implementer, anyone)", "the step needs from (a list of stages), to (a stage) and by (roles, or submitter, implementer, anyone)"},
	"process.unknown-stage":           {"steget %q finns inte i processen; stegen är: %s", "the stage %q is not in the process; the stages are: %s"},
	"process.from-final":              {"%s är ett slutsteg, och inget stegbyte får lämna det (till %s): ta bort det ur from, eller ur final", "%s is a final stage, and no step may leave it (to %s): remove it from from, or from final"},
	"process.to-start":                {"inget stegbyte får gå till %s: det är steget nya idéer börjar i", "no step may lead to %s: it is the stage new ideas start at"},
	"process.unknown-role":            {"%q är ingen roll i processen; välj bland: %s", "%q is not a role of the process; choose from: %s"},
	"process.unknown-section":         {"avsnittet %q finns inte; avsnitten är: %s", "the section %q does not exist; the sections are: %s"},
	"process.unknown-field":           {"fältet %q finns inte i avsnittet %q: lägg till det under fields eller rätta namnet", "the field %q is not in the section %q: add it under fields or correct the name"},
	"process.no-outcome":              {"%s har inget fält outcome, så ett stegbyte kan inte kräva ett utfall av det", "%s has no field outcome, so a step cannot need an outcome of it"},
	"process.unknown-criterion":       {"kriteriet %q finns inte; kriterierna är: %s", "the criterion %q does not exist; the criteria are: %s"},
	"process.criterion-not-met":       {"kriteriet %q är en poäng och kan inte krävas uppfyllt under met", "the criterion %q is a score and cannot be required met under met"},
	"process.no-criteria":             {"%s har inga kriterier, så met kan inte krävas av det", "%s has no criteria, so met cannot be required of it"},
	"process.section-unused":          {"inget stegbyte kräver avsnittet %q, så ingen idé kan få det: nämn det under needs i ett steg, eller ta bort det", "no step needs the section %q, so no idea can have it: name it under needs of a step, or remove it"},
	"process.unreachable":             {"inget stegbyte leder till steget %q från %s: lägg till ett steg som når det, eller ta bort steget", "no step leads to the stage %q from %s: add a step that reaches it, or remove the stage"},
}

// Label returns the text of key in lang, with the labels the process p
// gives its stages, roles, criteria and sections before the catalogue's:
// a bank that names its stages its own way, or has stages v1 does not,
// is shown in its own words.
func Label(lang model.Lang, p *model.Process, key string) string {
	if l, ok := p.LabelOf(key); ok {
		return l.In(lang)
	}
	return T(lang, key)
}

// Named is a catalogue key given as an argument, with the label the
// bank's process gives it: it renders as the label in the language the
// message is read in, so that a stage or role of the bank's own is named
// in its own words where a Key would show the raw key.
type Named struct {
	Key   string
	Label model.Label
}

// Name returns key as an argument that renders as the label process p
// gives it ("stage.piloting"), or as the catalogue's text where p gives
// none. One who takes a step ("actor.idea-coach") is named as the
// catalogue says it in a sentence where it has the role (v1's "en
// idéambassadör", and submitter, implementer, anyone), else by the label
// of the process's role.
func Name(p *model.Process, key string) any {
	look := key
	if id, ok := strings.CutPrefix(key, "actor."); ok {
		if Has(key) {
			return Key(key)
		}
		look = "role." + id
	}
	if l, ok := p.LabelOf(look); ok {
		return Named{Key: key, Label: l}
	}
	return Key(key)
}
