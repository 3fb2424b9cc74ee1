package content

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"
	"unicode/utf8"

	"github.com/BurntSushi/toml"
)

var (
	typeErrRE  = regexp.MustCompile(`^toml: line (\d+) \(last key "([^"]*)"\): (.*)$`)
	tomlTypeRE = regexp.MustCompile(`TOML value has type ([^;]+);`)
)

// typeError reports a value of the wrong type. The decoder names the key
// (without array indexes) and a line that is not always the value's, so
// the value is found again: the first one under that key whose TOML type
// is the one the decoder complained of.
func (l *loader) typeError(src *Source, err error, v any) {
	m := typeErrRE.FindStringSubmatch(err.Error())
	if m == nil {
		l.errs.Add(Pos{File: src.File, Line: 1, Col: 1}, "cannot decode: %s", clip(err.Error()))
		return
	}
	line, _ := strconv.Atoi(m[1])
	p, ok := src.firstOfType(m[2], m[3])
	if !ok {
		p = src.keyOnLine(m[2], line)
	}
	l.errs.Add(p, "wrong type for %s (%s here): %s", clip(m[2]), found(m[3]), wants(reflect.TypeOf(v), m[2], m[3]))
}

var (
	foundRE = regexp.MustCompile(`(?:TOML value has type|but found) ([^;]+?)(?:;|$)`)
	textT   = reflect.TypeFor[Text]()
	proseT  = reflect.TypeFor[Prose]()
	namesT  = reflect.TypeFor[Names]()
)

// found says in TOML's terms what kind of value the decoder found, from its
// message (which names it as a Go type).
func found(msg string) string {
	m := foundRE.FindStringSubmatch(msg)
	if m == nil {
		return "another kind of value"
	}
	switch typeClass(m[1]) {
	case "array":
		return "a list [ … ]"
	case "table":
		return "a table"
	case "integer":
		return "a whole number"
	case "float":
		return "a number with a decimal point"
	case "boolean":
		return "true or false"
	case "string":
		return "text in quotes"
	}
	return "a date or time without quotes"
}

// wants says what the value of key (as the decoder names it, without
// indexes) must be in a record of type t, and how to write it.
func wants(t reflect.Type, key, msg string) string {
	name := key[strings.LastIndexByte(key, '.')+1:]
	if i := strings.LastIndexByte(strings.TrimSuffix(key, "."+name), '.'); name == "zh" || name == "en" {
		name = key[i+1:] // title.zh
	}
	ft := fieldType(t, strings.Split(key, "."))
	if ft == nil {
		return seeTheDocs
	}
	elem := strings.Contains(msg, "destination has type") && !strings.HasSuffix(msg, "slice") &&
		ft.Kind() == reflect.Slice // the decoder complains of an element
	switch {
	case ft == textT || ft == proseT:
		return fmt.Sprintf(`%[1]s needs a Chinese and an English text: write %[1]s.zh = "…" and %[1]s.en = "…" (or %[1]s = { zh = "…", en = "…" })`, name)
	case ft == namesT:
		return fmt.Sprintf(`%[1]s needs lists of Chinese and English names: write %[1]s.zh = ["…", "…"] and %[1]s.en = ["…", "…"]`, name)
	case ft.Kind() == reflect.Slice && (ft.Elem() == textT || ft.Elem() == proseT):
		return fmt.Sprintf(`%[1]s is a list of texts, each in Chinese and English: %[1]s = [{ zh = "…", en = "…" }, { zh = "…", en = "…" }]`, name)
	case elem && ft.Elem().Kind() == reflect.String:
		return fmt.Sprintf(`%[1]s is a list of texts, each in quotes: %[1]s = ["…", "…"]`, name)
	case ft.Kind() == reflect.Slice && ft.Elem().Kind() == reflect.String:
		return fmt.Sprintf(`%[1]s needs a list of texts in quotes: %[1]s = ["…", "…"] (one text is still a list: %[1]s = ["…"])`, name)
	case ft.Kind() == reflect.Slice:
		return fmt.Sprintf(`%[1]s is a list of tables: write each under its own [[%[1]s]] header`, name)
	case ft.Kind() == reflect.String && name == "date":
		return `the date needs to be in quotes, "YYYY-MM" or "YYYY-MM-DD": date = "2015-07"`
	case ft.Kind() == reflect.String:
		return fmt.Sprintf(`%[1]s needs text in quotes: %[1]s = "…"`, name)
	case ft.Kind() == reflect.Int:
		return fmt.Sprintf(`%[1]s needs a whole number, without quotes: %[1]s = 3`, name)
	case ft.Kind() == reflect.Bool:
		return fmt.Sprintf(`%[1]s needs true or false, without quotes`, name)
	case ft.Kind() == reflect.Struct:
		return fmt.Sprintf(`%[1]s is a table: write its keys as %[1]s.KEY = … (it takes %[2]s)`, name, knownKeys(t, strings.Split(key, ".")))
	}
	return seeTheDocs
}

