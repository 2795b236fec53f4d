// Package sqlstore implements the parallax store services once, in SQL
// that SQLite and PostgreSQL both run, for the sqlite and postgres
// packages to wrap. What differs between the two is a Dialect.
package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"github.com/parallax-news/parallax"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"sync"
	"time"
)

// Dialect is what differs between SQL engines.
type Dialect struct {
	// Numbered placeholders: $1, $2 … (PostgreSQL) instead of ? (SQLite).
	// The queries are written with ?, and ?N for a repeated argument.
	Numbered bool
	// NoNUL: text cannot hold a NUL character (PostgreSQL). Article keys,
	// which join their parts with NUL, are escaped; articles holding one
	// elsewhere are refused.
	NoNUL bool
	// IsForeignKey reports a foreign-key violation.
	IsForeignKey func(error) bool
	// Retryable reports an error from a collision with a concurrent
	// transaction that running the transaction again resolves.
	Retryable func(error) bool
	// SkipLocked ends a SELECT that picks a row to claim: "FOR UPDATE SKIP
	// LOCKED" where writers run concurrently (PostgreSQL), "" where one
	// writer at a time is all there is (SQLite).
	SkipLocked string
	// IndexNew, when set, indexes newly inserted articles for search: a
	// statement ending in "id IN (" that the IDs' placeholders and ")"
	// complete (SQLite's FTS5). Where the index follows the table by
	// itself (PostgreSQL's generated column), it is empty.
	IndexNew string
	// IsFull reports that the database or its disk is full. Such errors
	// become parallax.EFULL, which says so to the user.
	IsFull func(error) bool
}

// DB is a database/sql handle with its dialect.
type DB struct {
	db  *dbx
	d   Dialect
	now func() time.Time
	// sourceIDs caches the IDs ensureSources found: a source is never
	// deleted or renamed, so its ID holds for the life of the database.
	// Looking each source of a batch up again cost a query per source
	// and batch, twice per batch in ingest.
	sourceMu  sync.Mutex
	sourceIDs map[string]int64
}

// New returns a DB on an open database. now gives the current time.
func New(db *sql.DB, d Dialect, now func() time.Time) *DB {
	return &DB{db: &dbx{db, d.Numbered, d.IsFull}, d: d, now: now, sourceIDs: map[string]int64{}}
}

// Now returns the current time.
func (db *DB) Now() time.Time { return db.now() }

// Exec runs one statement outside the service methods, for maintenance
// and tests.
func (db *DB) Exec(ctx context.Context, query string, args ...any) error {
	if _, err := db.db.ExecContext(ctx, query, args...); err != nil {
		return fmt.Errorf("exec: %w", err)
	}
	return nil
}

// Beginner is a *sql.DB or a *sql.Conn.
type Beginner interface {
	BeginTx(ctx context.Context, opts *sql.TxOptions) (*sql.Tx, error)
	ExecContext(ctx context.Context, query string, args ...any) (sql.Result, error)
}

