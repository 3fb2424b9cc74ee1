//go:build !unix

package site

import "os"

// createFile writes b to a new file at p (mode 0644).
func createFile(p string, b []byte) error { return os.WriteFile(p, b, 0o644) }
