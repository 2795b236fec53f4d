package extract_test

import (
	"strings"
	"testing"

	"golang.org/x/text/encoding/htmlindex"

	"github.com/parallax-news/parallax/extract"
)

func encode(t *testing.T, name, s string) []byte {
	t.Helper()
	enc, err := htmlindex.Get(name)
	if err != nil {
		t.Fatal(err)
	}
	b, err := enc.NewEncoder().Bytes([]byte(s))
	if err != nil {
		t.Fatal(err)
	}
	return b
}

func TestDecodeCharset(t *testing.T) {
	texts := map[string]string{
		"shift_jis":    "高市早苗首相は、台湾有事をめぐる発言について、日米同盟が崩壊すると述べた。",
		"euc-kr":       "다카이치 사나에 일본 총리는 대만 유사시 미일 동맹이 붕괴할 것이라고 말했다.",
		"gbk":          "日本首相高市早苗表示，如果东京无视台湾危机，日美同盟将会瓦解。",
		"windows-1251": "Премьер-министр Японии заявила, что союз с США рухнет, если Токио проигнорирует кризис.",
		"windows-1252": "Le Premier ministre a déclaré que l'alliance avec les États-Unis s'effondrerait.",
	}
	page := func(meta, body string) string {
		return "<html><head>" + meta + "<title>t</title></head><body><p>" + body + "</p></body></html>"
	}
	for name, text := range texts {
		t.Run(name+"/sniffed", func(t *testing.T) {
			got, cs, err := extract.DecodeCharset(encode(t, name, page("", text)), "")
			if err != nil || !strings.Contains(got, text) {
				t.Errorf("read as %s (err %v), text lost", cs, err)
			}
		})
		t.Run(name+"/meta", func(t *testing.T) {
			got, cs, err := extract.DecodeCharset(encode(t, name, page(`<meta charset="`+name+`">`, text)), "")
			if err != nil || cs != name || !strings.Contains(got, text) {
				t.Errorf("read as %s (err %v), want %s", cs, err, name)
			}
		})
		t.Run(name+"/header", func(t *testing.T) {
			got, cs, err := extract.DecodeCharset(encode(t, name, page("", text)), "text/html; charset="+name)
			if err != nil || cs != name || !strings.Contains(got, text) {
				t.Errorf("read as %s (err %v), want %s", cs, err, name)
			}
		})
	}
	t.Run("utf-8 labelled latin-1", func(t *testing.T) {
		text := "Zürich – café"
		got, cs, _ := extract.DecodeCharset([]byte(page(`<meta charset="iso-8859-1">`, text)), "")
		if cs != "utf-8" || !strings.Contains(got, text) {
			t.Errorf("read as %s: %q", cs, got)
		}
	})
	t.Run("latin-1 labelled utf-8", func(t *testing.T) {
		text := "Zürich – café déclaré à l'Élysée"
		got, cs, _ := extract.DecodeCharset(encode(t, "windows-1252", page(`<meta charset="utf-8">`, text)), "")
		if cs != "windows-1252" || !strings.Contains(got, text) {
			t.Errorf("read as %s: %q", cs, got)
		}
	})
	t.Run("bom", func(t *testing.T) {
		got, cs, _ := extract.DecodeCharset(append([]byte{0xEF, 0xBB, 0xBF}, "<p>ok</p>"...), "text/html; charset=shift_jis")
		if cs != "utf-8" || got != "<p>ok</p>" {
			t.Errorf("read as %s: %q", cs, got)
		}
	})
}
