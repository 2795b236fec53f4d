package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"strings"

	"github.com/parallax-news/parallax"
)

var _ parallax.StoryService = (*StoryService)(nil)

// StoryService stores stories and storylines in SQLite.
type StoryService struct {
	db *DB
}

// NewStoryService returns a StoryService on db.
func NewStoryService(db *DB) *StoryService {
	return &StoryService{db: db}
}

// FindStoryByID returns the story with the given ID or alias.
func (s *StoryService) FindStoryByID(ctx context.Context, id int64) (*parallax.Story, error) {
	tx, err := s.db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, fmt.Errorf("begin find story: %w", err)
	}
	defer tx.Rollback()
	var target int64
	err = tx.QueryRowContext(ctx, `SELECT story_id FROM story_aliases WHERE alias_id = ?`, id).Scan(&target)
	switch {
	case err == nil:
		id = target
	case !errors.Is(err, sql.ErrNoRows):
		return nil, fmt.Errorf("resolve story alias %d: %w", id, err)
	}
	stories, _, err := findStories(ctx, tx, parallax.StoryFilter{IDs: []int64{id}})
	if err != nil {
		return nil, err
	}
	if len(stories) == 0 {
		return nil, parallax.Errorf(parallax.ENOTFOUND, "story %d not found", id)
	}
	return stories[0], nil
}

// FindStories returns matching stories, most recently published first, and
// the total number of matches.
func (s *StoryService) FindStories(ctx context.Context, f parallax.StoryFilter) ([]*parallax.Story, int, error) {
	tx, err := s.db.db.BeginTx(ctx, &sql.TxOptions{ReadOnly: true})
	if err != nil {
		return nil, 0, fmt.Errorf("begin find stories: %w", err)
	}
	defer tx.Rollback()
	stories, total, err := findStories(ctx, tx, f)
	return stories, total, err
}

