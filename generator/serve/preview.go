package serve

import (
	"bytes"
	_ "embed"
	"fmt"
	"html"
	"net/http"
	"os"
	"path/filepath"
	"sync"
	"time"

	"qingdan/generator/content"
	"qingdan/generator/site"
)

// The preview's own files, served under Prefix and never part of a site.
const (
	Prefix    = "/__qingdan/"
	EventsURL = Prefix + "events"
	ScriptURL = Prefix + "reload.js"
	StyleURL  = Prefix + "errors.css"
)

var (
	//go:embed reload.js
	reloadJS []byte
	//go:embed errors.css
	errorsCSS []byte
)

// Preview is the publisher's preview: the site built in memory by a
// site.Builder, served by Static with the reload script in every page and,
// while the content is broken, the errors at the top of every page.
type Preview struct {
	b          *site.Builder
	building   sync.Mutex // one build at a time
	contentDir string

	mu      sync.RWMutex
	files   Files         // the last good build
	errs    []string      // the last build's errors, if it failed
	took    time.Duration // until the pages were served
	total   time.Duration // until the whole build was
	version int
	subs    map[chan int]bool
}

// NewPreview builds from the folders contentDir and layoutsDir (opts are
// site.Build's). Nothing is built until Rebuild.
func NewPreview(contentDir, layoutsDir string, opts ...site.Option) *Preview {
	return &Preview{
		b:          site.NewBuilder(os.DirFS(contentDir), os.DirFS(layoutsDir), opts...),
		contentDir: contentDir,
		subs:       map[chan int]bool{},
	}
}

// RebuildChanged is Rebuild, told which paths changed (Watch's): under
// the content folder, only the departments they touch are read again
// (site.Builder.Changed). nil paths: not known, everything is read.
func (p *Preview) RebuildChanged(paths []string) error {
	if paths == nil {
		return p.Rebuild()
	}
	rel := []string{} // none under content/: every department as it was
	for _, f := range paths {
		if r, err := filepath.Rel(p.contentDir, f); err == nil && filepath.IsLocal(r) {
			rel = append(rel, filepath.ToSlash(r))
		}
	}
	return p.rebuild(rel)
}

// Rebuild builds the site again. On success the new site replaces the old
// and the errors go; on failure the last good site stays and every page
// shows the errors. Open pages are told to reload as soon as the pages
// are rendered (site.Builder.BuildPagesFirst: the search bundle and the
// open data follow a moment later), or when the build fails. It returns
// the build's error.
func (p *Preview) Rebuild() error { return p.rebuild(nil) }

// rebuild is Rebuild, telling the Builder the content paths changed when
// they are known (not nil).
func (p *Preview) rebuild(changed []string) error {
	p.building.Lock()
	defer p.building.Unlock()
	if changed != nil {
		p.b.Changed(changed)
	}
	start := time.Now()
	early := false
	out, err := p.b.BuildPagesFirst(func(files map[string][]byte) {
		p.mu.Lock()
		defer p.mu.Unlock()
		p.files, p.errs, p.took = files, nil, time.Since(start)
		early = true
		p.notify()
	})
	p.mu.Lock()
	defer p.mu.Unlock()
	p.total = time.Since(start)
	switch {
	case err != nil:
		p.errs, p.took = Messages(err, p.contentDir), p.total
		p.notify()
	default:
		p.files = out.Files
		if !early {
			p.notify()
		}
	}
	return err
}

// notify tells every listener that the site changed (p.mu held).
func (p *Preview) notify() {
	p.version++
	for c := range p.subs {
		select {
		case c <- p.version:
		default: // it has an event waiting already
		}
	}
}

// Messages are a build's errors, one a line, as file:line:column: message
// with the file under dir.
func Messages(err error, dir string) []string {
	es := content.AsErrors(err)
	if es == nil {
		return []string{err.Error()}
	}
	out := make([]string, len(es))
	for i, e := range es {
		c := *e // the error is the build's: leave it as it is
		c.Pos.File = dir + "/" + c.Pos.File
		out[i] = c.Error()
	}
	return out
}

// Ready says whether a build has succeeded.
func (p *Preview) Ready() bool {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return p.files != nil
}

// Errors are the last build's problems (none when it succeeded).
func (p *Preview) Errors() []string {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return p.errs
}

