package generator

// searchKinds are the kinds of search entries, in the order filters list
// them; each has an interface string kind.<name>.
var searchKinds = []string{"duty", "item", "boundary", "system", "section", "service", "accountability", "instrument", "body", "regime", "page"}

// searchBundle builds the JSON search bundle (see search issue).
func (m *siteModel) searchBundle(pages []*Page) (map[string][]byte, error) { return nil, nil }
