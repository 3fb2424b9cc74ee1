//go:build linux

package site

import (
	"errors"
	"os"

	"golang.org/x/sys/unix"
)

// swap puts the folder tmp in place of target and the old target (if
// any) at tmp, in one atomic step: renameat2 with RENAME_EXCHANGE.
func swap(tmp, target string) error {
	swapPause()
	defer swapPause()
	err := unix.Renameat2(unix.AT_FDCWD, tmp, unix.AT_FDCWD, target, unix.RENAME_EXCHANGE)
	switch {
	case err == nil:
		return nil
	case errors.Is(err, unix.ENOENT): // no output yet: the new site appears in one rename
		return os.Rename(tmp, target)
	case errors.Is(err, unix.EINVAL), errors.Is(err, unix.ENOSYS): // the file system cannot exchange
		return swapByRenames(tmp, target)
	}
	return &os.LinkError{Op: "renameat2", Old: tmp, New: target, Err: err}
}
