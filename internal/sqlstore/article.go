package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"math"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
)

var _ parallax.ArticleService = (*ArticleService)(nil)

// ArticleService stores articles in SQLite.
type ArticleService struct {
	db *DB
}

// NewArticleService returns an ArticleService on db.
func NewArticleService(db *DB) *ArticleService {
	return &ArticleService{db: db}
}

// FindArticleByID returns one article with its text.
func (s *ArticleService) FindArticleByID(ctx context.Context, id int64) (*parallax.Article, error) {
	as, _, err := s.FindArticles(ctx, parallax.ArticleFilter{ID: &id, WithText: true, Limit: 1})
	if err != nil {
		return nil, err
	}
	if len(as) == 0 {
		return nil, parallax.Errorf(parallax.ENOTFOUND, "article %d not found", id)
	}
	return as[0], nil
}

// FindArticles returns the articles matching filter, ordered by ID, and the
// total number of matches before Offset and Limit (-1 with NoTotal).
func (s *ArticleService) FindArticles(ctx context.Context, f parallax.ArticleFilter) ([]*parallax.Article, int, error) {
	tx, err := s.db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, 0, fmt.Errorf("begin find articles: %w", err)
	}
	defer tx.Rollback()
	return s.db.findArticles(ctx, tx, f)
}

func (db *DB) articleWhere(f parallax.ArticleFilter) (string, []any) {
	var where []string
	var args []any
	if f.ID != nil {
		where, args = append(where, "a.id = ?"), append(args, *f.ID)
	}
	if f.StoryID != nil {
		where, args = append(where, "a.story_id = ?"), append(args, *f.StoryID)
	}
	if f.AfterID > 0 {
		where, args = append(where, "a.id > ?"), append(args, f.AfterID)
	}
	if f.Source != nil {
		where, args = append(where, "s.name = ?"), append(args, *f.Source)
	}
	if f.Keys != nil && len(f.Keys) == 0 {
		where = append(where, "0 = 1")
	} else if f.Keys != nil {
		where = append(where, "a.key IN ("+placeholders(len(f.Keys))+")")
		for _, k := range f.Keys {
			args = append(args, db.encKey(k))
		}
	}
	// With keys, the key index must find the rows: offered the index on
	// story_id for "IS NULL", SQLite's planner took it, and so scanned
	// every unassigned article for each batch of keys, which made
	// assigning a large ingest quadratic. The unary plus keeps the
	// condition off any index (on PostgreSQL too, where it is a no-op).
	col := "a.story_id"
	if len(f.Keys) > 0 {
		col = "+a.story_id"
	}
	if f.Unassigned {
		where = append(where, col+" IS NULL")
	}
	if f.Assigned {
		where = append(where, col+" IS NOT NULL")
	}
	if len(where) == 0 {
		return "", nil
	}
	return "WHERE " + strings.Join(where, " AND "), args
}

func (db *DB) findArticles(ctx context.Context, tx *txx, f parallax.ArticleFilter) ([]*parallax.Article, int, error) {
	query, count, args := db.FindArticlesSQL(f)
	total := -1
	if !f.NoTotal {
		if err := tx.QueryRowContext(ctx, count, args...).Scan(&total); err != nil {
			return nil, 0, fmt.Errorf("count articles: %w", err)
		}
	}
	rows, err := tx.QueryContext(ctx, query, args...)
	if err != nil {
		return nil, 0, fmt.Errorf("find articles: %w", err)
	}
	defer rows.Close()
	var out []*parallax.Article
	for rows.Next() {
		a, err := db.scanArticle(rows)
		if err != nil {
			return nil, 0, err
		}
		out = append(out, a)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("find articles: %w", err)
	}
	return out, total, nil
}