// Migrate applies the numbered migrations of fsys (migrations/NNN_*.sql)
// that are not applied yet, each in its own transaction, recording them
// in schema_migrations.
func Migrate(ctx context.Context, conn Beginner, fsys fs.FS, numbered bool, now time.Time) error {
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)`); err != nil {
		return fmt.Errorf("create migrations table: %w", err)
	}
	names, err := fs.Glob(fsys, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("list migrations: %w", err)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := migrateFile(ctx, conn, fsys, name, numbered, now); err != nil {
			return err
		}
	}
	return nil
}

func migrateFile(ctx context.Context, conn Beginner, fsys fs.FS, name string, numbered bool, now time.Time) error {
	base := strings.TrimPrefix(name, "migrations/")
	version, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
	if err != nil {
		return fmt.Errorf("migration %s: name must start with a number: %w", base, err)
	}
	sqlTx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin migration %s: %w", base, err)
	}
	tx := &txx{sqlTx, numbered, nil}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = ?`, version).Scan(&n); err != nil {
		return fmt.Errorf("check migration %s: %w", base, err)
	}
	if n > 0 {
		return nil
	}
	body, err := fs.ReadFile(fsys, name)
	if err != nil {
		return fmt.Errorf("read migration %s: %w", base, err)
	}
	if _, err := tx.Tx.ExecContext(ctx, string(body)); err != nil {
		return fmt.Errorf("apply migration %s: %w", base, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)`,
		version, now.Unix()); err != nil {
		return fmt.Errorf("record migration %s: %w", base, err)
	}
	return tx.Commit()
}

// The queries are written with ? placeholders; dbx and txx number them
// for dialects that want $1, $2 ….

type dbx struct {
	*sql.DB
	numbered bool
	full     func(error) bool
}

func (d *dbx) BeginTx(ctx context.Context, opts *sql.TxOptions) (*txx, error) {
	tx, err := d.DB.BeginTx(ctx, opts)
	if err != nil {
		return nil, err
	}
	return &txx{tx, d.numbered, d.full}, nil
}

func (d *dbx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return d.DB.QueryContext(ctx, rebind(q, d.numbered), args...)
}

func (d *dbx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return d.DB.QueryRowContext(ctx, rebind(q, d.numbered), args...)
}

func (d *dbx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	res, err := d.DB.ExecContext(ctx, rebind(q, d.numbered), args...)
	return res, fullError(d.full, err)
}

type txx struct {
	*sql.Tx
	numbered bool
	full     func(error) bool
}

// Commit commits, telling a full database apart.
func (t *txx) Commit() error { return fullError(t.full, t.Tx.Commit()) }

// fullError turns an error that full recognises into parallax.EFULL.
func fullError(full func(error) bool, err error) error {
	if err == nil || full == nil || !full(err) || parallax.ErrorCode(err) == parallax.EFULL {
		return err
	}
	return parallax.Errorf(parallax.EFULL, "the database is full (%v): what is stored is kept and can be read; free space, or raise the limit, and run again", err)
}

func (t *txx) QueryContext(ctx context.Context, q string, args ...any) (*sql.Rows, error) {
	return t.Tx.QueryContext(ctx, rebind(q, t.numbered), args...)
}

func (t *txx) QueryRowContext(ctx context.Context, q string, args ...any) *sql.Row {
	return t.Tx.QueryRowContext(ctx, rebind(q, t.numbered), args...)
}

func (t *txx) ExecContext(ctx context.Context, q string, args ...any) (sql.Result, error) {
	res, err := t.Tx.ExecContext(ctx, rebind(q, t.numbered), args...)
	return res, fullError(t.full, err)
}

func (t *txx) PrepareContext(ctx context.Context, q string) (*sql.Stmt, error) {
	return t.Tx.PrepareContext(ctx, rebind(q, t.numbered))
}

// rebind turns "?" placeholders into "$1", "$2", … and "?N" into "$N"
// when numbered; SQLite takes both forms as written. The queries hold no
// "?" inside string literals.
func rebind(q string, numbered bool) string {
	if !numbered || !strings.Contains(q, "?") {
		return q
	}
	var b strings.Builder
	n := 0
	for i := 0; i < len(q); i++ {
		if q[i] != '?' {
			b.WriteByte(q[i])
			continue
		}
		j := i + 1
		for j < len(q) && q[j] >= '0' && q[j] <= '9' {
			j++
		}
		if j > i+1 { // "?3"
			b.WriteString("$" + q[i+1:j])
			i = j - 1
			continue
		}
		n++
		b.WriteString("$" + strconv.Itoa(n))
	}
	return b.String()
}

// SchemaVersion returns the number of the newest migration applied.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) {
	var v sql.NullInt64
	if err := db.db.QueryRowContext(ctx, `SELECT max(version) FROM schema_migrations`).Scan(&v); err != nil {
		return 0, fmt.Errorf("schema version: %w", err)
	}
	return int(v.Int64), nil
}
