// Package generator builds a Qingdan site: a bilingual (Chinese and English)
// static website publishing government Responsibility Lists (责任清单), from
// structured content.
//
// # Pipeline
//
// A build runs four named stages; an error from any of them names its stage
// and, for content, file:line:column and what to do. Nothing is written
// unless every stage succeeds.
//
//   - load (Load): read content/ through an fs.FS into typed records. Each
//     TOML file is decoded strictly: malformed TOML, a value of the wrong
//     type and an unknown key are errors at their position.
//   - check (Check): every Text and Prose field has Chinese and English
//     (unless optional), no markup in text, no raw HTML in Markdown, every
//     《…》 mention and every reference resolves, IDs are unique, items are
//     numbered 1…N, every record names a regime and every regime has members.
//   - render: html/template files from layouts/ (each named by its path),
//     goldmark for Markdown, pages rendered concurrently.
//   - write (Write): HTML, CSS, JS and JSON minified; the site is written to
//     a fresh folder beside public/ and put in its place only when complete.
//
// The same content always gives the same bytes: no clock, no map order.
//
// # Content
//
// content/ holds:
//
//	site.toml                 the site's name and footer (Site)
//	i18n.toml                 every interface string, [ui] key = {zh, en}
//	glossary.toml             [[term]]: the lists' vocabulary (Glossary)
//	registry/*.toml           records every department shares:
//	                          [[kind]], [[instrument]], [[body]], [[regime]]
//	departments/<slug>/       one department's list; <slug> is in its URLs
//	                          (not laws, bodies, regimes, glossary, sitemap, search):
//	    department.toml       the list's facts (Department)
//	    duties/<n>.toml       a main duty, its items and bases (Duty)
//	    boundaries/<n>.toml   a matter shared with other departments (Boundary)
//	    systems/<n>.toml      a supervision system and its sections (System)
//	    services.toml         [[service]]: public services (Service)
//	    accountability.toml   the accountability mechanism (Accountability)
//
// The keys of each file are the toml tags of the types in model.go. Every
// language-dependent field is a Text (plain text) or a Prose (Markdown) with
// zh and en written side by side, so a translation is paired with its
// Chinese field by field and a missing one is found at its line. A field that
// is the same in both languages (a phone number) is a plain string. In either
// language 《…》 cites an instrument: in Chinese by its title as the list
// prints it (a registry name or alias), in English by its registry ID, which
// renders as the instrument's one English name. Records of a department
// carry the department's date unless they have their own.
//
// # Pages and URLs
//
// Every page exists in both languages at mirrored paths, /zh/… and /en/…,
// with a language switch to its twin. URLs are folders (…/duties/3/ is
// …/duties/3/index.html) and every link is relative, so public/ can be
// served from any folder of any host.
//
//	/                                   bilingual entry page
//	/404.html                           bilingual not-found page
//	/{lang}/                            site home: lists and ways to browse
//	/{lang}/{dept}/                     a list's home and contents
//	/{lang}/{dept}/duties/              main duties with their items, and the note
//	/{lang}/{dept}/duties/{n}/          a duty: items (#item-N), bases (#basis-K)
//	/{lang}/{dept}/boundaries/          boundary matters
//	/{lang}/{dept}/boundaries/{n}/      a matter: divisions (#division-K), bases, examples
//	/{lang}/{dept}/systems/             supervision systems
//	/{lang}/{dept}/systems/{n}/         a system: sections (#<section id>)
//	/{lang}/{dept}/services/            public services (#service-N)
//	/{lang}/{dept}/accountability/      accountability mechanism (#<body id>)
//	/{lang}/laws/, /{lang}/laws/{id}/   instruments by kind; one instrument and
//	                                    every place the lists cite it
//	/{lang}/bodies/, /{lang}/bodies/{id}/     bodies and their parts in the lists
//	/{lang}/regimes/, /{lang}/regimes/{id}/   regulatory regimes and all they hold
//	/{lang}/glossary/                   terms, instruments and bodies in both languages
//	/{lang}/sitemap/                    HTML site map
//	/{lang}/search/                     search (the bundle is under /search/)
//
// Pages read fully without JavaScript; assets/site.js only adds
// conveniences (large text, read-aloud, keeping #anchors across the language
// switch) and assets/search.js the search.
package site
