package chart

import (
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"strings"
	"testing"
)

// node is an element of rendered output, read back with encoding/xml: the
// output must be well-formed XML (the SVG inside HTML, and the HTML around
// it, which closes every element it opens).
type node struct {
	name string
	attr map[string]string
	kids []*node
	text strings.Builder // all character data inside, descendants' too
}

// parse decodes s strictly into a tree under a synthetic root.
func parse(t *testing.T, s string) *node {
	t.Helper()
	d := xml.NewDecoder(strings.NewReader(s))
	d.Strict = true
	root := &node{name: "#root"}
	stack := []*node{root}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			t.Fatalf("output is not well-formed XML: %v\n%s", err, s)
		}
		switch tok := tok.(type) {
		case xml.StartElement:
			n := &node{name: tok.Name.Local, attr: map[string]string{}}
			for _, a := range tok.Attr {
				n.attr[a.Name.Local] = a.Value
			}
			top := stack[len(stack)-1]
			top.kids = append(top.kids, n)
			stack = append(stack, n)
		case xml.EndElement:
			stack = stack[:len(stack)-1]
		case xml.CharData:
			for _, n := range stack {
				n.text.Write(tok)
			}
		}
	}
	if len(stack) != 1 {
		t.Fatalf("output leaves %d elements open", len(stack)-1)
	}
	return root
}

// all lists n's descendants (n too) that match, in document order.
func (n *node) all(match func(*node) bool) []*node {
	var out []*node
	if match(n) {
		out = append(out, n)
	}
	for _, k := range n.kids {
		out = append(out, k.all(match)...)
	}
	return out
}

// one is the only descendant that matches, or fails the test.
func (n *node) one(t *testing.T, what string, match func(*node) bool) *node {
	t.Helper()
	got := n.all(match)
	if len(got) != 1 {
		t.Fatalf("%d elements are %s, want 1", len(got), what)
	}
	return got[0]
}

func (n *node) Text() string { return n.text.String() }

func (n *node) hasClass(c string) bool {
	return strings.Contains(" "+n.attr["class"]+" ", " "+c+" ")
}

func tag(name string) func(*node) bool { return func(n *node) bool { return n.name == name } }

func class(c string) func(*node) bool { return func(n *node) bool { return n.hasClass(c) } }

func tagClass(name, c string) func(*node) bool {
	return func(n *node) bool { return n.name == name && n.hasClass(c) }
}

// checkWellMade asserts what every picture must be: no style attribute,
// unique IDs, every aria-labelledby/-describedby resolving to a <title>
// or <desc>, and role="img" on an <svg> with both.
func checkWellMade(t *testing.T, root *node) {
	t.Helper()
	ids := map[string]*node{}
	for _, n := range root.all(func(*node) bool { return true }) {
		if _, ok := n.attr["style"]; ok {
			t.Errorf("<%s> has a style attribute: use a class (the CSP forbids inline styles)", n.name)
		}
		if id := n.attr["id"]; id != "" {
			if ids[id] != nil {
				t.Errorf("id %q is used twice", id)
			}
			ids[id] = n
		}
	}
	imgs := root.all(func(n *node) bool { return n.attr["role"] == "img" })
	for _, n := range imgs {
		if links := n.all(tag("a")); len(links) > 0 {
			t.Errorf("%d links inside role=img: its children are presentational (axe: nested-interactive)", len(links))
		}
		if n.name != "svg" {
			t.Errorf("role=img on <%s>", n.name)
		}
		for attr, want := range map[string]string{"aria-labelledby": "title", "aria-describedby": "desc"} {
			target := ids[n.attr[attr]]
			if target == nil || target.name != want || strings.TrimSpace(target.Text()) == "" {
				t.Errorf("%s=%q does not name a non-empty <%s>", attr, n.attr[attr], want)
			}
		}
	}
	if root.kids[0].name == "figure" && len(imgs) != 1 {
		t.Errorf("%d svg role=img in a figure, want 1", len(imgs))
	}
}

// hrefs maps each link's text to its href, for the data beside a picture.
func hrefs(n *node) map[string]string {
	m := map[string]string{}
	for _, a := range n.all(tag("a")) {
		m[a.Text()] = a.attr["href"]
	}
	return m
}

func atoiAttr(t *testing.T, n *node, name string) int {
	t.Helper()
	var v int
	if _, err := fmt.Sscanf(n.attr[name], "%d", &v); err != nil {
		t.Fatalf("<%s %s=%q>: %v", n.name, name, n.attr[name], err)
	}
	return v
}
