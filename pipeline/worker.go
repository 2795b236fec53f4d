package pipeline

import (
	"context"
	"errors"
	"fmt"
	"log/slog"
	"slices"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze"
)

// Lock is the leader's lock: held while Check succeeds.
type Lock interface {
	Check(ctx context.Context) error
	Release() error
}

// Worker is one of the processes sharing a database: it runs the queue's
// jobs (storing inputs, annotating), collects from due sources, and, when
// it holds the leader lock, assigns stored articles to stories. Only the
// leader clusters, so each article is assigned once, by one clusterer.
type Worker struct {
	Name string
	Jobs parallax.JobService
	// Store runs jobs: StoreOnly, with Annotations.
	Store *Pipeline
	// NewLeader returns a pipeline to lead with: an Assigner with empty
	// memory, which warms itself from the stored assignments. Nil: this
	// worker never leads.
	NewLeader func() *Pipeline
	// TryLead takes the leader lock, or returns nil, nil when another
	// worker holds it.
	TryLead func(ctx context.Context) (Lock, error)
	// Collect, when set, collects from one due source and reports
	// whether there was one.
	Collect func(ctx context.Context) (bool, error)
	// Lease is how long a claimed job is a worker's without news from it;
	// the worker renews it at a third of that while it works.
	Lease time.Duration
	// AssignAfter bounds how long the leader waits for the ingest jobs to
	// drain before it assigns what is stored.
	AssignAfter time.Duration
	// Analyze, when set, computes and caches the comparison of a story
	// (report.Loader.Load with a Cache): the leader does it for the
	// stories it changed once the queue is idle, so that readers find
	// them ready.
	Analyze func(ctx context.Context, storyID int64) error
	// Drain is how long a stopping worker goes on with the job it holds.
	// Defaults to 30 s.
	Drain time.Duration
	// Poll is the pause when there is nothing to do.
	Poll time.Duration
	Log  *slog.Logger

	lock       Lock
	leader     *Pipeline
	touched    map[int64]bool // stories changed since they were last analysed
	swept      bool           // no assigned article lacked its annotation this term
	lastAssign time.Time
	lastTry    time.Time
}

// Run works until ctx is cancelled.
func (w *Worker) Run(ctx context.Context) error {
	defer w.stepDown()
	for ctx.Err() == nil {
		w.lead(ctx)
		did, err := w.RunOne(ctx)
		if err != nil && ctx.Err() == nil {
			w.Log.Error("job", "worker", w.Name, "err", err)
		}
		if !did && w.Collect != nil && ctx.Err() == nil {
			if did, err = w.Collect(ctx); err != nil && ctx.Err() == nil {
				w.Log.Error("collect", "worker", w.Name, "err", err)
			}
		}
		if !did {
			select {
			case <-ctx.Done():
			case <-time.After(w.Poll):
			}
		}
	}
	return nil
}

func (w *Worker) drain() time.Duration {
	if w.Drain <= 0 {
		return 30 * time.Second
	}
	return w.Drain
}

// Leading reports whether the worker holds the leader lock.
func (w *Worker) Leading() bool { return w.lock != nil }

// lead takes the lock when it is free (trying once a second) and, while
// it holds it, assigns what is stored.
func (w *Worker) lead(ctx context.Context) {
	if w.NewLeader == nil || w.TryLead == nil {
		return
	}
	if w.lock == nil {
		if time.Since(w.lastTry) < time.Second {
			return
		}
		w.lastTry = time.Now()
		lock, err := w.TryLead(ctx)
		if err != nil || lock == nil {
			if err != nil && ctx.Err() == nil {
				w.Log.Error("leader", "worker", w.Name, "err", err)
			}
			return
		}
		w.lock, w.leader = lock, w.NewLeader()
		// AssignAfter counts from the start of the term: a new leader
		// waits for the ingest jobs as long as any leader would.
		w.lastAssign = time.Now()
		w.leader.Guard = lock.Check
		w.leader.OnAssigned = func(ctx context.Context, articles []*parallax.Article, assignments []parallax.Assignment) error {
			if w.touched == nil {
				w.touched = map[int64]bool{}
			}
			for _, a := range assignments {
				w.touched[a.StoryID] = true
			}
			return w.queueAnnotation(ctx, articles)
		}
		w.Log.Info("leading", "worker", w.Name)
	}
	if err := w.lock.Check(ctx); err != nil {
		w.Log.Warn("lost the lead", "worker", w.Name, "err", err)
		w.stepDown()
		return
	}
	if err := w.leadStep(ctx); err != nil && ctx.Err() == nil {
		w.Log.Error("leader", "worker", w.Name, "err", err)
		w.stepDown() // a fresh start rebuilds the clusterer from the store
	}
}

func (w *Worker) stepDown() {
	if w.lock != nil {
		w.lock.Release()
	}
	w.lock, w.leader, w.swept = nil, nil, false
}

// queueAnnotation queues one annotate job for the articles.
func (w *Worker) queueAnnotation(ctx context.Context, articles []*parallax.Article) error {
	job, err := AnnotateJobs(articles)
	if err != nil {
		return err
	}
	_, err = w.Jobs.EnqueueJobs(ctx, []*parallax.Job{job})
	return err
}

