// Command qingdan builds a Qingdan site.
//
//	qingdan build [-content content] [-layouts layouts] [-out public]
//	qingdan check [-content content] [-layouts layouts]
//	qingdan serve [-out public] [-addr 127.0.0.1:8000]
//
// build runs the whole pipeline and replaces the output folder only when
// every stage succeeded. check runs the pipeline without writing and lists
// every problem as file:line:column: message. Both exit with status 1 when
// the content has problems, 2 when they are used wrongly.
package main

import (
	"flag"
	"fmt"
	"net/http"
	"os"

	"qingdan/generator"
)

func main() {
	if len(os.Args) < 2 {
		usage()
	}
	cmd := os.Args[1]
	fl := flag.NewFlagSet(cmd, flag.ExitOnError)
	content := fl.String("content", "content", "content folder")
	layouts := fl.String("layouts", "layouts", "layouts folder")
	out := fl.String("out", "public", "output folder")
	addr := fl.String("addr", "127.0.0.1:8000", "address to serve on")
	fl.Parse(os.Args[2:])

	switch cmd {
	case "build", "check":
		site, err := generator.Build(os.DirFS(*content), os.DirFS(*layouts))
		if err == nil && cmd == "build" {
			err = generator.Write(site, *out)
		}
		if err != nil {
			report(err, *content, *layouts)
			os.Exit(1)
		}
		if cmd == "build" {
			fmt.Printf("built %d files into %s/\n", len(site.Files), *out)
		} else {
			fmt.Printf("content ok: %d files would be built\n", len(site.Files))
		}
	case "serve":
		fmt.Printf("serving %s/ at http://%s/ (Ctrl-C stops)\n", *out, *addr)
		if err := http.ListenAndServe(*addr, http.FileServer(http.Dir(*out))); err != nil {
			fmt.Fprintln(os.Stderr, err)
			os.Exit(1)
		}
	default:
		usage()
	}
}

// report prints content errors one per line, positioned relative to the
// working folder so that editors can jump to them.
func report(err error, content, layouts string) {
	if es := generator.AsErrors(err); es != nil {
		for _, e := range es {
			e.Pos.File = content + "/" + e.Pos.File
			fmt.Fprintln(os.Stderr, e)
		}
		fmt.Fprintf(os.Stderr, "%d problem(s); nothing was written\n", len(es))
		return
	}
	fmt.Fprintf(os.Stderr, "%v\nnothing was written\n", err)
}

func usage() {
	fmt.Fprintln(os.Stderr, "usage: qingdan build|check|serve [flags]")
	os.Exit(2)
}
