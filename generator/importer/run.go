// Package importer reads a department's responsibility list as its
// publisher keeps it — the text of the 2015 Shandong template, as seeds/
// holds it — into the content format: the department's folder
// (department.toml, duties/, boundaries/, systems/, services.toml,
// accountability.toml) and the instruments and bodies the shared
// registries have not seen.
//
// The template's text is damaged in known ways, and the importer repairs
// them, reporting each repair as a warning at its source line: header rows
// repeated on every page, rows repeated across page breaks, sentences split
// by page breaks, and circled item numbers mangled above ⑳. Anything it
// cannot decide is an error at its line and nothing is written. Regimes are
// proposed from the keywords kept with each regime in
// registry/regimes.toml. English fields are left empty: the records await
// translation.
//
// Importing into a department that exists updates it in place: only the
// values the source changed are rewritten, at their places in the files,
// the blocks of records the source dropped are cut and those it added
// written in their places, so comments, layout, English and the editor's
// regimes stay; the import prints what it added (+), removed (-) and
// changed (~), record by record.
//
// The workbook the site publishes for a list (data/SLUG.xlsx, package
// export) imports too: it is the translators' and editors' way back in. A
// value that differs from the files, in Chinese or English, is rewritten
// in place, an English added after its Chinese (workbook.go, texts.go).
package importer

import (
	"errors"
	"flag"
	"fmt"
	"io"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// slugRe is the form of a department's folder name (content.Load checks
// it, and the names the site's own pages take, again).
var slugRe = regexp.MustCompile(`^[a-z0-9]+(-[a-z0-9]+)*$`)

// Run is the import command: qingdan import -department SLUG -out
// CONTENT_DIR FILE, FILE the list's text or the site's workbook (.xlsx). It returns the exit status: 0 imported, 1 the source
// has errors (nothing written), 2 bad usage or a failed write.
func Run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("import", flag.ContinueOnError)
	fl.SetOutput(stderr)
	slug := fl.String("department", "", "the department's `slug`: its folder under CONTENT_DIR/departments/")
	out := fl.String("out", "content", "the content `folder` to write to; it must hold the shared registries")
	fl.Usage = func() {
		fmt.Fprintln(stderr, "usage: qingdan import -department SLUG -out CONTENT_DIR FILE")
		fl.PrintDefaults()
	}
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if fl.NArg() != 1 || *slug == "" {
		fl.Usage()
		return 2
	}
	if !slugRe.MatchString(*slug) {
		fmt.Fprintf(stderr, "import: -department %q is not a slug: use lower-case letters, digits and hyphens (it becomes part of every URL)\n", *slug)
		return 2
	}
	deptDir := filepath.Join(*out, "departments", *slug)
	_, statErr := os.Stat(deptDir)
	isNew := errors.Is(statErr, fs.ErrNotExist)
	rep, changes, err := Import(fl.Arg(0), *slug, *out)
	for _, c := range changes {
		fmt.Fprintln(stdout, c)
	}
	if rep != nil {
		rep.Print(stderr)
	}
	switch {
	case err != nil:
		fmt.Fprintf(stderr, "import: %v\n", err)
		return 2
	case len(rep.Errors) > 0:
		fmt.Fprintf(stderr, "import: %d errors: nothing written\n", len(rep.Errors))
		return 1
	}
	if isNew {
		fmt.Fprintf(stdout, "imported %s into %s, a new department: %d warnings (above: what to settle by hand); then check it: qingdan check -content %s\n", fl.Arg(0), deptDir, len(rep.Warnings), *out)
		return 0
	}
	fmt.Fprintf(stdout, "imported %s into %s: %d warnings, %d changes\n", fl.Arg(0), deptDir, len(rep.Warnings), len(changes))
	return 0
}

// Import reads file into the department slug of the content folder dir:
// a new folder, or the existing one updated in place. A file ending .xlsx
// is the workbook the site publishes (workbook.go): it updates the values
// of a department that exists. The report holds
// the source's errors (then nothing is written), the repairs and the
// registry additions; changes lists what an update changed, a line each;
// err is a failure to read or write.
func Import(file, slug, dir string) (rep *Report, changes []string, err error) {
	if strings.EqualFold(filepath.Ext(file), ".xlsx") {
		return importWorkbook(file, filepath.Join(dir, "departments", slug))
	}
	data, err := os.ReadFile(file)
	if err != nil {
		return nil, nil, err
	}
	reg, err := loadRegistry(dir)
	if err != nil {
		return nil, nil, err
	}
	d, rep := parse(file, data, reg)
	if d == nil {
		return rep, nil, nil
	}
	dept := filepath.Join(dir, "departments", slug)
	switch _, err = os.Stat(dept); {
	case err == nil:
		changes, err = update(dept, d)
		rep.keepProposals(func(file string) bool { // the files the update wrote records to
			return slices.ContainsFunc(changes, func(c string) bool { return strings.HasPrefix(c, "+ "+file) })
		})
	case errors.Is(err, os.ErrNotExist):
		err = writeFiles(dept, files(d))
	}
	if err != nil {
		return rep, changes, err
	}
	return rep, changes, reg.save(dir, rep)
}

// save appends the instruments and bodies the import added to the
// registry files, leaving the rest of them as they are.
func (r *registry) save(dir string, rep *Report) error {
	w := &tw{}
	for _, in := range r.newInstr {
		w.table("", "instrument")
		w.str("", "id", in.ID)
		w.str("", "kind", in.Kind)
		w.text("", "name", in.Name)
	}
	if err := appendTo(filepath.Join(dir, "registry", "instruments.toml"), w.b.String()); err != nil {
		return err
	}
	w = &tw{}
	for _, b := range r.newBodies {
		w.table("", "body")
		w.str("", "id", b.ID)
		w.text("", "name", b.Name)
	}
	if len(r.newInstr)+len(r.newBodies) > 0 {
		rep.note("added %d instruments and %d bodies to the registries (Chinese names only)", len(r.newInstr), len(r.newBodies))
	}
	return appendTo(filepath.Join(dir, "registry", "bodies.toml"), w.b.String())
}

// appendTo appends text to the file at p after a blank line.
func appendTo(p, text string) error {
	if text == "" {
		return nil
	}
	old, err := os.ReadFile(p)
	if err != nil && !errors.Is(err, os.ErrNotExist) {
		return err
	}
	s := strings.TrimRight(string(old), "\n")
	if s != "" {
		s += "\n\n"
	}
	return os.WriteFile(p, []byte(s+text), 0o644)
}
