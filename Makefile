# Qingdan: build the site from content/ into public/, and test it.
#   make          build public/
#   make serve    the live preview of content/ at http://127.0.0.1:8000/: built
#                 in memory (public/ untouched), rebuilt on every edit of
#                 content/ or layouts/, open pages reload, errors shown on
#                 the pages (DRAFT=1: fields awaiting English in Chinese)
#   make draft    build a preview in which fields awaiting English show in
#                 Chinese, labelled
#   make check    check content/ without writing (every problem as file:line:col)
#   make test     gofmt, vet, unit and whole-site tests (with -race), the long
#                 robustness tests (builds killed mid-write, a damaged seed
#                 imported line by line, whole sites of their own), then the
#                 HTML validator and accessibility checks in headless Chromium
#   make bench    benchmarks (whole builds; one edited item rebuilt by the
#                 preview, on this site and on 100 departments)
#   make fuzz     fuzz the loader, the position scanner, the Markdown and
#                 mention path and the search tokenizer, each for FUZZTIME
#   make bench-hugo  build speed against Hugo (Debian's hugo), alternating,
#                 into a tmpfs: DEPTS departments (100), RUNS each (5), and
#                 Qingdan alone at SCALE departments (1000; 0 skips it)
#   make bench-search  the site's search against Pagefind, on this site and
#                 on a generated site of 100 departments (in headless Chromium)
#   make lighthouse  Lighthouse (mobile and desktop) on a page of each kind,
#                 served by the shipped nginx configuration; fails below 100
#                 for accessibility, best practices and SEO, or 95 for
#                 performance
# Browser tests and validators install what they need (Debian and npm packages)
# into the machine and .tools/ themselves, in the `tools` target.

GO      ?= go
QD      := $(GO) run ./generator/cmd/qingdan
TOOLS   := $(CURDIR)/.tools
ADDR    ?= 127.0.0.1:8000

.PHONY: build draft bin serve check test unit long node browser tools bench bench-hugo bench-search lighthouse test-1000 fuzz clean
build:
	$(QD) build
	@echo "Live preview while editing: make serve, then open http://$(ADDR)/"

draft:
	$(QD) build -draft

serve:
	$(QD) serve -addr $(ADDR) $(if $(DRAFT),-draft)

check:
	$(QD) check

# bin/qingdan: the command, for benchmarks and anyone reproducing them.
bin:
	mkdir -p bin
	$(GO) build -o bin/qingdan ./generator/cmd/qingdan

test: unit long browser

# The unit tests run the search tokenizer's JavaScript twin in Node.
node:
	@command -v node >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nodejs; }

# GORACE=atexit_sleep_ms=0: a race-detected binary otherwise waits a second
# at exit for goroutines still running, to catch their races; each test
# has returned by then, so the wait only adds a second per package.
# -ldflags='-s -w': no symbol table or DWARF in the test binaries, which
# are linked anew on every run (a third of the link's time); race reports
# and panics still name functions, files and lines (from pclntab).
unit: node
	@test -z "$$(gofmt -l generator)" || { echo "gofmt needed:"; gofmt -l generator; exit 1; }
	$(GO) vet ./...
	$(GO) vet -tags browser ./generator/e2e
	GORACE=atexit_sleep_ms=0 $(GO) test -race -short -count=1 -ldflags='-s -w' ./...

# The tests that skip under -short: they run the command as a process and
# kill it, parse the seed hundreds of times, or build whole sites of their
# own beside the real one; the race detector adds nothing to them but
# minutes.
long:
	$(GO) test -count=1 ./generator/cmd/qingdan ./generator/importer ./generator/site

# The browser tests build with -tags browser only (see generator/e2e/doc.go).
# The W3C Nu HTML Checker and axe-core in headless Chromium, on every page of
# a fresh build of both editions; the shipped nginx configurations
# (generator/deploy/nginx/) under Debian's nginx on loopback.
browser: tools
	QD_TOOLS=$(TOOLS) $(GO) test -tags browser -count=1 -timeout 20m ./generator/e2e/

