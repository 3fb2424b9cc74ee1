//go:build race

package site

// raceEnabled: under the race detector, long tests take fewer steps.
const raceEnabled = true
