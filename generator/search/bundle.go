package search

import (
	"bytes"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"maps"
	"slices"
	"strings"
	"sync"
)

// Doc is one search entry (see "Files" above).
type Doc struct {
	Kind    int   // index into the manifest's kinds
	Dept    int   // index into the site's departments, or -1
	Regimes []int // indexes into the manifest's regimes
	Date    string
	URL     string // relative to the site's root, with its anchor
	Title   string
	Parent  string // URL of the entry this one belongs to
	Text    string
	context int // index of the parent entry, or -1
}

// Dept is a department as the bundle names it: the slug in its URLs and
// its name in the bundle's language.
type Dept struct{ Slug, Name string }

// Edition is the entries of one language.
type Edition struct {
	Lang  string // "zh" or "en"
	Docs  []*Doc
	Depts []Dept
	Names [][]string // the names of each thing readers look for by name (see "Words")
}

// SplitAt is the size of a language's one-file bundle from which the
// bundle is split into shards and chunks. One department makes about
// 150 KB.
const SplitAt = 400 << 10

// docFile writes docs (from all) as a doc file: {"depts": [...],
// "kind": [...], "dept": [...], "date": [...], "context": [...],
// "regimes": [...], "text": [...], "title": [...], more…, "url": [...]},
// one column per field, which compresses better than one array per doc.
// context is the index of the entry's parent in all (byIndex) or its
// title.
func docFile(depts any, docs, all []*Doc, byIndex bool, more ...any) ([]byte, error) {
	n := len(docs)
	kinds, dps, rss, dates, urls, titles, ctxs, texts := make([]int, n), make([]int, n), make([][]int, n), make([]string, n), make([]string, n), make([]string, n), make([]any, n), make([]string, n)
	for i, d := range docs {
		kinds[i], dps[i], dates[i], urls[i], titles[i], texts[i] = d.Kind, d.Dept, d.Date, d.URL, d.Title, d.Text
		rss[i] = d.Regimes
		if rss[i] == nil {
			rss[i] = []int{}
		}
		switch {
		case byIndex:
			ctxs[i] = d.context
			// An anchor or a folder under the parent's URL is written
			// after a space, the parent's URL left out.
			if d.context >= 0 && strings.HasPrefix(d.URL, all[d.context].URL) {
				urls[i] = " " + strings.TrimPrefix(d.URL, all[d.context].URL)
			}
		case d.context >= 0:
			ctxs[i] = all[d.context].Title
		default:
			ctxs[i] = ""
		}
	}
	// This order of the columns compresses best: text before the titles
	// that repeat it, the URLs last.
	kv := []any{"depts", depts, "kind", kinds, "dept", dps, "date", dates, "context", ctxs, "regimes", rss, "text", texts, "title", titles}
	return jsonObject(append(append(kv, more...), "url", urls)...)
}

// Bundle writes the bundle of the editions, by file path: the manifest,
// and for each edition one file or, where that file would reach splitAt
// bytes, the parts of a split bundle. regimes are the regimes' IDs. The
// editions are made concurrently; the result does not depend on it.
func Bundle(regimes []string, eds []Edition, splitAt int) (map[string][]byte, error) {
	parts := make([]map[string][]byte, len(eds))
	entries := make([][]byte, len(eds))
	errs := make([]error, len(eds))
	var wg sync.WaitGroup
	for i, ed := range eds {
		wg.Go(func() { parts[i], entries[i], errs[i] = edition(ed, splitAt) })
	}
	wg.Wait()
	files := map[string][]byte{}
	manifest := []any{"v", 1, "kinds", Kinds, "regimes", regimes}
	for i, ed := range eds {
		if errs[i] != nil {
			return nil, errs[i]
		}
		maps.Copy(files, parts[i])
		manifest = append(manifest, ed.Lang, json.RawMessage(entries[i]))
	}
	b, err := jsonObject(manifest...)
	if err != nil {
		return nil, err
	}
	files["search/manifest.json"] = b
	return files, nil
}

// rawText is the bytes of the docs' texts and titles: the one-file
// bundle, which writes them all as JSON strings, is at least this big.
func rawText(docs []*Doc) int {
	n := 0
	for _, d := range docs {
		n += len(d.Text) + len(d.Title)
	}
	return n
}

