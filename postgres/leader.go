package postgres

import (
	"context"
	"database/sql"
	"fmt"
)

// leaderClass is the first key of the leader's advisory lock; the second
// is a hash of the schema, so deployments in different schemas of one
// database each have their own leader.
const leaderClass = 0x7061726c // "parl"

// Leadership is the clustering leader's advisory lock. PostgreSQL holds it
// for as long as the session that took it lives: when the leader's
// process dies or its connection drops, the server ends the session and
// another worker can take the lock.
type Leadership struct {
	conn *sql.Conn
}

// TryLead takes the leader lock if no other session holds it, and returns
// nil, nil if one does.
func (db *DB) TryLead(ctx context.Context) (*Leadership, error) {
	conn, err := db.db.Conn(ctx)
	if err != nil {
		return nil, fmt.Errorf("leader: %w", err)
	}
	var ok bool
	if err := conn.QueryRowContext(ctx, `SELECT pg_try_advisory_lock($1, hashtext(current_schema()))`, leaderClass).Scan(&ok); err != nil {
		conn.Close()
		return nil, fmt.Errorf("leader: %w", err)
	}
	if !ok {
		conn.Close()
		return nil, nil
	}
	return &Leadership{conn: conn}, nil
}

// Check reports whether the lock is still held: its session still
// answers. A leader checks before each step, and stops leading on an
// error.
func (l *Leadership) Check(ctx context.Context) error {
	var held bool
	err := l.conn.QueryRowContext(ctx, `SELECT EXISTS (SELECT 1 FROM pg_locks WHERE locktype = 'advisory'
		AND pid = pg_backend_pid() AND classid = $1 AND objid = hashtext(current_schema())::oid AND granted)`, leaderClass).Scan(&held)
	if err != nil {
		return fmt.Errorf("leader: lost the session: %w", err)
	}
	if !held {
		return fmt.Errorf("leader: the lock is no longer held")
	}
	return nil
}

// Release gives the lock up and returns the connection.
func (l *Leadership) Release() error {
	_, err := l.conn.ExecContext(context.Background(), `SELECT pg_advisory_unlock($1, hashtext(current_schema()))`, leaderClass)
	if cerr := l.conn.Close(); err == nil {
		err = cerr
	}
	return err
}
