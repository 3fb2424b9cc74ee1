package benchsite

import "strings"

// syllables make up city names beyond the real ones: each a character and
// its pinyin, no two with the same pinyin, none starting with a vowel (so
// that no two made-up names spell alike in English).
var syllables = func() []city {
	var out []city
	for _, f := range strings.Fields(`宝:Bao 昌:Chang 丰:Feng 广:Guang 和:He 华:Hua 嘉:Jia 江:Jiang
		金:Jin 康:Kang 乐:Le 林:Lin 龙:Long 明:Ming 宁:Ning 平:Ping 庆:Qing 瑞:Rui 山:Shan
		寿:Shou 泰:Tai 文:Wen 祥:Xiang 兴:Xing 阳:Yang 永:Yong 云:Yun 德:De 福:Fu 盛:Sheng
		顺:Shun 通:Tong 武:Wu 新:Xin 荣:Rong 仁:Ren 鹏:Peng 梅:Mei 海:Hai 源:Yuan`) {
		zh, en, _ := strings.Cut(f, ":")
		out = append(out, city{zh, en})
	}
	return out
}()

// madeUp lists every two-syllable name of distinct syllables, in a fixed
// order, less those that are, contain or are contained in a real city's
// name (in Chinese) or spell one (in English).
func madeUp(real []city) []city {
	var out []city
	for _, a := range syllables {
		for _, b := range syllables {
			c := city{a.zh + b.zh, a.en + strings.ToLower(b.en)}
			if a != b && !clashes(c, real) {
				out = append(out, c)
			}
		}
	}
	return out
}

func clashes(c city, real []city) bool {
	for _, r := range append(real, city{"临沂", "Linyi"}) {
		if strings.Contains(r.zh, c.zh) || strings.Contains(c.zh, r.zh) || strings.EqualFold(r.en, c.en) {
			return true
		}
	}
	return false
}
