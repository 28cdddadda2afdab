package model

import (
	"reflect"
	"slices"
	"strings"
	"testing"
	"time"
)

func TestParseDate(t *testing.T) {
	for _, c := range []struct {
		s    string
		want Date
		ok   bool
	}{
		{"2026-03-02", Date{2026, time.March, 2}, true},
		{"2024-02-29", Date{2024, time.February, 29}, true}, // a leap year
		{"2000-02-29", Date{2000, time.February, 29}, true}, // divisible by 400
		{"2026-12-31", Date{2026, time.December, 31}, true},
		{"2026-02-30", Date{}, false},
		{"2026-02-29", Date{}, false}, // not a leap year
		{"1900-02-29", Date{}, false}, // divisible by 100, not by 400
		{"2026-04-31", Date{}, false},
		{"2026-13-01", Date{}, false},
		{"2026-00-10", Date{}, false},
		{"2026-01-00", Date{}, false},
		{"26-03-01", Date{}, false}, // a two-digit year
		{"2026-3-2", Date{}, false}, // no leading zeros
		{"2026/03/02", Date{}, false},
		{"02-03-2026", Date{}, false},
		{"2026-03-02T10:00:00Z", Date{}, false},
		{" 2026-03-02", Date{}, false},
		{"", Date{}, false},
		{"2026-03-0x", Date{}, false},
	} {
		got, err := ParseDate(c.s)
		if (err == nil) != c.ok || got != c.want {
			t.Errorf("ParseDate(%q) = %v, %v; want %v, ok %v", c.s, got, err, c.want, c.ok)
		}
	}
}

func TestDate(t *testing.T) {
	d := Date{2024, time.February, 28}
	if got := d.AddDays(1).String(); got != "2024-02-29" {
		t.Errorf("AddDays over a leap day: %s", got)
	}
	if got := d.AddDays(2).String(); got != "2024-03-01" {
		t.Errorf("AddDays into March: %s", got)
	}
	if got := (Date{2026, time.December, 31}).AddDays(1).String(); got != "2027-01-01" {
		t.Errorf("AddDays over the new year: %s", got)
	}
	if n := d.DaysUntil(Date{2024, time.March, 31}); n != 32 {
		t.Errorf("DaysUntil = %d, want 32", n)
	}
	if n := (Date{2024, time.March, 31}).DaysUntil(d); n != -32 {
		t.Errorf("DaysUntil backwards = %d, want -32", n)
	}
	// Across the change to summer time in Sweden nothing changes: dates
	// are counted in UTC.
	if n := (Date{2026, time.March, 28}).DaysUntil(Date{2026, time.March, 30}); n != 2 {
		t.Errorf("DaysUntil across summer time = %d", n)
	}
	a, b := Date{2026, 1, 31}, Date{2026, 2, 1}
	if !a.Before(b) || a.After(b) || a.Compare(b) != -1 || b.Compare(a) != 1 || a.Compare(a) != 0 {
		t.Error("Compare across months")
	}
	if !(Date{2025, 12, 31}).Before(Date{2026, 1, 1}) {
		t.Error("Compare across years")
	}
	if !(Date{}).IsZero() || (Date{}).String() != "" || d.IsZero() {
		t.Error("the zero Date")
	}
	if got := (Date{987, 1, 2}).String(); got != "0987-01-02" {
		t.Errorf("String pads the year: %s", got)
	}
}

func TestSlugify(t *testing.T) {
	for _, c := range []struct{ title, want string }{
		{"Digital felanmälan för förskolornas lokaler", "digital-felanmalan-for-forskolornas-lokaler"},
		{"Åtgärda ÄLDREBOENDETS öppettider", "atgarda-aldreboendets-oppettider"},
		{"å ä ö Å Ä Ö", "a-a-o-a-a-o"},
		{"Café & crème", "cafe-creme"},
		{"  --Halkrisk!!  vid   entrén--  ", "halkrisk-vid-entren"},
		{"E-tjänst för 24/7", "e-tjanst-for-24-7"},
		{"Ørestad æble", "orestad-aeble"},
		{"Café & crème brûlée", "cafe-creme-brulee"},
		{"Crêpe à la Dvořák", "crepe-a-la-dvorak"},
		{"", ""},
		{"!!!", ""},
		{"日本語", ""},
	} {
		got := Slugify(c.title)
		if got != c.want {
			t.Errorf("Slugify(%q) = %q, want %q", c.title, got, c.want)
		}
		if got != "" && !ValidSlug(got) {
			t.Errorf("Slugify(%q) = %q is not a valid slug", c.title, got)
		}
	}
}

