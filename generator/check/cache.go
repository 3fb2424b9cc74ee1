package check

import (
	"reflect"

	"qingdan/generator/content"
	"qingdan/generator/graph"
)

// A Cache checks the same content again and again (the preview) and
// reuses what the rules on a department's fields found (problems and
// pending translations), as long as the department is the same record
// (content.Cache keeps an unchanged department's records and positions)
// and the registry and the draft setting are as before: those rules read
// nothing else. Every other rule, the department's own and those across
// departments, runs every time. Its results equal Check's and Draft's.
// A Cache is for one check at a time.
type Cache struct {
	registry *content.Registry // the registry the results hold for
	draft    bool
	prev     map[*content.Department]*found
	depts    map[*content.Department]*found
	graphs   *graph.Memo
}

// found is what the field rules found in one department.
type found struct{ errs, pending content.Errors }

// NewCache returns an empty Cache.
func NewCache() *Cache { return &Cache{graphs: graph.NewMemo()} }

// graph builds the record graph, through the memo of a Cache.
func (k *Cache) graph(c *content.Content, ix *content.Index) *graph.Graph {
	if k == nil {
		return graph.New(c, ix)
	}
	return k.graphs.New(c, ix)
}

// Timed is check.Timed, with the cache.
func (k *Cache) Timed(c *content.Content, draft bool, tm *Timing) (*graph.Graph, content.Errors, error) {
	return k.run(c, draft, tm)
}

// begin starts a check of c: the results kept hold if the registry and
// draft are as they were. It returns nil for a nil Cache.
func (k *Cache) begin(c *content.Content, draft bool) *Cache {
	if k == nil {
		return nil
	}
	k.prev = k.depts
	if draft != k.draft || !reflect.DeepEqual(k.registry, c.Registry) {
		k.prev = nil
	}
	k.registry, k.draft, k.depts = c.Registry, draft, map[*content.Department]*found{}
	return k
}

// deptFields runs ck.deptFields(d), or repeats what it found before.
func (k *Cache) deptFields(ck *checker, d *content.Department) {
	f := k.prev[d]
	if f == nil {
		sub := &checker{c: ck.c, ix: ck.ix, draft: ck.draft}
		sub.deptFields(d)
		f = &found{errs: content.AsErrors(sub.errs.Err()), pending: sub.pending}
	}
	k.depts[d] = f
	for _, e := range f.errs {
		ck.errs.Add(e.Pos, "%s", e.Msg)
	}
	ck.pending = append(ck.pending, f.pending...)
}
