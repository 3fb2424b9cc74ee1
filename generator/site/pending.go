package site

import (
	"html/template"

	"qingdan/generator/markup"
)

// A draft build (Draft) shows a field that awaits its English on English
// pages in Chinese, inside an element marked lang="zh-CN", after a visible
// label (the interface string "translation.pending"). Where no markup may
// be (<title>, <option>) the label stands alone, so no Chinese stands
// outside lang="zh-CN".

// pending reports whether t awaits its English on this page of a draft.
func (v *View) pending(t Text) bool {
	return v.m.draft && v.Lang == En && t.En == "" && t.Zh != ""
}

// pendingHTML wraps Chinese HTML in el, marked lang="zh-CN", after the label.
func (v *View) pendingHTML(el string, zh template.HTML) template.HTML {
	label := template.HTMLEscapeString(v.m.ui("translation.pending").En)
	return template.HTML(`<span class="pending">`+label+`</span> <`+el+` lang="zh-CN">`) + zh + template.HTML(`</`+el+`>`)
}

// pendingPlain is a pending Text as plain Chinese text, marked.
func (v *View) pendingPlain(t Text) template.HTML {
	return v.pendingHTML("span", template.HTML(template.HTMLEscapeString(markup.Plain(Zh, t.Zh, v.m.ix))))
}

// PlainText is a Text as plain text for <title> and <option>, where no
// markup may mark a language: the label when the text awaits its English.
func (v *View) PlainText(t Text) string {
	if v.pending(t) {
		return v.m.ui("translation.pending").En
	}
	return markup.Plain(v.Lang, t.In(v.Lang), v.m.ix)
}
