// Package postgres is the scale-out store: the parallax service interfaces
// on PostgreSQL, through pgx. It keeps the SQLite store's schema and
// passes the same conformance suite (storetest), so that a deployment can
// move from the embedded file to a shared server.
package postgres

import (
	"context"
	"database/sql"
	"embed"
	"fmt"
	"io/fs"
	"sort"
	"strconv"
	"strings"
	"time"

	_ "github.com/jackc/pgx/v5/stdlib" // registers the "pgx" driver
)

//go:embed migrations/*.sql
var migrationFS embed.FS

// DB is a handle to one Parallax PostgreSQL database.
type DB struct {
	db *dbx
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
	db.db = &dbx{sdb}
	if err := sdb.PingContext(context.Background()); err != nil {
		sdb.Close()
		return fmt.Errorf("open postgres: %w", err)
	}
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

// migrationLock is the advisory lock key under which migrations run.
const migrationLock = 0x706172616c6c6178 // "parallax"

func (db *DB) migrate(ctx context.Context) error {
	conn, err := db.db.DB.Conn(ctx)
	if err != nil {
		return fmt.Errorf("migrate: %w", err)
	}
	defer conn.Close()
	if _, err := conn.ExecContext(ctx, `SELECT pg_advisory_lock($1)`, int64(migrationLock)); err != nil {
		return fmt.Errorf("migrate: lock: %w", err)
	}
	defer conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1)`, int64(migrationLock))
	if _, err := conn.ExecContext(ctx, `CREATE TABLE IF NOT EXISTS schema_migrations (
		version INTEGER PRIMARY KEY, applied_at BIGINT NOT NULL)`); err != nil {
		return fmt.Errorf("create migrations table: %w", err)
	}
	names, err := fs.Glob(migrationFS, "migrations/*.sql")
	if err != nil {
		return fmt.Errorf("list migrations: %w", err)
	}
	sort.Strings(names)
	for _, name := range names {
		if err := db.migrateFile(ctx, conn, name); err != nil {
			return err
		}
	}
	return nil
}

// migrateFile applies one numbered migration in its own transaction,
// unless it was applied before.
func (db *DB) migrateFile(ctx context.Context, conn *sql.Conn, name string) error {
	base := strings.TrimPrefix(name, "migrations/")
	version, err := strconv.Atoi(strings.SplitN(base, "_", 2)[0])
	if err != nil {
		return fmt.Errorf("migration %s: name must start with a number: %w", base, err)
	}
	tx, err := conn.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin migration %s: %w", base, err)
	}
	defer tx.Rollback()
	var n int
	if err := tx.QueryRowContext(ctx, `SELECT count(*) FROM schema_migrations WHERE version = $1`, version).Scan(&n); err != nil {
		return fmt.Errorf("check migration %s: %w", base, err)
	}
	if n > 0 {
		return nil
	}
	body, err := migrationFS.ReadFile(name)
	if err != nil {
		return fmt.Errorf("read migration %s: %w", base, err)
	}
	if _, err := tx.ExecContext(ctx, string(body)); err != nil {
		return fmt.Errorf("apply migration %s: %w", base, err)
	}
	if _, err := tx.ExecContext(ctx, `INSERT INTO schema_migrations (version, applied_at) VALUES ($1, $2)`,
		version, db.Now().Unix()); err != nil {
		return fmt.Errorf("record migration %s: %w", base, err)
	}
	return tx.Commit()
}

// Exec runs one statement outside the service methods: for maintenance
// and tests. Placeholders are written "?".
func (db *DB) Exec(ctx context.Context, query string, args ...any) error {
	if _, err := db.db.ExecContext(ctx, rebind(query), args...); err != nil {
		return fmt.Errorf("exec: %w", err)
	}
	return nil
}
