package importer

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"reflect"
	"slices"
	"strings"

	"github.com/BurntSushi/toml"

	"qingdan/generator/content"
)

// update imports d into the department folder dept that exists: a file
// whose record is new is written, one whose record is gone removed, and
// the others spliced (see splice), so comments, layout and English stay.
// A file whose change splice cannot make (a value added inside a record,
// records reordered, a changed value not found exactly once) is written
// anew, keeping the English, regimes, dates and anchors of the records it
// still has. It returns the changes, a line each.
func update(dept string, d *content.Department) ([]string, error) {
	old, err := readDept(dept)
	if err != nil {
		return nil, err
	}
	recs := records(d)
	var names []string
	for n := range old {
		names = append(names, n)
	}
	for n := range recs {
		if old[n] == nil {
			names = append(names, n)
		}
	}
	slices.Sort(names)
	var log []string
	for _, name := range names {
		p := filepath.Join(dept, filepath.FromSlash(name))
		switch o, n := old[name], recs[name]; {
		case o == nil:
			log = append(log, fmt.Sprintf("+ %s: added", name))
			err = writeFiles(dept, map[string]string{name: render(n)})
		case n == nil:
			log = append(log, fmt.Sprintf("- %s: removed", name))
			err = os.Remove(p)
		default:
			var lines []string
			lines, err = updateFile(p, name, o, n)
			log = append(log, lines...)
		}
		if err != nil {
			return log, err
		}
	}
	return log, nil
}

// readDept decodes the record files of a department folder.
func readDept(dept string) (map[string]any, error) {
	out := map[string]any{}
	fsys := os.DirFS(dept)
	kinds := map[string]func() any{
		"department.toml": func() any { return &content.Department{} }, "services.toml": func() any { return &content.Services{} },
		"accountability.toml": func() any { return &content.Accountability{} }, "duties/*.toml": func() any { return &content.Duty{} },
		"boundaries/*.toml": func() any { return &content.Boundary{} }, "systems/*.toml": func() any { return &content.System{} },
	}
	for pattern, newRec := range kinds {
		names, _ := fs.Glob(fsys, pattern)
		for _, name := range names {
			rec := newRec()
			if _, err := toml.DecodeFile(filepath.Join(dept, name), rec); err != nil {
				return nil, fmt.Errorf("%s: %w", filepath.Join(dept, name), err)
			}
			out[name] = rec
		}
	}
	if out["department.toml"] == nil {
		return nil, fmt.Errorf("%s: no department.toml: not a department folder", dept)
	}
	return out, nil
}

// updateFile brings the file at p from record o to record n.
func updateFile(p, name string, o, n any) ([]string, error) {
	ol, nl := byName(leaves(o)), byName(leaves(n))
	log := changes(name, ol, nl)
	if len(log) == 0 {
		return nil, nil
	}
	b, err := os.ReadFile(p)
	if err != nil {
		return log, err
	}
	text, ok := splice(string(b), o, n, ol, nl, &log)
	if !ok {
		carry(o, n, ol, nl)
		text = render(n)
		log = append(log, fmt.Sprintf("! %s: values added or removed inside a record: written anew (the English, regimes and anchors of its records kept; its comments are not)", name))
	}
	return log, os.WriteFile(p, []byte(text), 0o644)
}

// changes lists the differences of a file's values: a record added or
// removed whole on one line (+ or -, with its title), any other value
// added, removed or changed (~) on one.
func changes(name string, ol, nl map[string]leaf) []string {
	var log []string
	side := func(sign string, from, to map[string]leaf) {
		recs := map[string]bool{}
		for _, l := range to {
			recs[topName(l.rec)] = true
		}
		done := map[string]bool{}
		for _, k := range sortedKeys(from) {
			l := from[k]
			rec := topName(l.rec)
			switch _, in := to[k]; {
			case in || done[rec]:
			case rec != "" && !recs[rec]:
				done[rec] = true
				log = append(log, fmt.Sprintf("%s %s %s: %q", sign, name, rec, short(title(from, rec))))
			default:
				log = append(log, fmt.Sprintf("%s %s %s: %q", sign, name, k, short(l.zh())))
			}
		}
	}
	side("+", nl, ol)
	side("-", ol, nl)
	for _, k := range sortedKeys(nl) {
		if ov, ok := ol[k]; ok && !ov.same(nl[k]) {
			line := fmt.Sprintf("~ %s %s: %q → %q", name, k, short(ov.zh()), short(nl[k].zh()))
			if ov.v.Kind() == reflect.Struct {
				line += " (its English, if any, kept: review it)"
			}
			log = append(log, line)
		}
	}
	return log
}

