package site

import (
	"errors"
	"fmt"
	"io/fs"
	"strconv"
	"time"

	"qingdan/generator/content"
)

// siteDate is the newest modification time of the content files read and
// of the layouts files (Output.Date).
func siteDate(c *content.Content, layouts fs.FS) (time.Time, error) {
	date, err := newestIn(layouts)
	if err != nil {
		return time.Time{}, err
	}
	if c.Modified.After(date) {
		date = c.Modified
	}
	return date, nil
}

// newestIn is the newest modification time of the files in fsys (zero
// when it gives none, or has no files).
func newestIn(fsys fs.FS) (time.Time, error) {
	var newest time.Time
	err := fs.WalkDir(fsys, ".", func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			return err
		}
		if d.IsDir() {
			return nil
		}
		fi, err := d.Info()
		if err != nil {
			return err
		}
		if t := fi.ModTime(); t.After(newest) {
			newest = t
		}
		return nil
	})
	if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return time.Time{}, fmt.Errorf("load layouts: %w", err)
	}
	return newest, nil
}

// SourceDateEpoch reads the value of the SOURCE_DATE_EPOCH environment
// variable (https://reproducible-builds.org/specs/source-date-epoch/): a
// whole number of seconds since 1970-01-01 UTC. A build given it dates
// every file with it instead of the content's date; ok is false when v is
// empty.
func SourceDateEpoch(v string) (t time.Time, ok bool, err error) {
	if v == "" {
		return time.Time{}, false, nil
	}
	n, err := strconv.ParseInt(v, 10, 64)
	if err != nil || n < 0 {
		return time.Time{}, false, fmt.Errorf("SOURCE_DATE_EPOCH is %q, not a whole number of seconds since 1970-01-01 UTC: set it so (for example to $(git log -1 --format=%%ct)) or unset it", v)
	}
	return time.Unix(n, 0).UTC(), true, nil
}
