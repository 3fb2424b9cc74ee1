package main

import (
	"context"
	"fmt"
	"io"
	"os"
	"os/signal"
	"slices"
	"syscall"
	"time"

	"qingdan/generator/check"
	"qingdan/generator/content"
	"qingdan/generator/site"
)

// build is qingdan build: the site, or with draft a preview that shows
// fields awaiting English in Chinese, streamed into the output folder as
// it is rendered (site.Publish). Every file is dated with the newest
// content or layouts file's time, or SOURCE_DATE_EPOCH when it is set.
func build(stdout, stderr io.Writer, contentDir, layouts, out string, draft bool) int {
	start := time.Now()
	st := &site.Stats{}
	var clear func()
	st.Progress, clear = progress(stderr)
	opts := []site.Option{site.WithStats(st)}
	if draft {
		opts = append(opts, site.Draft())
	}
	epoch, fixed, err := site.SourceDateEpoch(os.Getenv("SOURCE_DATE_EPOCH"))
	if err == nil {
		err = site.CheckOutput(out, contentDir, layouts)
	}
	if err != nil {
		clear()
		report(stderr, err, contentDir)
		return 1
	}
	if fixed {
		opts = append(opts, site.Dated(epoch))
	}
	// Interrupted, the build removes its temporary folder before it exits.
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	opts = append(opts, site.Keep(contentDir, layouts), site.WithContext(ctx))
	built, err := site.Publish(os.DirFS(contentDir), os.DirFS(layouts), out, opts...)
	clear()
	if err != nil {
		report(stderr, err, contentDir)
		return 1
	}
	summary(stdout, built, st, time.Since(start), out)
	if len(built.Pending) > 0 {
		fmt.Fprintf(stdout, "draft: %d field(s) pending translation show in Chinese; not for publishing\n", len(built.Pending))
	}
	return 0
}

// checkCmd is qingdan check: every problem, the fields pending translation
// counted per file, and what publishing still needs. With publish, what
// publishing still needs is a failure: each item listed, each pending
// field too, and a last line that says the site is not ready and why the
// command fails, never "content ok" alone.
func checkCmd(stdout, stderr io.Writer, contentDir, layouts string, publish bool) int {
	built, err := site.Check(os.DirFS(contentDir), os.DirFS(layouts), site.Draft())
	if err != nil {
		report(stderr, err, contentDir)
		return 1
	}
	notReady := check.NotReady(built.Content)
	for _, e := range notReady {
		e.Pos.File = contentDir + "/" + e.Pos.File
	}
	if !publish || len(notReady)+len(built.Pending) == 0 {
		fmt.Fprintf(stdout, "content ok: %d pages would be built\n", built.Pages)
		countPending(stderr, built.Pending, contentDir)
		if n := len(built.Pending); n > 0 {
			fmt.Fprintf(stderr, "%d field(s) await English: make (the site to publish) refuses until each has it; make draft and make serve DRAFT=1 show them in Chinese meanwhile\n", n)
		}
		for _, e := range notReady {
			fmt.Fprintln(stderr, "warning:", e)
		}
		return 0
	}
	for _, e := range notReady {
		fmt.Fprintln(stderr, e)
	}
	for _, e := range built.Pending {
		e.Pos.File = contentDir + "/" + e.Pos.File
		fmt.Fprintf(stderr, "%s: not ready to publish: add the English (in the file, or in the workbook data/SLUG.xlsx and import it)\n", e)
	}
	fmt.Fprintf(stderr, "content ok (%d pages would be built), but not ready to publish: %d problem(s) above\n", built.Pages, len(notReady)+len(built.Pending))
	return 1
}

// countPending prints how many fields of each file await English.
func countPending(w io.Writer, pending content.Errors, dir string) {
	n := map[string]int{}
	var files []string
	for _, e := range pending {
		if n[e.Pos.File] == 0 {
			files = append(files, e.Pos.File)
		}
		n[e.Pos.File]++
	}
	slices.Sort(files)
	for _, f := range files {
		fmt.Fprintf(w, "pending translation: %s/%s: %d field(s) await English\n", dir, f, n[f])
	}
}
