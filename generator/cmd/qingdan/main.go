// Command qingdan builds a Qingdan site.
//
//	qingdan build [-content content] [-layouts layouts] [-out public] [-draft] [-cpuprofile FILE] [-memprofile FILE]
//	qingdan check [-content content] [-layouts layouts] [-publish]
//	qingdan serve [-content content] [-layouts layouts] [-addr 127.0.0.1:8000] [-draft]
//	qingdan serve -public DIR [-addr 127.0.0.1:8000]
//	qingdan import -department SLUG -out CONTENT_DIR FILE
//	qingdan benchsite -departments N -out CONTENT_DIR [-content content]
//
// build runs the whole pipeline and replaces the output folder only when
// every stage succeeded; a field with Chinese and no English fails it, unless
// -draft builds a preview that shows such fields in Chinese, labelled
// "English translation pending". check runs the load and check stages and
// parses the templates, rendering and writing nothing, and lists every problem as file:line:column: message, counts the fields
// pending translation per file, then warns of what only the authorities or
// the publisher can supply before publishing, an https:// base_url among
// them (with -publish, fails, lists each pending field, and ends with a
// line saying the site is not ready to publish and how many problems
// there are). Both exit with status 1 when the content has
// problems, 2 when they are used wrongly. import reads a
// list kept as text in the 2015 Shandong template (package importer) into a
// department's folder. serve is the live preview, built in memory, or with
// -public a careful server of a built site (package serve). benchsite writes
// a content folder of N departments for benchmarks (package benchsite). build prints a summary: pages, files
// and bytes, and the time of each stage; while it renders it shows its
// progress on stderr when that is a terminal.
package main

import (
	"flag"
	"fmt"
	"io"
	"os"
	"runtime/debug"

	"qingdan/generator/content"
	"qingdan/generator/importer"
)

func main() {
	memoryLimit()
	os.Exit(run(os.Args[1:], os.Stdout, os.Stderr))
}

// memoryLimit sets a soft memory limit of half the machine's memory, so
// that on a very large site the garbage collector runs more often instead
// of the heap outgrowing the machine (what stays live grows with the site:
// the content, the search index, the open data; the pages go to the output
// as they are rendered). The collector otherwise runs at Go's default pace
// (GOGC 100): letting the heap grow three times what is live, as builds
// did while they held the whole site, now costs more in the kernel's
// zeroing of fresh pages than it saves in collecting (at 100 departments,
// alternating: 10.0 s and 18.8 CPU-s at 100, 10.7 s and 20.1 at 200, 13.8
// and 26 at 400). GOMEMLIMIT, when set, decides instead.
func memoryLimit() {
	if os.Getenv("GOMEMLIMIT") == "" {
		if m := physicalMemory(); m > 0 {
			debug.SetMemoryLimit(m / 2)
		}
	}
}

// run is the command; it returns the exit status.
func run(args []string, stdout, stderr io.Writer) int {
	if len(args) < 1 {
		return usage(stderr)
	}
	cmd := args[0]
	switch cmd {
	case "import":
		return importer.Run(args[1:], stdout, stderr)
	case "benchsite":
		return benchsiteCmd(args[1:], stdout, stderr)
	case "serve":
		return serveCmd(args[1:], stdout, stderr)
	}
	fl := flag.NewFlagSet(cmd, flag.ContinueOnError)
	fl.SetOutput(stderr)
	contentDir := fl.String("content", "content", "content folder")
	layouts := fl.String("layouts", "layouts", "layouts folder")
	out := fl.String("out", "public", "output folder")
	publish := fl.Bool("publish", false, "check: also fail when the site lacks what publishing needs (registration codes, data licence, translations)")
	draft := fl.Bool("draft", false, "build: a preview in which fields awaiting English show in Chinese, labelled")
	cpu := fl.String("cpuprofile", "", "build: write a CPU profile to this file")
	mem := fl.String("memprofile", "", "build: write a heap profile to this file when done")
	if err := fl.Parse(args[1:]); err != nil {
		return 2
	}

	switch cmd {
	case "build":
		return profiled(stderr, *cpu, *mem, func() int { return build(stdout, stderr, *contentDir, *layouts, *out, *draft) })
	case "check":
		return checkCmd(stdout, stderr, *contentDir, *layouts, *publish)
	}
	return usage(stderr)
}

// report prints content errors one per line, positioned relative to the
// working folder so that editors can jump to them.
func report(w io.Writer, err error, dir string) {
	if es := content.AsErrors(err); es != nil {
		for _, e := range es {
			e.Pos.File = dir + "/" + e.Pos.File
			fmt.Fprintln(w, e)
		}
		fmt.Fprintf(w, "%d problem(s); nothing was written\n", len(es))
		return
	}
	fmt.Fprintf(w, "%v\nnothing was written\n", err)
}

func usage(w io.Writer) int {
	fmt.Fprintln(w, "usage: qingdan build|check|serve [flags]\n       qingdan import -department SLUG -out CONTENT_DIR FILE\n       qingdan benchsite -departments N -out CONTENT_DIR")
	return 2
}
