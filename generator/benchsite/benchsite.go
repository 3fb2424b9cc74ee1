// Package benchsite writes a large content tree for benchmarks and tests:
// a copy of a content folder whose first department is repeated as many
// times as asked, each copy a department of another city, with its own
// slug, registry body, name, series number and date. The copies are made
// outside content/, in a folder the caller names.
package benchsite

import (
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
)

// A city lends its name to a copied department.
type city struct{ zh, en string }

// cities are prefecture-level cities, none named like another in pinyin.
var cities = func() []city {
	var out []city
	for _, f := range strings.Fields(`济南:Jinan 青岛:Qingdao 淄博:Zibo 枣庄:Zaozhuang 东营:Dongying 烟台:Yantai 潍坊:Weifang
		济宁:Jining 泰安:Taian 威海:Weihai 日照:Rizhao 德州:Dezhou 聊城:Liaocheng 滨州:Binzhou 菏泽:Heze
		石家庄:Shijiazhuang 唐山:Tangshan 秦皇岛:Qinhuangdao 邯郸:Handan 邢台:Xingtai 保定:Baoding
		张家口:Zhangjiakou 承德:Chengde 沧州:Cangzhou 廊坊:Langfang 衡水:Hengshui 太原:Taiyuan 大同:Datong
		阳泉:Yangquan 长治:Changzhi 晋城:Jincheng 朔州:Shuozhou 晋中:Jinzhong 运城:Yuncheng 忻州:Xinzhou
		临汾:Linfen 南京:Nanjing 无锡:Wuxi 徐州:Xuzhou 常州:Changzhou 苏州:Suzhou 南通:Nantong
		连云港:Lianyungang 淮安:Huaian 盐城:Yancheng 扬州:Yangzhou 镇江:Zhenjiang 泰州:Taizhou 宿迁:Suqian
		杭州:Hangzhou 宁波:Ningbo 温州:Wenzhou 嘉兴:Jiaxing 湖州:Huzhou 绍兴:Shaoxing 金华:Jinhua 衢州:Quzhou
		舟山:Zhoushan 丽水:Lishui 合肥:Hefei 芜湖:Wuhu 蚌埠:Bengbu 淮南:Huainan 马鞍山:Maanshan 淮北:Huaibei
		铜陵:Tongling 安庆:Anqing 黄山:Huangshan 滁州:Chuzhou 阜阳:Fuyang 六安:Luan 亳州:Bozhou 池州:Chizhou
		宣城:Xuancheng 郑州:Zhengzhou 开封:Kaifeng 洛阳:Luoyang 平顶山:Pingdingshan 安阳:Anyang 鹤壁:Hebi
		新乡:Xinxiang 焦作:Jiaozuo 濮阳:Puyang 许昌:Xuchang 漯河:Luohe 三门峡:Sanmenxia 南阳:Nanyang
		商丘:Shangqiu 信阳:Xinyang 周口:Zhoukou 驻马店:Zhumadian 武汉:Wuhan 黄石:Huangshi 十堰:Shiyan
		宜昌:Yichang 襄阳:Xiangyang 鄂州:Ezhou 荆门:Jingmen 孝感:Xiaogan 荆州:Jingzhou 黄冈:Huanggang
		咸宁:Xianning 随州:Suizhou 长沙:Changsha 株洲:Zhuzhou 湘潭:Xiangtan 衡阳:Hengyang`) {
		zh, en, _ := strings.Cut(f, ":")
		out = append(out, city{zh, en})
	}
	return out
}()

// MaxDepartments is the largest n Write takes.
var MaxDepartments = len(names) + 1

// names are the cities, then as many made-up two-syllable city names as
// the syllables give (see made.go), each named like no other in either
// language.
var names = append(slices.Clip(cities), madeUp(cities)...)

var (
	seriesRE   = regexp.MustCompile(`(?m)^series = \d+`)
	dateRE     = regexp.MustCompile(`(?m)^date = "[^"]*"`)
	dateTextRE = regexp.MustCompile(`(?m)^date_text = .*$`)
)