// seeTheDocs is the advice for a value whose field wants says nothing of.
const seeTheDocs = "see the package documentation for how to write it"

// fieldType returns the Go type of the field at the keys path in a record
// of type t (through lists and maps), or nil.
func fieldType(t reflect.Type, path []string) reflect.Type {
	for _, k := range path {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		switch t.Kind() {
		case reflect.Map:
			t = t.Elem()
		case reflect.Struct:
			f, ok := fieldByKey(t, k)
			if !ok {
				return nil
			}
			t = f.Type
		default:
			return nil
		}
	}
	return t
}

// firstOfType returns the position of the first value under the key plain
// (without indexes) whose type is the one msg names.
func (s *Source) firstOfType(plain, msg string) (Pos, bool) {
	t := tomlTypeRE.FindStringSubmatch(msg)
	var doc map[string]any
	if t == nil || toml.Unmarshal(s.text, &doc) != nil {
		return Pos{}, false
	}
	want := typeClass(t[1])
	best := -1
	for p, off := range s.keys {
		if (best < 0 || off < best) && stripIndexes(p) == plain && valueClass(lookup(doc, p)) == want {
			best = off
		}
	}
	if best < 0 {
		return Pos{}, false
	}
	return s.at(best), true
}

// lookup returns the value at path (keys joined by dots, elements by [i])
// in a document decoded without a schema, or nil.
func lookup(doc map[string]any, path string) any {
	var v any = doc
	for _, part := range strings.Split(path, ".") {
		key, idx, _ := strings.Cut(part, "[")
		t, ok := v.(map[string]any)
		if !ok {
			return nil
		}
		v = t[key]
		for idx != "" {
			n, rest, _ := strings.Cut(idx, "]")
			i, err := strconv.Atoi(n)
			switch a := v.(type) {
			case []any:
				v = nil
				if err == nil && i < len(a) {
					v = a[i]
				}
			case []map[string]any:
				v = nil
				if err == nil && i < len(a) {
					v = a[i]
				}
			default:
				return nil
			}
			idx = strings.TrimPrefix(rest, "[")
		}
	}
	return v
}

// valueClass is the kind of a decoded TOML value, as typeClass names it.
func valueClass(v any) string {
	switch v.(type) {
	case nil:
		return ""
	case []any, []map[string]any:
		return "array"
	case map[string]any:
		return "table"
	}
	return typeClass(fmt.Sprintf("%T", v))
}

// typeClass is the kind of the Go type the decoder names.
func typeClass(t string) string {
	for _, c := range []struct{ sub, class string }{{"[]", "array"}, {"map", "table"}, {"int", "integer"},
		{"float", "float"}, {"bool", "boolean"}, {"string", "string"}} {
		if strings.Contains(t, c.sub) {
			return c.class
		}
	}
	return "datetime"
}

// clip shortens a quoted key or value for a message (a table header may
// have 20,000 parts).
func clip(s string) string {
	const most = 120
	if len(s) <= most {
		return s
	}
	cut := most
	for cut > 0 && !utf8.RuneStart(s[cut]) {
		cut--
	}
	return s[:cut] + "…"
}
