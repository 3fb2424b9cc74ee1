package importer

import (
	"fmt"
	"os"
	"path/filepath"
	"strings"

	"qingdan/generator/content"
)

// tw writes TOML in the layout of the curated content files: Text fields
// as dotted keys (title.zh = "…"), short ones as inline tables, lists of
// Text as one inline table a line, Prose as multi-line literal strings.
// The same records always give the same bytes.
type tw struct{ b strings.Builder }

func (w *tw) line(indent, format string, args ...any) {
	w.b.WriteString(indent + fmt.Sprintf(format, args...) + "\n")
}

// table opens an array-of-tables element ([[name]]), after a blank line.
func (w *tw) table(indent, name string) {
	w.blank()
	w.line(indent, "[[%s]]", name)
}

// record writes the head every record file starts with: its comment, id,
// title, regimes and date.
func (w *tw) record(comment, id string, title content.Text, regimes []string, date string) {
	w.line("", "# %s", comment)
	w.str("", "id", id)
	w.text("", "title", title)
	w.strs("regimes", regimes)
	w.str("", "date", date)
}

// blank writes an empty line, never two in a row or at the start.
func (w *tw) blank() {
	if s := w.b.String(); s != "" && !strings.HasSuffix(s, "\n\n") {
		w.b.WriteString("\n")
	}
}

func (w *tw) str(indent, key, v string) {
	if v != "" {
		w.line(indent, "%s = %s", key, quote(v))
	}
}

// text writes t as key.zh = "…" (and key.en), skipping an empty field.
func (w *tw) text(indent, key string, t content.Text) {
	w.str(indent, key+".zh", t.Zh)
	w.str(indent, key+".en", t.En)
}

// inline writes t as key = { zh = "…", en = "…" }.
func (w *tw) inline(indent, key string, t content.Text) {
	if t.Zh != "" || t.En != "" {
		w.line(indent, "%s = %s", key, inlineText(t))
	}
}

func inlineText(t content.Text) string {
	s := "{ zh = " + quote(t.Zh)
	if t.En != "" {
		s += ", en = " + quote(t.En)
	}
	return s + " }"
}

// texts writes a list of Text, one entry a line.
func (w *tw) texts(indent, key string, ts []content.Text) {
	if len(ts) == 0 {
		return
	}
	w.line(indent, "%s = [", key)
	for _, t := range ts {
		w.line(indent, "  %s,", inlineText(t))
	}
	w.line(indent, "]")
}

// prose writes p as multi-line literal strings, key.zh and key.en.
func (w *tw) prose(key string, p content.Prose) {
	for _, v := range []struct{ lang, s string }{{"zh", p.Zh}, {"en", p.En}} {
		switch {
		case v.s == "":
		case strings.Contains(v.s, "'''"):
			w.line("", "%s.%s = %s", key, v.lang, quote(v.s+"\n"))
		default:
			w.line("", "%s.%s = '''\n%s\n'''", key, v.lang, strings.TrimRight(v.s, "\n"))
		}
	}
}

func (w *tw) strs(key string, ss []string) {
	if len(ss) > 0 {
		q := make([]string, len(ss))
		for i, s := range ss {
			q[i] = quote(s)
		}
		w.line("", "%s = [%s]", key, strings.Join(q, ", "))
	}
}

// quote writes s as a TOML basic string.
func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		switch {
		case r == '"' || r == '\\':
			b.WriteRune('\\')
			b.WriteRune(r)
		case r == '\n':
			b.WriteString(`\n`)
		case r == '\t':
			b.WriteString(`\t`)
		case r < 0x20 || r == 0x7f:
			fmt.Fprintf(&b, `\u%04X`, r)
		default:
			b.WriteRune(r)
		}
	}
	b.WriteByte('"')
	return b.String()
}

// writeFiles writes the files under dir, creating folders.
func writeFiles(dir string, fs map[string]string) error {
	for name, text := range fs {
		p := filepath.Join(dir, filepath.FromSlash(name))
		if err := os.MkdirAll(filepath.Dir(p), 0o755); err != nil {
			return err
		}
		if err := os.WriteFile(p, []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}
