package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"strings"

	"github.com/parallax-news/parallax"
)

var _ parallax.AnnotationService = (*AnnotationService)(nil)

// AnnotationService stores article annotations in SQLite.
type AnnotationService struct {
	db *DB
}

// NewAnnotationService returns an AnnotationService on db.
func NewAnnotationService(db *DB) *AnnotationService {
	return &AnnotationService{db: db}
}

// PutAnnotations stores annotations in one transaction; see
// parallax.AnnotationService.
func (s *AnnotationService) PutAnnotations(ctx context.Context, as []*parallax.ArticleAnnotation) error {
	tx, err := s.db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin put annotations: %w", err)
	}
	defer tx.Rollback()
	now := s.db.Now().Unix()
	for _, a := range as {
		_, err := tx.ExecContext(ctx, `INSERT INTO annotations (article_id, content_hash, version, data, updated_at)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT (article_id) DO UPDATE SET content_hash = excluded.content_hash,
			version = excluded.version, data = excluded.data, updated_at = excluded.updated_at`,
			a.ArticleID, a.ContentHash, a.Version, string(a.Data), now)
		if err != nil {
			if s.db.d.IsForeignKey != nil && s.db.d.IsForeignKey(err) {
				return parallax.Errorf(parallax.ENOTFOUND, "article %d not found", a.ArticleID)
			}
			return fmt.Errorf("put annotation of article %d: %w", a.ArticleID, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit put annotations: %w", err)
	}
	return nil
}

// FindAnnotations returns the annotations of the articles; see
// parallax.AnnotationService.
func (s *AnnotationService) FindAnnotations(ctx context.Context, ids []int64) (map[int64]*parallax.ArticleAnnotation, error) {
	out := map[int64]*parallax.ArticleAnnotation{}
	if len(ids) == 0 {
		return out, nil
	}
	marks := strings.TrimSuffix(strings.Repeat("?, ", len(ids)), ", ")
	args := make([]any, len(ids))
	for i, id := range ids {
		args[i] = id
	}
	rows, err := s.db.db.QueryContext(ctx, `SELECT article_id, content_hash, version, data FROM annotations
		WHERE article_id IN (`+marks+`)`, args...)
	if err != nil {
		return nil, fmt.Errorf("find annotations: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var a parallax.ArticleAnnotation
		var data string
		if err := rows.Scan(&a.ArticleID, &a.ContentHash, &a.Version, &data); err != nil {
			return nil, fmt.Errorf("find annotations: %w", err)
		}
		a.Data = []byte(data)
		out[a.ArticleID] = &a
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("find annotations: %w", err)
	}
	return out, nil
}

// StaleArticles returns articles whose annotation is missing or stale;
// see parallax.AnnotationService.
func (s *AnnotationService) StaleArticles(ctx context.Context, version string, limit int) ([]*parallax.Article, error) {
	tx, err := s.db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("begin stale articles: %w", err)
	}
	defer tx.Rollback()
	rows, err := tx.QueryContext(ctx, `SELECT a.id FROM articles a LEFT JOIN annotations n ON n.article_id = a.id
		WHERE n.article_id IS NULL OR n.content_hash != a.content_hash OR n.version != ? ORDER BY a.id `+
		limitClause(0, limit), version)
	if err != nil {
		return nil, fmt.Errorf("stale articles: %w", err)
	}
	var ids []int64
	for rows.Next() {
		var id int64
		if err := rows.Scan(&id); err != nil {
			rows.Close()
			return nil, fmt.Errorf("stale articles: %w", err)
		}
		ids = append(ids, id)
	}
	rows.Close()
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("stale articles: %w", err)
	}
	var out []*parallax.Article
	for _, id := range ids {
		as, _, err := s.db.findArticles(ctx, tx, parallax.ArticleFilter{ID: &id, WithText: true, Limit: 1})
		if err != nil {
			return nil, err
		}
		out = append(out, as...)
	}
	return out, nil
}
