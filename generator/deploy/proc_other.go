//go:build !linux

package deploy

import "syscall"

func sysProcAttr() *syscall.SysProcAttr { return nil }
