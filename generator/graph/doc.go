// Package graph is the record graph: every record of the lists, and of the
// registry they share, as one entry with its kind, department, page and
// anchor, title, texts, regimes, date and references. It is built once,
// after the records have passed the check, and never changed afterwards;
// the check stage's graph rules (an instrument cited nowhere, a body named
// nowhere, a regime with nothing in it), the pages that gather (law, body
// and regime pages, the site map) and the search documents all read it.
//
// # Records, pages and anchors
//
// Where a record is shown is spelled here and nowhere else: Record.Page is
// the site path of its page without the language ("linyi-qts/duties/3/")
// and Record.Anchor the fragment on that page ("item-12"), so that
// Record.URL(lang) is /zh/linyi-qts/duties/3/#item-12.
//
//	Duty            {dept}/duties/{n}/
//	Item            {dept}/duties/{n}/#item-{N}     numbered across the list
//	Basis           {dept}/duties/{n}/#basis-{k}    k counts from 1 in the duty
//	Note            {dept}/duties/#note             the 注 closing the duties
//	Boundary        {dept}/boundaries/{n}/
//	Division        {dept}/boundaries/{n}/#division-{k}
//	Joint           {dept}/boundaries/{n}/#joint    rows naming no one department
//	BoundaryBases   {dept}/boundaries/{n}/#bases
//	Example         {dept}/boundaries/{n}/#example-{k}
//	System          {dept}/systems/{n}/
//	Section         {dept}/systems/{n}/#{section id}
//	Service         {dept}/services/#service-{id}
//	Accountability  {dept}/accountability/
//	AccBody         {dept}/accountability/#{id}
//	Mechanism       {dept}/accountability/#{id}
//	Instrument      laws/{id}/
//	Body            bodies/{id}/
//	Regime          regimes/{id}/
//
// # References
//
// A record cites the instruments its Chinese texts mention (and a basis the
// instrument it is a basis of), and names the bodies its Chinese texts name
// (markup.Names: the longest known name at each position). Each reference is
// kept once per record, in the order of the text.
package graph
