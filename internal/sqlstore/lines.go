package sqlstore

import (
	"cmp"
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"
	"strings"

	"github.com/parallax-news/parallax"
)

var _ parallax.SourceLineService = (*SourceLineService)(nil)

// SourceLineService keeps per-source paragraph counts in SQLite.
type SourceLineService struct {
	db *DB
}

// NewSourceLineService returns a SourceLineService on db.
func NewSourceLineService(db *DB) *SourceLineService {
	return &SourceLineService{db: db}
}

// RecordLines stores the sightings in one transaction and returns the
// counts of their paragraphs after it; see parallax.SourceLineService.
// Rows are written in key order, so that concurrent writers take their
// locks in the same order, and a transaction that collides with another
// anyway is run again.
func (s *SourceLineService) RecordLines(ctx context.Context, sightings []parallax.LineSighting) (map[string]map[uint64]parallax.LineCount, error) {
	names := make([]string, len(sightings))
	for i, sg := range sightings {
		names[i] = sg.Source
	}
	var out map[string]map[uint64]parallax.LineCount
	err := s.db.retry(ctx, func() error {
		sources, err := s.db.ensureSources(ctx, names)
		if err != nil {
			return err
		}
		var rows []lineRow
		for _, sg := range sightings {
			for _, l := range sg.Lines {
				rows = append(rows, lineRow{sources[sg.Source], int64(l), int64(sg.Title), s.db.encKey(sg.ArticleKey)})
			}
		}
		slices.SortFunc(rows, func(a, b lineRow) int {
			return cmp.Or(cmp.Compare(a.source, b.source), cmp.Compare(a.line, b.line), cmp.Compare(a.title, b.title))
		})
		tx, err := s.db.db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("begin record lines: %w", err)
		}
		defer tx.Rollback()
		// the titles already counted for each paragraph, with their
		// articles, read in one query per source and chunk of paragraphs
		type para struct{ source, line int64 }
		have := map[para][]lineRow{}
		for i := 0; i < len(rows); {
			src := rows[i].source
			var lines []int64
			for ; i < len(rows) && rows[i].source == src; i++ {
				if len(lines) == 0 || lines[len(lines)-1] != rows[i].line {
					lines = append(lines, rows[i].line)
				}
			}
			stored, err := readLines(ctx, tx, src, lines)
			if err != nil {
				return err
			}
			for line, rs := range stored {
				have[para{src, line}] = rs
			}
		}
		// new titles, up to the cap per paragraph; a writer racing this
		// one on PostgreSQL may push a paragraph a title or two past it,
		// which costs a row, not a wrong answer
		var add []lineRow
		for _, r := range rows {
			k := para{r.source, r.line}
			rs := have[k]
			if len(rs) >= parallax.LineTitleCap || slices.ContainsFunc(rs, func(h lineRow) bool { return h.title == r.title }) {
				continue
			}
			have[k] = append(rs, r)
			add = append(add, r)
		}
		const perStatement = 200
		for chunk := range slices.Chunk(add, perStatement) {
			args := make([]any, 0, 4*len(chunk))
			var q strings.Builder
			q.WriteString(`INSERT INTO source_lines (source_id, line, title, article_key) VALUES `)
			for i, r := range chunk {
				if i > 0 {
					q.WriteString(", ")
				}
				q.WriteString("(?, ?, ?, ?)")
				args = append(args, r.source, r.line, r.title, r.key)
			}
			q.WriteString(" ON CONFLICT DO NOTHING")
			if _, err := tx.ExecContext(ctx, q.String(), args...); err != nil {
				return fmt.Errorf("record source lines of %q: %w", chunk[0].key, err)
			}
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("commit record lines: %w", err)
		}
		// the counts as LineCounts gives them
		byID := make(map[int64]map[uint64]parallax.LineCount, len(sources))
		for k, rs := range have {
			if byID[k.source] == nil {
				byID[k.source] = map[uint64]parallax.LineCount{}
			}
			byID[k.source][uint64(k.line)] = s.db.lineCount(rs)
		}
		out = make(map[string]map[uint64]parallax.LineCount, len(sources))
		for name, id := range sources {
			if out[name] = byID[id]; out[name] == nil {
				out[name] = map[uint64]parallax.LineCount{}
			}
		}
		return nil
	})
	return out, err
}

// LineCounts returns the counts of a source's paragraphs; see
// parallax.SourceLineService.
func (s *SourceLineService) LineCounts(ctx context.Context, source string, lines []uint64) (map[uint64]parallax.LineCount, error) {
	out := map[uint64]parallax.LineCount{}
	tx, err := s.db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("begin line counts: %w", err)
	}
	defer tx.Rollback()
	var id int64
	err = tx.QueryRowContext(ctx, `SELECT id FROM sources WHERE name = ?`, source).Scan(&id)
	if errors.Is(err, sql.ErrNoRows) {
		return out, nil
	} else if err != nil {
		return nil, fmt.Errorf("look up source %q: %w", source, err)
	}
	uniq := map[uint64]bool{}
	var all []int64
	for _, l := range lines {
		if !uniq[l] {
			uniq[l] = true
			all = append(all, int64(l))
		}
	}
	stored, err := readLines(ctx, tx, id, all)
	if err != nil {
		return nil, fmt.Errorf("line counts of %q: %w", source, err)
	}
	for line, rs := range stored {
		out[uint64(line)] = s.db.lineCount(rs)
	}
	return out, nil
}

// lineRow is one row of source_lines: a paragraph of a source seen under
// a title, in an article.
type lineRow struct {
	source, line, title int64
	key                 string // encoded
}

// readLines reads the stored rows of a source's paragraphs, by
// paragraph, in one query per chunk of paragraphs rather than per
// paragraph.
func readLines(ctx context.Context, tx *txx, source int64, lines []int64) (map[int64][]lineRow, error) {
	out := map[int64][]lineRow{}
	for chunk := range slices.Chunk(lines, 500) {
		args := make([]any, 0, len(chunk)+1)
		args = append(args, source)
		for _, l := range chunk {
			args = append(args, l)
		}
		rs, err := tx.QueryContext(ctx, `SELECT line, title, article_key FROM source_lines WHERE source_id = ? AND line IN (`+
			placeholders(len(chunk))+`)`, args...)
		if err != nil {
			return nil, fmt.Errorf("read source lines: %w", err)
		}
		for rs.Next() {
			r := lineRow{source: source}
			if err := rs.Scan(&r.line, &r.title, &r.key); err != nil {
				rs.Close()
				return nil, fmt.Errorf("read source lines: %w", err)
			}
			out[r.line] = append(out[r.line], r)
		}
		rs.Close()
		if err := rs.Err(); err != nil {
			return nil, fmt.Errorf("read source lines: %w", err)
		}
	}
	return out, nil
}

// lineCount counts a paragraph's rows: its titles, and their articles in
// title order. It sorts rs.
func (db *DB) lineCount(rs []lineRow) parallax.LineCount {
	slices.SortFunc(rs, func(a, b lineRow) int { return cmp.Compare(a.title, b.title) })
	c := parallax.LineCount{Titles: len(rs), Articles: make([]string, len(rs))}
	for i, r := range rs {
		c.Articles[i] = db.decKey(r.key)
	}
	return c
}
