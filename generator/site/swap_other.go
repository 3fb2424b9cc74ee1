//go:build !linux

package site

// swap puts the folder tmp in place of target, with two renames (systems
// other than Linux have no portable atomic exchange of two folders).
func swap(tmp, target string) error {
	swapPause()
	defer swapPause()
	return swapByRenames(tmp, target)
}
