package content

// This file holds the content model: one Go type per kind of record, decoded
// strictly from the TOML files under content/. The TOML keys are the field
// names in lower case unless a toml tag says otherwise.

import "strings"

// Lang is a language of the site.
type Lang string

// The two editions.
const (
	Zh Lang = "zh"
	En Lang = "en"
)

// Langs lists the editions in the order pages are built and listed.
var Langs = []Lang{Zh, En}

// Text is a field written in both languages; it is where a translation is
// paired with its Chinese, record by record and field by field. It is written
// either as an inline table, title = { zh = "…", en = "…" }, or as dotted
// keys, title.zh = "…" and title.en = "…".
//
// Text is plain text: no markup is allowed. A cited instrument is written in
// 《…》 brackets: in Chinese with the title as the list cites it (resolved
// through the registry's names and aliases), in English with the instrument's
// registry ID, 《product-quality-law》, which renders as the registry's one
// English name. Every mention becomes a link to the instrument's page.
type Text struct {
	Zh string `toml:"zh"`
	En string `toml:"en"`
}

// In returns the text in lang.
func (t Text) In(l Lang) string {
	if l == En {
		return t.En
	}
	return t.Zh
}

// Prose is a Text whose two versions are Markdown (CommonMark): paragraphs and
// ordered lists. Raw HTML is refused. 《…》 mentions work as in Text.
type Prose Text

// In returns the Markdown source in lang.
func (p Prose) In(l Lang) string { return Text(p).In(l) }

// Names is a list of names in both languages (aliases).
type Names struct {
	Zh []string `toml:"zh"`
	En []string `toml:"en"`
}

// In returns the names in lang.
func (n Names) In(l Lang) []string {
	if l == En {
		return n.En
	}
	return n.Zh
}

// Site is content/site.toml: what the whole site says about itself.
type Site struct {
	Name Text `toml:"name"` // the site's name, in the header of every page
	// Owner is the organiser (主办单位) named in the footer.
	Owner Text `toml:"owner"`
	// Contact is the contact line (联系方式) in the footer.
	Contact Text `toml:"contact" check:"optional"`
	// DataLicence is the licence the open data (public/data/) is published
	// under, as the publisher gives it; the data page shows it with Contact.
	DataLicence Text `toml:"data_licence" check:"optional"`
	// The registration codes a Chinese government site carries in its footer.
	// They are issued to the real site: leave them empty until issued; the
	// check command reports a site without them as not ready to publish.
	SiteCode   string `toml:"site_code"`   // 网站标识码
	ICP        string `toml:"icp"`         // ICP备案编号
	PoliceCode string `toml:"police_code"` // 公安机关备案号
	// PoliceIcon is the icon issued with the public-security filing, shown
	// beside its number; empty, the number goes without an icon.
	PoliceIcon Icon `toml:"police_icon"`
	// BaseURL is the site's full public address, https://host/folder/
	// (see Base): canonical links, hreflang alternates, Open Graph URLs and
	// sitemap.xml are absolute under it, and the 404 page, which hosts serve
	// at any depth, links from its folder. Empty leaves them out until the
	// address is known.
	BaseURL string `toml:"base_url"`
	// ErrorReportURL is the national error-report entry (我为政府网站找错)
	// linked from the home pages. Empty leaves the link out.
	ErrorReportURL string `toml:"error_report_url"`
	// Badge is the 党政机关网站标识 at the foot of every page, once issued.
	Badge Badge `toml:"badge"`
}

// Department is content/departments/<slug>/department.toml: one
// department's list. The folder name is the department's slug in URLs.
type Department struct {
	Slug string `toml:"-"`
	// Body is the department's own record in the bodies registry.
	Body string `toml:"body"`
	// Title is the list's title (责任清单).
	Title Text `toml:"title"`
	// Series is the list's place in the city's series of lists (35).
	Series int `toml:"series"`
	// Date is the list's date, "YYYY-MM" or "YYYY-MM-DD"; every record
	// without a date of its own carries it.
	Date string `toml:"date"`
	// DateText is the date as the list prints it (二〇一五年七月).
	DateText Text `toml:"date_text"`
	// DutiesNote is the note (注) closing the part on duties.
	DutiesNote Text `toml:"duties_note"`

	Duties         []*Duty         `toml:"-"`
	Boundaries     []*Boundary     `toml:"-"`
	Systems        []*System       `toml:"-"`
	Services       []*Service      `toml:"-"`
	Accountability *Accountability `toml:"-"`
}

// Duty is duties/<n>.toml: a main duty (主要职责), its responsibility items
// (具体责任事项) and its accountability bases (追责依据及追责情形).
type Duty struct {
	ID      string   `toml:"id"` // the duty's number as a string: "3"
	Title   Text     `toml:"title"`
	Regimes []string `toml:"regimes"`
	Date    string   `toml:"date"`
	Items   []*Item  `toml:"item"`
	Bases   []*Basis `toml:"basis"`
}