func TestValidSlug(t *testing.T) {
	for s, want := range map[string]bool{
		"abc": true, "a-b-c": true, "a1-2b": true,
		"": false, "-a": false, "a-": false, "a--b": false, "Abc": false, "å": false, "a b": false, "a_b": false,
	} {
		if ValidSlug(s) != want {
			t.Errorf("ValidSlug(%q) = %v", s, !want)
		}
	}
}

func TestParseID(t *testing.T) {
	for _, c := range []struct {
		s         string
		ok        bool
		year, seq int
	}{
		{"2026-007", true, 2026, 7},
		{"2026-001", true, 2026, 1},
		{"2026-1234", true, 2026, 1234},
		{"2026-000", true, 2026, 0},
		{"2026-07", false, 0, 0},
		{"26-007", false, 0, 0},
		{"2026007", false, 0, 0},
		{"2026-007-x", false, 0, 0},
		{" 2026-007", false, 0, 0},
		{"2026–007", false, 0, 0}, // an en dash
		{"", false, 0, 0},
	} {
		id, err := ParseID(c.s)
		if (err == nil) != c.ok {
			t.Errorf("ParseID(%q): err %v, want ok %v", c.s, err, c.ok)
			continue
		}
		if c.ok && (string(id) != c.s || id.Year() != c.year || id.Seq() != c.seq) {
			t.Errorf("ParseID(%q) = %q year %d seq %d", c.s, id, id.Year(), id.Seq())
		}
		if !c.ok && (ID(c.s).Year() != 0 || ID(c.s).Seq() != 0) {
			t.Errorf("an invalid id %q has year %d seq %d, want 0 0", c.s, ID(c.s).Year(), ID(c.s).Seq())
		}
	}
}

func TestNextID(t *testing.T) {
	ids := []ID{"2025-001", "2025-009", "2026-002", "2026-010", "2026-003", "bad", "2027-500"}
	for _, c := range []struct {
		year int
		want ID
	}{
		{2026, "2026-011"},
		{2025, "2025-010"},
		{2028, "2028-001"}, // a year with no ideas yet
		{2027, "2027-501"},
	} {
		if got := NextID(c.year, ids); got != c.want {
			t.Errorf("NextID(%d) = %q, want %q", c.year, got, c.want)
		}
	}
	if got := NextID(2026, nil); got != "2026-001" {
		t.Errorf("NextID with no ids = %q", got)
	}
	if got := NextID(2026, []ID{"2026-999"}); got != "2026-1000" {
		t.Errorf("NextID past 999 = %q, want 2026-1000", got)
	}
	if got := MakeID(2026, 7); got != "2026-007" {
		t.Errorf("MakeID = %q", got)
	}
	if got := FileName("2026-007", "digital-felanmalan"); got != "ideas/2026/2026-007-digital-felanmalan.md" {
		t.Errorf("FileName = %q", got)
	}
}

func TestEnums(t *testing.T) {
	if len(Stages) != 12 || len(Kinds) != 4 || len(Roles) != 7 {
		t.Errorf("%d stages, %d kinds, %d roles", len(Stages), len(Kinds), len(Roles))
	}
	var final []Stage
	for _, s := range Stages {
		if !s.Valid() {
			t.Errorf("%s not valid", s)
		}
		if s.Final() {
			final = append(final, s)
		}
	}
	if !slices.Equal(final, []Stage{StageEvaluated, StageRejected, StageWithdrawn}) {
		t.Errorf("final stages: %v", final)
	}
	for _, bad := range []Stage{"", "Submitted", "submitted "} {
		if bad.Valid() {
			t.Errorf("%q valid", bad)
		}
	}
	if Kind("idea").Valid() || !KindProblem.Valid() || Role("administrator").Valid() || !RoleAdmin.Valid() || !Swedish.Valid() || Lang("se").Valid() {
		t.Error("Valid")
	}
}