func findStories(ctx context.Context, tx *txx, f parallax.StoryFilter) ([]*parallax.Story, int, error) {
	var where []string
	var args []any
	if f.IDs != nil {
		where = append(where, "id IN ("+placeholders(len(f.IDs))+")")
		for _, id := range f.IDs {
			args = append(args, id)
		}
	}
	if f.StorylineID != nil {
		where, args = append(where, "storyline_id = ?"), append(args, *f.StorylineID)
	}
	if f.Source != "" {
		where = append(where, "id IN (SELECT a.story_id FROM articles a JOIN sources s ON s.id = a.source_id WHERE s.name = ?)")
		args = append(args, f.Source)
	}
	if f.Language != "" {
		where, args = append(where, "id IN (SELECT story_id FROM articles WHERE language = ?)"), append(args, f.Language)
	}
	if !f.Since.IsZero() {
		where, args = append(where, "last_published >= ?"), append(args, f.Since.Unix())
	}
	order := "coalesce(last_published, 0) DESC, id"
	switch f.Sort {
	case "", parallax.SortRecent:
	case parallax.SortSources:
		order = "source_count DESC, " + order
	case parallax.SortArticles:
		order = "article_count DESC, " + order
	default:
		return nil, 0, parallax.Errorf(parallax.EINVALID, "unknown story order %q (want recent, sources or articles)", f.Sort)
	}
	cond := ""
	if len(where) > 0 {
		cond = "WHERE " + strings.Join(where, " AND ")
	}
	var total int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM stories `+cond, args...).Scan(&total); err != nil {
		return nil, 0, fmt.Errorf("count stories: %w", err)
	}
	rows, err := tx.QueryContext(ctx, `SELECT id, storyline_id, title, first_published, last_published,
		article_count, source_count, updated_at FROM stories `+cond+`
		ORDER BY `+order+` `+limitClause(f.Offset, f.Limit), args...)
	if err != nil {
		return nil, 0, fmt.Errorf("find stories: %w", err)
	}
	defer rows.Close()
	var out []*parallax.Story
	for rows.Next() {
		var st parallax.Story
		var first, last, updated sql.NullInt64
		if err := rows.Scan(&st.ID, &st.StorylineID, &st.Title, &first, &last,
			&st.Articles, &st.Sources, &updated); err != nil {
			return nil, 0, fmt.Errorf("scan story: %w", err)
		}
		st.FirstPublished, st.LastPublished, st.UpdatedAt = fromUnix(first), fromUnix(last), fromUnix(updated)
		out = append(out, &st)
	}
	if err := rows.Err(); err != nil {
		return nil, 0, fmt.Errorf("find stories: %w", err)
	}
	return out, total, nil
}

// anys returns xs as query arguments.
func anys[T any](xs []T) []any {
	out := make([]any, len(xs))
	for i, x := range xs {
		out[i] = x
	}
	return out
}

// placeholders returns n "?" marks for an IN list ("NULL" for none).
func placeholders(n int) string {
	if n == 0 {
		return "NULL"
	}
	return strings.Repeat("?, ", n-1) + "?"
}

// AssignStories applies the assignments in one transaction; see
// parallax.StoryService.
func (s *StoryService) AssignStories(ctx context.Context, as []parallax.Assignment) error {
	for _, a := range as {
		if a.ArticleID <= 0 || a.StoryID <= 0 || a.StorylineID <= 0 {
			return parallax.Errorf(parallax.EINVALID, "assignment of article %d to story %d in storyline %d: IDs must be positive",
				a.ArticleID, a.StoryID, a.StorylineID)
		}
	}
	// prepared statements bypass the wrappers that tell a full database
	// apart, so the error is told apart here
	return fullError(s.db.d.IsFull, s.assignStories(ctx, as))
}

func (s *StoryService) assignStories(ctx context.Context, as []parallax.Assignment) error {
	tx, err := s.db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin assign stories: %w", err)
	}
	defer tx.Rollback()
	st, err := prepareAssign(ctx, tx)
	if err != nil {
		return err
	}
	defer st.close()
	touched := map[int64]bool{}
	now := s.db.Now().Unix()
	for _, a := range as {
		if err := st.assign(ctx, a, now, touched); err != nil {
			return err
		}
	}
	if err := s.refreshStories(ctx, tx, touched); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit assign stories: %w", err)
	}
	return nil
}

// assignStmts are the statements of an assignment, prepared once per
// batch: parsing them per article was a fifth of assigning.
type assignStmts struct {
	storyline, story, current, article *sql.Stmt
}

func prepareAssign(ctx context.Context, tx *txx) (*assignStmts, error) {
	st := &assignStmts{}
	for _, p := range []struct {
		dst **sql.Stmt
		q   string
	}{
		{&st.storyline, `INSERT INTO storylines (id, title, created_at) VALUES (?, ?, ?) ON CONFLICT (id) DO NOTHING`},
		{&st.story, `INSERT INTO stories (id, storyline_id, title, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT (id) DO UPDATE SET storyline_id = excluded.storyline_id`},
		{&st.current, `SELECT story_id FROM articles WHERE id = ?`},
		{&st.article, `UPDATE articles SET story_id = ?, duplicate_of = ? WHERE id = ?`},
	} {
		stmt, err := tx.PrepareContext(ctx, p.q)
		if err != nil {
			st.close()
			return nil, fmt.Errorf("prepare assign stories: %w", err)
		}
		*p.dst = stmt
	}
	return st, nil
}

func (st *assignStmts) close() {
	for _, s := range []*sql.Stmt{st.storyline, st.story, st.current, st.article} {
		if s != nil {
			s.Close()
		}
	}
}

// assign places one article, recording in touched every story whose
// aggregates change: the new one and the one the article leaves.
func (st *assignStmts) assign(ctx context.Context, a parallax.Assignment, now int64, touched map[int64]bool) error {
	if _, err := st.storyline.ExecContext(ctx, a.StorylineID, a.Title, now); err != nil {
		return fmt.Errorf("create storyline %d: %w", a.StorylineID, err)
	}
	if _, err := st.story.ExecContext(ctx, a.StoryID, a.StorylineID, a.Title, now, now); err != nil {
		return fmt.Errorf("create story %d: %w", a.StoryID, err)
	}
	var old sql.NullInt64
	if err := st.current.QueryRowContext(ctx, a.ArticleID).Scan(&old); err != nil {
		if errors.Is(err, sql.ErrNoRows) {
			return parallax.Errorf(parallax.ENOTFOUND, "assign article %d: article not found", a.ArticleID)
		}
		return fmt.Errorf("assign article %d: %w", a.ArticleID, err)
	}
	dup := sql.NullInt64{Int64: a.DuplicateOf, Valid: a.DuplicateOf != 0}
	if _, err := st.article.ExecContext(ctx, a.StoryID, dup, a.ArticleID); err != nil {
		return fmt.Errorf("assign article %d: %w", a.ArticleID, err)
	}
	touched[a.StoryID] = true
	if old.Valid {
		touched[old.Int64] = true
	}
	return nil
}

// refreshStories recomputes the counts and dates of the given stories,
// with one pass over each story's articles.
func (s *StoryService) refreshStories(ctx context.Context, tx *txx, ids map[int64]bool) error {
	now := s.db.Now().Unix()
	stmt, err := tx.PrepareContext(ctx, `UPDATE stories SET
		(article_count, source_count, first_published, last_published) =
			(SELECT count(*), count(DISTINCT source_id), min(published_at), max(published_at)
			 FROM articles WHERE story_id = stories.id),
		updated_at = ?
		WHERE id = ?`)
	if err != nil {
		return fmt.Errorf("prepare refresh stories: %w", err)
	}
	defer stmt.Close()
	for id := range ids {
		if _, err := stmt.ExecContext(ctx, now, id); err != nil {
			return fmt.Errorf("refresh story %d: %w", id, err)
		}
	}
	return nil
}

// MergeStories folds story from into story into; see
// parallax.StoryService.
func (s *StoryService) MergeStories(ctx context.Context, from, into int64) error {
	if from == into {
		return parallax.Errorf(parallax.EINVALID, "merge story %d into itself", from)
	}
	tx, err := s.db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin merge stories: %w", err)
	}
	defer tx.Rollback()
	for _, id := range []int64{from, into} {
		var n int
		if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM stories WHERE id = ?`, id).Scan(&n); err != nil {
			return fmt.Errorf("merge stories: %w", err)
		}
		if n == 0 {
			return parallax.Errorf(parallax.ENOTFOUND, "merge stories: story %d not found", id)
		}
	}
	stmts := []struct {
		q    string
		args []any
	}{
		{`UPDATE articles SET story_id = ? WHERE story_id = ?`, []any{into, from}},
		{`UPDATE story_aliases SET story_id = ? WHERE story_id = ?`, []any{into, from}},
		{`INSERT INTO story_aliases (alias_id, story_id) VALUES (?, ?)`, []any{from, into}},
		{`DELETE FROM stories WHERE id = ?`, []any{from}},
	}
	for _, st := range stmts {
		if _, err := tx.ExecContext(ctx, st.q, st.args...); err != nil {
			return fmt.Errorf("merge story %d into %d: %w", from, into, err)
		}
	}
	if err := s.refreshStories(ctx, tx, map[int64]bool{into: true}); err != nil {
		return err
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit merge stories: %w", err)
	}
	return nil
}
