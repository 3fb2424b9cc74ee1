package main

import (
	"runtime"
	"runtime/debug"
	"testing"
)

// TestMemoryLimit: on Linux the build's soft memory limit is half the
// machine's memory, which the command can read.
func TestMemoryLimit(t *testing.T) {
	if runtime.GOOS != "linux" {
		t.Skip("the machine's memory is read on Linux only")
	}
	m := physicalMemory()
	if m < 64<<20 {
		t.Fatalf("physicalMemory() = %d bytes", m)
	}
	t.Setenv("GOMEMLIMIT", "")
	old := debug.SetMemoryLimit(-1)
	defer debug.SetMemoryLimit(old)
	memoryLimit()
	if got := debug.SetMemoryLimit(-1); got != m/2 {
		t.Errorf("memory limit %d, want half of %d", got, m)
	}
}
