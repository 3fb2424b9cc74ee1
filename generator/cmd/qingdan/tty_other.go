//go:build !linux

package main

import "os"

// isTerminal reports whether f is an interactive terminal; off Linux the
// build shows no progress.
func isTerminal(f *os.File) bool { return false }
