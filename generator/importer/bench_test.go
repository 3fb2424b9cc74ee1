package importer

import (
	"os"
	"testing"
)

// BenchmarkParse times reading the seed into records (no writing).
func BenchmarkParse(b *testing.B) {
	data, _ := os.ReadFile(seed)
	reg, _ := loadRegistry(contentDir)
	for b.Loop() {
		parse("seed", data, reg)
	}
}
