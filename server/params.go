package server

import (
	"net/http"
	"strconv"

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
