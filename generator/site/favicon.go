package site

// The favicon: layouts/assets/favicon.svg for browsers that take SVG, and
// favicon.ico at the site's root, drawn from the same SVG at build time
// (16, 32 and 48 pixels, PNG inside the ICO) unless layouts/assets holds a
// favicon.ico of its own. The drawing reads the simple SVG an icon is: a
// viewBox and <rect> elements (x, y, width, height, rx, fill as #rgb or
// #rrggbb), painted in order.

import (
	"bytes"
	"encoding/binary"
	"encoding/xml"
	"errors"
	"fmt"
	"image"
	"image/color"
	"image/png"
	"io"
	"io/fs"
	"strconv"
	"strings"
)

// iconSizes are the pixel sizes the ICO holds.
var iconSizes = []int{16, 32, 48}

// faviconICO returns the bytes of favicon.ico.
func faviconICO(layouts fs.FS) ([]byte, error) {
	if b, err := fs.ReadFile(layouts, "assets/favicon.ico"); err == nil {
		return b, nil
	}
	src, err := fs.ReadFile(layouts, "assets/favicon.svg")
	if err != nil {
		return nil, fmt.Errorf("render favicon.ico: %w (layouts/assets/ needs favicon.svg, or a favicon.ico of its own)", err)
	}
	ic, err := parseIcon(src)
	if err != nil {
		return nil, fmt.Errorf("render favicon.ico: layouts/assets/favicon.svg: %w", err)
	}
	var pngs [][]byte
	for _, n := range iconSizes {
		var b bytes.Buffer
		enc := png.Encoder{CompressionLevel: png.BestCompression}
		if err := enc.Encode(&b, ic.draw(n)); err != nil {
			return nil, fmt.Errorf("render favicon.ico: %w", err)
		}
		pngs = append(pngs, b.Bytes())
	}
	return ico(iconSizes, pngs), nil
}

// ico packs square PNG images into an ICO file.
func ico(sizes []int, pngs [][]byte) []byte {
	var b bytes.Buffer
	le := binary.LittleEndian
	b.Write(le.AppendUint16(le.AppendUint16(le.AppendUint16(nil, 0), 1), uint16(len(pngs))))
	off := 6 + 16*len(pngs)
	for i, p := range pngs {
		n := byte(sizes[i] % 256) // 0 is 256
		e := []byte{n, n, 0, 0}
		e = le.AppendUint16(le.AppendUint16(e, 1), 32)
		e = le.AppendUint32(le.AppendUint32(e, uint32(len(p))), uint32(off))
		b.Write(e)
		off += len(p)
	}
	for _, p := range pngs {
		b.Write(p)
	}
	return b.Bytes()
}

// icon is an SVG icon of rectangles.
type icon struct {
	w, h  float64 // the viewBox's size
	x, y  float64 // its origin
	rects []iconRect
}

type iconRect struct {
	x, y, w, h, rx float64
	fill           color.NRGBA
}

// parseIcon reads an SVG icon of rectangles.
func parseIcon(src []byte) (*icon, error) {
	d := xml.NewDecoder(bytes.NewReader(src))
	ic := &icon{}
	for {
		tok, err := d.Token()
		if errors.Is(err, io.EOF) {
			break
		}
		if err != nil {
			return nil, err
		}
		se, ok := tok.(xml.StartElement)
		if !ok {
			continue
		}
		a := map[string]string{}
		for _, at := range se.Attr {
			a[at.Name.Local] = at.Value
		}
		switch se.Name.Local {
		case "svg":
			vb := strings.Fields(strings.ReplaceAll(a["viewBox"], ",", " "))
			if len(vb) != 4 {
				return nil, fmt.Errorf("the svg element needs a viewBox of four numbers")
			}
			v, err := numbers(vb...)
			if err != nil || v[2] <= 0 || v[3] <= 0 {
				return nil, fmt.Errorf("viewBox %q: not a box", a["viewBox"])
			}
			ic.x, ic.y, ic.w, ic.h = v[0], v[1], v[2], v[3]
		case "rect":
			r, err := parseRect(a)
			if err != nil {
				return nil, err
			}
			ic.rects = append(ic.rects, r)
		default:
			return nil, fmt.Errorf("<%s>: the icon is drawn from <rect> elements only (or place a favicon.ico beside it)", se.Name.Local)
		}
	}
	if ic.w == 0 {
		return nil, fmt.Errorf("no svg element with a viewBox")
	}
	return ic, nil
}