tools: $(TOOLS)/.ok
$(TOOLS)/.ok: Makefile
	@command -v java >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; }
	@command -v chromium >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-noto-cjk; }
	@dpkg -s fonts-noto-cjk >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq fonts-noto-cjk; }
	@# Debian's nodejs only suggests npm; NodeSource's node carries its own.
	@command -v npm >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq npm; }
	@dpkg -s nginx libnginx-mod-http-brotli-static brotli >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nginx libnginx-mod-http-brotli-static brotli; }
	mkdir -p $(TOOLS)
	cd $(TOOLS) && npm install --no-audit --no-fund --ignore-scripts --silent vnu-jar@26 axe-core@4
	@test -f $(TOOLS)/node_modules/vnu-jar/build/dist/vnu.jar && test -f $(TOOLS)/node_modules/axe-core/axe.min.js \
		|| { echo "npm did not install vnu.jar and axe.min.js into $(TOOLS)"; exit 1; }
	touch $@

bench:
	$(GO) test -run '^$$' -bench . -benchmem ./generator/...

DEPTS ?= 100
RUNS  ?= 5
SCALE ?= 1000
SCALERUNS ?= 3
bench-hugo: bin
	@command -v hugo >/dev/null || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq hugo; }
	$(GO) run ./generator/cmd/benchhugo -qingdan bin/qingdan -departments $(DEPTS) -runs $(RUNS) -scale $(SCALE) -scaleruns $(SCALERUNS)

# A content folder of 1,000 departments loads and passes every check (a
# minute or more, so not in make test).
test-1000:
	QD_LONG=1 $(GO) test -count=1 -run TestThousandLoadsAndChecks -timeout 30m ./generator/benchsite/

# Each fuzz target in turn (their seed corpora in testdata/fuzz/ run with
# the unit tests); what the fuzzer finds lands in testdata/fuzz/ too.
FUZZTIME ?= 5m
FUZZ     := ./generator/content:FuzzLoad ./generator/content:FuzzScanSource \
            ./generator/markup:FuzzMarkup ./generator/search:FuzzTokens
fuzz:
	@for t in $(FUZZ); do \
		echo "fuzz $${t#*:} in $${t%%:*} for $(FUZZTIME)"; \
		$(GO) test -run '^$$' -fuzz "^$${t#*:}$$" -fuzztime $(FUZZTIME) $${t%%:*} || exit 1; \
	done

# Pagefind (the npm package, whose binary ships in it) goes into .tools/ too.
bench-search: tools $(TOOLS)/.pagefind-ok
	$(GO) run ./generator/cmd/benchsearch -tools $(TOOLS)
$(TOOLS)/.pagefind-ok: Makefile
	cd $(TOOLS) && npm install --no-audit --no-fund --ignore-scripts --silent pagefind@1
	@ls $(TOOLS)/node_modules/@pagefind/*/bin/pagefind* >/dev/null 2>&1 \
		|| { echo "npm did not install the pagefind binary into $(TOOLS)"; exit 1; }
	touch $@

# Lighthouse (the npm package) goes into .tools/ too; it runs in Debian's
# Chromium on the site as the shipped nginx configuration serves it.
lighthouse: tools $(TOOLS)/.lighthouse-ok
	$(GO) run ./generator/cmd/lighthouse -tools $(TOOLS)
$(TOOLS)/.lighthouse-ok: Makefile
	cd $(TOOLS) && npm install --no-audit --no-fund --ignore-scripts --silent lighthouse@12
	@test -f $(TOOLS)/node_modules/lighthouse/cli/index.js \
		|| { echo "npm did not install lighthouse into $(TOOLS)"; exit 1; }
	touch $@

clean:
	rm -rf public .tools bin
