package content

import (
	"fmt"
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
func (l *loader) typeError(src *Source, err error) {
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
	l.errs.Add(p, "wrong type for %s: %s%s", clip(m[2]), clip(m[3]), typeHint(m[3]))
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
