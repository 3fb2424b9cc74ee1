package site

import "qingdan/generator/export"

// DataURL is a department's open data in a format (json, csv, xlsx) at its
// stable address (package export).
func (v *View) DataURL(d *Department, format string) string {
	return v.Rel("/data/" + d.Slug + "." + format)
}

// DataFields lists the fields of a group of the open data (json, record,
// csv, xlsx) that the data page documents.
func (v *View) DataFields(group string) []string {
	for _, g := range export.Documented {
		if g.Group == group {
			return g.Fields
		}
	}
	return nil
}

// DataTable is what the "datafields" partial of the data page shows: a
// group's fields.
type DataTable struct {
	View   *View
	Group  string
	Fields []string
}

// DataTable bundles a group's fields for the "datafields" partial.
func (v *View) DataTable(group string) DataTable { return DataTable{v, group, v.DataFields(group)} }
