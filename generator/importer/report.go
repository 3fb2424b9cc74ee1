package importer

import (
	"fmt"
	"io"
	"slices"
	"sort"
)

// Diag is one finding of the import at a line of the source.
type Diag struct {
	Line int
	Msg  string
}

// Report collects what an import found: errors (the import writes nothing),
// warnings (each repair it made to the source, at the source line) and
// notes (registry additions and proposals).
type Report struct {
	File     string
	Errors   []Diag
	Warnings []Diag
	Notes    []string
	// Proposals are the regimes proposed for the records of each file.
	Proposals []Proposal
}

// A Proposal is the regimes proposed for the records of a file (record
// [regime …], …) and the records no keyword matched.
type Proposal struct {
	File, Regimes string
	None          []string
}

// keepProposals keeps the proposals for the files keep returns true for.
func (r *Report) keepProposals(keep func(file string) bool) {
	r.Proposals = slices.DeleteFunc(r.Proposals, func(p Proposal) bool { return !keep(p.File) })
}

func (r *Report) fail(line int, format string, args ...any) {
	r.Errors = append(r.Errors, Diag{line, fmt.Sprintf(format, args...)})
}

func (r *Report) warn(line int, format string, args ...any) {
	r.Warnings = append(r.Warnings, Diag{line, fmt.Sprintf(format, args...)})
}

func (r *Report) note(format string, args ...any) {
	r.Notes = append(r.Notes, fmt.Sprintf(format, args...))
}

// Print writes the errors and warnings in line order (file:line: message),
// then the notes.
func (r *Report) Print(w io.Writer) {
	sortDiags(r.Errors)
	sortDiags(r.Warnings)
	for _, d := range r.Errors {
		fmt.Fprintf(w, "%s:%d: %s\n", r.File, d.Line, d.Msg)
	}
	for _, d := range r.Warnings {
		fmt.Fprintf(w, "%s:%d: warning: %s\n", r.File, d.Line, d.Msg)
	}
	for _, n := range r.Notes {
		fmt.Fprintf(w, "%s: %s\n", r.File, n)
	}
	for _, p := range r.Proposals {
		fmt.Fprintf(w, "%s: %s: proposed regimes: %s\n", r.File, p.File, p.Regimes)
		for _, rec := range p.None {
			fmt.Fprintf(w, "%s: %s: no regime's keywords occur in %s: file it under a regime by hand\n", r.File, p.File, rec)
		}
	}
}

func sortDiags(ds []Diag) {
	sort.SliceStable(ds, func(i, j int) bool { return ds[i].Line < ds[j].Line })
}
