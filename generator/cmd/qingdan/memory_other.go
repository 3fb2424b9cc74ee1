//go:build !linux

package main

// physicalMemory is the machine's memory in bytes; off Linux, unknown (0).
func physicalMemory() int64 { return 0 }
