// Package e2e holds the browser and validator tests of the built site: the W3C
// Nu HTML Checker on every page, axe-core in headless Chromium on every page,
// every page on a 360 px phone in normal and large text (no overflow), layout
// shift per page kind, the phone header's height, the reader tools
// (read-aloud, print, no script) and screenshots. The package has no code of
// its own; the tests are in its _test.go files.
//
// The tests need Debian's chromium, a Java runtime and the npm packages
// vnu-jar and axe-core in the folder that QD_TOOLS names. `make browser` (and
// `make test`) installs them and sets QD_TOOLS. Without QD_TOOLS the tests
// skip; with it, a missing tool fails them.
//
// The tests build with the tag browser only (go test -tags browser
// ./generator/e2e, as make browser runs them): without it, go test ./...
// links no browser test binary (make unit would link it under the race
// detector only for every test to skip), and a run with QD_TOOLS set fails,
// asking for the tag.
//
// QD_SHOTS, when set, names a folder for the PNG screenshots. QD_PAGES, when
// set, is a regular expression that limits TestBrowserOverflow to the pages
// whose paths match it.
package e2e