// leadStep assigns the stored articles once no ingest job is pending (or
// AssignAfter has passed), and, when the queue is idle, compares the
// stories it changed. Once per term, also when idle, it queues the
// annotation of assigned articles that lack a current one: what a leader
// that died between assigning and queueing left, or what an analyzer
// upgrade made stale. Only a change of leader leaves such articles, so
// the sweep does not scan the articles at every step.
func (w *Worker) leadStep(ctx context.Context) error {
	counts, err := w.Jobs.CountJobs(ctx)
	if err != nil {
		return err
	}
	if counts.Ingest == 0 || time.Since(w.lastAssign) >= w.AssignAfter {
		var sum Summary
		if err := w.leader.AssignPending(ctx, &sum); err != nil {
			return fmt.Errorf("assign: %w", err)
		}
		w.lastAssign = time.Now()
		if sum.Assigned > 0 {
			w.Log.Info("assigned", "worker", w.Name, "articles", sum.Assigned, "merged", sum.Merged)
		}
	}
	if counts.Queued+counts.Running > 0 || w.Store.Annotations == nil {
		return nil
	}
	if err := w.analyzeTouched(ctx); err != nil {
		return err
	}
	if w.swept {
		return nil
	}
	stale, err := w.Store.Annotations.StaleArticles(ctx, analyze.Version, w.leader.batchSize())
	if err != nil {
		return err
	}
	var assigned []*parallax.Article
	for _, a := range stale {
		if a.StoryID != 0 {
			assigned = append(assigned, a)
		}
	}
	if len(assigned) == 0 {
		w.swept = true
		return nil
	}
	return w.queueAnnotation(ctx, assigned)
}

// maxAnalysesPerStep bounds the stories compared in one leader step, so
// that the leader goes back to assigning soon.
const maxAnalysesPerStep = 50

// analyzeTouched compares the stories the leader changed, now that their
// articles are annotated.
func (w *Worker) analyzeTouched(ctx context.Context) error {
	if w.Analyze == nil {
		return nil
	}
	ids := make([]int64, 0, len(w.touched))
	for id := range w.touched {
		ids = append(ids, id)
	}
	slices.Sort(ids)
	for _, id := range ids[:min(len(ids), maxAnalysesPerStep)] {
		if err := w.Analyze(ctx, id); err != nil && parallax.ErrorCode(err) != parallax.ENOTFOUND {
			return fmt.Errorf("analyze story %d: %w", id, err)
		}
		delete(w.touched, id)
	}
	return nil
}

// RunOne claims one job and runs it, renewing its lease as it goes. It
// reports whether there was a job.
func (w *Worker) RunOne(ctx context.Context) (bool, error) {
	// The claim is one statement that commits on the server; were it
	// cancelled by SIGTERM after the commit and before its answer, the job
	// would be claimed here and never run (until its lease ran out). So
	// the claim is not cancelled, and a job claimed is a job drained.
	claimCtx, claimed := context.WithTimeout(context.WithoutCancel(ctx), 30*time.Second)
	job, err := w.Jobs.ClaimJob(claimCtx, w.Name, w.Lease)
	claimed()
	if err != nil || job == nil {
		return false, err
	}
	// A job goes on when ctx is cancelled (SIGTERM), for up to Drain, so
	// that a stopping worker finishes what it holds; past that it is
	// abandoned, and its lease runs out for another worker to redo it.
	jobCtx, cancel := context.WithCancel(context.WithoutCancel(ctx))
	defer cancel()
	stopDrain := context.AfterFunc(ctx, func() {
		select {
		case <-time.After(w.drain()):
			cancel()
		case <-jobCtx.Done():
		}
	})
	defer stopDrain()
	renewed := make(chan struct{})
	go func() {
		defer close(renewed)
		tick := time.NewTicker(w.Lease / 3)
		defer tick.Stop()
		for {
			select {
			case <-jobCtx.Done():
				return
			case <-tick.C:
				if err := w.Jobs.ExtendJob(jobCtx, job.ID, w.Name, w.Lease); err != nil && jobCtx.Err() == nil {
					// another worker has the job now; stop
					w.Log.Warn("lost a job", "worker", w.Name, "job", job.ID, "err", err)
					cancel()
					return
				}
			}
		}
	}()
	sum, runErr := w.Store.RunJob(jobCtx, job)
	abandoned := jobCtx.Err() != nil
	cancel()
	<-renewed
	if abandoned {
		// stopped past the drain time, or the lease was lost: another
		// worker redoes the job
		return true, nil
	}
	msg := ""
	if runErr != nil {
		msg = runErr.Error()
	}
	for _, f := range sum.Failures {
		w.Log.Warn("input failed", "worker", w.Name, "origin", f.Origin, "reason", f.Reason)
	}
	finishCtx, done := context.WithTimeout(context.WithoutCancel(ctx), 10*time.Second)
	defer done()
	if err := w.Jobs.FinishJob(finishCtx, job.ID, w.Name, msg); err != nil && !errors.Is(err, context.Canceled) {
		return true, err
	}
	return true, runErr
}
