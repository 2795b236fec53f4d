package collect

import (
	"bytes"
	"encoding/xml"
	"fmt"
	"io"
	"strings"
)

// Outline is one subscription of an OPML file.
type Outline struct {
	URL   string // xmlUrl: the feed
	Title string
	Site  string // htmlUrl: the site, when given
}

type opmlOutline struct {
	Text     string        `xml:"text,attr"`
	Title    string        `xml:"title,attr,omitempty"`
	Type     string        `xml:"type,attr,omitempty"`
	XMLURL   string        `xml:"xmlUrl,attr,omitempty"`
	HTMLURL  string        `xml:"htmlUrl,attr,omitempty"`
	Children []opmlOutline `xml:"outline"`
}

type opmlDoc struct {
	XMLName xml.Name `xml:"opml"`
	Version string   `xml:"version,attr"`
	Head    struct {
		Title string `xml:"title"`
	} `xml:"head"`
	Body struct {
		Outlines []opmlOutline `xml:"outline"`
	} `xml:"body"`
}

// ReadOPML returns the feeds of an OPML file, folders flattened, in
// document order, each URL once. Outlines without an xmlUrl are folders or
// notes and are skipped; an xmlUrl that is not an http(s) URL is an error
// naming it.
func ReadOPML(r io.Reader, limit int64) ([]Outline, error) {
	data, err := io.ReadAll(io.LimitReader(r, limit+1))
	if err != nil {
		return nil, fmt.Errorf("read OPML: %w", err)
	}
	if int64(len(data)) > limit {
		return nil, fmt.Errorf("read OPML: larger than %d bytes", limit)
	}
	var doc opmlDoc
	if err := decodeXML(data, &doc); err != nil {
		return nil, fmt.Errorf("read OPML: malformed: %w", err)
	}
	if doc.XMLName.Local != "opml" {
		return nil, fmt.Errorf("read OPML: the root element is not <opml>")
	}
	var out []Outline
	seen := map[string]bool{}
	var walk func([]opmlOutline) error
	walk = func(os []opmlOutline) error {
		for _, o := range os {
			if u := strings.TrimSpace(o.XMLURL); u != "" && !seen[u] {
				if _, err := ParseURL(u); err != nil {
					return fmt.Errorf("read OPML: outline %q: %s: %w", o.Text, u, err)
				}
				seen[u] = true
				title := o.Title
				if title == "" {
					title = o.Text
				}
				out = append(out, Outline{URL: u, Title: strings.TrimSpace(title), Site: strings.TrimSpace(o.HTMLURL)})
			}
			if err := walk(o.Children); err != nil {
				return err
			}
		}
		return nil
	}
	if err := walk(doc.Body.Outlines); err != nil {
		return nil, err
	}
	return out, nil
}

// WriteOPML writes outlines as an OPML 2.0 file that feed readers import.
func WriteOPML(w io.Writer, title string, outlines []Outline) error {
	doc := opmlDoc{Version: "2.0"}
	doc.Head.Title = title
	for _, o := range outlines {
		text := o.Title
		if text == "" {
			text = o.URL
		}
		doc.Body.Outlines = append(doc.Body.Outlines, opmlOutline{Text: text, Title: o.Title, Type: "rss", XMLURL: o.URL, HTMLURL: o.Site})
	}
	var b bytes.Buffer
	b.WriteString(xml.Header)
	enc := xml.NewEncoder(&b)
	enc.Indent("", "  ")
	if err := enc.Encode(doc); err != nil {
		return fmt.Errorf("write OPML: %w", err)
	}
	b.WriteByte('\n')
	_, err := w.Write(b.Bytes())
	return err
}
