package content

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime"
	"strings"
	"syscall"
	"testing"
	"testing/fstest"
	"time"
)

// loadOne decodes one services file the way Load decodes every file and
// returns its problems.
func loadOne(t *testing.T, fsys fs.FS, name string) string {
	t.Helper()
	l := &loader{fsys: fsys, c: &Content{locs: map[any]Loc{}}}
	var sv Services
	l.file(name, &sv)
	if err := l.errs.Err(); err != nil {
		return err.Error()
	}
	return ""
}

func services(n int) string {
	var b strings.Builder
	for i := 1; i <= n; i++ {
		fmt.Fprintf(&b, "[[service]]\nid = \"%d\"\nphone = \"0539-1234\"\n", i)
	}
	return b.String()
}

// TestHostileFiles: issue 12 findings 2, 3 and 4, one case each. On main
// each either panicked, hung, exhausted memory, passed, or was reported at
// the wrong place or without saying what to do.
func TestHostileFiles(t *testing.T) {
	t.Parallel()
	deep := "x = " + strings.Repeat("[", 40000) + strings.Repeat("]", 40000) + "\n"
	deepTables := "x = " + strings.Repeat("{a=", 40000) + "1" + strings.Repeat("}", 40000) + "\n"
	for _, c := range []struct{ name, text, want string }{
		{"control-first-byte", "\x05", "x.toml:1:1: control character U+0005"},
		{"bell-in-string", "[[service]]\nid = \"a\a\"\n", "x.toml:2:8: control character U+0007"},
		{"escape-nul", "[[service]]\nid = \"a\\u0000\"\n", `x.toml:2:8: the escape \u0000 writes the control character`},
		{"escape-esc", "[[service]]\nid = \"\\e[31m\"\n", `x.toml:2:7: the escape \e writes the control character`},
		{"escape-rlo", "[[service]]\nid = \"a\\u202E\"\n", `x.toml:2:8: the escape \u202E writes the invisible bidirectional`},
		{"rlo", "[[service]]\nid = \"a\u202Eb\"\n", "x.toml:2:8: invisible bidirectional control U+202E"},
		{"zwsp", "[[service]]\nid = \"贯\u200B彻\"\n", "x.toml:2:8: invisible character U+200B"},
		{"shy", "[[service]]\nid = \"ab\u00ADc\"\n", "x.toml:2:9: invisible character U+00AD"},
		{"line-separator", "[[service]]\nid = \"a\u2028b\"\n", "x.toml:2:8: line or paragraph separator U+2028"},
		{"gbk", "[[service]]\nid = \"1\"\nphone = \"\xd6\xd0\xce\xc4\"\n", "x.toml:3:10: the file is in a Chinese legacy encoding (GBK/GB18030), not UTF-8: convert it: iconv -f GB18030 -t UTF-8"},
		{"latin1", "[[service]]\nid = \"caf\xe9\"\n", "x.toml:2:10: byte 0xE9 is not UTF-8: save it as UTF-8 text"},
		{"utf16", "\xff\xfe[\x00", "x.toml:1:1: the file is UTF-16, not UTF-8: save it as UTF-8 text: in Word, File → Save As → Plain Text, encoding Unicode (UTF-8)"},
		{"utf16-no-bom", "[\x00i\x00d\x00]\x00", "x.toml:1:1: the file is UTF-16, not UTF-8"},
		{"doc", "\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1\x00\x00", "x.toml:1:1: the file is an older Office document (a Word .doc, Excel .xls or WPS file), not plain text: save it as UTF-8 text"},
		{"pdf", "%PDF-1.7\n%\xE2\xE3\xCF\xD3\n", "x.toml:1:1: the file is a PDF, not plain text"},
		{"docx", "PK\x03\x04\x14\x00\x06\x00", "x.toml:1:1: the file is a zip archive (a Word .docx or Excel .xlsx document), not plain text: save it as UTF-8 text"},
		{"deep-arrays", deep, "x.toml:1:21: arrays, tables or dotted keys nest more than 16 deep"},
		{"deep-inline-tables", deepTables, "x.toml:1:53: arrays, tables or dotted keys nest more than 16 deep"},
		{"long-header", "[" + strings.Repeat("a.", 20000) + "b]\nx = 1\n", "x.toml:1:33: arrays, tables or dotted keys"},
		{"empty", "", "x.toml:1:1: the file is empty"},
		{"bom-only", "\uFEFF", "x.toml:1:1: the file is empty"},
		{"comments-only", "# nothing yet\n", "x.toml:1:1: the file is empty"},
		{"array-for-string", strings.Replace(services(5), `phone = "0539-1234"`, `phone = ["0539-1234"]`, 1), "x.toml:3:1: wrong type for service.phone"},
		{"array-for-string-later", strings.Replace(services(5), `id = "3"`, `id = ["3"]`, 1), "x.toml:8:1: wrong type for service.id"},
		{"too-big", "# " + strings.Repeat("x", MaxFileSize) + "\n", "more than a content file may hold"},
	} {
		t.Run(c.name, func(t *testing.T) {
			got := loadOne(t, fstest.MapFS{"x.toml": {Data: []byte(c.text)}}, "x.toml")
			if !strings.Contains(got, c.want) {
				t.Errorf("got %q\nwant %q", clip(got), c.want)
			}
			if len(got) > 2000 {
				t.Errorf("the message is %d bytes long", len(got))
			}
		})
	}
}

