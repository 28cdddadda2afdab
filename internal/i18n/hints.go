package i18n

func init() {
	for k, v := range hints {
		catalog[k] = v
	}
}

// hints say what may be written in a field of a stage section, by the
// field's own name: the comment advance writes after a field it leaves
// for the person to fill in, and what the check says of one still empty.
var hints = map[string]Text{
	"hint.field.by":           {"användarnamnet för den som tar steget, bland people i idebank.yaml", "the login of whoever takes the step, among the people in idebank.yaml"},
	"hint.by-one-of":          {"användarnamnet för den som tar steget: %v", "the login of whoever takes the step: %v"},
	"hint.field.communicator": {"användarnamnet för kommunikatören som meddelade det", "the login of the communicator who announced it"},
	"hint.score":              {"ett heltal från %d till %d", "a whole number from %d to %d"},
	"hint.type.date":          {"ett datum, ÅÅÅÅ-MM-DD", "a date, YYYY-MM-DD"},
	"hint.type.login":         {"ett användarnamn bland people i idebank.yaml", "a login among the people in idebank.yaml"},
	"hint.type.text":          {"en text, inom citattecken", "a text, in quotes"},
	"hint.type.number":        {"ett tal, till exempel 12", "a number, for example 12"},
	"hint.type.url":           {"en webbadress, med https://", "a web address, with https://"},
	"hint.field.met":          {"true eller false", "true or false"},
	"hint.field.note":         {"frivilligt: en kort kommentar", "optional: a short comment"},
	"hint.field.short":        {"ett heltal från 1 till 5, effekt på kort sikt", "a whole number from 1 to 5, the effect in the short term"},
	"hint.field.long":         {"ett heltal från 1 till 5, effekt på lång sikt", "a whole number from 1 to 5, the effect in the long term"},
	"hint.field.feedback":     {"motiveringen som skickas till idégivaren, inom citattecken", "the justification sent to the submitter, in quotes"},
	"hint.field.summary":      {"en sammanfattning, inom citattecken", "a summary, in quotes"},
	"hint.field.motivation":   {"motiveringen till beslutet, inom citattecken", "the reasons for the decision, in quotes"},
	"hint.field.implementer":  {"användarnamnet för den som ska genomföra idén", "the login of whoever is to implement the idea"},
	"hint.field.channel":      {"var det meddelades, till exempel intranätet", "where it was announced, for example the intranet"},
	"hint.field.effects":      {"vad idén har gett, inom citattecken", "what the idea has brought, in quotes"},
	"hint.field.lessons":      {"vad ni har lärt er, inom citattecken", "what you have learnt, in quotes"},
	"hint.field.reason":       {"varför idén tas tillbaka, inom citattecken", "why the idea is withdrawn, in quotes"},
	"hint.field.date":         {"ett datum, ÅÅÅÅ-MM-DD", "a date, YYYY-MM-DD"},
	"hint.field.started":      {"ett datum, ÅÅÅÅ-MM-DD", "a date, YYYY-MM-DD"},
	"hint.field.completed":    {"ett datum, ÅÅÅÅ-MM-DD", "a date, YYYY-MM-DD"},
}
