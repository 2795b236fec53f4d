package parallax

import (
	"context"
	"time"
)

// Job kinds.
const (
	// JobIngest decodes one input (a file's bytes, a chunk of a JSONL
	// file, or a URL) and stores its articles.
	JobIngest = "ingest"
	// JobAnnotate annotates stored articles, given by key, after they
	// were assigned to stories.
	JobAnnotate = "annotate"
)

// Job is a unit of work that the workers sharing a database claim one at
// a time. A claimed job is leased: a worker that dies loses the lease,
// and the job goes to another worker.
type Job struct {
	ID   int64
	Kind string
	// Key, when set, makes enqueueing idempotent: a job with the key of
	// one already queued, running or done is not added again.
	Key string
	// Payload is the kind's own description of the work (JSON).
	Payload []byte
	// Attempts counts the claims so far, this one included.
	Attempts  int
	LastError string
}

// JobCounts is the state of the queue.
type JobCounts struct {
	Queued  int `json:"queued"`
	Running int `json:"running"`
	Done    int `json:"done"`
	Failed  int `json:"failed"`
	// Ingest counts the ingest jobs queued or running: while there are
	// any, more articles are on their way.
	Ingest int `json:"ingest_pending"`
}

// MaxJobAttempts is the number of claims after which a failing job is
// given up as failed.
const MaxJobAttempts = 3

// JobService is the job queue.
type JobService interface {
	// EnqueueJobs adds the jobs and returns how many were new.
	EnqueueJobs(ctx context.Context, jobs []*Job) (int, error)
	// ClaimJob leases the oldest queued job, or a running one whose lease
	// has expired, to worker. It returns nil when there is none.
	ClaimJob(ctx context.Context, worker string, lease time.Duration) (*Job, error)
	// ExtendJob renews a lease. It fails with ECONFLICT when the job is no
	// longer the worker's.
	ExtendJob(ctx context.Context, id int64, worker string, lease time.Duration) error
	// FinishJob ends a claim: done when errMsg is empty; otherwise queued
	// again, or failed after MaxJobAttempts. ECONFLICT when the job is no
	// longer the worker's (its lease expired and another took it).
	FinishJob(ctx context.Context, id int64, worker, errMsg string) error
	CountJobs(ctx context.Context) (JobCounts, error)
}
