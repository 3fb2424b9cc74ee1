package site

import (
	"bytes"
	"compress/gzip"
	"fmt"
	"math/rand/v2"
	"testing"

	"github.com/andybalholm/brotli"
)

// TestReusedTwins: the twins made by the reused compressors are the bytes
// new compressors make, whatever the writers compressed before (larger
// and smaller files, text and noise, in turn).
func TestReusedTwins(t *testing.T) {
	t.Parallel()
	rng := rand.New(rand.NewPCG(9, 9))
	var inputs [][]byte
	for _, n := range []int{12_000, 0, 300, 5_000, 7, 12_000, 900} {
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
	for round := range 2 {
		for i, in := range inputs {
			got, err := gzipTwin(in)
			if err != nil {
				t.Fatal(err)
			}
			if want := freshGzip(t, in); !bytes.Equal(got, want) {
				t.Errorf("round %d, input %d (%d bytes): the reused gzip writer made other bytes", round, i, len(in))
			}
			for _, q := range []int{brotliPages, brotliBest} {
				got, err := brotliTwin(in, q)
				if err != nil {
					t.Fatal(err)
				}
				var want bytes.Buffer
				w := brotli.NewWriterLevel(&want, q)
				w.Write(in)
				w.Close()
				if !bytes.Equal(got, want.Bytes()) {
					t.Errorf("round %d, input %d (%d bytes): the reused Brotli %d writer made other bytes", round, i, len(in), q)
				}
			}
		}
	}
}

func freshGzip(t *testing.T, b []byte) []byte {
	var buf bytes.Buffer
	w, err := gzip.NewWriterLevel(&buf, gzip.BestCompression)
	if err != nil {
		t.Fatal(err)
	}
	w.Write(b)
	w.Close()
	return buf.Bytes()
}
