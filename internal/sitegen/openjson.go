package sitegen

import (
	"encoding/json"
	"slices"
	"strconv"
	"unicode/utf8"
)

// The records of ideas.json are written by the code below rather than by
// encoding/json, which found each field through reflection, 10,000 times
// a build. The bytes are encoding/json's (TestOpenDataAsEncodingJSON
// compares them for every idea of several banks): the fields in the order
// of the structs, omitempty as their tags say, map keys sorted, and
// strings escaped as an Encoder escapes them (<, > and & too).

// appendJSON appends o as encoding/json encodes it.
func (o *openIdea) appendJSON(b []byte) ([]byte, error) {
	b = append(b, `{"id":`...)
	b = jsonString(b, o.ID)
	if o.URL != "" {
		b = append(b, `,"url":`...)
		b = jsonString(b, o.URL)
	}
	b = append(b, `,"title":`...)
	b = jsonString(b, o.Title)
	b = append(b, `,"kind":`...)
	b = jsonString(b, string(o.Kind))
	b = append(b, `,"stage":`...)
	b = jsonString(b, string(o.Stage))
	b = append(b, `,"submitted":`...)
	b = jsonString(b, o.Submitted)
	if o.Submitter != "" {
		b = append(b, `,"submitter":`...)
		b = jsonString(b, o.Submitter)
	}
	b = append(b, `,"anonymous":`...)
	b = strconv.AppendBool(b, o.Anonymous)
	b = append(b, `,"unit":`...)
	b = jsonString(b, o.Unit)
	b = append(b, `,"unit_name":`...)
	b = jsonString(b, o.UnitName)
	b = append(b, `,"tags":`...)
	b = jsonStrings(b, o.Tags)
	if o.Discussion != "" {
		b = append(b, `,"discussion":`...)
		b = jsonString(b, o.Discussion)
	}
	b = append(b, `,"related":`...)
	b = jsonStrings(b, o.Related)
	b = append(b, `,"similar":`...)
	b = jsonStrings(b, o.Similar)
	b = append(b, `,"duplicates":`...)
	b = jsonStrings(b, o.Duplicates)
	b = append(b, `,"text":`...)
	b = jsonString(b, o.Text)
	var err error
	if sc := o.Screening; sc != nil {
		b = append(b, `,"screening":{"by":`...)
		b = sc.By.appendJSON(b)
		b = append(b, `,"criteria":`...)
		if b, err = jsonMap(b, sc.Criteria); err != nil {
			return nil, err
		}
		b = append(b, `,"date":`...)
		b = jsonDate(b, sc.Date)
		if sc.DuplicateOf != "" {
			b = append(b, `,"duplicate_of":`...)
			b = jsonString(b, sc.DuplicateOf)
		}
		b = append(b, `,"feedback":`...)
		b = jsonString(b, sc.Feedback)
		b = append(b, `,"outcome":`...)
		b = jsonString(b, string(sc.Outcome))
		b = append(b, `,"revisit":`...)
		b = jsonDate(b, sc.Revisit)
		b = append(b, '}')
	}
	if p := o.Proposal; p != nil {
		b = append(b, `,"proposal":{"by":`...)
		b = p.By.appendJSON(b)
		b = append(b, `,"cost":`...)
		b = strconv.AppendInt(b, int64(p.Cost), 10)
		b = append(b, `,"date":`...)
		b = jsonDate(b, p.Date)
		b = append(b, `,"resources":`...)
		b = jsonString(b, p.Resources)
		b = append(b, `,"summary":`...)
		b = jsonString(b, p.Summary)
		b = append(b, '}')
	}
	if d := o.Decision; d != nil {
		b = append(b, `,"decision":{"by":`...)
		b = d.By.appendJSON(b)
		b = append(b, `,"date":`...)
		b = jsonDate(b, d.Date)
		b = append(b, `,"implementer":`...)
		b = d.Implementer.appendJSON(b)
		b = append(b, `,"motivation":`...)
		b = jsonString(b, d.Motivation)
		b = append(b, `,"outcome":`...)
		b = jsonString(b, string(d.Outcome))
		b = append(b, `,"resources":`...)
		b = jsonString(b, d.Resources)
		b = append(b, '}')
	}
	if p := o.Plan; p != nil {
		b = append(b, `,"plan":{"by":`...)
		b = p.By.appendJSON(b)
		b = append(b, `,"date":`...)
		b = jsonDate(b, p.Date)
		b = append(b, `,"summary":`...)
		b = jsonString(b, p.Summary)
		b = append(b, '}')
	}
	if im := o.Implemented; im != nil {
		b = append(b, `,"implementation":{`...)
		if c := im.Communicated; c != nil {
			b = append(b, `"communicated":{"by":`...)
			b = c.By.appendJSON(b)
			b = append(b, `,"channel":`...)
			b = jsonString(b, c.Channel)
			b = append(b, `,"date":`...)
			b = jsonDate(b, c.Date)
			b = append(b, "},"...)
		}
		b = append(b, `"completed":`...)
		b = jsonDate(b, im.Completed)
		b = append(b, `,"started":`...)
		b = jsonDate(b, im.Started)
		b = append(b, '}')
	}
	if oc := o.Outcome; oc != nil {
		b = append(b, `,"outcome":{"by":`...)
		b = oc.By.appendJSON(b)
		b = append(b, `,"date":`...)
		b = jsonDate(b, oc.Date)
		b = append(b, `,"effects":`...)
		b = jsonString(b, oc.Effects)
		b = append(b, `,"lessons":`...)
		b = jsonString(b, oc.Lessons)
		if r := oc.ReportedTo; r != nil {
			b = append(b, `,"reported_to":{"body":`...)
			b = jsonString(b, r.Body)
			b = append(b, `,"date":`...)
			b = jsonDate(b, r.Date)
			b = append(b, '}')
		}
		b = append(b, '}')
	}
	if w := o.Withdrawn; w != nil {
		b = append(b, `,"withdrawn":{"date":`...)
		b = jsonDate(b, w.Date)
		b = append(b, `,"reason":`...)
		b = jsonString(b, w.Reason)
		b = append(b, '}')
	}
	if len(o.Sections) > 0 {
		b = append(b, `,"sections":{`...)
		for i, id := range sortedKeys(o.Sections) {
			if i > 0 {
				b = append(b, ',')
			}
			b = jsonString(b, id)
			b = append(b, ':')
			if b, err = jsonMap(b, o.Sections[id]); err != nil {
				return nil, err
			}
		}
		b = append(b, '}')
	}
	return append(b, '}'), nil
}

