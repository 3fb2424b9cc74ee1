package check

import (
	"fmt"
	"slices"
	"strconv"
	"strings"

	"qingdan/generator/content"
)

// roles checks the role of each division of a boundary matter: empty (a
// share) or one of content.DivisionRoles.
func (ck *checker) roles(l content.Loc, b *content.Boundary) {
	for j, dv := range b.Divisions {
		if dv.Role != "" && !slices.Contains(content.DivisionRoles, dv.Role) {
			ck.errs.Add(l.At(fmt.Sprintf("division[%d].role", j)), "role %q is not a role: use %s (or leave it out for %q)",
				dv.Role, strings.Join(content.DivisionRoles, ", "), content.RoleShares)
		}
	}
}

// steps checks the steps of a system's sections: each step's text (and
// name) is the section body's own words in both languages, and a deadline
// has a positive number, a known unit and what it counts from, all as the
// step's Chinese text states them. Missing translations are found with
// the other fields (fields).
func (ck *checker) steps(l content.Loc, s *content.System) {
	for i, sec := range s.Sections {
		for j, st := range sec.Steps {
			p := fmt.Sprintf("section[%d].step[%d]", i, j)
			for _, lang := range content.Langs {
				body := sec.Body.In(lang)
				if t := st.Text.In(lang); t != "" && !strings.Contains(body, t) {
					ck.errs.Add(l.At(p+".text."+string(lang)), "%s.text.%s is not in the section's body: a step keeps the list's own sentence word for word; copy it from body.%s", p, lang, lang)
				}
				if n := st.Name.In(lang); n != "" && !strings.Contains(body, n) {
					ck.errs.Add(l.At(p+".name."+string(lang)), "%s.name.%s is not in the section's body: name the step as the list heads it", p, lang)
				}
			}
			if st.Deadline != nil {
				ck.deadline(l, p+".deadline", st.Deadline, st.Text.Zh)
			}
		}
	}
}

// deadline checks one step's deadline against the step's Chinese text.
func (ck *checker) deadline(l content.Loc, p string, d *content.Deadline, text string) {
	switch {
	case d.N <= 0:
		ck.errs.Add(l.At(p+".n"), "%s.n is %d: a deadline is a positive number of days or months", p, d.N)
	case !strings.Contains(text, strconv.Itoa(d.N)) && !strings.Contains(text, hanNumber(d.N)):
		ck.errs.Add(l.At(p+".n"), "%s.n is %d, a number the step's text does not state: give the text's own number", p, d.N)
	}
	if d.Unit != content.UnitDay && d.Unit != content.UnitMonth {
		ck.errs.Add(l.At(p+".unit"), "%s.unit %q is not a unit: use %q or %q", p, d.Unit, content.UnitDay, content.UnitMonth)
	}
	if d.From.Zh != "" && !strings.Contains(text, d.From.Zh) {
		ck.errs.Add(l.At(p+".from.zh"), "%s.from.zh is not in the step's text: say what the deadline counts from in the text's own words (发现之日)", p)
	}
	if d.Extension.Zh != "" && !strings.Contains(text, d.Extension.Zh) {
		ck.errs.Add(l.At(p+".extension.zh"), "%s.extension.zh is not in the step's text: quote how the text lets the deadline be extended", p)
	}
}

// hanNumber writes 1 to 99 in Chinese numerals (十五), as a text may state
// a deadline.
func hanNumber(n int) string {
	digits := []string{"", "一", "二", "三", "四", "五", "六", "七", "八", "九"}
	switch {
	case n <= 0 || n >= 100:
		return strconv.Itoa(n)
	case n < 10:
		return digits[n]
	case n < 20:
		return "十" + digits[n-10]
	}
	return digits[n/10] + "十" + digits[n%10]
}
