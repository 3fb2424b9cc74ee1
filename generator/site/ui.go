package site

import (
	"fmt"
	"slices"
	"text/template/parse"

	"qingdan/generator/content"
	"qingdan/generator/export"
	"qingdan/generator/search"
)

// goUI are the interface strings the page list itself uses (titles and
// breadcrumbs), beside those the templates name.
var goUI = []string{"site.name", "notfound.title", "list.series", "nav.home", "laws.title", "bodies.title", "regimes.title",
	"glossary.title", "search.title", "sitemap.title", "part.duties", "part.boundaries", "part.systems",
	"part.services", "part.accountability", "translation.pending", "data.title", "home.intro"}

// uiHelpers are the View methods whose first argument is an interface
// string's key.
var uiHelpers = []string{"UI", "UIOther", "UIIn"}

// checkUI is part of the check stage: every interface string that the
// templates and the page list use is in content/i18n.toml.
func (t *Templates) checkUI(c *content.Content) error {
	need := map[string]string{} // key → where it is used
	for _, k := range goUI {
		need[k] = "the page list"
	}
	for _, k := range pictureUI {
		need[k] = "the pictures (generator/site/pictures.go)"
	}
	for _, k := range search.Kinds {
		need["kind."+k] = "the search page's kind filter"
	}
	for _, g := range export.Documented {
		for _, f := range g.Fields {
			need["data."+g.Group+"."+f] = "the data page's fields"
		}
	}
	for _, name := range slices.Sorted(mapKeysOf(t.byName)) {
		for _, tp := range t.byName[name].Templates() {
			if tp.Tree == nil {
				continue
			}
			eachUIKey(tp.Tree.Root, func(key string) {
				if _, ok := need[key]; !ok {
					need[key] = tp.Name()
				}
			})
		}
	}
	var errs content.ErrorList
	at := c.Loc("i18n.toml").At("ui")
	for _, k := range slices.Sorted(mapKeysOf(need)) {
		if _, ok := c.UI[k]; !ok {
			errs.Add(at, "interface string %q (used by %s) is missing: add %s = { zh = \"…\", en = \"…\" } under [ui]", k, need[k], quoteKey(k))
		}
	}
	if err := errs.Err(); err != nil {
		return fmt.Errorf("check: %w", err)
	}
	return nil
}

// eachUIKey calls f with the literal key of every call of a UI helper
// ({{.UI "nav.home"}}, {{$.UI "…"}}) under n.
func eachUIKey(n parse.Node, f func(string)) {
	switch n := n.(type) {
	case *parse.ListNode:
		if n == nil {
			return
		}
		for _, c := range n.Nodes {
			eachUIKey(c, f)
		}
	case *parse.ActionNode:
		eachUIKey(n.Pipe, f)
	case *parse.PipeNode:
		if n == nil {
			return
		}
		for _, c := range n.Cmds {
			eachUIKey(c, f)
		}
	case *parse.CommandNode:
		if len(n.Args) >= 2 && isUIHelper(n.Args[0]) {
			if s, ok := n.Args[1].(*parse.StringNode); ok {
				f(s.Text)
			}
		}
		for _, a := range n.Args {
			eachUIKey(a, f)
		}
	case *parse.IfNode:
		eachBranch(&n.BranchNode, f)
	case *parse.RangeNode:
		eachBranch(&n.BranchNode, f)
	case *parse.WithNode:
		eachBranch(&n.BranchNode, f)
	case *parse.TemplateNode:
		eachUIKey(n.Pipe, f)
	}
}

func eachBranch(b *parse.BranchNode, f func(string)) {
	eachUIKey(b.Pipe, f)
	eachUIKey(b.List, f)
	if b.ElseList != nil {
		eachUIKey(b.ElseList, f)
	}
}

func isUIHelper(n parse.Node) bool {
	var ident []string
	switch n := n.(type) {
	case *parse.FieldNode:
		ident = n.Ident
	case *parse.VariableNode:
		ident = n.Ident[1:]
	}
	return len(ident) == 1 && slices.Contains(uiHelpers, ident[0])
}

func quoteKey(k string) string { return fmt.Sprintf("%q", k) }

func mapKeysOf[K comparable, V any](m map[K]V) func(func(K) bool) {
	return func(yield func(K) bool) {
		for k := range m {
			if !yield(k) {
				return
			}
		}
	}
}