func (p *openPerson) appendJSON(b []byte) []byte {
	if p == nil {
		return append(b, "null"...)
	}
	b = append(b, `{"login":`...)
	b = jsonString(b, p.Login)
	b = append(b, `,"name":`...)
	b = jsonString(b, p.Name)
	return append(b, '}')
}

// jsonMap appends m, its keys sorted as encoding/json sorts them; a value
// of a type not below is left to encoding/json.
func jsonMap(b []byte, m map[string]any) ([]byte, error) {
	if m == nil {
		return append(b, "null"...), nil
	}
	b = append(b, '{')
	for i, k := range sortedKeys(m) {
		if i > 0 {
			b = append(b, ',')
		}
		b = jsonString(b, k)
		b = append(b, ':')
		switch v := m[k].(type) {
		case string:
			b = jsonString(b, v)
		case int:
			b = strconv.AppendInt(b, int64(v), 10)
		case openMet:
			b = append(b, `{"met":`...)
			b = strconv.AppendBool(b, v.Met)
			b = append(b, `,"note":`...)
			b = jsonString(b, v.Note)
			b = append(b, '}')
		case *openPerson:
			b = v.appendJSON(b)
		case map[string]any:
			var err error
			if b, err = jsonMap(b, v); err != nil {
				return nil, err
			}
		default:
			data, err := json.Marshal(v)
			if err != nil {
				return nil, err
			}
			b = append(b, data...)
		}
	}
	return append(b, '}'), nil
}

func sortedKeys[V any](m map[string]V) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

func jsonDate(b []byte, d *string) []byte {
	if d == nil {
		return append(b, "null"...)
	}
	return jsonString(b, *d)
}

func jsonStrings(b []byte, ss []string) []byte {
	if ss == nil {
		return append(b, "null"...)
	}
	b = append(b, '[')
	for i, s := range ss {
		if i > 0 {
			b = append(b, ',')
		}
		b = jsonString(b, s)
	}
	return append(b, ']')
}

// jsonString appends s as a JSON string, escaped as encoding/json's
// Encoder escapes it: ", \ and control characters, <, > and & (so that
// the text can never close a script element or start markup where it
// lands), U+2028 and U+2029, and bytes that are not UTF-8 as U+FFFD.
func jsonString(b []byte, s string) []byte {
	const hex = "0123456789abcdef"
	b = append(b, '"')
	start := 0
	for i := 0; i < len(s); {
		if c := s[i]; c < utf8.RuneSelf {
			if c >= 0x20 && c != '"' && c != '\\' && c != '<' && c != '>' && c != '&' {
				i++
				continue
			}
			b = append(b, s[start:i]...)
			switch c {
			case '\\', '"':
				b = append(b, '\\', c)
			case '\b':
				b = append(b, '\\', 'b')
			case '\f':
				b = append(b, '\\', 'f')
			case '\n':
				b = append(b, '\\', 'n')
			case '\r':
				b = append(b, '\\', 'r')
			case '\t':
				b = append(b, '\\', 't')
			default:
				b = append(b, '\\', 'u', '0', '0', hex[c>>4], hex[c&0xF])
			}
			i++
			start = i
			continue
		}
		r, size := utf8.DecodeRuneInString(s[i:])
		if r == utf8.RuneError && size == 1 {
			b = append(b, s[start:i]...)
			b = append(b, `\ufffd`...)
		} else if r == '\u2028' || r == '\u2029' {
			b = append(b, s[start:i]...)
			b = append(b, '\\', 'u', '2', '0', '2', hex[r&0xF])
		} else {
			i += size
			continue
		}
		i += size
		start = i
	}
	b = append(b, s[start:]...)
	return append(b, '"')
}
