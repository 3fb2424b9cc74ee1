package importer

import (
	"fmt"
	"reflect"
	"regexp"
	"strconv"
	"strings"

	"qingdan/generator/content"
)

// A leaf is one value of a record file that the source gives: a Text or
// Prose field, or one of the scalars in sourceScalars. It is named by the
// record it belongs to (item 13, basis 2 article 1; "" for the file's own
// record) and its key (text, circumstances[2]). v is the field itself, to
// carry its English over.
type leaf struct {
	rec, key string
	v        reflect.Value
}

func (l leaf) name() string { return strings.TrimSpace(l.rec + " " + l.key) }

// zh is the leaf's Chinese, or its scalar value as text.
func (l leaf) zh() string {
	switch l.v.Kind() {
	case reflect.String:
		return l.v.String()
	case reflect.Int:
		return strconv.Itoa(int(l.v.Int()))
	}
	return l.v.FieldByName("Zh").String()
}

// sourceScalars are the fields other than Text and Prose whose values
// come from the source (the others are the editor's: regimes, supervised
// items, dates of records, anchors), by their Go names.
var sourceScalars = map[string]bool{"Instrument": true, "Phone": true, "Body": true, "Series": true}

// same reports whether two leaves say the same in Chinese: Prose up to
// its Markdown layout.
func (l leaf) same(o leaf) bool {
	if l.v.Type() == proseType {
		return markdownText(l.zh()) == markdownText(o.zh())
	}
	return l.zh() == o.zh()
}

var (
	textType  = reflect.TypeFor[content.Text]()
	proseType = reflect.TypeFor[content.Prose]()
	deptType  = reflect.TypeFor[content.Department]()
)

// leaves lists the Text and Prose fields of a record (a pointer), in the
// order of its type's fields. Fields not kept in the record's file
// (toml:"-") are left out.
func leaves(rec any) []leaf {
	var out []leaf
	walk(reflect.ValueOf(rec), "", "", &out)
	return out
}

func walk(v reflect.Value, rec, key string, out *[]leaf) {
	for v.Kind() == reflect.Pointer {
		if v.IsNil() {
			return
		}
		v = v.Elem()
	}
	switch {
	case v.Type() == textType || v.Type() == proseType:
		*out = append(*out, leaf{rec, key, v})
	case v.Kind() == reflect.Slice:
		for i := range v.Len() {
			if e := reflect.Indirect(v.Index(i)); e.Kind() == reflect.Struct && e.Type() != textType {
				walk(e, strings.TrimSpace(rec+" "+key+" "+recordID(e, i)), "", out)
			} else {
				walk(v.Index(i), rec, fmt.Sprintf("%s[%d]", key, i), out)
			}
		}
	case v.Kind() == reflect.Struct:
		for i := range v.NumField() {
			f := v.Type().Field(i)
			k, _, _ := strings.Cut(f.Tag.Get("toml"), ",")
			fv, fk := v.Field(i), strings.TrimPrefix(key+"."+k, ".")
			switch {
			case !f.IsExported() || k == "-" || f.Tag.Get("source") == "editor":
			case fv.Kind() == reflect.String || fv.Kind() == reflect.Int:
				if sourceScalars[f.Name] || f.Name == "Date" && v.Type() == deptType {
					*out = append(*out, leaf{rec, fk, fv})
				}
			default:
				walk(fv, rec, fk, out)
			}
		}
	}
}

// recordID names the i'th record of an array of tables: the body it is
// about (an anchor may differ from the registry's id), its ID, its number,
// or its place.
func recordID(v reflect.Value, i int) string {
	if f := v.FieldByName("Body"); f.IsValid() && f.Kind() == reflect.String && f.String() != "" {
		return f.String()
	}
	if f := v.FieldByName("ID"); f.IsValid() && f.String() != "" {
		return f.String()
	}
	if f := v.FieldByName("N"); f.IsValid() {
		return fmt.Sprint(f.Int())
	}
	return fmt.Sprint(i + 1)
}

var mdMarker = regexp.MustCompile(`^(?:\d+\.|[-*+])\s+`)

// markdownText is the text of Markdown up to its layout: each paragraph
// or list item on a line, without list markers, indentation or blank
// lines.
func markdownText(s string) string {
	var out []string
	for _, l := range strings.Split(s, "\n") {
		if l = mdMarker.ReplaceAllString(strings.TrimSpace(l), ""); l != "" {
			out = append(out, l)
		}
	}
	return strings.Join(out, "\n")
}
