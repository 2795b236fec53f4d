package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
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

// RecordLines stores the sightings in one transaction; see
// parallax.SourceLineService.
func (s *SourceLineService) RecordLines(ctx context.Context, sightings []parallax.LineSighting) error {
	tx, err := s.db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin record lines: %w", err)
	}
	defer tx.Rollback()
	ins, err := tx.PrepareContext(ctx, `INSERT INTO source_lines (source_id, line, title, article_key)
		SELECT ?1, ?2, ?3, ?4 WHERE (SELECT count(*) FROM source_lines WHERE source_id = ?1 AND line = ?2) < ?5
		ON CONFLICT DO NOTHING`)
	if err != nil {
		return fmt.Errorf("prepare record lines: %w", err)
	}
	defer ins.Close()
	sources := map[string]int64{}
	for _, sg := range sightings {
		id, err := s.db.sourceID(ctx, tx, sg.Source, sources)
		if err != nil {
			return err
		}
		for _, l := range sg.Lines {
			if _, err := ins.ExecContext(ctx, id, int64(l), int64(sg.Title), s.db.encKey(sg.ArticleKey), parallax.LineTitleCap); err != nil {
				return fmt.Errorf("record line of %q: %w", sg.ArticleKey, err)
			}
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit record lines: %w", err)
	}
	return nil
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
	// one query per chunk of lines, not per line
	uniq := map[uint64]bool{}
	var all []uint64
	for _, l := range lines {
		if !uniq[l] {
			uniq[l] = true
			all = append(all, l)
		}
	}
	for len(all) > 0 {
		chunk := all[:min(len(all), 500)]
		all = all[len(chunk):]
		args := []any{id}
		for _, l := range chunk {
			args = append(args, int64(l))
		}
		marks := strings.TrimSuffix(strings.Repeat("?, ", len(chunk)), ", ")
		rows, err := tx.QueryContext(ctx, `SELECT line, article_key FROM source_lines WHERE source_id = ? AND line IN (`+
			marks+`) ORDER BY line, title`, args...)
		if err != nil {
			return nil, fmt.Errorf("line counts of %q: %w", source, err)
		}
		for rows.Next() {
			var line int64
			var key string
			if err := rows.Scan(&line, &key); err != nil {
				rows.Close()
				return nil, fmt.Errorf("line counts of %q: %w", source, err)
			}
			c := out[uint64(line)]
			c.Articles = append(c.Articles, s.db.decKey(key))
			c.Titles = len(c.Articles)
			out[uint64(line)] = c
		}
		rows.Close()
		if err := rows.Err(); err != nil {
			return nil, fmt.Errorf("line counts of %q: %w", source, err)
		}
	}
	return out, nil
}
