package export

import (
	"bytes"
	"encoding/csv"
	"strconv"
	"strings"

	"qingdan/generator/content"
	"qingdan/generator/graph"
	"qingdan/generator/markup"
)

// CSVHeader names the columns of data/SLUG.csv; the data page documents
// each.
var CSVHeader = []string{"item", "duty", "duty_zh", "duty_en", "item_zh", "item_en",
	"regimes", "regimes_zh", "regimes_en", "bases_zh", "bases_en", "url_zh", "url_en"}

// bom is the UTF-8 byte-order mark, by which Excel knows the encoding.
const bom = "\ufeff"

// CSV is data/SLUG.csv for department d: a row per responsibility item,
// with its duty, its regimes and the accountability bases of its duty.
func CSV(g *graph.Graph, d *content.Department) ([]byte, error) {
	var b bytes.Buffer
	b.WriteString(bom)
	w := csv.NewWriter(&b)
	w.UseCRLF = true
	w.Write(CSVHeader)
	for _, du := range d.Duties {
		bzh, ben := bases(g, du)
		for _, it := range du.Items {
			r := g.Of(it)
			var ids, zh, en []string
			for _, x := range r.Regimes {
				ids, zh, en = append(ids, x.ID), append(zh, x.Name.Zh), append(en, x.Name.En)
			}
			w.Write([]string{strconv.Itoa(it.N), du.ID, du.Title.Zh, plainEn(g, du.Title), it.Text.Zh, plainEn(g, it.Text),
				strings.Join(ids, ";"), strings.Join(zh, "；"), strings.Join(en, "; "), bzh, ben,
				"../" + strings.TrimPrefix(r.URL(content.Zh), "/"), "../" + strings.TrimPrefix(r.URL(content.En), "/")})
		}
	}
	w.Flush()
	return b.Bytes(), w.Error()
}

func plainEn(g *graph.Graph, t content.Text) string { return markup.Plain(content.En, t.En, g.Index) }

// bases lists a duty's accountability bases in each language: an
// instrument with the articles cited, or the basis's own text.
func bases(g *graph.Graph, du *content.Duty) (zh, en string) {
	var zs, es []string
	for _, b := range du.Bases {
		in := g.Index.Instrument(b.Instrument)
		if in == nil {
			zs, es = append(zs, b.Text.Zh), append(es, plainEn(g, b.Text))
			continue
		}
		var az, ae []string
		for _, a := range b.Articles {
			az, ae = append(az, a.Article.Zh), append(ae, a.Article.En)
		}
		z, e := "《"+in.Name.Zh+"》", in.Name.En
		if len(az) > 0 {
			z += strings.Join(az, "、")
			e += " (" + strings.Join(ae, ", ") + ")"
		}
		zs, es = append(zs, z), append(es, e)
	}
	return strings.Join(zs, "；"), strings.Join(es, "; ")
}
