package site

// The output folder is Qingdan's own. Write replaces it whole, so it
// writes only into a folder that is absent, empty, or carries the Marker
// file an earlier build left in it, and refuses anything else: a regular
// file, a folder with other files (a project, the repository root), and
// the content or layouts folder or any folder holding them. An output that
// is a symbolic link is followed: the new site goes where the link points
// and the link stays.
//
// The new site is written into a temporary folder beside the output,
// named .<out>.build-<pid>-<random>, and then swapped in:
//
//   - on Linux with renameat2(RENAME_EXCHANGE), which exchanges the two
//     folders in one step: at every instant the output holds exactly the
//     old or the new site, whenever the build is killed;
//   - elsewhere with two renames (the output to a temporary name, the new
//     site to the output): a build killed between them leaves no output
//     folder, only the old site in a temporary folder, until the next build.
//
// Every build first removes the temporary folders that builds no longer
// running left beside the output.

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"time"
)

// Marker is the file every build writes at the top of the output folder;
// it marks the folder as one Write may replace.
const Marker = ".qingdan-build"

const markerText = "This folder is the output of qingdan build, which replaces it whole on every build.\n"

// CheckOutput says whether Write may replace dir (see Write), so that a
// command can refuse a wrong output folder before it builds anything.
func CheckOutput(dir string, keep ...string) error {
	if _, err := outputFolder(dir, keep); err != nil {
		return fmt.Errorf("write: %w", err)
	}
	return nil
}

// outputFolder resolves dir (following symbolic links) to the folder the
// site is to replace, or says why Write may not replace it.
func outputFolder(dir string, keep []string) (string, error) {
	target, err := followLinks(dir)
	if err != nil {
		return "", err
	}
	for _, k := range keep {
		if k != "" && inside(resolved(k), target) {
			return "", fmt.Errorf("-out %s is or holds %s, which build reads: a build replaces its output folder whole; write the site elsewhere (the default is public)", dir, k)
		}
	}
	fi, err := os.Lstat(target)
	switch {
	case errors.Is(err, fs.ErrNotExist):
		return target, nil
	case err != nil:
		return "", err
	case !fi.IsDir():
		return "", fmt.Errorf("-out %s is a file, not a folder: a build writes the site into a folder of its own; choose another -out", dir)
	}
	entries, err := os.ReadDir(target)
	if err != nil {
		return "", err
	}
	if len(entries) == 0 {
		return target, nil
	}
	if m, err := os.Lstat(filepath.Join(target, Marker)); err == nil && m.Mode().IsRegular() {
		return target, nil
	}
	names := make([]string, 0, 3)
	for _, e := range entries[:min(3, len(entries))] {
		names = append(names, e.Name())
	}
	if len(entries) > 3 {
		names = append(names, "…")
	}
	return "", fmt.Errorf("-out %s is not a folder Qingdan built: it holds %s and no %s file. A build replaces its output folder whole, so it writes only into an absent or empty folder or one an earlier build wrote; choose another -out (or, if an older Qingdan built it, delete it once)",
		dir, strings.Join(names, ", "), Marker)
}

// followLinks returns the absolute path dir stands for with every symbolic
// link followed, also when dir itself does not exist yet.
func followLinks(dir string) (string, error) {
	abs, err := filepath.Abs(dir)
	if err != nil {
		return "", err
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r, nil
	}
	if fi, err := os.Lstat(abs); err == nil && fi.Mode()&fs.ModeSymlink != 0 {
		to, _ := os.Readlink(abs)
		return "", fmt.Errorf("-out %s is a link to %s, which does not exist: create that folder or choose another -out", dir, to)
	}
	parent, err := filepath.EvalSymlinks(filepath.Dir(abs))
	if err != nil {
		return "", fmt.Errorf("-out %s: the folder it is in does not exist; create it first", dir)
	}
	return filepath.Join(parent, filepath.Base(abs)), nil
}

// resolved is p absolute, with its links followed where it exists.
func resolved(p string) string {
	abs, err := filepath.Abs(p)
	if err != nil {
		return p
	}
	if r, err := filepath.EvalSymlinks(abs); err == nil {
		return r
	}
	return abs
}

// inside reports whether p is dir or inside it.
func inside(p, dir string) bool {
	rel, err := filepath.Rel(dir, p)
	return err == nil && rel != ".." && !strings.HasPrefix(rel, ".."+string(filepath.Separator))
}

// tempPrefix is how the names of target's temporary folders begin.
func tempPrefix(target string) string {
	return "." + filepath.Base(target) + ".build-"
}

// removeStaleTemps removes the temporary folders beside target that
// builds no longer running left (killed before they could clean up).
// Folders of earlier Qingdan versions carry no process id and go too.
func removeStaleTemps(target string) {
	parent, prefix := filepath.Dir(target), tempPrefix(target)
	entries, err := os.ReadDir(parent)
	if err != nil {
		return
	}
	for _, e := range entries {
		rest, ok := strings.CutPrefix(e.Name(), prefix)
		if !ok {
			continue
		}
		pid, _, withPid := strings.Cut(rest, "-")
		if n, err := strconv.Atoi(pid); withPid && err == nil && (n == os.Getpid() || alive(n)) {
			continue
		}
		os.RemoveAll(filepath.Join(parent, e.Name()))
	}
}

// PauseEnv names a test hook: with a duration in it, the swap says
// "swap: pause" on standard error and pauses that long before and after
// its step, so that tests can kill a build inside the swap.
const PauseEnv = "QINGDAN_TEST_SWAP_PAUSE"

func swapPause() {
	if d, err := time.ParseDuration(os.Getenv(PauseEnv)); err == nil {
		fmt.Fprintln(os.Stderr, "swap: pause")
		time.Sleep(d)
	}
}
