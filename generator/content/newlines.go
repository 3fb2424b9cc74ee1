package content

import (
	"reflect"
	"strings"
)

// oneNewline makes every line break in the strings of a decoded record a
// single \n: a file saved with CRLF line ends is read as LF already (see
// text), and this catches a \r written as an escape or standing alone, so
// that no \r reaches the pages, the open data or the workbook.
func oneNewline(v reflect.Value) {
	switch v.Kind() {
	case reflect.Pointer, reflect.Interface:
		if !v.IsNil() {
			oneNewline(v.Elem())
		}
	case reflect.Struct:
		for i := range v.NumField() {
			if v.Type().Field(i).IsExported() {
				oneNewline(v.Field(i))
			}
		}
	case reflect.Slice, reflect.Array:
		for i := range v.Len() {
			oneNewline(v.Index(i))
		}
	case reflect.Map:
		for _, k := range v.MapKeys() {
			e := reflect.New(v.Type().Elem()).Elem()
			e.Set(v.MapIndex(k))
			oneNewline(e)
			v.SetMapIndex(k, e)
		}
	case reflect.String:
		if s := v.String(); strings.IndexByte(s, '\r') >= 0 && v.CanSet() {
			v.SetString(strings.ReplaceAll(strings.ReplaceAll(s, "\r\n", "\n"), "\r", "\n"))
		}
	}
}