// FindArticlesSQL returns the queries, with ? placeholders, that
// FindArticles reads the matching articles and counts them with, and
// their arguments; tests check the query plans.
func (db *DB) FindArticlesSQL(f parallax.ArticleFilter) (query, count string, args []any) {
	where, args := db.articleWhere(f)
	text := "'', NULL"
	if f.WithText {
		text = "a.text, a.decoded_text"
	}
	count = `SELECT count(*) FROM articles a JOIN sources s ON s.id = a.source_id ` + where
	return `
		SELECT a.id, a.key, a.external_id, a.url, a.canonical_url, a.source_id, s.name,
		       a.title, a.byline, a.published, a.published_method, a.published_precision, a.language, ` + text + `,
		       a.content_hash, a.story_id, st.storyline_id, a.duplicate_of, a.ingested_at
		FROM articles a
		JOIN sources s ON s.id = a.source_id
		LEFT JOIN stories st ON st.id = a.story_id
		` + where + ` ORDER BY a.id ` + limitClause(f.Offset, f.Limit), count, args
}

func (db *DB) scanArticle(rows *sql.Rows) (*parallax.Article, error) {
	var a parallax.Article
	var published, decoded sql.NullString
	var story, storyline, dup, ingested sql.NullInt64
	if err := rows.Scan(&a.ID, &a.Key, &a.ExternalID, &a.URL, &a.CanonicalURL, &a.SourceID, &a.Source,
		&a.Title, &a.Byline, &published, &a.PublishedMethod, &a.PublishedPrecision, &a.Language, &a.Text, &decoded,
		&a.ContentHash, &story, &storyline, &dup, &ingested); err != nil {
		return nil, fmt.Errorf("scan article: %w", err)
	}
	a.DecodedText = decoded.String
	a.Published = fromRFC3339(published)
	a.StoryID, a.StorylineID, a.DuplicateOf = story.Int64, storyline.Int64, dup.Int64
	a.IngestedAt = fromUnix(ingested)
	a.Key = db.decKey(a.Key)
	return &a, nil
}

// limitClause renders LIMIT/OFFSET; a Limit of 0 means no limit.
func limitClause(offset, limit int) string {
	if limit <= 0 {
		limit = math.MaxInt64 // SQLite has no OFFSET without LIMIT, PostgreSQL no LIMIT -1
	}
	return fmt.Sprintf("LIMIT %d OFFSET %d", limit, max(offset, 0))
}

