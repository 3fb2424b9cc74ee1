package benchsite

import (
	"strings"
	"testing"
)

// TestNamesForAThousand: Write takes 1,000 departments and more, each
// city named like no other in Chinese, in English and in its slug, and
// none inside another's Chinese name (names of bodies are matched in text).
func TestNamesForAThousand(t *testing.T) {
	t.Parallel()
	if MaxDepartments < 1000 {
		t.Fatalf("MaxDepartments = %d, want at least 1000", MaxDepartments)
	}
	zh, en := map[string]bool{"临沂": true}, map[string]bool{"linyi": true}
	for i, c := range names {
		slug := strings.ToLower(c.en)
		if zh[c.zh] || en[slug] {
			t.Errorf("name %d (%s %s) is taken", i, c.zh, c.en)
		}
		zh[c.zh], en[slug] = true, true
		if i >= len(cities) {
			for _, r := range cities {
				if strings.Contains(r.zh, c.zh) || strings.Contains(c.zh, r.zh) {
					t.Errorf("made-up %s and city %s contain one another", c.zh, r.zh)
				}
			}
		}
	}
	if s := Slugs(1000); len(s) != 999 || s[0] != "jinan-qts" || s[len(s)-1] == "" {
		t.Errorf("Slugs(1000) = %d slugs, first %q", len(s), s[0])
	}
}
