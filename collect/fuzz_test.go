package collect

import (
	"os"
	"path/filepath"
	"strings"
	"testing"
)

func FuzzParse(f *testing.F) {
	for _, name := range []string{"rss.xml", "atom.xml", "feed.json", "sitemap-index.xml", "sitemap-news.xml", "index.html", "urls.txt"} {
		data, err := os.ReadFile(filepath.Join("testdata", "site", name))
		if err != nil {
			f.Fatal(err)
		}
		f.Add(data)
	}
	f.Add([]byte("\x1f\x8b\x08\x00"))
	f.Fuzz(func(t *testing.T, data []byte) {
		doc, err := Parse(data, "http://courier.example/dir/", 1<<16)
		if err != nil {
			return
		}
		for _, it := range doc.Items {
			if !strings.HasPrefix(it.URL, "http://") && !strings.HasPrefix(it.URL, "https://") {
				t.Fatalf("item URL %q is not http(s)", it.URL)
			}
		}
		for _, u := range doc.Feeds {
			if !strings.HasPrefix(u, "http://") && !strings.HasPrefix(u, "https://") {
				t.Fatalf("feed URL %q is not http(s)", u)
			}
		}
	})
}
