package check

import (
	"fmt"
	"strings"

	"qingdan/generator/content"
)

// A department's responsibility items are numbered 1, 2, 3… across its
// duties, and its supervision systems name them by number (items = [...]).
// When the numbers go wrong, the advice must be right: one wrong number
// is that number, but an item inserted or removed shifts every number
// after it, which is one problem (with one fix: renumber them, and the
// lists that name them), not one per item.

// itemAt is one item in the department's sequence: where it is, its number.
type itemAt struct {
	l content.Loc
	p string // the item's path in its duty's file: item[j]
	n int
}

// itemSequence checks that the items run 1, 2, 3… across the duties and
// reports whether they do. At a wrong number it looks at the next item:
// if that one goes on from where this one should be (1, 2, 9, 4), this
// one number is wrong; if it goes on from this one (1, 2, 4, 5, 6: an
// item removed; 1, 2, 3, 3, 4: one inserted), the numbers are shifted
// from here on: reported once, with every item of the shifted run and
// the supervision systems that name any of them.
func (ck *checker) itemSequence(duties []*content.Duty, systems []*content.System) bool {
	var items []itemAt
	for _, du := range duties {
		l := ck.c.Loc(du)
		for j, it := range du.Items {
			items = append(items, itemAt{l, fmt.Sprintf("item[%d]", j), it.N})
		}
	}
	inOrder := true
	for k := 0; k < len(items); k++ {
		it, want := items[k], k+1
		if it.n == want {
			continue
		}
		inOrder = false
		run := 0 // the items after this one whose numbers go on from it
		if k+1 >= len(items) || items[k+1].n != want+1 {
			for k+run+1 < len(items) && items[k+run+1].n == items[k+run].n+1 {
				run++
			}
		}
		msg := fmt.Sprintf("item number %d out of sequence: items run 1, 2, 3… across the duties, so this one is %d", it.n, want)
		if run > 0 {
			msg += ck.shifted(items[k:k+run+1], want-it.n, systems)
		}
		ck.errs.Add(it.l.At(it.p+".n"), "%s", msg)
		k += run
	}
	return inOrder
}

// shifted is the advice for a run of items (a wrong number and the items
// after it that go on from it) whose numbers are all off by delta:
// renumber them, and the references to them.
func (ck *checker) shifted(run []itemAt, delta int, systems []*content.System) string {
	lo, hi := run[0].n, run[len(run)-1].n
	way := "up"
	if delta < 0 {
		way = "down"
	}
	what := fmt.Sprintf("; the next item (%d) goes on from this one: renumber both %s by %d (%d → %d, %d → %d)",
		hi, way, abs(delta), lo, lo+delta, hi, hi+delta)
	if len(run) > 2 {
		what = fmt.Sprintf("; the %d items after it (%d to %d) go on from this one: renumber all %d %s by %d (%d → %d … %d → %d)",
			len(run)-1, run[1].n, hi, len(run), way, abs(delta), lo, lo+delta, hi, hi+delta)
	}
	var named []string
	for _, s := range systems {
		for _, n := range s.Items {
			if n >= lo && n <= hi {
				named = append(named, ck.c.Loc(s).At("").File)
				break
			}
		}
	}
	if len(named) > 0 {
		what += fmt.Sprintf(", and the same numbers in the items = [...] lists that name them (%s)", strings.Join(named, ", "))
	}
	return what
}

func abs(n int) int {
	if n < 0 {
		return -n
	}
	return n
}

// itemNumbers is the set of the duties' item numbers, and how many items
// there are.
func itemNumbers(duties []*content.Duty) (map[int]bool, int) {
	items, count := map[int]bool{}, 0
	for _, du := range duties {
		for _, it := range du.Items {
			items[it.N] = true
			count++
		}
	}
	return items, count
}

// itemRefs checks that the numbers a supervision system names (its items
// list) are items' numbers. While the items' own numbers are out of
// sequence, a number that names no item may be the right one.
func (ck *checker) itemRefs(l content.Loc, refs []int, items map[int]bool, count int, inOrder bool) {
	for j, n := range refs {
		if items[n] {
			continue
		}
		at := l.At(fmt.Sprintf("items[%d]", j))
		switch {
		case inOrder && count == 0:
			ck.errs.Add(at, "no item is numbered %d: the duties have no items yet", n)
		case inOrder && count == 1:
			ck.errs.Add(at, "no item is numbered %d: the only item is numbered 1", n)
		case inOrder:
			ck.errs.Add(at, "no item is numbered %d: the items are numbered 1 to %d; name one of them", n, count)
		default:
			ck.errs.Add(at, "no item is numbered %d, but the items' own numbers are out of sequence (see above): this number may be right and the numbering wrong; renumber the items 1 to %d, then check this list", n, count)
		}
	}
}