// Item is a responsibility item. Items are numbered continuously across the
// duties of a department (1 to 43); the anchor is item-<n>.
type Item struct {
	N       int      `toml:"n"`
	Text    Text     `toml:"text"`
	Regimes []string `toml:"regimes"`
}

// Basis is one numbered accountability basis: an instrument with the
// version note the list cites it with and the articles it cites, or (with
// Instrument empty) a closing line such as 依法应追责的其他情形.
type Basis struct {
	Instrument string     `toml:"instrument"`               // registry ID
	Version    Text       `toml:"version" check:"optional"` // 1993年2月通过，2000年7月修正
	Articles   []*Article `toml:"article"`
	Text       Text       `toml:"text" check:"optional"` // for a basis that cites no instrument
}

// Article is one article cited in a basis with the circumstances
// (追责情形) it lists, each with the punctuation that ends it in the list.
type Article struct {
	Article       Text   `toml:"article"` // 第六十五条 / Article 65
	Circumstances []Text `toml:"circumstances"`
}

// Boundary is boundaries/<n>.toml: a matter whose duties the bureau shares
// with other departments (部门职责边界).
type Boundary struct {
	ID        string      `toml:"id"`
	Title     Text        `toml:"title"` // 管理事项
	Regimes   []string    `toml:"regimes"`
	Date      string      `toml:"date"`
	Divisions []*Division `toml:"division"`
	// Joint holds the arrangements that name no single department (rows
	// of the table whose department cell is empty).
	Joint    []Text `toml:"joint"`
	Bases    []Text `toml:"bases"`    // 相关依据, one line each as printed
	Examples []Text `toml:"examples"` // 事例
}

// Division is one department's division of duties in a boundary matter.
type Division struct {
	Body   string `toml:"body"`   // registry ID of the department
	Duties []Text `toml:"duties"` // one entry per numbered point
	// Role is the department's part in the matter as the list records it:
	// RoleLead where the division's own text says it leads (牵头),
	// RoleCoordinates where it only assists (协助, 配合), RoleShares (the
	// default when empty) for a share of the duties. See DivisionRole.
	Role string `toml:"role"`
}

// The roles of a Division.
const (
	RoleLead        = "lead"
	RoleShares      = "shares"
	RoleCoordinates = "coordinates"
)

// DivisionRoles lists the roles a Division may have, in the order the
// pictures key them.
var DivisionRoles = []string{RoleLead, RoleShares, RoleCoordinates}

// DivisionRole is the division's role: Role, or RoleShares when empty.
func (d *Division) DivisionRole() string {
	if d.Role == "" {
		return RoleShares
	}
	return d.Role
}

// System is systems/<n>.toml: a supervision system (事中事后监管制度).
type System struct {
	ID      string   `toml:"id"`
	Title   Text     `toml:"title"`
	Regimes []string `toml:"regimes"`
	// Items lists the responsibility items (by number) the system
	// supervises.
	Items    []int      `toml:"items"`
	Date     string     `toml:"date"`
	Purpose  Text       `toml:"purpose"`               // the opening 为……制定如下……制度 paragraph
	Body     Prose      `toml:"body" check:"optional"` // prose of a system without sections
	Sections []*Section `toml:"section"`
}

// Section is one numbered section of a supervision system (一、监督检查对象).
// Its ID is its anchor on the system's page.
type Section struct {
	ID    string `toml:"id"`
	Title Text   `toml:"title"`
	Body  Prose  `toml:"body"`
	// Steps are the steps of the procedure the body sets out, as
	// structured data beside it ([[section.step]]): the site draws them as
	// a timeline. The body stays the list's text; the steps repeat it, so
	// they are the editor's (source:"editor": an import keeps them).
	Steps []*Step `toml:"step" source:"editor"`
}

// Step is one step of a procedure. Text is the list's own sentence(s),
// word for word as the section's body has them in each language; Name is
// the short name the list heads the step with (立案). A step whose text
// sets a time limit carries it as its Deadline.
type Step struct {
	Name     Text      `toml:"name" check:"optional"`
	Text     Text      `toml:"text"`
	Deadline *Deadline `toml:"deadline"`
}

// Deadline is a step's time limit: N units (UnitDay or UnitMonth) counted
// from From (发现之日, "discovery"), as the step's text states it. Extension
// is how the text lets it be extended, in the text's own words.
type Deadline struct {
	N         int    `toml:"n"`
	Unit      string `toml:"unit"`
	From      Text   `toml:"from"`
	Extension Text   `toml:"extension" check:"optional"`
}

// The units of a Deadline.
const (
	UnitDay   = "day"
	UnitMonth = "month"
)

