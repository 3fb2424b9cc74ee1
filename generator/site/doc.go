// Package site builds a Qingdan site: a bilingual (Chinese and English)
// static website publishing government Responsibility Lists (责任清单), from
// structured content. It runs the pipeline and owns its last two stages.
//
// # Pipeline
//
// A build runs named stages, each in its own package; an error from any of
// them names its stage and, for content, file:line:column and what to do.
// Nothing is written unless every stage succeeds.
//
//   - load (package content): read content/ through an fs.FS into typed
//     records, every element positioned. Malformed TOML, a value of the
//     wrong type and an unknown key are errors at their position.
//   - check (package check): every content rule, on the records and then on
//     the record graph (package graph) built from them; the interface
//     strings the templates use (checkUI, from the templates' parse trees).
//     No rendering. A draft build (Draft) lets a field with Chinese and no
//     English yet through as pending: English pages show its Chinese,
//     marked lang="zh-CN", after an "English translation pending" label.
//   - render (Build): html/template files from layouts/ (each named by its
//     path) over the graph, goldmark for Markdown (package markup), pages
//     rendered concurrently, HTML, CSS, JS and JSON minified; the search
//     bundle (package search) and the open data (package export) from the
//     graph's records. Rendering never changes the graph.
//   - write (Write): the site is written to a fresh folder beside public/
//     and put in its place only when complete.
//
// The same content always gives the same bytes: no clock, no map order.
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
//	/{lang}/data/                       open data: the downloads, every field
//	/data/{dept}.json, .csv, .xlsx      a list's open data (package export),
//	/data/schema.json                   and the JSON's schema
//
// Pages read fully without JavaScript; assets/site.js only adds
// conveniences (large text, read-aloud, keeping #anchors across the language
// switch) and assets/search.js the search.
package site