// title is what names record rec in a message: its title, text or name.
func title(m map[string]leaf, rec string) string {
	for _, k := range []string{"title", "text", "name", "body"} {
		if l, ok := m[rec+" "+k]; ok {
			return l.zh()
		}
	}
	return ""
}

// byName indexes leaves with Chinese by name.
func byName(ls []leaf) map[string]leaf {
	m := map[string]leaf{}
	for _, l := range ls {
		if l.zh() != "" {
			m[l.name()] = l
		}
	}
	return m
}

func sortedKeys(m map[string]leaf) []string {
	var ks []string
	for k := range m {
		ks = append(ks, k)
	}
	slices.Sort(ks)
	return ks
}

// replaceValue rewrites the one place in text that holds o's Chinese
// value with n's; it fails when the value is not there exactly once.
func replaceValue(text string, o, n leaf) (string, bool) {
	forms := func(l leaf) []string {
		if l.v.Kind() == reflect.Int {
			return []string{l.key + " = " + l.zh()}
		}
		return valueForms(l.zh(), l.v.Type() == proseType)
	}
	return replaceOnce(text, forms(o), forms(n))
}

// valueForms are the ways a file writes a string value: quoted, and for
// Prose first as a multi-line literal string.
func valueForms(s string, prose bool) []string {
	if prose {
		return []string{"'''\n" + strings.TrimRight(s, "\n") + "\n'''", quote(s)}
	}
	return []string{quote(s)}
}

// replaceOnce replaces the first of the forms from that text holds
// exactly once with the form of to at the same place.
func replaceOnce(text string, from, to []string) (string, bool) {
	for i, f := range from {
		if strings.Count(text, f) == 1 {
			return strings.Replace(text, f, to[i], 1), true
		}
	}
	return text, false
}

// carry copies into n what the editor added to o's records: the English
// of every field whose Chinese is unchanged, and the regimes, supervised
// items, date, anchor, division role and procedure steps of every record
// n still has (a department's date is the source's).
func carry(o, n any, ol, nl map[string]leaf) {
	for k, nv := range nl {
		if ov, ok := ol[k]; ok && ov.same(nv) && nv.v.Kind() == reflect.Struct {
			nv.v.FieldByName("En").SetString(ov.v.FieldByName("En").String())
		}
	}
	orecs, nrecs := structs(o), structs(n)
	for k, nv := range nrecs {
		ov, ok := orecs[k]
		if !ok {
			continue
		}
		for _, f := range []string{"Regimes", "Items", "ID", "Date", "Role", "Steps"} {
			of, nf := ov.FieldByName(f), nv.FieldByName(f)
			if f == "Date" && nv.Type() == deptType {
				continue
			}
			if of.IsValid() && (of.Kind() == reflect.String || of.Type().Elem().Kind() != reflect.Pointer || f == "Steps") {
				nf.Set(of)
			}
		}
	}
}

// structs indexes the records of a file (itself under "") by name.
func structs(rec any) map[string]reflect.Value {
	m := map[string]reflect.Value{}
	var visit func(v reflect.Value, name string)
	visit = func(v reflect.Value, name string) {
		v = reflect.Indirect(v)
		m[name] = v
		for i := range v.NumField() {
			f := v.Field(i)
			k, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("toml"), ",")
			if k == "-" || f.Kind() != reflect.Slice || f.Type().Elem().Kind() != reflect.Pointer {
				continue
			}
			for j := range f.Len() {
				visit(f.Index(j), strings.TrimSpace(name+" "+k+" "+recordID(reflect.Indirect(f.Index(j)), j)))
			}
		}
	}
	visit(reflect.ValueOf(rec), "")
	return m
}
