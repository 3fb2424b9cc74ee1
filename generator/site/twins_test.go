package site

import (
	"bytes"
	"fmt"
	"maps"
	"math/rand/v2"
	"slices"
	"testing"

	"github.com/klauspost/compress/gzip"
)

// TestReusedTwins: the twins made by the reused compressors are the bytes
// new compressors make, whatever the writers compressed before (larger
// and smaller files, text and noise, in turn).
func TestReusedTwins(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(9, 9))
	var inputs [][]byte
	for _, n := range []int{8_000, 0, 300, 5_000, 7, 8_000, 900} {
		var b bytes.Buffer
		for b.Len() < n {
			if rng.IntN(4) == 0 {
				b.WriteByte(byte(rng.IntN(256)))
			} else {
				fmt.Fprintf(&b, "<li><a href=\"/zh/d%d/\">清单 %d</a></li>", rng.IntN(50), rng.IntN(1000))
			}
		}
		inputs = append(inputs, b.Bytes()[:n])
	}
	// What new writers make, once per input and compressor.
	fresh := make([]map[string][]byte, len(inputs))
	for i, in := range inputs {
		fresh[i] = map[string][]byte{"gzip": freshGzip(t, in)}
		for _, q := range []int{brotliPages, brotliBest} {
			var want bytes.Buffer
			w := newBrotli(q)
			w.Reset(&want)
			w.Write(in)
			w.Close()
			fresh[i][fmt.Sprint("Brotli ", q)] = want.Bytes()
		}
	}
	for round := range 2 {
		for i, in := range inputs {
			got := map[string][]byte{}
			var err error
			if got["gzip"], err = gzipTwin(in); err != nil {
				t.Fatal(err)
			}
			for _, q := range []int{brotliPages, brotliBest} {
				if got[fmt.Sprint("Brotli ", q)], err = brotliTwin(in, q); err != nil {
					t.Fatal(err)
				}
			}
			for _, c := range slices.Sorted(maps.Keys(fresh[i])) {
				if !bytes.Equal(got[c], fresh[i][c]) {
					t.Errorf("round %d, input %d (%d bytes): the reused %s writer made other bytes", round, i, len(in), c)
				}
			}
		}
	}
}

func freshGzip(t *testing.T, b []byte) []byte {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzipLevel)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(b)
	w.Close()
	return buf.Bytes()
}
