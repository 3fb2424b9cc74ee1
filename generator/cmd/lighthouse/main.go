// Command lighthouse runs Lighthouse on the site as a host serves it, and
// fails when a page falls short.
//
//	lighthouse [-tools .tools] [-content content] [-layouts layouts] [-pages REGEXP] [-runs 3] [-cpu-slowdown X]
//
// It builds the site for a loopback address into a temporary folder,
// serves it with the shipped nginx configuration (package deploy:
// pre-compressed files, cache headers, the Content-Security-Policy), and
// runs Lighthouse (the npm package in TOOLS/node_modules, as `make
// lighthouse` installs it) in headless Debian Chromium on each page of
// Pages, as a phone (Lighthouse's mobile emulation and throttling) and as a
// desktop.
//
// A phone's CPU is emulated by slowing this machine's down, 4 times by
// default, which Lighthouse calibrates for a desktop of benchmarkIndex
// about 1000 (its phone, a Moto G Power, scores about 264); on a slower or
// busier machine Lighthouse warns that the score is then wrong, so the
// slowdown is the ratio of the benchmarkIndex the last run measured to the
// phone's, from 1 to 4 (-cpu-slowdown fixes it; see Lighthouse's
// docs/throttling.md, "CPU throttling"), and the table says which each run
// had. The performance score also varies from run to run, most on a busy
// machine: a page whose performance falls short is run again, up to -runs
// times in all, and the median of each score counts (docs/variability.md).
//
// It prints a table of the four scores per page, as Markdown, then the
// audits that cost a page points, and exits 1 when accessibility, best
// practices or SEO is below 100, or performance below 95, on any page.
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
	c := &cpu{fixed: *slowdown}
	if c.fixed == 0 {
		r, err := score(ctx, cli, base, "desktop", 1) // measures the machine
		if err != nil {
			fmt.Fprintln(stderr, "calibrating:", err)
			return 1
		}
		c.bench = r.benchmark
	}
	fmt.Fprintf(stdout, "Lighthouse %s in Chromium %s; %s.\n\n", version(cli), chromiumVersion(), c)
	var rows []row
	for _, p := range Pages {
		if !match.MatchString(p.Path) {
			continue
		}
		for _, form := range []string{"mobile", "desktop"} {
			fmt.Fprintf(stderr, "lighthouse %s %s\n", form, base+p.Path)
			r, err := scoreMedian(ctx, cli, base+p.Path, form, c, *runs)
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

// cpu is the slowdown that makes this machine's CPU the emulated phone's:
// fixed, or the ratio of the benchmarkIndex the last run measured to the
// phone's, from 1 to 4 (the load of a shared machine changes).
type cpu struct{ fixed, bench float64 }

func (c *cpu) slowdown() float64 {
	if c.fixed > 0 {
		return c.fixed
	}
	if c.bench <= 0 {
		return defaultSlowdown
	}
	return math.Round(min(defaultSlowdown, max(1, c.bench/phoneBenchmark))*10) / 10
}

func (c *cpu) String() string {
	if c.fixed > 0 {
		return fmt.Sprintf("the phone's CPU is this machine's slowed down %.1f times (-cpu-slowdown)", c.fixed)
	}
	return fmt.Sprintf("the phone's CPU is this machine's slowed down by its benchmarkIndex (%.0f at first) over the phone's (%d), from 1 to %d times: the CPU column", c.bench, phoneBenchmark, defaultSlowdown)
}

// chromiumVersion is the version of Debian's Chromium.
func chromiumVersion() string {
	out, err := exec.Command(chromiumPath(), "--version").Output()
	if err != nil {
		return "(unknown version)"
	}
	return strings.TrimSpace(strings.TrimPrefix(string(out), "Chromium"))
}

// version is the version of the Lighthouse CLI.
func version(cli string) string {
	out, err := exec.Command("node", cli, "--version").Output()
	if err != nil {
		return "(unknown version)"
	}
	return strings.TrimSpace(string(out))
}
