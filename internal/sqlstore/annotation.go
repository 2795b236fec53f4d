package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"slices"

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
	rows, err := s.db.db.QueryContext(ctx, `SELECT article_id, content_hash, version, data FROM annotations
		WHERE article_id IN (`+placeholders(len(ids))+`)`, anys(ids)...)
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

// AnnotationStamps returns what each article's annotation was made from;
// see parallax.AnnotationService.
func (s *AnnotationService) AnnotationStamps(ctx context.Context, ids []int64) (map[int64]string, error) {
	out := map[int64]string{}
	for chunk := range slices.Chunk(ids, 500) {
		rows, err := s.db.db.QueryContext(ctx, `SELECT article_id, content_hash, version FROM annotations
			WHERE article_id IN (`+placeholders(len(chunk))+`)`, anys(chunk)...)
		if err != nil {
			return nil, fmt.Errorf("annotation stamps: %w", err)
		}
		for rows.Next() {
			var id int64
			var hash, version string
			if err := rows.Scan(&id, &hash, &version); err != nil {
				rows.Close()
				return nil, fmt.Errorf("annotation stamps: %w", err)
			}
			out[id] = hash + " " + version
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("annotation stamps: %w", err)
		}
	}
	return out, nil
}

var _ parallax.AnalysisService = (*AnalysisService)(nil)

// AnalysisService caches story comparisons.
type AnalysisService struct {
	db *DB
}

// NewAnalysisService returns an AnalysisService on db.
func NewAnalysisService(db *DB) *AnalysisService {
	return &AnalysisService{db: db}
}

// FindAnalysis returns a story's cached analysis; see
// parallax.AnalysisService.
func (s *AnalysisService) FindAnalysis(ctx context.Context, storyID int64) (string, []byte, error) {
	var fp, data string
	err := s.db.db.QueryRowContext(ctx, `SELECT fingerprint, data FROM analyses WHERE story_id = ?`, storyID).Scan(&fp, &data)
	if errors.Is(err, sql.ErrNoRows) {
		return "", nil, parallax.Errorf(parallax.ENOTFOUND, "no analysis of story %d", storyID)
	}
	if err != nil {
		return "", nil, fmt.Errorf("find analysis of story %d: %w", storyID, err)
	}
	return fp, []byte(data), nil
}

// PutAnalysis stores a story's analysis; see parallax.AnalysisService.
func (s *AnalysisService) PutAnalysis(ctx context.Context, storyID int64, fingerprint string, data []byte) error {
	_, err := s.db.db.ExecContext(ctx, `INSERT INTO analyses (story_id, fingerprint, data, updated_at) VALUES (?, ?, ?, ?)
		ON CONFLICT (story_id) DO UPDATE SET fingerprint = excluded.fingerprint, data = excluded.data, updated_at = excluded.updated_at`,
		storyID, fingerprint, string(data), s.db.Now().Unix())
	if err != nil {
		return fmt.Errorf("put analysis of story %d: %w", storyID, err)
	}
	return nil
}
