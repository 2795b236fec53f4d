package main

import (
	"context"
	"flag"
	"fmt"
	"io"
	"net/url"
	"strconv"
	"strings"

	"github.com/parallax-news/parallax/cluster"
	"github.com/parallax-news/parallax/input"
	"github.com/parallax-news/parallax/pipeline"
	"github.com/parallax-news/parallax/report"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/postgres"
	"github.com/parallax-news/parallax/sqlite"
)

// store is an open database with its services.
type store struct {
	closer   io.Closer
	name     string // the database, for messages; passwords redacted
	articles parallax.ArticleService
	stories  parallax.StoryService
	sources  parallax.SourceService
	lines    parallax.SourceLineService
	annots   parallax.AnnotationService
	search   parallax.SearchService
	subs     parallax.SubscriptionService
	jobs     parallax.JobService
	analyses parallax.AnalysisService
	settings parallax.SettingService
	// tryLead takes the clustering leader's lock; nil on SQLite, where
	// one process at a time writes.
	tryLead func(ctx context.Context) (pipeline.Lock, error)
	// version is the newest schema migration applied.
	version func(ctx context.Context) (int, error)
	// changes names the state of the whole database (server.Changes).
	changes func(ctx context.Context) (string, error)
}

func (s *store) Close() error { return s.closer.Close() }

// loader reads story reports, comparing a story only when it changed.
func (s *store) loader() report.Loader {
	return report.Loader{Stories: s.stories, Articles: s.articles, Annotations: s.annots, Cache: s.analyses}
}

// pipeline returns the ingest pipeline on the store, with online
// clustering and cross-article boilerplate removal.
func (s *store) pipeline(dec *input.Decoder) *pipeline.Pipeline {
	p := pipeline.New(s.articles, s.stories, dec, cluster.NewOnline(cluster.DefaultConfig()))
	p.Lines = s.lines
	p.Annotations = s.annots
	return p
}

// dbFlag registers --db on fs.
func dbFlag(fs *flag.FlagSet) *string {
	return fs.String("db", "", "database DSN: a file path, sqlite:PATH, or postgres://… (default $PARALLAX_DB, else ./parallax.db)")
}

// resolveDSN applies the DSN rules: the flag, else $PARALLAX_DB, else
// ./parallax.db.
func resolveDSN(e *env, flagValue string) string {
	switch {
	case flagValue != "":
		return flagValue
	case e.getenv("PARALLAX_DB") != "":
		return e.getenv("PARALLAX_DB")
	}
	return "parallax.db"
}

// openStore opens the store that dsn names.
func openStore(e *env, flagValue string) (*store, error) {
	dsn := resolveDSN(e, flagValue)
	switch {
	case strings.HasPrefix(dsn, "postgres://"), strings.HasPrefix(dsn, "postgresql://"):
		db := postgres.NewDB(dsn)
		if err := db.Open(); err != nil {
			return nil, fmt.Errorf("%s: %w", redact(dsn), err)
		}
		return &store{closer: db, name: redact(dsn), articles: postgres.NewArticleService(db),
			stories: postgres.NewStoryService(db), sources: postgres.NewSourceService(db),
			lines: postgres.NewSourceLineService(db), annots: postgres.NewAnnotationService(db),
			search: postgres.NewSearchService(db), subs: postgres.NewSubscriptionService(db),
			jobs: postgres.NewJobService(db), analyses: postgres.NewAnalysisService(db), settings: postgres.NewSettingService(db), version: db.SchemaVersion, changes: db.Changes, tryLead: func(ctx context.Context) (pipeline.Lock, error) {
				l, err := db.TryLead(ctx)
				if l == nil {
					return nil, err // a nil *Leadership is not a nil Lock
				}
				return l, err
			}}, nil
	case strings.Contains(dsn, "://"):
		return nil, fmt.Errorf("open %s: unknown database scheme (want a file path, sqlite:PATH or postgres://…)", redact(dsn))
	}
	db, err := sqliteDB(dsn)
	if err != nil {
		return nil, err
	}
	if err := db.Open(); err != nil {
		return nil, err
	}
	return &store{closer: db, name: db.Path, articles: sqlite.NewArticleService(db), stories: sqlite.NewStoryService(db),
		sources: sqlite.NewSourceService(db), lines: sqlite.NewSourceLineService(db),
		annots: sqlite.NewAnnotationService(db), search: sqlite.NewSearchService(db),
		subs: sqlite.NewSubscriptionService(db), jobs: sqlite.NewJobService(db),
		analyses: sqlite.NewAnalysisService(db), settings: sqlite.NewSettingService(db), version: db.SchemaVersion,
		changes: db.Changes}, nil
}

// sqliteDB reads an SQLite DSN: a path, or sqlite:PATH with options:
// max_size=SIZE caps the file, and mmap_size=SIZE sets how much of it
// reads map (0 for none). A SIZE is bytes, or with KiB, MiB or GiB.
func sqliteDB(dsn string) (*sqlite.DB, error) {
	rest, ok := strings.CutPrefix(dsn, "sqlite:")
	if !ok {
		return sqlite.NewDB(dsn), nil
	}
	path, query, _ := strings.Cut(rest, "?")
	db := sqlite.NewDB(path)
	if query == "" {
		return db, nil
	}
	q, err := url.ParseQuery(query)
	if err != nil {
		return nil, fmt.Errorf("open %s: bad options: %v", dsn, err)
	}
	for k, v := range q {
		var n int64
		switch k {
		case "max_size":
			n, err = parseSize(v[0])
			db.MaxBytes = n
		case "mmap_size":
			if strings.TrimSpace(v[0]) == "0" {
				db.MmapBytes = 0
				continue
			}
			n, err = parseSize(v[0])
			db.MmapBytes = n
		default:
			return nil, fmt.Errorf("open %s: unknown option %q (SQLite's options are max_size and mmap_size)", dsn, k)
		}
		if err != nil {
			return nil, fmt.Errorf("open %s: %s: %v", dsn, k, err)
		}
	}
	return db, nil
}

// parseSize reads a byte count such as 4096, 512KiB, 64MiB or 2GiB.
func parseSize(s string) (int64, error) {
	mult := int64(1)
	for _, u := range []struct {
		suffix string
		mult   int64
	}{{"KiB", 1 << 10}, {"MiB", 1 << 20}, {"GiB", 1 << 30}} {
		if n, ok := strings.CutSuffix(s, u.suffix); ok {
			s, mult = n, u.mult
			break
		}
	}
	n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
	if err != nil || n <= 0 {
		return 0, fmt.Errorf("%q is not a size (bytes, KiB, MiB or GiB)", s)
	}
	return n * mult, nil
}

// redact hides a password in a DSN before it is printed.
func redact(dsn string) string {
	scheme, rest, ok := strings.Cut(dsn, "://")
	if !ok {
		return dsn
	}
	userinfo, host, ok := strings.Cut(rest, "@")
	if !ok {
		return dsn
	}
	if user, _, hasPass := strings.Cut(userinfo, ":"); hasPass {
		return scheme + "://" + user + ":***@" + host
	}
	return dsn
}