// Services is services.toml: the public services (公共服务事项).
type Services struct {
	Services []*Service `toml:"service"`
}

// Service is one public service. Phone is the same in both languages.
type Service struct {
	ID      string   `toml:"id"`
	Title   Text     `toml:"title"`
	Content Text     `toml:"content"`
	Office  Text     `toml:"office"`
	Phone   string   `toml:"phone"`
	Regimes []string `toml:"regimes"`
	Date    string   `toml:"date"`
}

// Accountability is accountability.toml: the accountability mechanism
// (责任追究机制).
type Accountability struct {
	Date       string       `toml:"date"`
	Intro      Text         `toml:"intro"`
	Bodies     []*AccBody   `toml:"body"`
	Mechanisms []*Mechanism `toml:"mechanism"`
}

// AccBody is one body's part in the accountability mechanism.
type AccBody struct {
	ID        string `toml:"id"`   // anchor on the page
	Body      string `toml:"body"` // registry ID
	Name      Text   `toml:"name"` // as the list heads it (行政机关)
	Duties    Prose  `toml:"duties"`
	Procedure Prose  `toml:"procedure"`
}

// Mechanism is a coordination or information-sharing mechanism.
type Mechanism struct {
	ID    string `toml:"id"`
	Title Text   `toml:"title"`
	Body  Prose  `toml:"body"`
}

// Registry is content/registry/: the records every department shares.
type Registry struct {
	Kinds       []*Kind       `toml:"kind"`
	Instruments []*Instrument `toml:"instrument"`
	Bodies      []*Body       `toml:"body"`
	Regimes     []*Regime     `toml:"regime"`
}

// Kind is a kind of legal instrument or document (法律, 行政法规, …).
type Kind struct {
	ID   string `toml:"id"`
	Name Text   `toml:"name"` // one instrument's kind: 法律, "Law"
	// Plural names the kind's instruments together, as the laws index
	// heads them: 法律, "Laws". Left out, the heading is Name.
	Plural Text `toml:"plural" check:"optional"`
}

// Heading is the kind's name as a heading over its instruments.
func (k *Kind) Heading() Text {
	if k.Plural.Zh == "" && k.Plural.En == "" {
		return k.Name
	}
	return k.Plural
}

// Instrument is a law, regulation, rule, normative document, catalogue,
// specification or form that a list cites.
type Instrument struct {
	ID   string `toml:"id"`
	Kind string `toml:"kind"`
	// Name is the title as the list cites it; Name.En is the one English
	// form used everywhere.
	Name Text `toml:"name"`
	// Aliases are the other titles the list cites it by.
	Aliases Names `toml:"aliases"`
	// Number is the document or decree number, where it has one.
	Number Text `toml:"number" check:"optional"`
	// Variants are other titles readers may type that the list does not
	// cite it by: the full official title (中华人民共和国计量法), a short
	// one (Administrative Penalty Law), another common rendering; search
	// only.
	Variants Names `toml:"variants"`
}

// Body is a department, body or organ a list names.
type Body struct {
	ID      string `toml:"id"`
	Name    Text   `toml:"name"`                   // full name
	Short   Text   `toml:"short" check:"optional"` // short name as lists use it (市质监局)
	Aliases Names  `toml:"aliases"`
	// Variants are other names readers may type (安监局); search only.
	Variants Names `toml:"variants"`
}

// ShortOr is the body's short name, or its full name if it has none.
func (b *Body) ShortOr() Text {
	if b.Short.Zh != "" {
		return b.Short
	}
	return b.Name
}

// HasOwnShort reports whether the body has a short form in language l
// that is not its name again (compared case-insensitively, so that
// "administrative organs" is the name "Administrative Organs"): the form a
// page shows beside the name. A short form with no English yet has its own
// in English (the page shows it as pending).
func (b *Body) HasOwnShort(l Lang) bool {
	if b.Short.Zh == "" {
		return false
	}
	s := b.Short.In(l)
	return s == "" || !strings.EqualFold(strings.TrimSpace(s), strings.TrimSpace(b.Name.In(l)))
}

// Regime is a regulatory regime (监管领域).
type Regime struct {
	ID      string `toml:"id"`
	Name    Text   `toml:"name"`
	Summary Text   `toml:"summary"`
	// Keywords are the Chinese words whose presence in a record's text
	// makes the importer propose the regime for it.
	Keywords []string `toml:"keywords"`
}

// Glossary is content/glossary.toml.
type Glossary struct {
	Terms []*Term `toml:"term"`
}

// Term is one glossary entry with its one English form.
type Term struct {
	ID   string `toml:"id"`
	Term Text   `toml:"term"`
	Note Text   `toml:"note" check:"optional"`
	// Variants are the other forms readers may type for the term: other
	// spellings (license for licence), abbreviations (质监局); search finds
	// the term by any of them.
	Variants Names `toml:"variants"`
}
