//go:build !unix

package site

import "os"

// alive reports whether a process with the id runs (on Windows, finding a
// process opens it, which fails once it has exited).
func alive(pid int) bool {
	p, err := os.FindProcess(pid)
	if err != nil {
		return false
	}
	p.Release()
	return true
}
