package site

import (
	"fmt"
	"os"
	"path/filepath"
	"testing"

	"qingdan/generator/benchsite"
	"qingdan/generator/check"
	"qingdan/generator/content"
)

// BenchmarkBuild measures a whole in-memory build of the real site (load,
// check, render, minify; no writing).
func BenchmarkBuild(b *testing.B) {
	content, layouts := os.DirFS("../../content"), os.DirFS("../../layouts")
	var files, bytes int
	for b.Loop() {
		out, err := Build(content, layouts)
		if err != nil {
			b.Fatal(err)
		}
		files, bytes = len(out.Files), 0
		for _, f := range out.Files {
			bytes += len(f)
		}
	}
	b.ReportMetric(float64(files), "files")
	b.ReportMetric(float64(bytes), "site-bytes")
}

// BenchmarkCheck measures load and check alone: what a publisher waits for
// before the first error.
func BenchmarkCheck(b *testing.B) {
	contentFS := os.DirFS("../../content")
	for b.Loop() {
		c, err := content.Load(contentFS)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := check.Check(c); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild100 measures a whole build of a 100-department site (this
// department and 99 copies, from package benchsite), in memory.
func BenchmarkBuild100(b *testing.B) {
	dst := filepath.Join(b.TempDir(), "content")
	if err := benchsite.Write("../../content", dst, 100); err != nil {
		b.Fatal(err)
	}
	content, layouts := os.DirFS(dst), os.DirFS("../../layouts")
	var files int
	for b.Loop() {
		out, err := Build(content, layouts)
		if err != nil {
			b.Fatal(err)
		}
		files = len(out.Files)
	}
	b.ReportMetric(float64(files), "files")
}

// BenchmarkBuildN is BenchmarkBuild100 at QD_BENCH_DEPTS departments (300
// by default), to compare the cost per page at scale with that at 100.
func BenchmarkBuildN(b *testing.B) {
	n := 300
	if s := os.Getenv("QD_BENCH_DEPTS"); s != "" {
		fmt.Sscan(s, &n)
	}
	dst := filepath.Join(b.TempDir(), "content")
	if err := benchsite.Write("../../content", dst, n); err != nil {
		b.Fatal(err)
	}
	content, layouts := os.DirFS(dst), os.DirFS("../../layouts")
	var st Stats
	for b.Loop() {
		if _, err := Build(content, layouts, WithStats(&st)); err != nil {
			b.Fatal(err)
		}
	}
	b.ReportMetric(float64(st.Pages)/(b.Elapsed().Seconds()/float64(b.N)), "pages/s")
}