// edition makes one edition's files and its manifest entry.
func edition(ed Edition, splitAt int) (map[string][]byte, []byte, error) {
	files := map[string][]byte{}
	docs := ed.Docs
	link(docs)
	depts := make([]any, len(ed.Depts))
	for i, d := range ed.Depts {
		depts[i] = []string{d.Slug, d.Name}
	}
	syn := synonymGroups(ed.Names)
	if rawText(docs) < splitAt { // else the one file would be too big anyway
		one, err := docFile(depts, docs, docs, true, "syn", synList(syn, docs, true))
		if err != nil {
			return nil, nil, err
		}
		if len(one) < splitAt {
			name := fmt.Sprintf("search/%s.%s.json", ed.Lang, ContentHash(one))
			files[name] = one
			b, err := jsonObject("docs", len(docs), "file", name)
			return files, b, err
		}
	}
	parts, shards, err := splitBundle(ed)
	if err != nil {
		return nil, nil, err
	}
	h := sha256.New()
	for _, n := range slices.Sorted(maps.Keys(parts)) {
		h.Write([]byte(n))
		h.Write(parts[n])
	}
	base := fmt.Sprintf("search/%s.%s/", ed.Lang, hex.EncodeToString(h.Sum(nil))[:10])
	for n, b := range parts {
		files[base+n] = b
	}
	// Each department's docs run from its start to the next's.
	starts := deptStarts(docs, len(ed.Depts))
	b, err := jsonObject("docs", len(docs), "base", base, "shards", shards, "chunk", searchChunkDocs, "depts", starts, "syn", synList(syn, nil, false))
	return files, b, err
}

// deptStarts says where each department's docs start; the docs of no
// department follow the last.
func deptStarts(docs []*Doc, depts int) []int {
	starts := []int{}
	for i, d := range docs {
		for d.Dept >= len(starts) && d.Dept >= 0 {
			starts = append(starts, i)
		}
		if d.Dept < 0 && len(starts) == depts {
			starts = append(starts, i)
		}
	}
	for len(starts) <= depts {
		starts = append(starts, len(docs))
	}
	return starts
}

// link sets each doc's context: the index of the doc its Parent names.
func link(docs []*Doc) {
	byURL := make(map[string]int, len(docs))
	for i, d := range docs {
		byURL[d.URL] = i
	}
	for _, d := range docs {
		d.context = -1
		if i, ok := byURL[d.Parent]; ok && d.Parent != "" {
			d.context = i
		}
	}
}

// splitBundle makes the parts of a split bundle, by path under its base,
// and says how many shards it has: the term shards and their vocabulary,
// the docs' metadata, and the chunks of docs.
func splitBundle(ed Edition) (map[string][]byte, int, error) {
	parts := map[string][]byte{}
	postings := Postings(ed.Docs)
	shards := shardCount(postings)
	if err := addShards(parts, postings, shards); err != nil {
		return nil, 0, err
	}
	b, err := metaFile(ed.Docs)
	if err != nil {
		return nil, 0, err
	}
	parts["meta.json"] = b
	if err := addChunks(parts, ed); err != nil {
		return nil, 0, err
	}
	return parts, shards, nil
}

// shardCount is the number of term shards, a power of two from 8 to 4096,
// that keeps a shard's postings near searchShardBytes.
func shardCount(postings map[string][]Posting) int {
	size := 0
	for _, ps := range postings {
		size += 2 * len(ps)
	}
	shards := 8
	for shards < 4096 && size/shards > searchShardBytes {
		shards *= 2
	}
	return shards
}

// addShards adds the term shards, s/<k>.json, each term with its encoded
// postings in the shard its hash picks, and vocab.json: the terms other
// than Han ones, with their document frequencies.
func addShards(parts map[string][]byte, postings map[string][]Posting, shards int) error {
	byShard := make([][]any, shards)
	var vocab []string
	var df []int
	for _, t := range slices.Sorted(maps.Keys(postings)) {
		k := Hash(t) % uint32(shards)
		byShard[k] = append(byShard[k], t, encodePostings(postings[t]))
		if !isSearchHanTerm(t) {
			vocab = append(vocab, t)
			df = append(df, len(postings[t]))
		}
	}
	for k, kv := range byShard {
		b, err := jsonObject(kv...)
		if err != nil {
			return err
		}
		parts[fmt.Sprintf("s/%d.json", k)] = b
	}
	b, err := jsonObject("terms", vocab, "df", df)
	if err != nil {
		return err
	}
	parts["vocab.json"] = b
	return nil
}

