package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/parallax-news/parallax"
)

var _ parallax.SourceService = (*SourceService)(nil)

// SourceService reads outlets from SQLite.
type SourceService struct {
	db *DB
}

// NewSourceService returns a SourceService on db.
func NewSourceService(db *DB) *SourceService {
	return &SourceService{db: db}
}

// FindSources returns matching sources by name, with their article counts.
func (s *SourceService) FindSources(ctx context.Context, f parallax.SourceFilter) ([]*parallax.Source, int, error) {
	tx, err := s.db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, 0, fmt.Errorf("begin find sources: %w", err)
	}
	defer tx.Rollback()
	var where []string
	var args []any
	if f.ID != nil {
		where, args = append(where, "s.id = ?"), append(args, *f.ID)
	}
	if f.Name != nil {
		where, args = append(where, "s.name = ?"), append(args, *f.Name)
	}
	cond := ""
	if len(where) > 0 {
		cond = "WHERE " + strings.Join(where, " AND ")
	}
	var total int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM sources s `+cond, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count sources: %w", err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT s.id, s.name, s.domain, s.country, s.language,
		(SELECT count(*) FROM articles a WHERE a.source_id = s.id)
		FROM sources s `+cond+` ORDER BY s.name `+limitClause(f.Offset, f.Limit), args...)
	if err != nil {
		return nil, 0, fmt.Errorf("find sources: %w", err)
	}
	defer rows.Close()
	var out []*parallax.Source
	for rows.Next() {
		var src parallax.Source
		if err := rows.Scan(&src.ID, &src.Name, &src.Domain, &src.Country, &src.Language, &src.Articles); err != nil {
			return nil, 0, fmt.Errorf("scan source: %w", err)
		}
		out = append(out, &src)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("find sources: %w", err)
	}
	return out, total, nil
}
