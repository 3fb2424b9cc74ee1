package main

import (
	"context"
	"errors"
	"flag"
	"fmt"
	"io"
	"net"
	"net/http"
	"os"
	"os/signal"
	"syscall"

	"qingdan/generator/serve"
	"qingdan/generator/site"
)

// serveCmd is qingdan serve: the live preview of -content and -layouts
// built in memory, or with -public a built site's folder (package serve).
func serveCmd(args []string, stdout, stderr io.Writer) int {
	fl := flag.NewFlagSet("serve", flag.ContinueOnError)
	fl.SetOutput(stderr)
	contentDir := fl.String("content", "content", "content folder")
	layouts := fl.String("layouts", "layouts", "layouts folder")
	addr := fl.String("addr", "127.0.0.1:8000", "address to serve on")
	draft := fl.Bool("draft", false, "preview fields awaiting English in Chinese, labelled")
	public := fl.String("public", "", "serve this built site's folder instead of previewing content/")
	if err := fl.Parse(args); err != nil {
		return 2
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt, syscall.SIGTERM)
	defer stop()
	if *public != "" {
		dir, err := serve.OpenDir(*public)
		if err != nil {
			fmt.Fprintln(stderr, err)
			return 1
		}
		ln, ok := bind(stderr, *addr)
		if !ok {
			return 1
		}
		fmt.Fprintf(stdout, "serving %s/ at http://%s/ (Ctrl-C stops)\n", *public, *addr)
		return listen(ctx, stderr, ln, &serve.Static{Src: func() serve.Source { return dir }})
	}
	ln, ok := bind(stderr, *addr)
	if !ok {
		return 1
	}
	defer ln.Close()
	var opts []site.Option
	if *draft {
		opts = append(opts, site.Draft())
	}
	p := serve.NewPreview(*contentDir, *layouts, opts...)
	if err := p.Rebuild(); err != nil {
		for _, m := range serve.Messages(err, *contentDir) {
			fmt.Fprintln(stderr, m)
		}
		fmt.Fprintln(stderr, "the preview cannot start until the site builds: fix these, then run qingdan serve again")
		return 1
	}
	_, took := p.Took()
	fmt.Fprintf(stdout, "previewing %s/ and %s/ at http://%s/ (built in memory in %v; pages reload on every edit; Ctrl-C stops)\n",
		*contentDir, *layouts, *addr, took.Round(1e6))
	go watch(ctx, p, stdout, stderr, *contentDir, *layouts)
	return listen(ctx, stderr, ln, p.Handler())
}

// watch builds the preview again after each change, saying what it did.
func watch(ctx context.Context, p *serve.Preview, stdout, stderr io.Writer, dirs ...string) {
	rebuild := func(paths []string) {
		if p.RebuildChanged(paths) != nil {
			msgs := p.Errors()
			for _, m := range msgs {
				fmt.Fprintln(stderr, m)
			}
			fmt.Fprintf(stderr, "%d problem(s): the preview shows them on every page, over the last good site\n", len(msgs))
			return
		}
		st := p.Stats()
		pages, total := p.Took()
		fmt.Fprintf(stdout, "rebuilt: %d of %d pages rendered and served in %v; search and open data done in %v\n",
			st.Rendered, st.Pages, pages.Round(1e5), total.Round(1e5))
	}
	if err := serve.Watch(ctx, dirs, serve.Debounce, rebuild, func(err error) { fmt.Fprintln(stderr, err) }); err != nil {
		fmt.Fprintln(stderr, err, "(the preview no longer follows edits)")
	}
}

// bind listens on addr before anything says the site is there; an
// address in use is named with what to do.
func bind(stderr io.Writer, addr string) (net.Listener, bool) {
	ln, err := net.Listen("tcp", addr)
	if errors.Is(err, syscall.EADDRINUSE) {
		fmt.Fprintf(stderr, "serve: %s is in use (another preview or server?): stop that one, or give another address: -addr 127.0.0.1:8080 (make serve ADDR=127.0.0.1:8080)\n", addr)
		return nil, false
	}
	if err != nil {
		fmt.Fprintln(stderr, "serve:", err)
		return nil, false
	}
	return ln, true
}

// listen serves h on ln until ctx is done.
func listen(ctx context.Context, stderr io.Writer, ln net.Listener, h http.Handler) int {
	addr := ln.Addr().String()
	srv := serve.NewServer(addr, h)
	go func() {
		<-ctx.Done()
		srv.Close()
	}()
	if err := srv.Serve(ln); err != nil && !errors.Is(err, http.ErrServerClosed) {
		fmt.Fprintln(stderr, "serve:", err)
		return 1
	}
	return 0
}
