package importer

import (
	"fmt"
	"os"
	"strings"
)

// writeTexts brings the file at p from record o to record n, which differ
// only in the Chinese and English of Text and Prose fields (a workbook's
// edits): each value that changed is rewritten in place, an English
// added after its Chinese. A value not found exactly once has the file
// written anew from n. It returns the changes, a line each.
func writeTexts(p, name string, o, n any) ([]string, error) {
	ol, nl := textLeaves(o), textLeaves(n)
	b, err := os.ReadFile(p)
	if err != nil {
		return nil, err
	}
	text, ok := string(b), true
	var log []string
	for _, k := range sortedKeys(nl) {
		ov, nv := ol[k], nl[k]
		prose := nv.v.Type() == proseType
		zh := ov.zh() // the Chinese as the file has it
		if nz := nv.zh(); !sameValue(zh, nz, prose) {
			log = append(log, fmt.Sprintf("~ %s %s.zh: %q → %q", name, k, short(zh), short(nz)))
			text, ok = andThen(ok, text, func(t string) (string, bool) { return replaceOnce(t, valueForms(zh, prose), valueForms(nz, prose)) })
			zh = nz
		}
		if oe, ne := en(ov), en(nv); !sameValue(oe, ne, prose) {
			log = append(log, fmt.Sprintf("~ %s %s.en: %q → %q", name, k, short(oe), short(ne)))
			text, ok = andThen(ok, text, func(t string) (string, bool) { return replaceEn(t, zh, oe, ne, prose) })
		}
	}
	if len(log) == 0 {
		return nil, nil
	}
	if !ok {
		text = render(n)
		log = append(log, fmt.Sprintf("! %s: a changed value is not in the file exactly once: written anew (its comments are not kept)", name))
	}
	return log, os.WriteFile(p, []byte(text), 0o644)
}

// andThen applies f to text while every step so far has succeeded.
func andThen(ok bool, text string, f func(string) (string, bool)) (string, bool) {
	if !ok {
		return text, false
	}
	return f(text)
}

func en(l leaf) string { return l.v.FieldByName("En").String() }

// sameValue reports whether two values say the same: Prose up to its
// Markdown layout.
func sameValue(a, b string, prose bool) bool {
	if prose {
		return markdownText(a) == markdownText(b)
	}
	return a == b
}

// replaceEn rewrites a field's English from oe to ne; a field without
// English gets it after its Chinese zh: key.en = … on the line after
// key.zh = …, or , en = … inside { zh = … }.
func replaceEn(text, zh, oe, ne string, prose bool) (string, bool) {
	if oe != "" && ne == "" {
		return replaceOnce(text, valueForms(oe, prose), []string{quote(""), quote("")})
	}
	if oe != "" {
		return replaceOnce(text, valueForms(oe, prose), valueForms(ne, prose))
	}
	for _, f := range valueForms(zh, prose) {
		if strings.Count(text, f) != 1 {
			continue
		}
		at := strings.Index(text, f)
		end := at + len(f)
		line := text[strings.LastIndexByte(text[:at], '\n')+1 : at]
		switch {
		case strings.HasSuffix(line, ".zh = "):
			key := strings.TrimSuffix(line, "zh = ")
			return text[:end] + "\n" + key + "en = " + valueForms(ne, prose)[0] + text[end:], true
		case strings.HasSuffix(line, "zh = "):
			return text[:end] + ", en = " + quote(ne) + text[end:], true
		}
	}
	return text, false
}
