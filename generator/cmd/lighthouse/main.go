// Command lighthouse runs Lighthouse on the site as a host serves it, and
// fails when a page falls short.
//
//	lighthouse [-tools .tools] [-content content] [-layouts layouts] [-pages REGEXP]
//
// It builds the site for a loopback address into a temporary folder,
// serves it with the shipped nginx configuration (package deploy:
// pre-compressed files, cache headers, the Content-Security-Policy), and
// runs Lighthouse (the npm package in TOOLS/node_modules, as `make
// lighthouse` installs it) in headless Debian Chromium on each page of
// Pages, as a phone (Lighthouse's mobile emulation and throttling) and as a
// desktop. A phone's CPU is emulated by slowing this machine's down, 4
// times by default, which Lighthouse calibrates for a desktop of
// benchmarkIndex about 1000 (its phone, a Moto G Power, scores about
// 264); on a slower or busier machine the slowdown is the ratio of the
// two, at least 1 (-cpu-slowdown sets it; see Lighthouse's
// docs/throttling.md, "CPU throttling"). It prints a table of the four scores per page, as Markdown,
// then the audits that cost a page points, and exits 1 when accessibility,
// best practices or SEO is below 100, or performance below 95, on any page.
package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"math"
	"os"
	"os/exec"
	"os/signal"
	"path/filepath"
	"regexp"
	"strings"
	"syscall"

	"qingdan/generator/deploy"
)

// Pages are the pages scored: the entry page, both homes, and a page of
// each kind a reader lands on.
var Pages = []struct{ Name, Path string }{
	{"entry page", ""},
	{"home (zh)", "zh/"},
	{"home (en)", "en/"},
	{"duty (zh)", "zh/linyi-qts/duties/3/"},
	{"boundary matter (en)", "en/linyi-qts/boundaries/2/"},
	{"supervision system (zh)", "zh/linyi-qts/systems/1/"},
	{"law (en)", "en/laws/metrology-law/"},
	{"regime (zh)", "zh/regimes/metrology/"},
	{"search, with a query (en)", "en/search/?q=metrology+verification"},
}

// The least scores a page may have.
var least = map[string]int{"performance": 95, "accessibility": 100, "best-practices": 100, "seo": 100}

func main() { os.Exit(run(os.Args[1:], os.Stdout, os.Stderr)) }

func run(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("lighthouse", flag.ContinueOnError)
	fl.SetOutput(stderr)
	tools := fl.String("tools", ".tools", "folder with node_modules/lighthouse")
	contentDir := fl.String("content", "content", "content folder")
	layouts := fl.String("layouts", "layouts", "layouts folder")
	only := fl.String("pages", "", "score only the pages whose path matches this regular expression")
	runs := fl.Int("runs", 3, "runs of a page whose performance falls short, of which the median counts (Lighthouse's advice for its variance)")
	slowdown := fl.Float64("cpu-slowdown", 0, "CPU slowdown for the phone (0: calibrated from this machine's benchmarkIndex)")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	match, err := regexp.Compile(*only)
	if err != nil {
		fmt.Fprintln(stderr, "-pages:", err)
		return 2
	}
	cli := filepath.Join(*tools, "node_modules", "lighthouse", "cli", "index.js")
	if _, err := os.Stat(cli); err != nil {
		fmt.Fprintf(stderr, "no Lighthouse in %s: run make lighthouse, which installs it\n", *tools)
		return 1
	}
	base, stop, err := serve(*contentDir, *layouts)
	if err != nil {
		fmt.Fprintln(stderr, err)
		return 1
	}
	defer stop()
	ctx, cancel := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM) // stop nginx on Ctrl-C
	defer cancel()
	how := "set by -cpu-slowdown"
	if *slowdown == 0 {
		var bench float64
		if *slowdown, bench, err = calibrate(ctx, cli, base); err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		how = fmt.Sprintf("this machine's benchmarkIndex is %.0f", bench)
	}
	fmt.Fprintf(stdout, "Lighthouse %s; the phone's CPU is this machine's slowed down %.1f times (%s).\n\n", version(cli), *slowdown, how)
	var rows []row
	for _, p := range Pages {
		if !match.MatchString(p.Path) {
			continue
		}
		for _, form := range []string{"mobile", "desktop"} {
			fmt.Fprintf(stderr, "lighthouse %s %s\n", form, base+p.Path)
			r, err := scoreMedian(ctx, cli, base+p.Path, form, *slowdown, *runs)
			if err != nil {
				fmt.Fprintf(stderr, "%s (%s): %v\n", p.Path, form, err)
				return 1
			}
			r.page, r.path = p.Name, p.Path
			rows = append(rows, r)
		}
	}
	if !report(stdout, rows) {
		return 1
	}
	return 0
}

// serve builds the site and serves it with the shipped nginx
// configuration on 127.0.0.1; stop stops nginx and removes the site.
func serve(contentDir, layouts string) (base string, stop func(), err error) {
	port, err := deploy.FreePort()
	if err != nil {
		return "", nil, err
	}
	base = deploy.SiteURL(deploy.RootConf, port)
	dir, err := os.MkdirTemp("", "qingdan-lighthouse-")
	if err != nil {
		return "", nil, err
	}
	public := filepath.Join(dir, "public")
	if err := deploy.BuildFor(contentDir, layouts, base, public); err != nil {
		os.RemoveAll(dir)
		return "", nil, err
	}
	n, err := deploy.StartNginx(deploy.RootConf, public, port)
	if err != nil {
		os.RemoveAll(dir)
		return "", nil, err
	}
	return n.URL, func() { n.Stop(); os.RemoveAll(dir) }, nil
}

// The benchmarkIndex of Lighthouse's emulated phone, and the slowdown it
// applies by default.
const (
	phoneBenchmark  = 264
	defaultSlowdown = 4
)

// calibrate runs Lighthouse on the site's root to read this machine's
// benchmarkIndex, and returns the slowdown that makes it as fast as the
// emulated phone.
func calibrate(ctx context.Context, cli, base string) (slowdown, benchmark float64, err error) {
	r, err := score(ctx, cli, base, "desktop", 1)
	if err != nil {
		return 0, 0, fmt.Errorf("calibrating: %w", err)
	}
	if r.benchmark <= 0 {
		return defaultSlowdown, 0, nil
	}
	return math.Round(min(defaultSlowdown, max(1, r.benchmark/phoneBenchmark))*10) / 10, r.benchmark, nil
}

// version is the version of the Lighthouse CLI.
func version(cli string) string {
	out, err := exec.Command("node", cli, "--version").Output()
	if err != nil {
		return "(unknown version)"
	}
	return strings.TrimSpace(string(out))
}
