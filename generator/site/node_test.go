package site

import (
	"bufio"
	"bytes"
	"errors"
	"fmt"
	"io"
	"os"
	"os/exec"
	"path/filepath"
	"sync"
	"testing"
)

// nodeRunner is the Node process the search tests share, started once
// (each start cost a fifth of a second of CPU and the JIT's warm-up): the
// harness reads a request a line and answers each with a line.
type nodeRunner struct {
	once          sync.Once
	mu            sync.Mutex // one request at a time
	script, parts string     // search.js and search-parts.js as built
	dir           string
	cmd           *exec.Cmd
	in            io.WriteCloser
	out           *bufio.Reader
	stderr        bytes.Buffer
	started       error // why the process did not start
	err           error // why it stopped answering (under mu)
}

var node nodeRunner

// startNode starts the shared Node process, once.
func startNode(t *testing.T) *nodeRunner {
	t.Helper()
	node.once.Do(func() {
		out := realSite(t)
		node.started = node.launch(out)
	})
	if node.started != nil {
		t.Fatal(node.started)
	}
	return &node
}

func (n *nodeRunner) launch(out *Output) error {
	path, err := exec.LookPath("node")
	if err != nil {
		return errors.New("the search tests run layouts/assets/search.js in Node, and there is no node: install Node.js (Debian: apt-get install nodejs)")
	}
	if n.dir, err = os.MkdirTemp("", "qingdan-search-js-"); err != nil {
		return err
	}
	// The scripts as the build writes them, minified.
	n.script, n.parts = filepath.Join(n.dir, "search.js"), filepath.Join(n.dir, "search-parts.js")
	for _, f := range []string{n.script, n.parts} {
		if err := os.WriteFile(f, out.Asset(filepath.Base(f)), 0o644); err != nil {
			return err
		}
	}
	n.cmd = exec.Command(path, "testdata/search/harness.js")
	n.cmd.Stderr = &n.stderr
	if n.in, err = n.cmd.StdinPipe(); err != nil {
		return err
	}
	stdout, err := n.cmd.StdoutPipe()
	if err != nil {
		return err
	}
	n.out = bufio.NewReaderSize(stdout, 1<<20)
	if err := n.cmd.Start(); err != nil {
		return fmt.Errorf("node testdata/search/harness.js: %w", err)
	}
	return nil
}

// stop ends the Node process, if it was started, and removes its scripts.
func (n *nodeRunner) stop() {
	if n.cmd != nil {
		n.in.Close()
		n.cmd.Wait()
	}
	if n.dir != "" {
		os.RemoveAll(n.dir)
	}
}

func TestMain(m *testing.M) {
	code := m.Run()
	node.stop()
	os.Exit(code)
}
