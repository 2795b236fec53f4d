package input

import (
	"bufio"
	"bytes"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"strings"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/extract"
)

// jsonArticle is the Parallax article input format (see DESIGN.md). Gold
// labels that evaluation files carry (story, event, label) are deliberately
// absent, so that they can never reach the pipeline.
type jsonArticle struct {
	ID        json.RawMessage `json:"id"`
	URL       string          `json:"url"`
	Source    string          `json:"source"`
	Title     string          `json:"title"`
	Text      string          `json:"text"`
	HTML      string          `json:"html"`
	Published string          `json:"published"`
	Language  string          `json:"language"`
	Byline    string          `json:"byline"`
}

// jsonl decodes one article per line. A bad line is reported with its line
// number and the lines after it still go in.
func (d *Decoder) jsonl(name string, r io.Reader, firstLine int, yield func(Record) bool) {
	br := bufio.NewReaderSize(r, 64<<10)
	for n := firstLine; ; n++ {
		line, err := readLine(br, d.MaxLineBytes)
		origin := fmt.Sprintf("%s:%d", name, n)
		if errors.Is(err, errLineTooLong) {
			if !yield(Record{Origin: origin, Err: fmt.Errorf("line longer than the %s limit", formatBytes(int64(d.MaxLineBytes)))}) {
				return
			}
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			yield(Record{Origin: origin, Err: fmt.Errorf("read: %w", err)})
			return
		}
		if len(bytes.TrimSpace(line)) > 0 {
			rec := Record{Origin: origin}
			rec.Article, rec.Warnings, rec.Err = d.DecodeJSON(line)
			if !yield(rec) {
				return
			}
		}
		if errors.Is(err, io.EOF) {
			return
		}
	}
}

var errLineTooLong = errors.New("line too long")

// readLine reads one line without its newline. A line longer than max is
// consumed and discarded, and reported as errLineTooLong, so that one huge
// line costs no more than max bytes of memory.
func readLine(br *bufio.Reader, max int) ([]byte, error) {
	var line []byte
	tooLong := false
	for {
		chunk, err := br.ReadSlice('\n')
		if !tooLong {
			if len(line)+len(chunk) > max+1 {
				tooLong, line = true, nil
			} else {
				line = append(line, chunk...)
			}
		}
		if errors.Is(err, bufio.ErrBufferFull) {
			continue
		}
		if tooLong {
			if err == nil {
				err = errLineTooLong
			} else if errors.Is(err, io.EOF) {
				err = errLineTooLong
			}
			return nil, err
		}
		return bytes.TrimRight(line, "\r\n"), err
	}
}

// DecodeJSON decodes one article in the Parallax JSON article format.
// "text" is cleaned of site boilerplate; without it, "html" is extracted.
func (d *Decoder) DecodeJSON(data []byte) (*parallax.Article, []string, error) {
	if _, err := checkText(data); err != nil {
		return nil, nil, err
	}
	var in jsonArticle
	if err := json.Unmarshal(data, &in); err != nil {
		return nil, nil, fmt.Errorf("invalid JSON: %w", err)
	}
	return d.article(&in)
}

func (d *Decoder) article(in *jsonArticle) (*parallax.Article, []string, error) {
	id, err := rawID(in.ID)
	if err != nil {
		return nil, nil, err
	}
	var a *parallax.Article
	var warnings []string
	switch {
	case strings.TrimSpace(in.Text) != "":
		clean, err := within(d, "cleanup", func() *extract.TextResult { return extract.CleanBody(in.Title, in.Text) })
		if err != nil {
			return nil, nil, err
		}
		a = &parallax.Article{Title: in.Title, Text: clean.Text(), Byline: clean.Byline}
	case strings.TrimSpace(in.HTML) != "":
		if a, warnings, err = d.DecodeHTML(id, []byte(in.HTML), in.URL); err != nil {
			return nil, nil, err
		}
		if strings.TrimSpace(in.Title) != "" {
			a.Title = in.Title
		}
	default:
		return nil, nil, errors.New(`no "text" or "html" field`)
	}
	a.ExternalID, a.URL = id, in.URL
	if s := strings.TrimSpace(in.Source); s != "" {
		a.Source = s
	}
	if l := strings.ToLower(strings.TrimSpace(in.Language)); l != "" {
		a.Language = l
	}
	if in.Byline != "" {
		a.Byline = in.Byline
	}
	warnings = append(warnings, setPublished(a, in.Published)...)
	w, err := finish(a, true, []byte(in.Title+"\x00"+in.Text+"\x00"+in.HTML))
	return a, append(warnings, w...), err
}

// rawID accepts an ID given as a JSON string or number.
func rawID(raw json.RawMessage) (string, error) {
	if len(raw) == 0 || string(raw) == "null" {
		return "", nil
	}
	var s string
	if err := json.Unmarshal(raw, &s); err == nil {
		return strings.TrimSpace(s), nil
	}
	var n json.Number
	if err := json.Unmarshal(raw, &n); err == nil {
		return n.String(), nil
	}
	return "", fmt.Errorf(`"id" must be a string or a number, got %s`, truncate(string(raw), 40))
}

func truncate(s string, n int) string {
	if len(s) <= n {
		return s
	}
	return s[:n] + "…"
}

// ChunkJSONL splits JSONL into parts of at most n lines, so that workers
// can decode the parts of one file. chunk receives each part with the
// number of its first line in the file (DecodeFrom takes it). A line over
// MaxLineBytes is left out, and returned as a failure record.
func (d *Decoder) ChunkJSONL(name string, r io.Reader, n int, chunk func(data []byte, firstLine int) error) ([]Record, error) {
	br := bufio.NewReaderSize(r, 64<<10)
	var fails []Record
	var part bytes.Buffer
	first, lines := 1, 0
	emit := func(next int) error {
		if len(bytes.TrimSpace(part.Bytes())) > 0 {
			if err := chunk(bytes.Clone(part.Bytes()), first); err != nil {
				return err
			}
		}
		part.Reset()
		first, lines = next, 0
		return nil
	}
	for ln := 1; ; ln++ {
		line, err := readLine(br, d.MaxLineBytes)
		if errors.Is(err, errLineTooLong) {
			fails = append(fails, Record{Origin: fmt.Sprintf("%s:%d", name, ln), Err: fmt.Errorf("line longer than the %s limit", formatBytes(int64(d.MaxLineBytes)))})
			// the part goes on after the gap with its own first line
			if e := emit(ln + 1); e != nil {
				return fails, e
			}
			continue
		}
		if err != nil && !errors.Is(err, io.EOF) {
			return fails, fmt.Errorf("read %s: %w", name, err)
		}
		if lines == 0 && part.Len() == 0 {
			first = ln
		}
		part.Write(line)
		part.WriteByte('\n')
		lines++
		if errors.Is(err, io.EOF) {
			return fails, emit(ln + 1)
		}
		if lines == n {
			if e := emit(ln + 1); e != nil {
				return fails, e
			}
		}
	}
}
