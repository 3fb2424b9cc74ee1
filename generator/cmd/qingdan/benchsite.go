package main

import (
	"flag"
	"fmt"
	"io"

	"qingdan/generator/benchsite"
)

// benchsiteCmd is qingdan benchsite: a content folder of N departments
// (package benchsite), the same for the same N, for benchmarks.
func benchsiteCmd(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("benchsite", flag.ContinueOnError)
	fl.SetOutput(stderr)
	src := fl.String("content", "content", "content folder whose first department is copied")
	n := fl.Int("departments", 100, fmt.Sprintf("number of departments (1 to %d)", benchsite.MaxDepartments))
	out := fl.String("out", "", "content folder to write (must not exist)")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	if *out == "" || fl.NArg() > 0 {
		fmt.Fprintln(stderr, "usage: qingdan benchsite -departments N -out DIR [-content content]")
		return 2
	}
	if err := benchsite.Write(*src, *out, *n); err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	fmt.Fprintf(stdout, "wrote %d departments into %s/\n", *n, *out)
	return 0
}
