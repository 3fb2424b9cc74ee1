package site

import (
	"errors"
	"io/fs"
	"os"
)

// swapByRenames puts tmp in place of target with two renames, leaving the
// old target at tmp. Between the renames there is no target: a build
// killed there leaves the old site in its temporary folder.
func swapByRenames(tmp, target string) error {
	old := tmp + "-old"
	if err := os.Rename(target, old); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return err
	}
	if err := os.Rename(tmp, target); err != nil {
		os.Rename(old, target)
		return err
	}
	if err := os.Rename(old, tmp); err != nil && !errors.Is(err, fs.ErrNotExist) {
		return os.RemoveAll(old)
	}
	return nil
}
