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
//     rendered and minified by one worker per core; alongside them the
//     search bundle (package search, one edition per language at once) and
//     the open data (package export, one department per core) from the
//     graph's records; CSS, JS and JSON minified too. Rendering never
//     changes the graph, and the bytes never depend on the order in which
//     workers finish. WithStats gives each stage's time (qingdan build
//     prints them), never written into the site. A layout marks the parts
//     of the page frame that do not change from page to page with
//     {{.Shared "NAME"}}: the defined template NAME sees a Frame (the
//     language, interface strings, site settings, links made relative to
//     the page) and is rendered once per page template, language and place
//     in the site, then reused (frame.go); asking a Frame for anything of
//     the page's own fails the build.
//   - write (Write, or Publish while rendering): the site is written to a
//     fresh folder beside public/ and swapped into its place only when
//     complete. Publish (qingdan build) streams: the render workers, the
//     search bundle and the open data put each file into that folder as
//     soon as it is made (a Sink; Build's Sink keeps them in memory for
//     the preview), so that a build holds the pages being rendered, not
//     the whole site, and the files, bytes and dates equal those Write
//     writes of Build's Output. The output folder is Qingdan's own: a
//     build writes only into an absent or empty folder or one holding the
//     .qingdan-build file (Marker) an earlier build wrote,
//     never into the content or layouts folder or a folder holding them,
//     and follows an output that is a link. On Linux the swap is one
//     renameat2(RENAME_EXCHANGE), atomic at every instant; elsewhere it is
//     two renames, and a build killed between them leaves no output folder
//     (the old site stays in the temporary folder) until the next build.
//     Every build removes the temporary folders of killed builds.
//     Beside every text file it writes its gzip and Brotli twins (.gz,
//     .br; twins.go; the compressors reused), in parallel, for hosts that
//     send them as they are; a build into a folder an earlier build wrote
//     with the same compressors takes an unchanged file's twins from it
//     when they decompress to the file's bytes (reuse.go: the same bytes
//     as compressing again, for a fraction of the work). It dates every
//     file and folder with the site's date (Output.Date:
//     the newest content or layouts file's modification time, or
//     SOURCE_DATE_EPOCH in the command), so that an unchanged file keeps
//     its date and ETag.
//
// The same content always gives the same bytes: no clock, no map order.
//
// # Incremental builds
//
// A Builder (incremental.go) builds the same trees again and again for the
// preview (package serve). It loads and checks the whole content each
// time, through caches that make that cheap where nothing changed: a
// content.Cache decodes again only the departments whose folder changed,
// and the site's own files (site.toml, i18n.toml, registry/, glossary.toml)
// only when one of them did (what is unchanged keeps its records,
// positions and problems); it finds out by reading every file again and
// comparing, or, told what changed (Builder.Changed: the preview's watcher
// tells it), by reading only the folders those paths touch. A check.Cache
// reuses the field rules' findings for unchanged departments while the
// registry is unchanged, and what each text cites and names (graph.Memo)
// while the bodies' names are; every other rule runs every time. It then
// fingerprints the pages by what they show (fingerprint.go): the site-wide
// inputs (layouts, site settings, interface strings, glossary, registry,
// the list of pages and their titles), the page's own data followed
// through every record it reaches, a department reached from elsewhere by
// its own fields only, a list's index page by the part it lists, a law's
// or a body's page by what it shows of each citation (link, label,
// structured basis), and pages of no list by the skeleton of every list
// (each record's place, part titles, regimes, references and counts). A
// list's page reads nothing but the site-wide inputs and its list, so while
// those are as at the last build and the list is the same record (its
// folder unchanged) the page keeps its fingerprint and bytes without being
// hashed; the kept lists' graph records and skeletons keep their hashes
// too. A page whose fingerprint is unchanged keeps its bytes; the search
// bundle is made again only when a search entry changed, a list's open data
// only when the list or the registry did. Its output equals Build's, byte
// for byte (a property test of random edits holds it to that, told what
// changed or not); a template that comes to show more of a list than its
// data gives must be named in hasher.deptIndex, more of a citation in
// hasher.citations.
//
// # Pages and URLs
//
// Every page exists in both languages at mirrored paths, /zh/… and /en/…,
// with a language switch to its twin. URLs are folders (…/duties/3/ is
// …/duties/3/index.html) and every link is relative, so public/ can be
// served from any folder of any host; only 404.html, which hosts serve for
// any missing address at any depth, links from the site's folder on the
// host (base_url's path, or / without it).
//
//	/                                   bilingual entry page
//	/404.html                           not-found page (a Chinese document:
//	                                    header, message and footer in both
//	                                    languages, the English marked lang="en")
//	/sitemap.xml, /robots.txt           for search engines (see Hosting)
//	/favicon.ico, /assets/favicon.svg   the site's icon
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
// # Hosting
//
// site.toml's base_url is the site's public address (content.Base). With
// the full address, every page but 404.html has an absolute canonical
// link, absolute hreflang alternates (zh-CN, en and, as x-default, the
// Chinese page, or the entry page for the homes) and og:url; sitemap.xml
// lists every page but 404.html at its address with the same alternates
// (xhtml:link); robots.txt allows all and names the sitemap. Without it
// they are left out (a search engine rejects relative ones), robots.txt
// names no sitemap, and 404.html links from / (check.NotReady says so).
// 404.html is noindex.
//
// Every page has a description (describe.go): its title, then its main
// text in its own language, less headings, navigation, pictures, table
// heads, facts and counts, ended at a sentence near what a search engine
// shows (110 characters in Chinese, 160 in English); the entry page's is
// the site's introduction. Open Graph gives og:title, og:description,
// og:locale (zh_CN, en_US) and its alternate, og:type and og:site_name.
// favicon.ico is drawn at build time from layouts/assets/favicon.svg
// (favicon.go), unless layouts/assets holds a favicon.ico.
//
// Every page, the entry page and 404.html included, ends with the footer
// (layouts/_partials.html): the site map, the organizer, the contact, the
// site code, the ICP number linked to the MIIT register
// (https://beian.miit.gov.cn/), the public-security number linked to its
// record (https://beian.mps.gov.cn/#/query/webSearch?code= and its
// digits) beside the icon issued with it, its image copied from content/
// to assets/police.png (or .gif, .jpeg), and
// the 党政机关网站标识 badge, its image copied from content/ to
// assets/badge.png (or .gif, .jpeg), linked to its registration record.
// An empty field is left out. The entry page and 404.html, which speak
// both languages, say each line of the footer in Chinese and then in
// English (lang="en"), and link both editions' site maps, glossaries and
// searches. The homes (/, /zh/, /en/) link the
// error-report entry (我为政府网站找错).
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
// styles them. An interface string that counts gives its noun as a plural
// choice, {n|one|other} ("{n} {n|step|steps}"): chart.Fill and search.js
// fill them alike, so that English says "1 step"; Chinese needs none.
package site
