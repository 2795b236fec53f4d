package input

import (
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"path/filepath"
	"strings"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/extract"
)

// newsPlease is the JSON file that news-please writes for each article.
type newsPlease struct {
	Authors      []string `json:"authors"`
	DatePublish  string   `json:"date_publish"`
	Description  string   `json:"description"`
	Filename     string   `json:"filename"`
	Language     string   `json:"language"`
	Maintext     string   `json:"maintext"`
	SourceDomain string   `json:"source_domain"`
	Title        string   `json:"title"`
	URL          string   `json:"url"`
}

// jsonFile decodes a .json file: a news-please article, a single Parallax
// article object, or an array of Parallax article objects.
func (d *Decoder) jsonFile(path string, r io.Reader, yield func(Record) bool) {
	data, err := readAll(r, d.MaxArticleBytes)
	if err == nil {
		_, err = checkText(data)
	}
	if err != nil {
		yield(Record{Origin: path, Err: err})
		return
	}
	trimmed := bytes.TrimSpace(bytes.TrimPrefix(data, utf8BOM))
	if trimmed[0] == '[' {
		var items []json.RawMessage
		if err := json.Unmarshal(trimmed, &items); err != nil {
			yield(Record{Origin: path, Err: fmt.Errorf("invalid JSON: %w", err)})
			return
		}
		for i, item := range items {
			rec := Record{Origin: fmt.Sprintf("%s[%d]", path, i)}
			rec.Article, rec.Warnings, rec.Err = d.DecodeJSON(item)
			if !yield(rec) {
				return
			}
		}
		return
	}
	rec := Record{Origin: path}
	rec.Article, rec.Warnings, rec.Err = d.DecodeNewsPlease(filepath.Base(path), trimmed)
	yield(rec)
}

// DecodeNewsPlease decodes one news-please article. An object without
// news-please fields is read as a Parallax JSON article instead.
func (d *Decoder) DecodeNewsPlease(name string, data []byte) (*parallax.Article, []string, error) {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(data, &fields); err != nil {
		return nil, nil, fmt.Errorf("invalid JSON: %w", err)
	}
	_, hasMain := fields["maintext"]
	_, hasDomain := fields["source_domain"]
	if !hasMain && !hasDomain {
		return d.DecodeJSON(data)
	}
	var np newsPlease
	if err := json.Unmarshal(data, &np); err != nil {
		return nil, nil, fmt.Errorf("invalid news-please JSON: %w", err)
	}
	text := np.Maintext
	if strings.TrimSpace(text) == "" {
		text = np.Description
	}
	if strings.TrimSpace(text) == "" {
		return nil, nil, errors.New(`news-please article has no "maintext" or "description"`)
	}
	id := np.Filename
	if id == "" {
		id = name
	}
	clean, err := within(d, "cleanup", func() *extract.TextResult { return extract.CleanBody(np.Title, text) })
	if err != nil {
		return nil, nil, err
	}
	a := &parallax.Article{
		ExternalID: id, URL: np.URL, Source: np.SourceDomain, Title: np.Title, Text: clean.Text(),
		Language: strings.ToLower(np.Language), Byline: strings.Join(np.Authors, ", "),
	}
	warnings := setPublished(a, np.DatePublish)
	w, err := finish(a, np.Filename != "", []byte(np.Title+"\x00"+text))
	return a, append(warnings, w...), err
}