// Write copies the content folder src to dst (which must not exist) and
// adds n−1 copies of src's first department, so that dst has n
// departments. The original department keeps its place and slug.
func Write(src, dst string, n int) error {
	if n < 1 || n > MaxDepartments {
		return fmt.Errorf("benchsite: %d departments: make 1 to %d", n, MaxDepartments)
	}
	if _, err := os.Stat(dst); err == nil {
		return fmt.Errorf("benchsite: %s exists", dst)
	}
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		return fmt.Errorf("benchsite: %w", err)
	}
	entries, err := os.ReadDir(filepath.Join(src, "departments"))
	if err != nil {
		return fmt.Errorf("benchsite: %w", err)
	}
	var tmpl string
	for _, e := range entries {
		if e.IsDir() {
			tmpl = e.Name()
			break
		}
	}
	if tmpl == "" {
		return fmt.Errorf("benchsite: %s/departments has no department", src)
	}
	dept, err := os.ReadFile(filepath.Join(src, "departments", tmpl, "department.toml"))
	if err != nil {
		return fmt.Errorf("benchsite: %w", err)
	}
	m := regexp.MustCompile(`(?m)^body = "([^"]+)"`).FindSubmatch(dept)
	if m == nil {
		return fmt.Errorf("benchsite: %s/department.toml names no body", tmpl)
	}
	body := string(m[1])
	var bodies strings.Builder
	bodies.WriteString("# Bodies of the departments that benchsite added.\n")
	for i := 1; i < n; i++ {
		c := names[i-1]
		slug := strings.ToLower(c.en) + "-qts"
		y, mo := 2014+(i*5)/12%3, (i*5)%12+1
		fix := func(b []byte) []byte {
			s := outsideMentions(string(b), func(t string) string {
				return strings.NewReplacer("临沂", c.zh, "Linyi", c.en).Replace(t)
			})
			s = strings.ReplaceAll(s, `"`+body+`"`, `"`+slug+`"`)
			s = seriesRE.ReplaceAllString(s, fmt.Sprintf("series = %d", 100+i))
			s = dateRE.ReplaceAllString(s, fmt.Sprintf(`date = "%d-%02d"`, y, mo))
			s = dateTextRE.ReplaceAllString(s,
				fmt.Sprintf(`date_text = { zh = "%s年%s月", en = "%s %d" }`, zhDigits(y), zhMonth(mo), months[mo-1], y))
			return []byte(s)
		}
		from := os.DirFS(filepath.Join(src, "departments", tmpl))
		to := filepath.Join(dst, "departments", slug)
		err := fs.WalkDir(from, ".", func(p string, d fs.DirEntry, err error) error {
			if err != nil || d.IsDir() {
				return err
			}
			b, err := fs.ReadFile(from, p)
			if err != nil {
				return err
			}
			if err := os.MkdirAll(filepath.Join(to, filepath.Dir(p)), 0o755); err != nil {
				return err
			}
			return os.WriteFile(filepath.Join(to, p), fix(b), 0o644)
		})
		if err != nil {
			return fmt.Errorf("benchsite: %w", err)
		}
		fmt.Fprintf(&bodies, "\n[[body]]\nid = %q\nname = { zh = \"%s市质量技术监督局\", en = \"%s Municipal Bureau of Quality and Technical Supervision\" }\n", slug, c.zh, c.en)
		fmt.Fprintf(&bodies, "short = { zh = \"%s市质监局\", en = \"%s Municipal Bureau of Quality and Technical Supervision\" }\n", c.zh, c.en)
		bodies.WriteString("aliases = { zh = [], en = [] }\n")
	}
	if n > 1 {
		if err := os.WriteFile(filepath.Join(dst, "registry", "zz-benchsite-bodies.toml"), []byte(bodies.String()), 0o644); err != nil {
			return fmt.Errorf("benchsite: %w", err)
		}
	}
	return nil
}

// outsideMentions applies f to the text of s outside 《…》 mentions, which
// name registry records and must stay as they are.
func outsideMentions(s string, f func(string) string) string {
	var b strings.Builder
	for {
		i := strings.Index(s, "《")
		if i < 0 {
			b.WriteString(f(s))
			return b.String()
		}
		j := strings.Index(s[i:], "》")
		if j < 0 {
			b.WriteString(f(s))
			return b.String()
		}
		b.WriteString(f(s[:i]))
		b.WriteString(s[i : i+j+len("》")])
		s = s[i+j+len("》"):]
	}
}

var months = []string{"January", "February", "March", "April", "May", "June", "July", "August", "September", "October", "November", "December"}

func zhDigits(n int) string {
	d := []rune("〇一二三四五六七八九")
	var out []rune
	for _, c := range fmt.Sprint(n) {
		out = append(out, d[c-'0'])
	}
	return string(out)
}

func zhMonth(m int) string {
	monthNames := []string{"一", "二", "三", "四", "五", "六", "七", "八", "九", "十", "十一", "十二"}
	return monthNames[m-1]
}

// Slugs lists the department slugs Write makes for n departments, after
// the original's.
func Slugs(n int) []string {
	var out []string
	for i := 1; i < n && i <= len(names); i++ {
		out = append(out, strings.ToLower(names[i-1].en)+"-qts")
	}
	return slices.Clip(out)
}
