package pipeline

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"slices"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/input"
)

// IngestJob is the payload of a parallax.JobIngest: an input's bytes
// (a file, or lines of a JSONL file), or a URL or a WARC path that the
// worker reads itself.
type IngestJob struct {
	Name      string     `json:"name"`
	Kind      input.Kind `json:"kind"`
	Data      []byte     `json:"data,omitempty"`
	FirstLine int        `json:"first_line,omitempty"`
	// Path is a WARC archive, too large to carry: every worker must see
	// it at this path.
	Path string `json:"path,omitempty"`
}

// AnnotateJob is the payload of a parallax.JobAnnotate.
type AnnotateJob struct {
	Keys []string `json:"keys"`
}

// JSONLChunkLines is the number of JSONL lines per ingest job.
const JSONLChunkLines = 256

// EnqueueSummary counts what Enqueue queued.
type EnqueueSummary struct {
	Inputs   int     `json:"inputs"`
	Jobs     int     `json:"jobs"`
	New      int     `json:"new"`
	Failures []Issue `json:"failures"`
}

// Enqueue turns inputs into ingest jobs for workers instead of ingesting
// them: a file's bytes go into its job, a JSONL file is cut into jobs of
// JSONLChunkLines lines, and URLs and WARC archives are named. Jobs with
// the same content are queued once, so enqueueing again adds nothing.
func (p *Pipeline) Enqueue(ctx context.Context, jobs parallax.JobService, paths []string) (EnqueueSummary, error) {
	var sum EnqueueSummary
	inputs, errs := input.Expand(paths)
	for _, rec := range errs {
		sum.Failures = append(sum.Failures, Issue{rec.Origin, rec.Err.Error()})
	}
	var batch []*parallax.Job
	add := func(j IngestJob) error {
		payload, err := json.Marshal(j)
		if err != nil {
			return err
		}
		job := &parallax.Job{Kind: parallax.JobIngest, Payload: payload}
		if j.Kind != input.URL {
			// a URL may say something new next time; bytes do not
			h := sha256.Sum256(payload)
			job.Key = "ingest:" + hex.EncodeToString(h[:16])
		}
		batch = append(batch, job)
		if len(batch) < 64 {
			return nil
		}
		return flushJobs(ctx, jobs, &batch, &sum)
	}
	for _, in := range inputs {
		sum.Inputs++
		if err := p.enqueueOne(in, add, &sum); err != nil {
			return sum, err
		}
	}
	return sum, flushJobs(ctx, jobs, &batch, &sum)
}

func flushJobs(ctx context.Context, jobs parallax.JobService, batch *[]*parallax.Job, sum *EnqueueSummary) error {
	if len(*batch) == 0 {
		return nil
	}
	n, err := jobs.EnqueueJobs(ctx, *batch)
	if err != nil {
		return fmt.Errorf("enqueue: %w", err)
	}
	sum.Jobs += len(*batch)
	sum.New += n
	*batch = (*batch)[:0]
	return nil
}

func (p *Pipeline) enqueueOne(in input.Input, add func(IngestJob) error, sum *EnqueueSummary) error {
	switch in.Kind {
	case input.URL:
		return add(IngestJob{Name: in.Path, Kind: input.URL})
	case input.WARC:
		return add(IngestJob{Name: in.Path, Kind: input.WARC, Path: in.Path})
	}
	f, _, err := input.Open(in, p.stdinOrEmpty())
	if err != nil {
		sum.Failures = append(sum.Failures, Issue{in.Path, err.Error()})
		return nil
	}
	defer f.Close()
	if in.Kind == input.JSONL {
		fails, err := p.Decoder.ChunkJSONL(in.Path, f, JSONLChunkLines, func(data []byte, first int) error {
			return add(IngestJob{Name: in.Path, Kind: in.Kind, Data: data, FirstLine: first})
		})
		for _, r := range fails {
			sum.Failures = append(sum.Failures, Issue{r.Origin, r.Err.Error()})
		}
		return err
	}
	data, err := p.Decoder.ReadArticle(f)
	if err != nil {
		sum.Failures = append(sum.Failures, Issue{in.Path, err.Error()})
		return nil
	}
	return add(IngestJob{Name: in.Path, Kind: in.Kind, Data: data})
}

// RunJob does one claimed job: an ingest job stores its articles (the
// pipeline should be StoreOnly), an annotate job annotates its articles.
func (p *Pipeline) RunJob(ctx context.Context, j *parallax.Job) (Summary, error) {
	switch j.Kind {
	case parallax.JobIngest:
		var ij IngestJob
		if err := json.Unmarshal(j.Payload, &ij); err != nil {
			return Summary{}, fmt.Errorf("job %d: bad payload: %w", j.ID, err)
		}
		switch {
		case ij.Kind == input.URL:
			return p.Ingest(ctx, []string{ij.Name})
		case ij.Path != "":
			return p.Ingest(ctx, []string{ij.Path})
		}
		recs := slices.Collect(p.Decoder.DecodeFrom(ij.Name, ij.Kind, bytes.NewReader(ij.Data), max(ij.FirstLine, 1)))
		return p.IngestRecords(ctx, ij.Name, slices.Values(recs))
	case parallax.JobAnnotate:
		var aj AnnotateJob
		if err := json.Unmarshal(j.Payload, &aj); err != nil {
			return Summary{}, fmt.Errorf("job %d: bad payload: %w", j.ID, err)
		}
		start := time.Now()
		var sum Summary
		err := p.AnnotateKeys(ctx, aj.Keys, &sum)
		sum.Elapsed = time.Since(start).Seconds()
		return sum, err
	}
	return Summary{}, fmt.Errorf("job %d: unknown kind %q", j.ID, j.Kind)
}

// AnnotateJobs returns the annotate job for articles just assigned.
func AnnotateJobs(articles []*parallax.Article) (*parallax.Job, error) {
	keys := make([]string, len(articles))
	for i, a := range articles {
		keys[i] = a.Key
	}
	payload, err := json.Marshal(AnnotateJob{Keys: keys})
	if err != nil {
		return nil, err
	}
	return &parallax.Job{Kind: parallax.JobAnnotate, Payload: payload}, nil
}
