// Package postgres is the scale-out store: the parallax service
// interfaces on PostgreSQL, through pgx. It shares the SQLite store's
// schema and SQL (internal/sqlstore) and passes the same conformance
// suite (storetest), so that a deployment can move from the embedded
// file to a shared server.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"errors"
	"fmt"
	"time"

	"github.com/jackc/pgx/v5/pgconn"
	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver

	"github.com/parallax-news/parallax/internal/sqlstore"
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// DB is a handle to one Parallax PostgreSQL database.
type DB struct {
	db    *sql.DB
	store *sqlstore.DB
	// DSN is the connection string: postgres://user@host:port/db?….
	DSN string
	// Now returns the current time. Defaults to time.Now.
	Now func() time.Time
}

// NewDB returns a DB for the given connection string. Call Open before
// use.
func NewDB(dsn string) *DB {
	return &DB{DSN: dsn, Now: time.Now}
}

// dialect is PostgreSQL's: numbered placeholders, no NUL in text.
var dialect = sqlstore.Dialect{
	Numbered:   true,
	NoNUL:      true,
	SkipLocked: "FOR UPDATE SKIP LOCKED",
	// deadlock, serialization failure, unique violation
	Retryable: func(err error) bool {
		var pe *pgconn.PgError
		return errors.As(err, &pe) && (pe.Code == "40P01" || pe.Code == "40001" || pe.Code == "23505")
	},
	IsForeignKey: func(err error) bool {
		var pe *pgconn.PgError
		return errors.As(err, &pe) && pe.Code == "23503"
	},
	// disk_full, insufficient_resources
	IsFull: func(err error) bool {
		var pe *pgconn.PgError
		return errors.As(err, &pe) && (pe.Code == "53100" || pe.Code == "53000")
	},
}

// Open connects and applies pending migrations. Workers that start
// together take turns: migrations run under an advisory lock.
func (db *DB) Open() error {
	if db.DSN == "" {
		return fmt.Errorf("open postgres: connection string required")
	}
	sdb, err := sql.Open("pgx", db.DSN)
	if err != nil {
		return fmt.Errorf("open postgres: %w", err)
	}
	db.db = sdb
	db.store = sqlstore.New(sdb, dialect, func() time.Time { return db.Now() })
	if err := db.migrate(context.Background()); err != nil {
		sdb.Close()
		return fmt.Errorf("open postgres: %w", err)
	}
	return nil
}

// Close releases the connections.
func (db *DB) Close() error {
	if db.db == nil {
		return nil
	}
	return db.db.Close()
}

// Changes returns a value that differs after any commit to the database:
// the server's current write-ahead log position. Writes to other
// databases of the server move it too, so it changes more often than
// the data does, never less.
func (db *DB) Changes(ctx context.Context) (string, error) {
	var lsn string
	if err := db.db.QueryRowContext(ctx, `SELECT pg_current_wal_lsn()::text`).Scan(&lsn); err != nil {
		return "", fmt.Errorf("wal position: %w", err)
	}
	return lsn, nil
}

// migrationLock is the advisory lock key under which migrations run.
const migrationLock = 0x706172616c6c6178 // "parallax"

func (db *DB) migrate(ctx context.Context) error {
	conn, err := db.db.Conn(ctx)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, int64(migrationLock)); err != nil {
		return fmt.Errorf("migrate: lock: %w", err)
	}
	defer conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, int64(migrationLock))
	return sqlstore.Migrate(ctx, conn, migrationFS, true, db.Now())
}

// Exec runs one statement outside the service methods: for maintenance
// and tests. Placeholders are written "?".
func (db *DB) Exec(ctx context.Context, query string, args ...any) error {
	return db.store.Exec(ctx, query, args...)
}

// SchemaVersion returns the number of the newest migration applied.
func (db *DB) SchemaVersion(ctx context.Context) (int, error) { return db.store.SchemaVersion(ctx) }