// parseRect reads a <rect>'s attributes.
func parseRect(a map[string]string) (iconRect, error) {
	for _, k := range []string{"x", "y", "rx"} {
		if a[k] == "" {
			a[k] = "0"
		}
	}
	v, err := numbers(a["x"], a["y"], a["width"], a["height"], a["rx"])
	if err != nil {
		return iconRect{}, fmt.Errorf("<rect>: %w", err)
	}
	c, err := hexColor(a["fill"])
	if err != nil {
		return iconRect{}, fmt.Errorf("<rect>: %w", err)
	}
	return iconRect{v[0], v[1], v[2], v[3], v[4], c}, nil
}

func numbers(s ...string) ([]float64, error) {
	out := make([]float64, len(s))
	for i, x := range s {
		f, err := strconv.ParseFloat(x, 64)
		if err != nil {
			return nil, fmt.Errorf("%q is not a number", x)
		}
		out[i] = f
	}
	return out, nil
}

// hexColor reads #rgb or #rrggbb.
func hexColor(s string) (color.NRGBA, error) {
	h := strings.TrimPrefix(s, "#")
	if len(h) == 3 {
		h = string([]byte{h[0], h[0], h[1], h[1], h[2], h[2]})
	}
	v, err := strconv.ParseUint(h, 16, 32)
	if !strings.HasPrefix(s, "#") || len(h) != 6 || err != nil {
		return color.NRGBA{}, fmt.Errorf("fill %q is not a colour written #rgb or #rrggbb", s)
	}
	return color.NRGBA{uint8(v >> 16), uint8(v >> 8), uint8(v), 255}, nil
}

// draw paints the icon n pixels square, each pixel the mean of 4×4 samples.
func (ic *icon) draw(n int) *image.NRGBA {
	const ss = 4
	img := image.NewNRGBA(image.Rect(0, 0, n, n))
	for py := range n {
		for px := range n {
			var r, g, b, a int
			for sy := range ss {
				for sx := range ss {
					x := ic.x + (float64(px)+(float64(sx)+0.5)/ss)*ic.w/float64(n)
					y := ic.y + (float64(py)+(float64(sy)+0.5)/ss)*ic.h/float64(n)
					if c, ok := ic.at(x, y); ok {
						r, g, b, a = r+int(c.R), g+int(c.G), b+int(c.B), a+255
					}
				}
			}
			if a > 0 {
				k := a / 255 // opaque samples
				img.SetNRGBA(px, py, color.NRGBA{uint8(r / k), uint8(g / k), uint8(b / k), uint8(a / (ss * ss))})
			}
		}
	}
	return img
}

// at is the colour of the topmost rectangle at (x, y).
func (ic *icon) at(x, y float64) (color.NRGBA, bool) {
	for i := len(ic.rects) - 1; i >= 0; i-- {
		if r := ic.rects[i]; r.contains(x, y) {
			return r.fill, true
		}
	}
	return color.NRGBA{}, false
}

func (r iconRect) contains(x, y float64) bool {
	if x < r.x || y < r.y || x >= r.x+r.w || y >= r.y+r.h {
		return false
	}
	dx := max(r.x+r.rx-x, x-(r.x+r.w-r.rx), 0)
	dy := max(r.y+r.rx-y, y-(r.y+r.h-r.rx), 0)
	return dx*dx+dy*dy <= r.rx*r.rx
}
