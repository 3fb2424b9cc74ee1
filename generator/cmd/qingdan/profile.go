package main

import (
	"fmt"
	"io"
	"os"
	"runtime"
	"runtime/pprof"
)

// profiled runs f with a CPU profile written to cpu and, after it, a heap
// profile (allocations since the start, and what is live) written to mem,
// each only when named: qingdan build's -cpuprofile and -memprofile, for
// finding where a large build's time and memory go (go tool pprof).
func profiled(stderr io.Writer, cpu, mem string, f func() int) int {
	if cpu != "" {
		w, err := os.Create(cpu)
		if err != nil {
			fmt.Fprintf(stderr, "cpuprofile: %v\n", err)
			return 2
		}
		defer w.Close()
		if err := pprof.StartCPUProfile(w); err != nil {
			fmt.Fprintf(stderr, "cpuprofile: %v\n", err)
			return 2
		}
		defer pprof.StopCPUProfile()
	}
	code := f()
	if mem != "" {
		runtime.GC()
		if err := writeHeapProfile(mem); err != nil {
			fmt.Fprintf(stderr, "memprofile: %v\n", err)
			return 2
		}
	}
	return code
}

func writeHeapProfile(name string) error {
	w, err := os.Create(name)
	if err != nil {
		return err
	}
	if err := pprof.WriteHeapProfile(w); err != nil {
		w.Close()
		return err
	}
	return w.Close()
}
