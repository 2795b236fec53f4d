package sqlite

import (
	"strings"

	"github.com/parallax-news/parallax/internal/sqlstore"
)

// The services are the shared SQL implementation (internal/sqlstore) on a
// SQLite file.
type (
	// ArticleService stores and reads articles.
	ArticleService = sqlstore.ArticleService
	// StoryService assigns articles to stories and reads stories.
	StoryService = sqlstore.StoryService
	// SourceService reads outlets.
	SourceService = sqlstore.SourceService
	// SourceLineService keeps per-source paragraph counts.
	SourceLineService = sqlstore.SourceLineService
	// AnnotationService stores article annotations.
	AnnotationService = sqlstore.AnnotationService
)

// dialect is SQLite's: ? placeholders, text that holds any character.
var dialect = sqlstore.Dialect{
	IsForeignKey: func(err error) bool { return strings.Contains(err.Error(), "FOREIGN KEY constraint failed") },
	IndexNew:     `INSERT INTO articles_fts (rowid, title, text) SELECT id, title, text FROM articles WHERE id IN (`,
	// SQLITE_FULL: the disk, or the file's max_page_count (DB.MaxBytes)
	IsFull: func(err error) bool { return strings.Contains(err.Error(), "database or disk is full") },
}

// NewArticleService returns an ArticleService on an open db.
func NewArticleService(db *DB) *ArticleService { return sqlstore.NewArticleService(db.store) }

// NewStoryService returns a StoryService on an open db.
func NewStoryService(db *DB) *StoryService { return sqlstore.NewStoryService(db.store) }

// NewSourceService returns a SourceService on an open db.
func NewSourceService(db *DB) *SourceService { return sqlstore.NewSourceService(db.store) }

// NewSourceLineService returns a SourceLineService on an open db.
func NewSourceLineService(db *DB) *SourceLineService { return sqlstore.NewSourceLineService(db.store) }

// NewAnnotationService returns an AnnotationService on an open db.
func NewAnnotationService(db *DB) *AnnotationService { return sqlstore.NewAnnotationService(db.store) }

// SearchService finds articles by their words (FTS5).
type SearchService = sqlstore.SearchService

// NewSearchService returns a SearchService on an open db.
func NewSearchService(db *DB) *SearchService { return sqlstore.NewSearchService(db.store) }

// SubscriptionService stores the URLs collected from and what they gave.
type SubscriptionService = sqlstore.SubscriptionService

// NewSubscriptionService returns a SubscriptionService on an open db.
func NewSubscriptionService(db *DB) *SubscriptionService {
	return sqlstore.NewSubscriptionService(db.store)
}

// JobService is the queue of work that workers claim.
type JobService = sqlstore.JobService

// NewJobService returns a JobService on an open db.
func NewJobService(db *DB) *JobService { return sqlstore.NewJobService(db.store) }

// AnalysisService caches story comparisons.
type AnalysisService = sqlstore.AnalysisService

// NewAnalysisService returns an AnalysisService on an open db.
func NewAnalysisService(db *DB) *AnalysisService { return sqlstore.NewAnalysisService(db.store) }

// SettingService keeps a deployment's settings.
type SettingService = sqlstore.SettingService

// NewSettingService returns a SettingService on an open db.
func NewSettingService(db *DB) *SettingService { return sqlstore.NewSettingService(db.store) }