// encodePostings writes a term's postings as search numbers: for each, the
// gap from the previous doc times 32 plus the weight's low four bits times
// 2, plus 1 when the rest of the weight follows as a second number.
func encodePostings(ps []Posting) string {
	var b []byte
	prev := 0
	for _, p := range ps {
		v := (p.Doc-prev)*32 + (p.W&15)*2
		if p.W>>4 == 0 {
			b = appendSearchNum(b, v)
		} else {
			b = appendSearchNum(b, v+1)
			b = appendSearchNum(b, p.W>>4)
		}
		prev = p.Doc
	}
	return string(b)
}

// metaFile writes meta.json: the distinct dates, and for each doc its
// kind, department + 1, date index + 1 and regimes, as search numbers.
func metaFile(docs []*Doc) ([]byte, error) {
	var dates []string
	var meta []byte
	for _, d := range docs {
		di := -1
		if d.Date != "" {
			if di = slices.Index(dates, d.Date); di < 0 {
				di = len(dates)
				dates = append(dates, d.Date)
			}
		}
		meta = appendSearchNum(meta, d.Kind)
		meta = appendSearchNum(meta, d.Dept+1)
		meta = appendSearchNum(meta, di+1)
		meta = appendSearchNum(meta, len(d.Regimes))
		for _, r := range d.Regimes {
			meta = appendSearchNum(meta, r)
		}
	}
	if dates == nil {
		dates = []string{}
	}
	return jsonObject("dates", dates, "m", string(meta))
}

// addChunks adds the chunks of docs, c/<n>.json, searchChunkDocs docs
// each, with the departments they name.
func addChunks(parts map[string][]byte, ed Edition) error {
	docs := ed.Docs
	for n := 0; n*searchChunkDocs < len(docs); n++ {
		chunk := docs[n*searchChunkDocs : min(len(docs), (n+1)*searchChunkDocs)]
		b, err := docFile(chunkDepts(chunk, ed.Depts), chunk, docs, false)
		if err != nil {
			return err
		}
		parts[fmt.Sprintf("c/%d.json", n)] = b
	}
	return nil
}

// chunkDepts lists the departments of a chunk's docs, in order of first
// use, each as [index, slug, name].
func chunkDepts(chunk []*Doc, all []Dept) []any {
	depts := []any{}
	var seen []int
	for _, d := range chunk {
		if d.Dept >= 0 && !slices.Contains(seen, d.Dept) {
			seen = append(seen, d.Dept)
			dp := all[d.Dept]
			depts = append(depts, []any{d.Dept, dp.Slug, dp.Name})
		}
	}
	return depts
}

// jsonObject writes a JSON object from key, value pairs, in their order,
// without escaping HTML characters.
func jsonObject(kv ...any) ([]byte, error) {
	var b bytes.Buffer
	b.WriteByte('{')
	for i := 0; i+1 < len(kv); i += 2 {
		if i > 0 {
			b.WriteByte(',')
		}
		if err := jsonValue(&b, kv[i]); err != nil {
			return nil, fmt.Errorf("search bundle: %w", err)
		}
		b.WriteByte(':')
		if err := jsonValue(&b, kv[i+1]); err != nil {
			return nil, fmt.Errorf("search bundle: %w", err)
		}
	}
	b.WriteByte('}')
	return b.Bytes(), nil
}

func jsonValue(b *bytes.Buffer, v any) error {
	enc := json.NewEncoder(b)
	enc.SetEscapeHTML(false)
	if err := enc.Encode(v); err != nil {
		return err
	}
	b.Truncate(b.Len() - 1) // Encode's newline
	return nil
}

// ContentHash is the first 10 hex digits of the SHA-256 of b.
func ContentHash(b []byte) string {
	h := sha256.Sum256(b)
	return hex.EncodeToString(h[:])[:10]
}
