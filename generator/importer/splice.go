package importer

import (
	"reflect"
	"regexp"
	"slices"
	"strings"
)

// An array of tables of a record file ([[item]], [[service]] …): its key
// and its elements with their names (item 13, service 5).
type array struct {
	key   string
	elems []reflect.Value
	names []string
}

// arrays lists the arrays of tables at the top of a record file.
func arrays(rec any) []array {
	var out []array
	v := reflect.Indirect(reflect.ValueOf(rec))
	for i := range v.NumField() {
		f := v.Field(i)
		k, _, _ := strings.Cut(v.Type().Field(i).Tag.Get("toml"), ",")
		if k == "-" || f.Kind() != reflect.Slice || f.Type().Elem().Kind() != reflect.Pointer {
			continue
		}
		a := array{key: k}
		for j := range f.Len() {
			a.elems = append(a.elems, f.Index(j))
			a.names = append(a.names, k+" "+recordID(reflect.Indirect(f.Index(j)), j))
		}
		out = append(out, a)
	}
	return out
}

// splice brings text, the file of record o, to record n where they differ
// only in whole elements of their arrays of tables added or removed (the
// others keeping their order) and in values it can place: it rewrites
// those values in place, cuts the blocks of the removed elements and
// writes the added ones after the element before them. It reports false
// when the change is of another kind.
func splice(text string, o, n any, ol, nl map[string]leaf, log *[]string) (string, bool) {
	oa, na := arrays(o), arrays(n)
	whole := map[string]bool{} // the elements added or removed
	for i := range oa {
		kept := func(names, in []string) []string {
			return slices.DeleteFunc(slices.Clone(names), func(s string) bool { return !slices.Contains(in, s) })
		}
		if !slices.Equal(kept(oa[i].names, na[i].names), kept(na[i].names, oa[i].names)) {
			return text, false // reordered
		}
		for _, s := range oa[i].names {
			whole[s] = !slices.Contains(na[i].names, s)
		}
		for _, s := range na[i].names {
			whole[s] = whole[s] || !slices.Contains(oa[i].names, s)
		}
	}
	ok := true
	for _, k := range sortedKeys(nl) {
		if ov, in := ol[k]; in && !ov.same(nl[k]) && ok {
			text, ok = replaceValue(text, ov, nl[k])
		} else if !in && !whole[topName(nl[k].rec)] {
			return text, false // a value added inside an element
		}
	}
	for k := range ol {
		if _, in := nl[k]; !in && !whole[topName(ol[k].rec)] {
			return text, false
		}
	}
	if !ok {
		return text, false
	}
	for i := range oa {
		if moved := renumbered(oa[i], na[i]); len(moved) > 0 && oa[i].key == "item" {
			*log = append(*log, "! "+strings.Join(moved, ", ")+": the items = [...] of the systems name items by number: check them")
		}
		if text, ok = spliceArray(text, oa[i], na[i]); !ok {
			return text, false
		}
	}
	return text, true
}

// spliceArray rewrites the blocks of array o in text as those of n: the
// blocks of the elements n keeps as they are, those of the elements it
// adds written in their places. The blocks must follow one another.
func spliceArray(text string, o, n array) (string, bool) {
	b := blocks(text, o.key)
	if len(b) != len(o.names) || slices.Equal(o.names, n.names) {
		return text, len(b) == len(o.names)
	}
	var parts []string
	for j, name := range n.names {
		if i := slices.Index(o.names, name); i >= 0 {
			parts = append(parts, strings.TrimRight(text[b[i][0]:b[i][1]], "\n"))
		} else {
			w := &tw{}
			w.element(n.elems[j].Interface())
			parts = append(parts, strings.TrimRight(w.b.String(), "\n"))
		}
	}
	if len(b) == 0 {
		return strings.TrimRight(text, "\n") + "\n\n" + strings.Join(parts, "\n\n") + "\n", true
	}
	for i := 1; i < len(b); i++ {
		if b[i][0] != b[i-1][1] {
			return text, false // something between two blocks
		}
	}
	start, end := b[0][0], b[len(b)-1][1]
	mid := strings.Join(parts, "\n\n")
	if mid != "" && end < len(text) {
		mid += "\n\n"
	}
	return strings.TrimRight(text[:start]+mid+text[end:], "\n") + "\n", true
}

// renumbered gives an element n adds the English and regimes of an
// element o drops that says the same (an item renumbered), and lists
// them.
func renumbered(o, n array) (moved []string) {
	for j, name := range n.names {
		if slices.Contains(o.names, name) {
			continue
		}
		for k, oname := range o.names {
			ol, nl := byName(leaves(o.elems[k].Interface())), byName(leaves(n.elems[j].Interface()))
			if slices.Contains(n.names, oname) || len(ol) != len(nl) || slices.ContainsFunc(sortedKeys(nl), func(key string) bool {
				ov, ok := ol[key]
				return !ok || !ov.same(nl[key])
			}) {
				continue
			}
			for key, nv := range nl {
				if nv.v.Kind() == reflect.Struct {
					nv.v.FieldByName("En").Set(ol[key].v.FieldByName("En"))
				}
			}
			if r := reflect.Indirect(o.elems[k]).FieldByName("Regimes"); r.IsValid() {
				reflect.Indirect(n.elems[j]).FieldByName("Regimes").Set(r)
			}
			moved = append(moved, oname+" is now "+name)
			break
		}
	}
	return moved
}

// topName is the name of the top element a record name is in (basis 2
// of basis 2 article 1).
func topName(rec string) string {
	f := strings.Fields(rec)
	return strings.Join(f[:min(2, len(f))], " ")
}

var headerRe = regexp.MustCompile(`(?m)^[ \t]*\[\[([^\]]+)\]\][ \t]*(?:#.*)?$`)

// blocks returns where the blocks of the elements of array key are in
// text: from the comment lines above each header to those above the next
// header that is not of its own sub-tables, or the end.
func blocks(text, key string) [][2]int {
	var out [][2]int
	hs := headerRe.FindAllStringSubmatchIndex(text, -1)
	for i, h := range hs {
		if text[h[2]:h[3]] != key {
			continue
		}
		end := len(text)
		for _, next := range hs[i+1:] {
			if name := text[next[2]:next[3]]; !strings.HasPrefix(name, key+".") {
				end = commentsAbove(text, next[0])
				break
			}
		}
		out = append(out, [2]int{commentsAbove(text, h[0]), end})
	}
	return out
}

// commentsAbove moves the start of a line at off up over the comment
// lines right above it.
func commentsAbove(text string, off int) int {
	for off > 0 {
		prev := strings.LastIndex(text[:off-1], "\n") + 1
		if !strings.HasPrefix(strings.TrimSpace(text[prev:off]), "#") {
			break
		}
		off = prev
	}
	return off
}
