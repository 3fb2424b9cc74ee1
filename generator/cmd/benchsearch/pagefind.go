package main

import (
	"fmt"
	"os"
	"os/exec"
	"path/filepath"
)

// pagefindPage is the page that runs Pagefind's own API the way its UI
// does: search, then the data of the first five results.
const pagefindPage = `<!DOCTYPE html>
<html lang="%s"><head><meta charset="utf-8"><title>Pagefind</title></head>
<body><input id="q" type="search"><ol id="r"></ol>
<script type="module">
let pf;
window.qdSearch = async function (q) {
	const t0 = performance.now();
	if (!pf) { pf = await import("./pagefind/pagefind.js"); await pf.options({}); }
	const s = await pf.search(q);
	const data = await Promise.all(s.results.slice(0, 5).map((r) => r.data()));
	const ol = document.getElementById("r");
	ol.textContent = "";
	for (const d of data) {
		const li = document.createElement("li");
		li.innerHTML = '<a href="' + d.url + '">' + d.meta.title + "</a><p>" + d.excerpt + "</p>";
		ol.append(li);
	}
	return {ms: performance.now() - t0, urls: data.map((d) => d.url.replace(/^\//, "")), count: s.results.length};
};
</script></body></html>
`

const pagefindJS = `(function () { var Q = %q; return window.qdSearch(Q); })()`

// findPagefind finds the Pagefind binary that the npm package installed,
// the extended one (with Chinese segmentation) where there is one.
func findPagefind(tools string) (string, error) {
	for _, name := range []string{"pagefind_extended", "pagefind"} {
		ms, _ := filepath.Glob(filepath.Join(tools, "node_modules", "@pagefind", "*", "bin", name))
		for _, m := range ms {
			if fi, err := os.Stat(m); err == nil && fi.Mode()&0o111 != 0 {
				return m, nil
			}
		}
	}
	return "", fmt.Errorf("no Pagefind binary under %s/node_modules/@pagefind: run `make bench-search`, which installs the npm package pagefind", tools)
}

// index runs Pagefind over the site's public/ and adds, for each
// language, the page that searches with it.
func (s *site) index(pagefind string) error {
	cmd := exec.Command(pagefind, "--site", s.dir)
	if msg, err := cmd.CombinedOutput(); err != nil {
		return fmt.Errorf("pagefind on %s: %v\n%s", s.name, err, msg)
	}
	for _, l := range []string{"zh-CN", "en"} {
		page := fmt.Sprintf(pagefindPage, l)
		if err := os.WriteFile(filepath.Join(s.dir, "pagefind-"+l[:2]+".html"), []byte(page), 0o644); err != nil {
			return err
		}
	}
	return nil
}
