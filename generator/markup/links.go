package markup

import (
	"bytes"
	"regexp"
	"strings"

	"github.com/yuin/goldmark/ast"
	"github.com/yuin/goldmark/util"
)

// Destination is where a link, image, autolink or link reference
// definition of a Markdown source goes.
type Destination struct {
	// URL is the address as a browser reads it: backslash escapes and
	// character references resolved, tabs and line breaks removed, leading
	// spaces and control characters trimmed.
	URL string
	// Off is the byte offset in the source where the destination is
	// written (where the link starts, if it cannot be found).
	Off int
}

// DestinationOf is the destination of n, a node of a document parsed from
// src, if n is a link, image, autolink or link reference definition. A link
// by reference ([text][label]) has none of its own: its address is its
// definition's ([label]: address), which has.
func DestinationOf(n ast.Node, src []byte) (Destination, bool) {
	switch n := n.(type) {
	case *ast.Link:
		if n.Reference != nil {
			return Destination{}, false
		}
		return Destination{browserURL(n.Destination), inlineDestOffset(n, src, n.Destination)}, true
	case *ast.Image:
		if n.Reference != nil {
			return Destination{}, false
		}
		return Destination{browserURL(n.Destination), inlineDestOffset(n, src, n.Destination)}, true
	case *ast.AutoLink:
		u := n.URL(src)
		if n.AutoLinkType == ast.AutoLinkEmail {
			u = append([]byte("mailto:"), u...)
		}
		return Destination{browserURL(u), n.Pos() + 1}, true
	case *ast.LinkReferenceDefinition:
		return Destination{browserURL(n.Destination), destAfter(src, n.Pos(), "]:", n.Destination)}, true
	}
	return Destination{}, false
}

// inlineDestOffset finds the destination of an inline link or image: after
// the "](" that closes its text.
func inlineDestOffset(n ast.Node, src []byte, dest []byte) int {
	from := n.Pos()
	_ = ast.Walk(n, func(c ast.Node, entering bool) (ast.WalkStatus, error) {
		if t, ok := c.(*ast.Text); ok && entering {
			from = max(from, t.Segment.Stop)
		}
		return ast.WalkContinue, nil
	})
	return destAfter(src, from, "](", dest)
}

// destAfter is the offset of dest written after the first sep at or after
// from, spaces and an opening < skipped; or from, if it is not there.
func destAfter(src []byte, from int, sep string, dest []byte) int {
	if from < 0 || from > len(src) {
		return max(0, min(from, len(src)))
	}
	i := bytes.Index(src[from:], []byte(sep))
	if i < 0 {
		return from
	}
	j := from + i + len(sep)
	for j < len(src) && (src[j] == ' ' || src[j] == '\t' || src[j] == '\n' || src[j] == '\r') {
		j++
	}
	if j < len(src) && src[j] == '<' {
		j++
	}
	if !bytes.HasPrefix(src[j:], dest) {
		return from
	}
	return j
}

// browserURL is a written destination as a browser reads it.
func browserURL(dest []byte) string {
	v := util.UnescapePunctuations(dest)
	v = util.ResolveNumericReferences(v)
	v = util.ResolveEntityNames(v)
	s := strings.Map(func(r rune) rune {
		if r == '\t' || r == '\n' || r == '\r' {
			return -1
		}
		return r
	}, string(v))
	return strings.TrimLeft(s, "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f ")
}

var schemeRE = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9+.-]*:`)

// Scheme is the scheme of an address, lower case ("https", "javascript"),
// "//" for an address of another host without one (//example.com/a), or
// "" for a path on this site.
func Scheme(u string) string {
	if m := schemeRE.FindString(u); m != "" {
		return strings.ToLower(strings.TrimSuffix(m, ":"))
	}
	if len(u) >= 2 && (u[0] == '/' || u[0] == '\\') && (u[1] == '/' || u[1] == '\\') {
		return "//"
	}
	return ""
}
