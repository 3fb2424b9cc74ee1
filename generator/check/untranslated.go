package check

import (
	"fmt"
	"strconv"
	"strings"
)

// untranslated words the missing translation of the field at path (as the
// checks walk it: item[0].text), whose Chinese is at line, inside an
// inline table or not: in the words of the file (the 1st [[item]], not
// item[0]) and with the key to type.
func untranslated(path string, line int, inline bool) string {
	segs := strings.Split(path, ".")
	var who []string
	for i, s := range segs[:len(segs)-1] {
		who = append(who, element(s, i == 0))
	}
	last := segs[len(segs)-1]
	name, idx, isElem := strings.Cut(last, "[")
	add := fmt.Sprintf(`add %[1]s.en = "…" under its %[1]s.zh (line %[2]d)`, last, line)
	if isElem { // a text in a list of texts: { zh = "…", en = "…" }
		n, _ := strconv.Atoi(strings.TrimSuffix(idx, "]"))
		last = fmt.Sprintf("%s text of %s", ordinal(n+1), name)
	}
	if isElem || inline {
		add = fmt.Sprintf(`add en = "…" beside its zh = "…" (line %d)`, line)
	}
	who = append(who, last)
	return fmt.Sprintf("missing translation: %s has Chinese but no English: %s", strings.Join(who, "'s "), add)
}

// element names one step of a path: item[0] is the 1st [[item]] when it
// leads the path, the 1st item after it; a key is itself.
func element(s string, lead bool) string {
	name, idx, ok := strings.Cut(s, "[")
	if !ok {
		return s
	}
	n, _ := strconv.Atoi(strings.TrimSuffix(idx, "]"))
	if lead {
		return fmt.Sprintf("the %s [[%s]]", ordinal(n+1), name)
	}
	return ordinal(n+1) + " " + name
}

func ordinal(n int) string {
	suffix := "th"
	switch {
	case n%100 >= 11 && n%100 <= 13:
	case n%10 == 1:
		suffix = "st"
	case n%10 == 2:
		suffix = "nd"
	case n%10 == 3:
		suffix = "rd"
	}
	return strconv.Itoa(n) + suffix
}