// TestLongKeyMessage: issue 12 finding 4. A 20,000-key table header gave
// an 80 KB message; keys in messages are clipped.
func TestLongKeyMessage(t *testing.T) {
	t.Parallel()
	got := loadOne(t, fstest.MapFS{"x.toml": {Data: []byte("[" + strings.Repeat("a", 80000) + "]\nx = 1\n")}}, "x.toml")
	if !strings.Contains(got, "unknown key") || len(got) > 1000 {
		t.Errorf("got a %d-byte message: %q", len(got), clip(got))
	}
}

// TestScannerMemoryLinear: issue 12 finding 2. The position scanner needed
// memory growing with the square of the nesting depth (43 KB of nested
// arrays needed 638 MB).
func TestScannerMemoryLinear(t *testing.T) {
	t.Parallel()
	b := []byte("x = " + strings.Repeat("[", 100000) + strings.Repeat("]", 100000) + "\n")
	var before, after runtime.MemStats
	runtime.GC()
	runtime.ReadMemStats(&before)
	scanSource("x.toml", b)
	runtime.ReadMemStats(&after)
	if grew := after.TotalAlloc - before.TotalAlloc; grew > 50*uint64(len(b)) {
		t.Errorf("scanning %d bytes allocated %d bytes", len(b), grew)
	}
}

// TestNotRegularFiles: issue 12 findings 2 and 3. A named pipe hung the
// build, a link to /dev/zero exhausted memory, a symlinked department
// folder was silently ignored and a link to a file outside content/
// silently read.
func TestNotRegularFiles(t *testing.T) {
	t.Parallel()
	dir := t.TempDir()
	outside := filepath.Join(t.TempDir(), "secret.toml")
	os.WriteFile(outside, []byte(services(1)), 0o644)
	os.MkdirAll(filepath.Join(dir, "real-dept"), 0o755)
	for _, f := range []struct{ name, to string }{{"zero.toml", "/dev/zero"}, {"outside.toml", outside}, {"dept", filepath.Join(dir, "real-dept")}} {
		if err := os.Symlink(f.to, filepath.Join(dir, f.name)); err != nil {
			t.Fatal(err)
		}
	}
	if err := syscall.Mkfifo(filepath.Join(dir, "fifo.toml"), 0o644); err != nil {
		t.Skip("no named pipes here:", err)
	}
	fsys := os.DirFS(dir)
	done := make(chan struct{})
	go func() {
		defer close(done)
		for name, want := range map[string]string{
			"zero.toml":    "zero.toml is a symbolic link: content/ holds no links",
			"outside.toml": "outside.toml is a symbolic link",
			"fifo.toml":    "fifo.toml is a named pipe",
			"dept":         "dept is a symbolic link",
		} {
			if got := loadOne(t, fsys, name); !strings.Contains(got, want) {
				t.Errorf("%s: got %q, want %q", name, got, want)
			}
		}
		l := &loader{fsys: fsys, c: &Content{locs: map[any]Loc{}}}
		tomlFiles(l, ".")
		if got := fmt.Sprint(l.errs.Err()); !strings.Contains(got, "outside.toml is a symbolic link") || !strings.Contains(got, "zero.toml is a symbolic link") {
			t.Errorf("listing a folder with links: %s", got)
		}
	}()
	select {
	case <-done:
	case <-time.After(10 * time.Second):
		t.Fatal("loading hung")
	}
}

// TestColumnsAfterEscapes: issue 12 finding 4. After \u escapes the
// columns of problems inside a string were wrong.
func TestColumnsAfterEscapes(t *testing.T) {
	t.Parallel()
	src := scanSource("x.toml", []byte("x = \"\\u4E2D\\t\\U00006587《未知》\"\n"))
	// decoded: 中 (3 bytes), tab, 文 (3 bytes), then 《
	if got := src.ValuePos("x", 7).String(); got != "x.toml:1:24" {
		t.Errorf("《 after escapes is at %s, want x.toml:1:24", got)
	}
}

// TestBOMKeepsPositions: issue 12 finding 4. A byte order mark before the
// first [[service]] shifted every position in the file by one record.
func TestBOMKeepsPositions(t *testing.T) {
	t.Parallel()
	l := &loader{fsys: fstest.MapFS{"x.toml": {Data: []byte("\uFEFF" + services(2))}}, c: &Content{locs: map[any]Loc{}}}
	var sv Services
	if !l.file("x.toml", &sv) {
		t.Fatal(l.errs.Err())
	}
	for path, want := range map[string]string{"service[0].id": "x.toml:2:1", "service[1]": "x.toml:4:1", "service[1].phone": "x.toml:6:1"} {
		if got := l.last.Pos(path).String(); got != want {
			t.Errorf("%s is at %s, want %s", path, got, want)
		}
	}
}

// TestManyUnknownKeys: a file of 50,000 unknown keys is reported in
// linear time, at most 21 lines (finding each key scanned every key).
func TestManyUnknownKeys(t *testing.T) {
	t.Parallel()
	var b strings.Builder
	for i := range 50000 {
		fmt.Fprintf(&b, "k%d = 1\n", i)
	}
	start := time.Now()
	got := loadOne(t, fstest.MapFS{"x.toml": {Data: []byte(b.String())}}, "x.toml")
	if n := strings.Count(got, "\n") + 1; n != 21 || !strings.Contains(got, "x.toml:21:1: and 49980 more unknown keys") {
		t.Errorf("%d lines:\n%s", n, clip(got))
	}
	if d := time.Since(start); d > 10*time.Second {
		t.Errorf("took %v", d)
	}
}
