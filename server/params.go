package server

import (
	"net/http"
	"strconv"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
)

// Page sizes for listings.
const (
	defaultLimit = 50
	maxLimit     = 500
)

func pathID(r *http.Request) (int64, error) {
	raw := r.PathValue("id")
	id, err := strconv.ParseInt(raw, 10, 64)
	if err != nil || id <= 0 {
		return 0, parallax.Errorf(parallax.EINVALID, "invalid id %q", raw)
	}
	return id, nil
}

// paging reads offset and limit from the query, bounded by maxLimit.
func paging(r *http.Request) (offset, limit int, err error) {
	q := r.URL.Query()
	offset, limit = 0, defaultLimit
	if v := q.Get("offset"); v != "" {
		if offset, err = strconv.Atoi(v); err != nil || offset < 0 {
			return 0, 0, parallax.Errorf(parallax.EINVALID, "invalid offset %q", v)
		}
	}
	if v := q.Get("limit"); v != "" {
		if limit, err = strconv.Atoi(v); err != nil || limit < 1 || limit > maxLimit {
			return 0, 0, parallax.Errorf(parallax.EINVALID, "invalid limit %q (1 to %d)", v, maxLimit)
		}
	}
	return offset, limit, nil
}

// storyFilter reads the story list's filters and order from the query:
// sort (recent, sources, articles), source, lang, and since, either a
// span back from now ("24h", "7d") or a date ("2026-03-01").
func storyFilter(r *http.Request, now time.Time) (parallax.StoryFilter, error) {
	q := r.URL.Query()
	// the store refuses an unknown sort with EINVALID, a 400
	f := parallax.StoryFilter{Sort: q.Get("sort"), Source: q.Get("source"), Language: q.Get("lang")}
	if v := q.Get("since"); v != "" {
		if n, err := strconv.Atoi(strings.TrimSuffix(v, "d")); err == nil && strings.HasSuffix(v, "d") && n > 0 {
			f.Since = now.Add(-time.Duration(n) * 24 * time.Hour)
		} else if d, err := time.ParseDuration(v); err == nil && d > 0 {
			f.Since = now.Add(-d)
		} else if t, err := time.Parse("2006-01-02", v); err == nil {
			f.Since = t
		} else {
			return f, parallax.Errorf(parallax.EINVALID, "invalid since %q (a span such as 24h or 7d, or a date YYYY-MM-DD)", v)
		}
	}
	return f, nil
}
