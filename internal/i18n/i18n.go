// Package i18n is the catalogue of every text that Idébanken shows its
// users, in Swedish and English.
//
// Code refers to a text by key and renders it late, in the language the
// configuration or the user asks for, so that the same diagnostic can be
// printed in either language.
package i18n

import (
	"fmt"
	"strings"

	"github.com/idebanken/idebanken/internal/model"
)

// Message is a catalogue text with its arguments, not yet rendered.
// Arguments that are themselves a Message, a Key or a List are rendered in
// the same language.
type Message struct {
	Key  string
	Args []any
}

// M returns the Message for key with args.
func M(key string, args ...any) Message { return Message{key, args} }

// Key is a catalogue key given as an argument: it renders as its text.
type Key string

// Count is a number given as an argument with the key of the thing
// counted: it renders as Key+".one" or Key+".other", each formatting N.
type Count struct {
	Key string
	N   int
}

// List is a list of values given as an argument: it renders as the values
// joined with commas, each rendered in turn.
type List []any

// Or is a list of alternatives given as an argument: it renders as "a, b
// or c" in the language, each rendered in turn.
type Or []any

// And is a list of values that all hold, given as an argument: it renders
// as "a, b and c" in the language, each rendered in turn.
type And []any

// Text is one entry of the catalogue.
type Text struct {
	SV, EN string
}

// Render returns m in lang. A key missing from the catalogue renders as the
// key itself, so a gap shows instead of hiding a message.
func Render(lang model.Lang, m Message) string {
	t, ok := catalog[m.Key]
	if !ok {
		return m.Key
	}
	format := t.SV
	if lang == model.English {
		format = t.EN
	}
	if len(m.Args) == 0 {
		return format
	}
	args := make([]any, len(m.Args))
	for i, a := range m.Args {
		args[i] = renderArg(lang, a)
	}
	return fmt.Sprintf(format, args...)
}

func renderArg(lang model.Lang, a any) any {
	switch v := a.(type) {
	case Message:
		return Render(lang, v)
	case Key:
		return Render(lang, Message{Key: string(v)})
	case Named:
		return v.Label.In(lang)
	case Count:
		form := ".other"
		if v.N == 1 {
			form = ".one"
		}
		return Render(lang, Message{Key: v.Key + form, Args: []any{v.N}})
	case Or:
		return joinLast(lang, v, "list.or")
	case And:
		return joinLast(lang, v, "list.and")
	case List:
		if len(v) == 0 {
			return Render(lang, Message{Key: "list.none"})
		}
		parts := make([]string, len(v))
		for i, x := range v {
			parts[i] = fmt.Sprint(renderArg(lang, x))
		}
		return strings.Join(parts, ", ")
	}
	return a
}

// joinLast renders the list v with commas, and the catalogue's word last
// before the last item.
func joinLast(lang model.Lang, v []any, last string) string {
	if len(v) == 0 {
		return Render(lang, Message{Key: "list.none"})
	}
	parts := make([]string, len(v))
	for i, x := range v {
		parts[i] = fmt.Sprint(renderArg(lang, x))
	}
	if len(parts) == 1 {
		return parts[0]
	}
	return strings.Join(parts[:len(parts)-1], ", ") + Render(lang, Message{Key: last}) + parts[len(parts)-1]
}

// T returns the text of key in lang.
func T(lang model.Lang, key string) string { return Render(lang, Message{Key: key}) }

// Has reports whether the catalogue has key.
func Has(key string) bool {
	_, ok := catalog[key]
	return ok
}

// Keys returns every key of the catalogue.
func Keys() []string {
	keys := make([]string, 0, len(catalog))
	for k := range catalog {
		keys = append(keys, k)
	}
	return keys
}

// Lookup returns the catalogue entry for key.
func Lookup(key string) (Text, bool) {
	t, ok := catalog[key]
	return t, ok
}
