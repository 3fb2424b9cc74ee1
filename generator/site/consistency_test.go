package site

import (
	"maps"
	"qingdan/generator/content"
	"qingdan/generator/markup"
	"reflect"
	"regexp"
	"slices"
	"strconv"
	"strings"
	"testing"
)

// textPairs lists every Text and Prose of a department's records with its
// location, for checks that compare the two languages field by field.
func textPairs(c *content.Content) (pairs []Text, where []string) {
	var walk func(v reflect.Value, path string)
	walk = func(v reflect.Value, path string) {
		for v.Kind() == reflect.Pointer {
			if v.IsNil() {
				return
			}
			v = v.Elem()
		}
		switch v.Kind() {
		case reflect.Struct:
			if v.Type() == reflect.TypeFor[Text]() || v.Type() == reflect.TypeFor[Prose]() {
				pairs = append(pairs, Text{Zh: v.Field(0).String(), En: v.Field(1).String()})
				where = append(where, path)
				return
			}
			for i := range v.NumField() {
				f := v.Type().Field(i)
				if f.IsExported() {
					walk(v.Field(i), path+"."+f.Name)
				}
			}
		case reflect.Slice:
			for i := range v.Len() {
				walk(v.Index(i), path+"["+strconv.Itoa(i)+"]")
			}
		}
	}
	for _, d := range c.Departments { // a Department holds all its records
		walk(reflect.ValueOf(d), d.Slug)
	}
	return pairs, where
}

// words lists the runs of [a-z0-9] in s.
func words(s string) []string {
	return strings.FieldsFunc(s, func(r rune) bool { return (r < 'a' || r > 'z') && (r < '0' || r > '9') })
}

// stemWords lower-cases English and folds the inflections that grammar
// needs (plural, -ing, -ed), so that "licence-holding enterprises" matches
// "licence-holding enterprise".
func stemWords(s string) string {
	ws := words(strings.ToLower(s))
	for i, w := range ws {
		switch {
		case w == "bases" || w == "basis": // the one irregular plural of the lists' terms
			w = "basi"
		case len(w) > 4 && strings.HasSuffix(w, "ies"):
			w = w[:len(w)-3] + "y"
		case len(w) > 4 && strings.HasSuffix(w, "ing"):
			w = w[:len(w)-3]
		case len(w) > 3 && strings.HasSuffix(w, "ed"):
			w = w[:len(w)-2]
		case len(w) > 3 && strings.HasSuffix(w, "es") && !strings.HasSuffix(w, "ies"):
			w = w[:len(w)-1]
		}
		w = strings.TrimSuffix(w, "s")
		w = strings.TrimSuffix(w, "e")
		ws[i] = w
	}
	return " " + strings.Join(ws, " ") + " "
}

// TestGlossaryConsistency: wherever a glossary term occurs in a Chinese
// field, its one English form occurs in the English of the same field — one
// form per term, everywhere.
func TestGlossaryConsistency(t *testing.T) {
	t.Parallel()
	c := realContent(t)
	pairs, where := textPairs(c)
	if len(pairs) < 400 {
		t.Fatalf("only %d text fields walked", len(pairs))
	}
	glossaryAgrees(t, c, pairs, where)
}

// TestGlossaryConsistencyUI holds the interface strings (headings, labels,
// the pictures' words) to the glossary as TestGlossaryConsistency holds the
// content: a page's heading says a term as the glossary does.
func TestGlossaryConsistencyUI(t *testing.T) {
	t.Parallel()
	c := realContent(t)
	var pairs []Text
	var where []string
	for _, k := range slices.Sorted(maps.Keys(c.UI)) {
		if _, ok := freeLabels[k]; ok || !slices.ContainsFunc(labelKeys, func(p string) bool { return strings.HasPrefix(k, p) }) {
			continue
		}
		pairs = append(pairs, c.UI[k])
		where = append(where, "i18n.toml "+k)
	}
	if len(pairs) < 40 {
		t.Fatalf("only %d interface strings", len(pairs))
	}
	glossaryAgrees(t, c, pairs, where)
}

// labelKeys are the prefixes of the interface strings that are labels and
// headings beside the lists' own words (the pictures', a part's, a
// boundary's, a duty's, the search kinds).
var labelKeys = []string{"glance.", "chart.", "boundary.", "related.", "kind.", "duty.", "acc.", "part.", "matrix."}

// freeLabels are labels that say a term otherwise, and why.
var freeLabels = map[string]string{
	"duty.bases":      "追责依据及追责情形: the two terms share “for accountability” (bases and circumstances for accountability)",
	"part.boundaries": "部门职责边界: the glossary's note gives this heading as is (the boundaries of the department's duties)",
}

// glossaryAgrees reports every pair whose Chinese holds a glossary term
// and whose English lacks the term's English form.
func glossaryAgrees(t *testing.T, c *content.Content, pairs []Text, where []string) {
	t.Helper()
	ix := content.NewIndex(c)
	stems := make([]string, len(pairs))
	stemmed := func(i int) string { // the i-th pair's English, stemmed, once
		if stems[i] == "" {
			stems[i] = stemWords(markup.Plain(En, pairs[i].En, ix))
		}
		return stems[i]
	}
	for _, term := range c.Glossary.Terms {
		want := stemWords(term.Term.En)
		// An occurrence inside a longer glossary term is that term's (the
		// longest match governs): 生产许可证 inside 安全生产许可证.
		var longer []string
		for _, o := range c.Glossary.Terms {
			if len(o.Term.Zh) > len(term.Term.Zh) && strings.Contains(o.Term.Zh, term.Term.Zh) {
				longer = append(longer, o.Term.Zh)
			}
		}
		for i, p := range pairs {
			zh := p.Zh
			for _, o := range longer {
				zh = strings.ReplaceAll(zh, o, "\x00")
			}
			if strings.Contains(zh, term.Term.Zh) && !strings.Contains(stemmed(i), want) {
				t.Errorf("%s: %s is %q in the glossary, but the English says:\n\t%s", where[i], term.Term.Zh, term.Term.En, p.En)
			}
		}
	}
}

var articleRE = regexp.MustCompile(`\b(a|an|A|An) 《([a-z0-9-]+)》`)

// TestArticlesBeforeMentions: "a" or "an" before a 《id》 mention agrees
// with the English name it renders as (an Administrative …, a Notice …).
func TestArticlesBeforeMentions(t *testing.T) {
	t.Parallel()
	c := realContent(t)
	ix := content.NewIndex(c)
	pairs, where := textPairs(c)
	for i, p := range pairs {
		for _, m := range articleRE.FindAllStringSubmatch(p.En, -1) {
			in := ix.Resolve(En, m[2])
			if in == nil {
				continue
			}
			vowel := strings.ContainsRune("AEIOUaeiou", rune(in.Name.En[0]))
			if an := strings.EqualFold(m[1], "an"); an != vowel {
				t.Errorf("%s: %q renders as %q %s", where[i], m[0], m[1], in.Name.En)
			}
		}
	}
}