// PutArticles stores the articles in one transaction; see
// parallax.ArticleService. A transaction that collides with another
// process's (a deadlock, or the same new article stored by two workers at
// once) is run again.
func (s *ArticleService) PutArticles(ctx context.Context, articles []*parallax.Article) ([]parallax.PutResult, error) {
	for _, a := range articles {
		if err := validateArticle(a, s.db.d.NoNUL); err != nil {
			return nil, err
		}
	}
	names := make([]string, len(articles))
	for i, a := range articles {
		names[i] = a.Source
	}
	var results []parallax.PutResult
	err := s.db.retry(ctx, func() error {
		sources, err := s.db.ensureSources(ctx, names)
		if err != nil {
			return err
		}
		tx, err := s.db.db.BeginTx(ctx, nil)
		if err != nil {
			return fmt.Errorf("begin put articles: %w", err)
		}
		defer tx.Rollback()
		st, err := prepareArticleStmts(ctx, tx)
		if err != nil {
			return err
		}
		defer st.close()
		results = make([]parallax.PutResult, len(articles))
		var added []any
		for i, a := range articles {
			if results[i], err = s.putArticle(ctx, tx, st, a, sources); err != nil {
				return err
			}
			if results[i].Outcome == parallax.Added {
				added = append(added, results[i].ID)
			}
		}
		if s.db.d.IndexNew != "" && len(added) > 0 {
			if _, err := tx.ExecContext(ctx, s.db.d.IndexNew+placeholders(len(added))+")", added...); err != nil {
				return fmt.Errorf("index new articles: %w", err)
			}
		}
		if err := tx.Commit(); err != nil {
			return fmt.Errorf("commit put articles: %w", err)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	for i, a := range articles {
		a.ID = results[i].ID
	}
	return results, nil
}

func validateArticle(a *parallax.Article, noNUL bool) error {
	switch {
	case noNUL && hasNUL(a.Title, a.Text, a.Byline, a.ExternalID, a.URL, a.Source):
		return parallax.Errorf(parallax.EINVALID, "article %q holds a NUL character, which PostgreSQL text cannot store", a.Title)
	case a.Key == "":
		return parallax.Errorf(parallax.EINVALID, "article %q has no key", a.Title)
	case a.Source == "":
		return parallax.Errorf(parallax.EINVALID, "article %q has no source", a.Title)
	case strings.TrimSpace(a.Text) == "":
		return parallax.Errorf(parallax.EINVALID, "article %q has no text", a.Title)
	case a.ContentHash == "":
		return parallax.Errorf(parallax.EINVALID, "article %q has no content hash", a.Title)
	}
	return nil
}

// articleStmts are the statements PutArticles runs for each article,
// prepared once per transaction rather than parsed once per article.
type articleStmts struct {
	lookup, insert *sql.Stmt
}

func prepareArticleStmts(ctx context.Context, tx *txx) (*articleStmts, error) {
	lookup, err := tx.PrepareContext(ctx, `SELECT id, content_hash, decoded_hash FROM articles WHERE key = ?`)
	if err != nil {
		return nil, fmt.Errorf("prepare article lookup: %w", err)
	}
	insert, err := tx.PrepareContext(ctx, `INSERT INTO articles (key, external_id, url, canonical_url,
		source_id, title, byline, published, published_at, published_method, published_precision, language, text,
		decoded_text, content_hash, decoded_hash, ingested_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id`)
	if err != nil {
		lookup.Close()
		return nil, fmt.Errorf("prepare article insert: %w", err)
	}
	return &articleStmts{lookup: lookup, insert: insert}, nil
}

func (st *articleStmts) close() {
	st.lookup.Close()
	st.insert.Close()
}

func (s *ArticleService) putArticle(ctx context.Context, tx *txx, st *articleStmts, a *parallax.Article, sources map[string]int64) (parallax.PutResult, error) {
	var id int64
	var hash string
	var decoded sql.NullString
	err := st.lookup.QueryRowContext(ctx, s.db.encKey(a.Key)).Scan(&id, &hash, &decoded)
	switch {
	case err == nil && (hash == a.ContentHash || a.DecodedHash != "" && decoded.String == a.DecodedHash):
		return parallax.PutResult{ID: id, Outcome: parallax.Unchanged}, nil
	case err != nil && !errors.Is(err, sql.ErrNoRows):
		return parallax.PutResult{}, fmt.Errorf("look up article %q: %w", a.Key, err)
	}
	sourceID, err := s.db.sourceID(ctx, tx, a.Source, sources)
	if err != nil {
		return parallax.PutResult{}, err
	}
	now := s.db.Now().Unix()
	if id != 0 {
		_, err = tx.ExecContext(ctx, `UPDATE articles SET external_id = ?, url = ?, canonical_url = ?,
			source_id = ?, title = ?, byline = ?, published = ?, published_at = ?, published_method = ?,
			published_precision = ?, language = ?, text = ?, decoded_text = ?, content_hash = ?,
			decoded_hash = COALESCE(?, decoded_hash), updated_at = ? WHERE id = ?`,
			a.ExternalID, a.URL, a.CanonicalURL, sourceID, a.Title, a.Byline,
			nullRFC3339(a.Published), nullUnix(a.Published), a.PublishedMethod, a.PublishedPrecision,
			a.Language, a.Text, nullString(a.DecodedText), a.ContentHash, nullString(a.DecodedHash), now, id)
		if err != nil {
			return parallax.PutResult{}, fmt.Errorf("update article %d: %w", id, err)
		}
		return parallax.PutResult{ID: id, Outcome: parallax.Updated}, nil
	}
	err = st.insert.QueryRowContext(ctx,
		s.db.encKey(a.Key), a.ExternalID, a.URL, a.CanonicalURL, sourceID, a.Title, a.Byline,
		nullRFC3339(a.Published), nullUnix(a.Published), a.PublishedMethod, a.PublishedPrecision,
		a.Language, a.Text, nullString(a.DecodedText), a.ContentHash, nullString(a.DecodedHash), now, now).Scan(&id)
	if err != nil {
		return parallax.PutResult{}, fmt.Errorf("insert article %q: %w", a.Title, err)
	}
	return parallax.PutResult{ID: id, Outcome: parallax.Added}, nil
}

// ensureSources creates the named sources that do not exist yet and
// returns all their IDs. Each is created in a statement of its own, in
// name order, before the caller's transaction: transactions that create
// the same sources in different orders would otherwise deadlock.
func (db *DB) ensureSources(ctx context.Context, names []string) (map[string]int64, error) {
	names = slices.Clone(names)
	slices.Sort(names)
	names = slices.Compact(names)
	ids := make(map[string]int64, len(names))
	db.sourceMu.Lock()
	for _, name := range names {
		if id, ok := db.sourceIDs[name]; ok {
			ids[name] = id
		}
	}
	db.sourceMu.Unlock()
	now := db.Now().Unix()
	for _, name := range names {
		if _, ok := ids[name]; ok {
			continue
		}
		var id int64
		err := db.db.QueryRowContext(ctx, `SELECT id FROM sources WHERE name = ?`, name).Scan(&id)
		if errors.Is(err, sql.ErrNoRows) {
			if _, err := db.db.ExecContext(ctx, `INSERT INTO sources (name, created_at) VALUES (?, ?) ON CONFLICT (name) DO NOTHING`,
				name, now); err != nil {
				return nil, fmt.Errorf("insert source %q: %w", name, err)
			}
			err = db.db.QueryRowContext(ctx, `SELECT id FROM sources WHERE name = ?`, name).Scan(&id)
		}
		if err != nil {
			return nil, fmt.Errorf("look up source %q: %w", name, err)
		}
		ids[name] = id
		db.sourceMu.Lock()
		db.sourceIDs[name] = id
		db.sourceMu.Unlock()
	}
	return ids, nil
}

// sourceID returns the ID of a source that ensureSources made sure of.
func (db *DB) sourceID(ctx context.Context, tx *txx, name string, ids map[string]int64) (int64, error) {
	if id, ok := ids[name]; ok {
		return id, nil
	}
	return 0, fmt.Errorf("source %q was not created first", name)
}

// retry runs a transaction again, up to four times with a short pause,
// when it failed on a collision with another process that a new attempt
// resolves: a deadlock, a serialization failure, or a unique key another
// transaction took meanwhile.
func (db *DB) retry(ctx context.Context, tx func() error) error {
	var err error
	for attempt := range 4 {
		if attempt > 0 {
			select {
			case <-ctx.Done():
				return ctx.Err()
			case <-time.After(time.Duration(attempt*attempt) * 20 * time.Millisecond):
			}
		}
		if err = tx(); err == nil || db.d.Retryable == nil || !db.d.Retryable(err) {
			return fullError(db.d.IsFull, err)
		}
	}
	return fullError(db.d.IsFull, err)
}

// Article keys join their parts with NUL (parallax.ArticleKey). Where text
// cannot hold NUL, the store writes it as `\0` and a backslash as `\\`.
func (db *DB) encKey(k string) string {
	if !db.d.NoNUL {
		return k
	}
	return strings.ReplaceAll(strings.ReplaceAll(k, `\`, `\\`), "\x00", `\0`)
}

func (db *DB) decKey(k string) string {
	if !db.d.NoNUL {
		return k
	}
	var b strings.Builder
	for i := 0; i < len(k); i++ {
		if k[i] == '\\' && i+1 < len(k) {
			i++
			if k[i] == '0' {
				b.WriteByte(0)
			} else {
				b.WriteByte(k[i])
			}
			continue
		}
		b.WriteByte(k[i])
	}
	return b.String()
}

func hasNUL(fields ...string) bool {
	for _, f := range fields {
		if strings.IndexByte(f, 0) >= 0 {
			return true
		}
	}
	return false
}

// nullString stores the empty string as NULL.
func nullString(s string) sql.NullString {
	return sql.NullString{String: s, Valid: s != ""}
}
