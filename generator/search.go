package generator

// searchBundle builds the JSON search bundle (see search issue).
func (m *siteModel) searchBundle(pages []*Page) (map[string][]byte, error) { return nil, nil }
