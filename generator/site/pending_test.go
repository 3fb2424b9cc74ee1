package site

import (
	"os"
	"regexp"
	"strings"
	"testing"
	"testing/fstest"

	"qingdan/generator/markup"
)

// untranslated is the real content with five English fields removed: a
// duty's title, an item, a system's purpose, a section's Markdown body and
// an instrument's name.
func untranslated(t *testing.T) overlay {
	t.Helper()
	base := os.DirFS("../../content")
	files := fstest.MapFS{}
	cut := func(name string, re *regexp.Regexp, n int) {
		b, err := os.ReadFile("../../content/" + name)
		if f, ok := files[name]; ok {
			b = f.Data
		}
		if err != nil {
			t.Fatal(err)
		}
		got := 0
		b = re.ReplaceAllFunc(b, func(m []byte) []byte {
			if got++; got > n {
				return m
			}
			return nil
		})
		if got < n {
			t.Fatalf("%s: %d of %d fields to cut: fixture changed", name, got, n)
		}
		files[name] = &fstest.MapFile{Data: b}
	}
	cut("departments/linyi-qts/duties/1.toml", regexp.MustCompile(`(?m)^(title|text)\.en = .*\n`), 2)
	cut("departments/linyi-qts/systems/1.toml", regexp.MustCompile(`(?m)^purpose\.en = .*\n`), 1)
	cut("departments/linyi-qts/systems/1.toml", regexp.MustCompile(`(?ms)^body\.en = '''.*?'''\n`), 1)
	cut("registry/instruments.toml", regexp.MustCompile(`(?m)^name\.en = "Product Quality Law.*\n`), 1)
	return overlay{base: base, files: files}
}

// TestPendingTranslation: a build for publishing fails on each field
// without English at its place; a draft shows it on the English page in
// Chinese, marked lang="zh-CN" and labelled, and lists it as pending.
func TestPendingTranslation(t *testing.T) {
	long(t)
	fsys := untranslated(t)
	_, err := Build(fsys, os.DirFS("../../layouts"))
	if err == nil {
		t.Fatal("a build with missing English succeeded")
	}
	for _, want := range []string{"duties/1.toml:3:1: missing translation: title", "duties/1.toml:8:1: missing translation: the 1st [[item]]'s text", "systems/1.toml:7:1: missing translation: purpose", "systems/1.toml:13:1: missing translation: the 1st [[section]]'s body"} {
		if !strings.Contains(err.Error(), want) {
			t.Errorf("build error lacks %q:\n%v", want, err)
		}
	}
	out, err := Build(fsys, os.DirFS("../../layouts"), Draft())
	if err != nil {
		t.Fatalf("draft build: %v", err)
	}
	if len(out.Pending) != 5 {
		t.Errorf("draft lists %d pending fields, want 5: %v", len(out.Pending), out.Pending)
	}
	duty := string(out.Files["en/linyi-qts/duties/1/index.html"])
	for _, want := range []string{
		`<h1><span class="pending">English translation pending</span> <span lang="zh-CN">负责质量技术监督相关法律法规实施</span></h1>`,
		`<title>English translation pending - `,
		`<span class="pending">English translation pending</span> <span lang="zh-CN">贯彻执行国家、省有关质量技术监督工作的方针、政策和法律、法规、规章。</span>`,
	} {
		if !strings.Contains(duty, want) {
			t.Errorf("English duty page lacks %s", want)
		}
	}
	law := string(out.Files["en/laws/product-quality-law/index.html"])
	if !strings.Contains(law, `<h1><span class="pending">English translation pending</span> <span lang="zh-CN">产品质量法</span></h1>`) {
		t.Error("the English page of an instrument without its English name does not show its Chinese name, labelled")
	}
	if !strings.Contains(duty, `<span lang="zh-CN">《产品质量法》</span>`) && !strings.Contains(string(out.Files["en/linyi-qts/duties/3/index.html"]), `<span lang="zh-CN">《产品质量法》</span>`) {
		t.Error("a basis citing an instrument without its English name does not show its Chinese title, marked")
	}
	sys := string(out.Files["en/linyi-qts/systems/1/index.html"])
	if !regexp.MustCompile(`<span class="pending">English translation pending</span><div lang="zh-CN"><p>[^<]*\p{Han}`).MatchString(sys) {
		t.Error("English system page does not show the section's Markdown in Chinese, labelled")
	}
	emptyLink := regexp.MustCompile(`<a [^>]*></a>`)
	for _, p := range htmlPages(out, "en") {
		if m := emptyLink.Find(out.Files[p]); m != nil {
			t.Errorf("%s: a link without text: %s", p, m)
		}
		langText(t, out.Files[p], func(lang, text, _ string) {
			if lang != "zh-CN" && markup.HasHan(text) {
				t.Errorf("%s: Chinese outside lang=\"zh-CN\": %q", p, text)
			}
		})
	}
	if zh := string(out.Files["zh/linyi-qts/duties/1/index.html"]); strings.Contains(zh, "pending") {
		t.Error("the Chinese page shows the pending label")
	}
}
