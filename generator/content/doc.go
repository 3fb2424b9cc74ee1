// Package content is the content format and the load stage: the typed
// records of content/, decoded strictly from TOML, each with the file,
// line and column it came from (Loc, Pos), and the lookups every later stage
// needs (Index).
//
// # Content
//
// content/ holds:
//
//	site.toml                 the site's name and footer (Site)
//	i18n.toml                 every interface string, [ui] key = {zh, en};
//	                          {n} a number, {n|one|other} a noun for it
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
// The keys of each file are the toml tags of the types in this package. Every
// language-dependent field is a Text (plain text) or a Prose (Markdown) with
// zh and en written side by side, so a translation is paired with its
// Chinese field by field and a missing one is found at its line. A field that
// is the same in both languages (a phone number) is a plain string. In either
// language 《…》 cites an instrument: in Chinese by its title as the list
// prints it (a registry name or alias), in English by its registry ID, which
// renders as the instrument's one English name. A link in Prose goes to an
// http(s) address, a mailto: or tel: address, or a path of the site (the
// check stage refuses javascript:, data: and every other scheme). Records of a department
// carry the department's date unless they have their own.
//
// # The site and its host
//
// site.toml names the site and says what its footer carries and where it
// is hosted (Site):
//
//	name = { zh = "…", en = "…" }           # the site's name
//	owner = { zh = "…", en = "…" }          # the organizer (主办单位)
//	contact = { zh = "…", en = "…" }        # the contact (联系方式)
//	data_licence = { zh = "…", en = "…" }   # the open data's licence
//	site_code = "3713000001"                # 网站标识码
//	icp = "鲁ICP备12345678号"                 # ICP备案编号
//	police_code = "鲁公网安备 37130202000001号" # 公安机关备案号, with its record number
//	police_icon = "police.png"               # the icon issued with it (备案图标), in content/
//	badge = { image = "badge.png", url = "https://bszs.conac.cn/…" }
//	base_url = "https://www.example.gov.cn/qingdan/"
//	error_report_url = "https://…"          # 我为政府网站找错
//
// The codes, the badge, the contact, the licence and the error-report
// link are issued to the real site or given by the publisher: each is
// empty until then, and an empty one is left out of the pages. The badge
// (党政机关网站标识) is its issued image, a PNG, GIF or JPEG file placed in
// content/ (badge.image is its path from content/), and the address of
// the site's registration record it links to (badge.url); both or
// neither. police_icon is likewise the public-security filing's issued
// icon, an image in content/. base_url is the site's full public address, http or https, a
// folder ending in /; while the host is not known it may be the folder
// alone ("/qingdan/"), or empty (ParseBase). error_report_url and
// badge.url are http(s) addresses. base_path, which base_url replaced, is
// refused with what to write.
//
// # Limits
//
// Every file is a regular UTF-8 file (a byte order mark is allowed) of at
// most MaxFileSize bytes; content/ holds no symbolic links, named pipes or
// devices. Arrays, inline tables and dotted keys nest at most MaxDepth
// deep. No character is a control character other than tab and line
// breaks, an invisible bidirectional control (U+200E/F, U+202A–202E,
// U+2066–2069, U+061C), an invisible zero-width space, joiner or soft
// hyphen (U+200B–200D, U+2060, U+00AD) or a line or paragraph separator
// (U+2028/9), neither
// written nor as an escape (\e, \u0000). An empty file is an error. A file
// that is a zip archive (a Word .docx or Excel .xlsx), UTF-16 or in GBK/
// GB18030 is refused, saying which and how to save it as UTF-8 (NotUTF8Text,
// which the import command uses too). Line breaks are \n whatever the file
// was saved with: CRLF, and a lone or escaped \r, decode as \n.
//
// Messages speak TOML, not Go: a value of the wrong type says what the key
// takes and how to write it; a full-width character (全角) where TOML wants
// its own half-width one (= . " [ ] and spaces) is named; a key defined
// twice names the line of its first definition.
// # Roles and procedures
//
// A boundary matter's [[division]] may say the department's role in it:
// role = "lead" where the division's own text says it leads (牵头),
// "coordinates" where it only assists (协助, 配合), "shares" for a share of
// the duties; left out, it is "shares". The lists' tables (相关部门,
// 职责分工及协调配合机制) name no lead, so a lead is recorded only where
// the text says so, and the boundary pictures draw what is recorded.
//
// A section of a supervision system whose body sets out a procedure may
// carry its steps as structured data beside the body, which stays the
// list's text:
//
//	[[section.step]]
//	name = { zh = "立案", en = "Opening a case" }   # optional
//	text.zh = "发现违法行为线索，应当自发现之日起 15 日内组织核查，并决定是否立案。"
//	text.en = "Where leads on a violation are found, …"
//	deadline = { n = 15, unit = "day", from = { zh = "发现之日", en = "the date of discovery" } }
//
// A step's text and name are the body's own words in each language; a
// deadline (optional) has a positive number n that the text states, a unit
// ("day" or "month"), what it counts from and an optional extension, both
// quoted from the Chinese text. The check stage holds every step to this.
package content