func TestLogins(t *testing.T) {
	for s, want := range map[string]bool{
		"alice": true, "Alice-B": true, "a1": true, "a": true, "a-b-c": true,
		"":                       false,
		"-a":                     false,
		"a-":                     false,
		"a--b":                   false,
		"a_b":                    false,
		"a.b":                    false,
		"åsa":                    false,
		"a b":                    false,
		string(make([]byte, 40)): false,
		"abcdefghijabcdefghijabcdefghijabcdefghi":  true,  // 39
		"abcdefghijabcdefghijabcdefghijabcdefghij": false, // 40
	} {
		if got := ValidLogin(s); got != want {
			t.Errorf("ValidLogin(%q) = %v", s, got)
		}
	}
	c := &Config{
		Units: []Unit{{ID: "skola"}, {ID: "omsorg"}},
		People: []Person{
			{Login: "Amb", Roles: []Role{RoleAmbassador}, Units: []string{"skola"}},
			{Login: "inno", Roles: []Role{RoleInnovationGroup}},
		},
	}
	if !c.Holds("amb", RoleAmbassador, "skola") || !c.Holds("AMB", RoleAmbassador, "skola") {
		t.Error("logins compare without case")
	}
	if c.Holds("amb", RoleAmbassador, "omsorg") || c.Holds("amb", RoleManagement, "skola") || c.Holds("nobody", RoleAmbassador, "skola") {
		t.Error("Holds outside the unit or role")
	}
	if !c.Holds("inno", RoleInnovationGroup, "omsorg") {
		t.Error("no units: every unit")
	}
	if got := c.Holders(RoleAmbassador, "skola"); !slices.Equal(got, []string{"Amb"}) {
		t.Errorf("Holders = %v", got)
	}
	if c.Unit("skola") == nil || c.Unit("bygg") != nil {
		t.Error("Unit")
	}
	if SameLogin("", "") || !SameLogin("EvaEx", "evaex") || SameLogin("eva", "evaex") {
		t.Error("SameLogin")
	}
	if (Submitter{Name: "Eva", Anonymous: true}).PublicName() != "" || (Submitter{Name: "Eva"}).PublicName() != "Eva" {
		t.Error("PublicName")
	}
}

// TestFoldTable: the table Fold takes most text from gives what Unicode
// decomposition gives, for every character up to U+024F, alone and in a
// word with others.
func TestFoldTable(t *testing.T) {
	var runes []rune
	for r := rune(0); r < 0x250; r++ {
		runes = append(runes, r)
	}
	for r := rune(0x1ff0); r < 0x2110; r++ { // general punctuation, and either side
		runes = append(runes, r)
	}
	for _, r := range runes {
		for _, s := range []string{string(r), "Å" + string(r) + "x", strings.ToUpper(string(r)), string(r) + "\u0301", "a–" + string(r) + "’"} {
			if got, want := Fold(s), foldSlow(s); got != want {
				t.Errorf("Fold(%q) = %q, want %q", s, got, want)
			}
		}
	}
	if got := Fold("Ångström Æble ÖVER Straße"); got != "angstrom aeble over strasse" {
		t.Errorf("Fold = %q", got)
	}
}

// TestModelHoldsNoPositions holds the model to what an idea bank says, not
// where a file says it: the positions of keys are the check's, returned by
// ideafile.Decode beside the idea, and those of the process's parts are
// its reader's. No type reachable from Idea or Config has a field of
// position.
func TestModelHoldsNoPositions(t *testing.T) {
	seen := map[reflect.Type]bool{}
	var walk func(path string, ty reflect.Type)
	walk = func(path string, ty reflect.Type) {
		switch ty.Kind() {
		case reflect.Pointer, reflect.Slice, reflect.Array, reflect.Map:
			if ty.Kind() == reflect.Map {
				walk(path+"[key]", ty.Key())
			}
			walk(path+"[]", ty.Elem())
			return
		case reflect.Struct:
		default:
			return
		}
		if seen[ty] {
			return
		}
		seen[ty] = true
		for f := range ty.Fields() {
			if f.Name == "Pos" || f.Name == "Fields" && f.Type.Kind() == reflect.Map || strings.Contains(f.Type.String(), "Pos") {
				t.Errorf("%s.%s (%s) holds a position", path, f.Name, f.Type)
			}
			walk(path+"."+f.Name, f.Type)
		}
	}
	walk("Idea", reflect.TypeFor[Idea]())
	walk("Config", reflect.TypeFor[Config]())
	if len(seen) < 10 {
		t.Fatalf("walked %d types: the walk does not reach the model", len(seen))
	}
}
