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
//     and swapped into its place only when complete. The output folder is
//     Qingdan's own: a build writes only into an absent or empty folder or
//     one holding the .qingdan-build file (Marker) an earlier build wrote,
//     never into the content or layouts folder or a folder holding them,
//     and follows an output that is a link. On Linux the swap is one
//     renameat2(RENAME_EXCHANGE), atomic at every instant; elsewhere it is
//     two renames, and a build killed between them leaves no output folder
//     (the old site stays in the temporary folder) until the next build.
//     Every build removes the temporary folders of killed builds.
//     Beside every text file it writes its gzip and Brotli twins (.gz,
//     .br; twins.go), in parallel, for hosts that send them as they are,
//     and it dates every file and folder with the site's date (Output.Date:
//     the newest content or layouts file's modification time, or
//     SOURCE_DATE_EPOCH in the command), so that an unchanged file keeps
//     its date and ETag.
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
// Stylesheets and scripts are published under names that hold the hash
// of their bytes (assets/site.3f2a9c1b0d.css; see Assets), so that hosts
// may cache them for long; templates name them {{.Asset "site.css"}}.
//
// Pages read fully without JavaScript; assets/site.js only adds
// conveniences (large text, read-aloud, keeping #anchors across the language
// switch) and assets/search.js the search.
//
// # Pictures
//
// Three pictures are drawn at build time as inline SVG (package chart),
// from the record graph, with their data beside them (pictures.go): the
// list at a glance (its parts counted, items per regime as bars linking to
// the regimes) on a list's home, and on the site's home when there are
// several lists; who does what at the boundaries (matters × departments,
// each cell a division's role linking to #division-K) on the boundaries
// index and, one row, on each boundary page; and a procedure's steps with
// their deadlines as a timeline in the system section that has steps.
// Their words are interface strings (content/i18n.toml); assets/chart.css
// styles them.
package site