// Took is how long the last build took until its pages were served, and
// in all.
func (p *Preview) Took() (pages, total time.Duration) {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return p.took, p.total
}

// Stats is what the last build rendered.
func (p *Preview) Stats() site.Rebuilt { return p.b.Stats() }

func (p *Preview) source() Source {
	p.mu.RLock()
	defer p.mu.RUnlock()
	return p.files
}

// Handler serves the preview: the site, the reload script, the errors'
// stylesheet and the events.
func (p *Preview) Handler() http.Handler {
	mux := http.NewServeMux()
	mux.HandleFunc(EventsURL, p.events)
	mux.Handle(ScriptURL, own(reloadJS, ScriptURL))
	mux.Handle(StyleURL, own(errorsCSS, StyleURL))
	mux.Handle("/", &Static{Src: p.source, HTML: p.page})
	return mux
}

// own serves one of the preview's own files.
func own(b []byte, name string) http.Handler {
	return &Static{Src: func() Source { return Files{name[1:]: b} }}
}

// page adds to an HTML page the reload script before </body> and, while
// the content is broken, the errors at the top of <main> (or <body>) and
// their stylesheet before </head>.
func (p *Preview) page(name string, b []byte) []byte {
	p.mu.RLock()
	errs := p.errs
	p.mu.RUnlock()
	b = insertBefore(b, "</body>", fmt.Sprintf(`<script src="%s" defer></script>`, ScriptURL))
	if len(errs) == 0 {
		return b
	}
	var o bytes.Buffer
	fmt.Fprintf(&o, `<section class="qingdan-errors" role="alert" aria-labelledby="qingdan-errors"><h2 id="qingdan-errors">%d problem(s) in the content: this preview shows the last good build until they are fixed</h2><ul>`, len(errs))
	for _, e := range errs {
		fmt.Fprintf(&o, "<li><code>%s</code></li>", html.EscapeString(e))
	}
	o.WriteString("</ul></section>")
	b = insertBefore(b, "</head>", fmt.Sprintf(`<link rel="stylesheet" href="%s">`, StyleURL))
	return insertAfterTag(b, o.String(), "<main", "<body")
}

// insertBefore puts s before the first tag in b, or at the end.
func insertBefore(b []byte, tag, s string) []byte {
	i := bytes.Index(b, []byte(tag))
	if i < 0 {
		i = len(b)
	}
	return bytes.Join([][]byte{b[:i], []byte(s), b[i:]}, nil)
}

// insertAfterTag puts s after the first of the opening tags found, or at
// the start.
func insertAfterTag(b []byte, s string, tags ...string) []byte {
	for _, t := range tags {
		if i := bytes.Index(b, []byte(t)); i >= 0 {
			if j := bytes.IndexByte(b[i:], '>'); j >= 0 {
				return bytes.Join([][]byte{b[:i+j+1], []byte(s), b[i+j+1:]}, nil)
			}
		}
	}
	return append([]byte(s), b...)
}

// maxListeners bounds the open event streams.
const maxListeners = 64

// events is a Server-Sent Events stream: "reload" each time a build ends.
func (p *Preview) events(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet {
		w.Header().Set("Allow", "GET")
		http.Error(w, "405 method not allowed", http.StatusMethodNotAllowed)
		return
	}
	c := make(chan int, 1)
	p.mu.Lock()
	if len(p.subs) >= maxListeners {
		p.mu.Unlock()
		http.Error(w, "503 too many open previews", http.StatusServiceUnavailable)
		return
	}
	p.subs[c] = true
	p.mu.Unlock()
	defer func() {
		p.mu.Lock()
		delete(p.subs, c)
		p.mu.Unlock()
	}()
	rc := http.NewResponseController(w)
	rc.SetWriteDeadline(time.Time{}) // a stream outlives the server's write timeout
	w.Header().Set("Content-Type", "text/event-stream")
	w.Header().Set("Cache-Control", "no-store")
	fmt.Fprint(w, "retry: 1000\n\n")
	rc.Flush()
	tick := time.NewTicker(15 * time.Second)
	defer tick.Stop()
	for {
		select {
		case <-r.Context().Done():
			return
		case v := <-c:
			fmt.Fprintf(w, "event: reload\ndata: %d\n\n", v)
		case <-tick.C:
			fmt.Fprint(w, ": alive\n\n")
		}
		if rc.Flush() != nil {
			return
		}
	}
}
