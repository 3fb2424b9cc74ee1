// Package markup reads and writes the text of records: the 《…》 mentions
// that cite instruments, the Markdown of Prose fields, and the names of
// bodies in text.
//
// # Text and Prose
//
// A Text field is plain text: escaped when written, never markup. A Prose
// field is CommonMark (paragraphs and lists); raw HTML, headings, images
// and code are refused by the check stage and never written. A link in
// Prose goes to an http(s) address, a mailto: or tel: address, or a path
// of the site; the check stage refuses any other (javascript:, data:,
// file:…, or //host with no scheme), read by DestinationOf as a browser
// reads it and reported where it is written.
//
// # Mentions
//
// 《title》 cites an instrument. Titles may nest 〈…〉 (《山东省实施〈标准化法〉办法》).
// In Chinese the title is the instrument's registry name or one of its
// aliases; in English it is the instrument's registry ID (《product-quality-law》),
// which reads as the instrument's one English name. Every resolved mention is
// a link to the instrument's page: in Text by TextHTML, in Prose by a goldmark
// AST transformer (goldmark's inline triggers fire only on ASCII
// punctuation, so a mention is found in the parsed text nodes).
//
// # Body names
//
// Names finds the bodies a text names, in one pass: at each position the
// longest known name wins, so 公安部门 (a glossary term, not a body) is not
// 公安部 followed by 门, and nothing inside a 《…》 title is a name.
package markup
