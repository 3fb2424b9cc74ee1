package main

import (
	"fmt"
	"io"
	"os"
	"strings"
	"time"

	"qingdan/generator/site"
)

// summary prints what a build made and where its time went: pages, files
// and bytes, then each stage. Search and data run alongside render. The
// twins taken from the earlier build, if any, are counted last.
func summary(w io.Writer, built *site.Published, st *site.Stats, total time.Duration, out string) {
	fmt.Fprintf(w, "built %d files (and a .gz and a .br twin beside each text file) into %s/: %d pages, %s, in %s (%.0f pages/s)\n",
		built.Files, out, st.Pages, megabytes(built.Bytes), seconds(total), float64(st.Pages)/total.Seconds())
	fmt.Fprintf(w, "  load %s · check %s · graph %s · render %s (alongside it: search %s, data %s) · write %s\n",
		seconds(st.Load), seconds(st.Check), seconds(st.Graph), seconds(st.Render),
		seconds(st.Search), seconds(st.Data), seconds(st.Write))
	if built.Reused > 0 {
		fmt.Fprintf(w, "  the .gz and .br twins of %d unchanged files taken from the earlier build\n", built.Reused)
	}
}

func seconds(d time.Duration) string { return fmt.Sprintf("%.2f s", d.Seconds()) }

func megabytes(n int64) string { return fmt.Sprintf("%.1f MB", float64(n)/1e6) }

// progress returns a Progress function that redraws one line on stderr
// while pages render, when stderr is an interactive terminal; otherwise
// nil, so that logs and pipes get only the summary. clear erases the line.
func progress(stderr io.Writer) (func(done, total int), func()) {
	f, ok := stderr.(*os.File)
	if !ok || !isTerminal(f) {
		return nil, func() {}
	}
	last := time.Time{}
	show := func(done, total int) {
		if now := time.Now(); done == total || now.Sub(last) > 100*time.Millisecond {
			last = now
			fmt.Fprintf(f, "\rrendering pages: %d of %d (%d%%)", done, total, done*100/total)
		}
	}
	return show, func() { fmt.Fprint(f, "\r"+strings.Repeat(" ", 50)+"\r") }
}
