package similar

import (
	"strings"
	"unicode"
	"unicode/utf8"

	"github.com/idebanken/idebanken/internal/model"
)

// Words returns the terms of a text as the index counts them: folded as
// model.Fold folds (å, ä → a, ö → o, lower case), split at everything but
// letters and digits, stop words left out, and each word cut to its stem
// (see Stem), so that "halkrisken", "halkrisker" and "Halkrisk" are one
// term.
func Words(text string) []string {
	var out []string
	eachWord(model.Fold(text), func(w string) {
		out = append(out, Stem(w))
	})
	return out
}

// eachWord calls fn with every word of folded text that is no stop word,
// in order, as written.
func eachWord(folded string, fn func(string)) {
	start := -1
	for i, r := range folded {
		if r < utf8.RuneSelf && (r >= 'a' && r <= 'z' || r >= '0' && r <= '9') || r >= utf8.RuneSelf && (unicode.IsLetter(r) || unicode.IsDigit(r)) {
			if start < 0 {
				start = i
			}
			continue
		}
		if start >= 0 {
			term(folded[start:i], fn)
			start = -1
		}
	}
	if start >= 0 {
		term(folded[start:], fn)
	}
}

func term(w string, fn func(string)) {
	if len(w) < 2 || stopWords[w] {
		return // a lone letter says nothing of what an idea is about
	}
	fn(w)
}

// stopWords are the Swedish words that say nothing of what an idea is
// about, folded: the stop list of the Snowball project's Swedish stemmer,
// with the few English words a bank in English uses most. They are the
// words of any text, not of ideas: nothing here is tuned to a bank.
var stopWords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range strings.Fields(`
		och det att i en jag hon som han pa den med var sig for sa till ar men ett om hade de av icke
		mig du henne da sin nu har inte hans honom skulle hennes dar min man ej vid kunde nagot fran ut
		nar efter upp vi dem vara vad over an dig kan sina har ha mot alla under nagon eller allt mycket
		sedan ju denna sjalv detta at utan varit hur ingen mitt ni bli blev oss din dessa nagra deras
		blir mina samma vilken er sadan var blivit dess inom mellan sadant varfor varje vilka ditt vem
		vilket sitta sadana vart dina vars vart vara ert era vilkas
		the and of to in is it that for on with as are be this by or an at from we our can not
		`) {
		m[w] = true
	}
	return m
}()

// Stem cuts the common Swedish endings off a folded word: the definite and
// plural endings of nouns (-an, -en, -et, -er, -ar, -or, -na, -arna,
// -erna, -orna, -ens, …), those of verbs and participles (-ade, -ande, -at, -as,
// -ad), and -ning/-ing, which makes a verb's noun (städning, städa → städ).
// It keeps a stem of at least three letters after its first vowel (the
// region R1 of the Snowball stemmers), so short words are left as they
// are, and like those stemmers it errs towards cutting too little: two
// words with one stem are the same word far more often than not.
func Stem(w string) string {
	if !utf8.ValidString(w) || len(w) < 4 {
		return w
	}
	r1 := region(w)
	for _, suf := range suffixesBy[w[len(w)-1]] {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= r1 {
			w = w[:len(w)-len(suf)]
			goto doubled
		}
	}
	// -s of the genitive and the passive, after a consonant that ends
	// Swedish stems.
	if strings.HasSuffix(w, "s") && len(w)-1 >= r1 && strings.IndexByte("bcdfghjklmnoprtvy", w[len(w)-2]) >= 0 {
		w = w[:len(w)-1]
	}
doubled:
	// A double consonant left at the end is one: "hemtjanst" and the
	// like are untouched, "sommarr" of "sommarrna" is not a word.
	if n := len(w); n >= 4 {
		switch w[n-2:] {
		case "dd", "gd", "nn", "dt", "gt", "kt", "tt":
			w = w[:n-1]
		}
	}
	// -lig, -ig and -els make adjectives and nouns of one stem.
	for _, suf := range []string{"lig", "els", "ig"} {
		if strings.HasSuffix(w, suf) && len(w)-len(suf) >= r1 {
			return w[:len(w)-len(suf)]
		}
	}
	return w
}

// suffixes are the endings Stem cuts, the longest first so that "-arna"
// goes before "-na" and "-a". Folded, as Stem's words are: "-ar" stands
// for "-ar" alone, å and ä having become a.
var suffixes = []string{
	"heterna", "hetens", "ningarna", "ningens", "ningen", "ningar", "ingarna", "ingen", "ingar",
	"anden", "heten", "heter", "arnas", "ernas", "ornas", "andes", "arens", "andet",
	"arna", "erna", "orna", "ande", "arne", "aste", "aren", "ades", "erns", "ning",
	"ade", "are", "ern", "ens", "het", "ast", "ing",
	"ad", "an", "en", "et", "ar", "er", "or", "as", "es", "at", "na",
	"a", "e",
}

// suffixesBy holds suffixes by their last letter, in their order: most
// words end in a letter that no suffix ends in, or in one that few do.
var suffixesBy = func() (m [256][]string) {
	for _, s := range suffixes {
		m[s[len(s)-1]] = append(m[s[len(s)-1]], s)
	}
	return m
}()

// region returns where R1 of w begins: after the first consonant that
// follows a vowel, and at least three letters in.
func region(w string) int {
	for i := 1; i < len(w); i++ {
		if !vowel(w[i]) && vowel(w[i-1]) {
			return max(i+1, 3)
		}
	}
	return len(w)
}

func vowel(b byte) bool { return strings.IndexByte("aeiouy", b) >= 0 }
