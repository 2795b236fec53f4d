package sqlstore

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"time"

	"github.com/parallax-news/parallax"
)

var _ parallax.JobService = (*JobService)(nil)

// JobService is the job queue.
type JobService struct {
	db *DB
}

// NewJobService returns a JobService on db.
func NewJobService(db *DB) *JobService {
	return &JobService{db: db}
}

// EnqueueJobs adds jobs in one transaction; see parallax.JobService.
func (s *JobService) EnqueueJobs(ctx context.Context, jobs []*parallax.Job) (int, error) {
	tx, err := s.db.db.BeginTx(ctx, nil)
	if err != nil {
		return 0, fmt.Errorf("begin enqueue: %w", err)
	}
	defer tx.Rollback()
	now := s.db.Now().UnixMilli()
	added := 0
	for _, j := range jobs {
		key := nullString(j.Key)
		res, err := tx.ExecContext(ctx, `INSERT INTO jobs (kind, key, payload, created_at, updated_at)
			VALUES (?, ?, ?, ?, ?) ON CONFLICT (key) DO NOTHING`, j.Kind, key, j.Payload, now, now)
		if err != nil {
			return 0, fmt.Errorf("enqueue %s job: %w", j.Kind, err)
		}
		if n, _ := res.RowsAffected(); n == 1 {
			added++
		}
	}
	if err := tx.Commit(); err != nil {
		return 0, fmt.Errorf("commit enqueue: %w", err)
	}
	return added, nil
}

// ClaimJob leases the oldest claimable job; see parallax.JobService.
// Concurrent workers never get the same job: the row is locked by the
// claiming UPDATE, and on PostgreSQL others skip locked rows rather than
// wait for them.
func (s *JobService) ClaimJob(ctx context.Context, worker string, lease time.Duration) (*parallax.Job, error) {
	now := s.db.Now().UnixMilli()
	// a job whose worker died on every attempt is given up
	if _, err := s.db.db.ExecContext(ctx, `UPDATE jobs SET state = 'failed', updated_at = ?,
		last_error = CASE WHEN last_error = '' THEN 'its worker stopped before finishing it on every attempt' ELSE last_error END
		WHERE state = 'running' AND lease_until < ? AND attempts >= ?`, now, now, parallax.MaxJobAttempts); err != nil {
		return nil, fmt.Errorf("expire jobs: %w", err)
	}
	row := s.db.db.QueryRowContext(ctx, `UPDATE jobs SET state = 'running', attempts = attempts + 1, worker = ?,
		lease_until = ?, updated_at = ?
		WHERE id = (SELECT id FROM jobs WHERE state = 'queued' OR (state = 'running' AND lease_until < ?)
			ORDER BY id LIMIT 1 `+s.db.d.SkipLocked+`)
		RETURNING id, kind, COALESCE(key, ''), payload, attempts, last_error`,
		worker, now+lease.Milliseconds(), now, now)
	var j parallax.Job
	err := row.Scan(&j.ID, &j.Kind, &j.Key, &j.Payload, &j.Attempts, &j.LastError)
	if errors.Is(err, sql.ErrNoRows) {
		return nil, nil
	}
	if err != nil {
		return nil, fmt.Errorf("claim job: %w", err)
	}
	return &j, nil
}

// ExtendJob renews a lease; see parallax.JobService.
func (s *JobService) ExtendJob(ctx context.Context, id int64, worker string, lease time.Duration) error {
	now := s.db.Now().UnixMilli()
	res, err := s.db.db.ExecContext(ctx, `UPDATE jobs SET lease_until = ?, updated_at = ?
		WHERE id = ? AND worker = ? AND state = 'running'`, now+lease.Milliseconds(), now, id, worker)
	if err != nil {
		return fmt.Errorf("extend job %d: %w", id, err)
	}
	return mine(res, id, worker)
}

func mine(res sql.Result, id int64, worker string) error {
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("job %d: %w", id, err)
	}
	if n == 0 {
		return parallax.Errorf(parallax.ECONFLICT, "job %d is no longer leased to %s", id, worker)
	}
	return nil
}

// FinishJob ends a claim; see parallax.JobService.
func (s *JobService) FinishJob(ctx context.Context, id int64, worker, errMsg string) error {
	now := s.db.Now().UnixMilli()
	var res sql.Result
	var err error
	if errMsg == "" {
		res, err = s.db.db.ExecContext(ctx, `UPDATE jobs SET state = 'done', last_error = '', lease_until = 0, updated_at = ?,
			payload = ? WHERE id = ? AND worker = ? AND state = 'running'`, now, []byte{}, id, worker)
	} else {
		res, err = s.db.db.ExecContext(ctx, `UPDATE jobs SET last_error = ?, lease_until = 0, updated_at = ?,
			state = CASE WHEN attempts >= ? THEN 'failed' ELSE 'queued' END
			WHERE id = ? AND worker = ? AND state = 'running'`, errMsg, now, parallax.MaxJobAttempts, id, worker)
	}
	if err != nil {
		return fmt.Errorf("finish job %d: %w", id, err)
	}
	return mine(res, id, worker)
}

// CountJobs returns the state of the queue.
func (s *JobService) CountJobs(ctx context.Context) (parallax.JobCounts, error) {
	var c parallax.JobCounts
	rows, err := s.db.db.QueryContext(ctx, `SELECT state, kind, count(*) FROM jobs GROUP BY state, kind`)
	if err != nil {
		return c, fmt.Errorf("count jobs: %w", err)
	}
	defer rows.Close()
	for rows.Next() {
		var state, kind string
		var n int
		if err := rows.Scan(&state, &kind, &n); err != nil {
			return c, fmt.Errorf("count jobs: %w", err)
		}
		switch state {
		case "queued":
			c.Queued += n
		case "running":
			c.Running += n
		case "done":
			c.Done += n
		case "failed":
			c.Failed += n
		}
		if kind == parallax.JobIngest && (state == "queued" || state == "running") {
			c.Ingest += n
		}
	}
	if err := rows.Err(); err != nil {
		return c, fmt.Errorf("count jobs: %w", err)
	}
	return c, nil
}
