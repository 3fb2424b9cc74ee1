package content

// This file holds what site.toml says about hosting and registration: the
// site's address (base_url), the public-security record number and the
// 党政机关网站标识 badge, whose image the load stage reads from content/.

import (
	"bytes"
	"fmt"
	"image"
	_ "image/gif" // badge formats
	_ "image/jpeg"
	_ "image/png"
	"io/fs"
	"net/url"
	"path"
	"regexp"
	"strings"
)

// Badge is the 党政机关网站标识: an image the publisher places in content/
// and the address of the site's registration record it links to.
//
//	badge = { image = "badge.png", url = "https://bszs.conac.cn/sitename?method=show&id=…" }
type Badge struct {
	// Image is the image file's path from content/: a PNG, GIF or JPEG.
	Image string `toml:"image"`
	// URL is the registration record the badge links to (http or https).
	URL string `toml:"url"`

	Picture `toml:"-"` // the image, as the load stage read it
}

// Picture is an image file of content/ as the load stage read it: its
// bytes, its format ("png", "gif", "jpeg") and its size in pixels.
type Picture struct {
	Data          []byte
	Format        string
	Width, Height int
}

// File is where the build writes the badge's image: assets/badge.png.
func (b Badge) File() string { return "assets/badge." + b.Format }

// Icon is the icon issued with the public-security filing (备案图标), an
// image the publisher places in content/, named by its path from there:
//
//	police_icon = "police.png"
type Icon struct {
	Path string
	Picture
}

// UnmarshalText reads police_icon's value, the image's path.
func (i *Icon) UnmarshalText(b []byte) error { i.Path = string(b); return nil }

// File is where the build writes the icon: assets/police.png.
func (i Icon) File() string { return "assets/police." + i.Format }

// Base is a site's address, read from base_url.
type Base struct {
	// URL is the absolute address of the site's folder, ending in /:
	// https://www.example.gov.cn/qingdan/. It is empty while only the
	// folder, or nothing, is known.
	URL string
	// Path is the site's folder on its host: "/" or "/qingdan/".
	Path string
}

// folderRE is a folder on a host: "/" or "/a/b/", no empty, "." or ".."
// segment (a "//host/" would be another host).
var folderRE = regexp.MustCompile(`^/([A-Za-z0-9_~-][A-Za-z0-9._~-]*/)*$`)

// hostRE is a host name or address, with an optional port, in ASCII.
var hostRE = regexp.MustCompile(`^(?i)[a-z0-9]([a-z0-9-]*[a-z0-9])?(\.[a-z0-9]([a-z0-9-]*[a-z0-9])?)*(:[0-9]{1,5})?$`)

// ParseBase reads a base_url: empty, the absolute http(s) address of the
// site's folder, or, while the host is not known, the folder alone
// ("/qingdan/"). The error says what to write instead.
func ParseBase(s string) (Base, error) {
	const what = "write the site's full public address, such as https://www.example.gov.cn/qingdan/ (or, while the host is not known, its folder alone, such as /qingdan/)"
	switch {
	case s == "":
		return Base{Path: "/"}, nil
	case strings.HasPrefix(s, "/") && !strings.HasPrefix(s, "//"):
		if !folderRE.MatchString(s) {
			return Base{}, fmt.Errorf("is not a folder on the host: %s", folderHint(s, what))
		}
		return Base{Path: s}, nil
	}
	u, err := url.Parse(s)
	if err != nil || (u.Scheme != "http" && u.Scheme != "https") || u.Opaque != "" || !hostRE.MatchString(u.Host) {
		return Base{}, fmt.Errorf("is not an http:// or https:// address: %s", what)
	}
	if u.User != nil || u.RawQuery != "" || u.ForceQuery || u.Fragment != "" || strings.Contains(s, "#") {
		return Base{}, fmt.Errorf("holds a user, query or fragment: %s", what)
	}
	p := u.Path
	if p == "" {
		p = "/"
	}
	if u.RawPath != "" || !folderRE.MatchString(p) {
		return Base{}, fmt.Errorf("does not name a folder: %s", folderHint(p, what))
	}
	return Base{URL: u.Scheme + "://" + u.Host + p, Path: p}, nil
}

// folderHint says how to write a folder that does not end in /.
func folderHint(p, what string) string {
	switch {
	case strings.HasSuffix(p, "/") || !folderRE.MatchString(p+"/"):
		return what
	case strings.Contains(path.Base(p), "."):
		return "name the site's folder, not a file in it (" + path.Dir(p) + "/)"
	}
	return "end it with / (the site is the folder " + p + "/)"
}

// PoliceRecord is the record number of a public-security filing number
// (公安机关备案号): its digits, "37130202000001" of "鲁公网安备
// 37130202000001号". It is what the register's address takes.
func PoliceRecord(code string) string {
	return strings.Map(func(r rune) rune {
		if r >= '0' && r <= '9' {
			return r
		}
		return -1
	}, code)
}

// imageNameRE is an image file's path from content/: no empty, hidden,
// "." or ".." segment.
var imageNameRE = regexp.MustCompile(`^(?i)([a-z0-9_-][a-z0-9._-]*/)*[a-z0-9_-][a-z0-9._-]*\.(png|gif|jpe?g)$`)

// image reads into pic the image file name of content/, which site.toml's
// key names (nothing when name is empty), and says what is wrong with it
// if it cannot.
func (l *loader) image(key, name string, pic *Picture) {
	if name == "" {
		return
	}
	at := l.c.Loc("site.toml").At(key)
	if !imageNameRE.MatchString(name) {
		l.errs.Add(at, "%s %q is not an image file's path from content/: place the PNG, GIF or JPEG image in content/ and write its name, such as \"%s.png\"", key, name, strings.TrimSuffix(strings.TrimSuffix(key, ".image"), "_icon"))
		return
	}
	if _, err := fs.Lstat(l.fsys, name); err != nil {
		l.errs.Add(at, "%s %q is not in content/: place the image there (beside site.toml) or correct its name", key, name)
		return
	}
	data, ok := l.read(name)
	if !ok {
		return
	}
	cfg, format, err := image.DecodeConfig(bytes.NewReader(data))
	if err != nil || cfg.Width <= 0 || cfg.Height <= 0 {
		l.errs.Add(at, "%s %q is not a PNG, GIF or JPEG image that can be read: save the image as issued in one of these formats", key, name)
		return
	}
	*pic = Picture{data, format, cfg.Width, cfg.Height}
}
