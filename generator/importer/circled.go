package importer

// Circled numbers (①…㊿) number the responsibility items. The template's
// font had them only up to ⑳, so the lists print the numbers above 20
// mangled: ② … ⑦ for 22 … 27 (the number less 20), ③⑨ for 39 and ④⑩,
// ④⑪ for 40, 41 (the tens digit, then a glyph ending in the units digit),
// or the tens digit alone (④ for 43). The importer knows the number an item
// must have (items run on across duties) and accepts a glyph run only if it
// is that number, exactly or in one of these mangled forms.

// circledValue returns the number a circled glyph stands for, or 0.
func circledValue(r rune) int {
	switch {
	case r >= '①' && r <= '⑳':
		return int(r-'①') + 1
	case r >= '㉑' && r <= '㉟':
		return int(r-'㉑') + 21
	case r >= '㊱' && r <= '㊿':
		return int(r-'㊱') + 36
	}
	return 0
}

// leadingCircled splits s into the values of its leading circled glyphs
// and the rest.
func leadingCircled(s string) (vals []int, rest string) {
	for i, r := range s {
		v := circledValue(r)
		if v == 0 {
			return vals, s[i:]
		}
		vals = append(vals, v)
	}
	return vals, ""
}

// readsAs reports whether the glyph values vals may be read as the number
// want: exact is true when they are its own glyph, ok when they are one of
// the mangled forms.
func readsAs(vals []int, want int) (ok, exact bool) {
	switch {
	case len(vals) == 1 && vals[0] == want:
		return true, true
	case len(vals) == 1 && want > 20 && vals[0] == want-20:
		return true, false
	case want >= 30 && len(vals) >= 1 && vals[0] == want/10:
		if len(vals) == 1 || len(vals) == 2 && vals[1]%10 == want%10 {
			return true, false
		}
	}
	return false, false
}

// glyphs renders circled values back as text, for messages.
func glyphs(vals []int) string {
	s := ""
	for _, v := range vals {
		switch {
		case v <= 20:
			s += string(rune('①' + v - 1))
		case v <= 35:
			s += string(rune('㉑' + v - 21))
		default:
			s += string(rune('㊱' + v - 36))
		}
	}
	return s
}
