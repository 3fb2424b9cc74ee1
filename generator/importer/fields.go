package importer

import (
	"reflect"

	"qingdan/generator/content"
)

// A Field is one Text or Prose value of a department's record files, named
// as an import names it: the file (duties/3.toml), the record in that file
// (item 12, basis 2 article 1; "" for the file's own record) and the key
// (text, circumstances[1]). The workbook the site publishes (package
// export) has a row for each, and importing it reads them back by name.
type Field struct {
	File, Record, Key string
	Text              content.Text
	Prose             bool
}

// Name is the field's name within its file (item 12 text).
func (f Field) Name() string { return leaf{rec: f.Record, key: f.Key}.name() }

// Fields lists the Text and Prose fields of a department that say
// something, file by file in the list's order and in each file in the
// order of its records.
func Fields(d *content.Department) []Field {
	recs := records(d)
	var out []Field
	for _, name := range fileOrder(d) {
		for _, l := range leaves(recs[name]) {
			if l.v.Kind() != reflect.Struct {
				continue
			}
			t := content.Text{Zh: l.v.FieldByName("Zh").String(), En: l.v.FieldByName("En").String()}
			if t.Zh != "" || t.En != "" {
				out = append(out, Field{File: name, Record: l.rec, Key: l.key, Text: t, Prose: l.v.Type() == proseType})
			}
		}
	}
	return out
}

// fileOrder lists a department's record files in the list's order.
func fileOrder(d *content.Department) []string {
	names := []string{"department.toml"}
	for _, du := range d.Duties {
		names = append(names, "duties/"+du.ID+".toml")
	}
	for _, b := range d.Boundaries {
		names = append(names, "boundaries/"+b.ID+".toml")
	}
	for _, s := range d.Systems {
		names = append(names, "systems/"+s.ID+".toml")
	}
	names = append(names, "services.toml")
	if d.Accountability != nil {
		names = append(names, "accountability.toml")
	}
	return names
}
