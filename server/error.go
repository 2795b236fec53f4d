package server

import (
	"net/http"

	"github.com/parallax-news/parallax"
)

// statusOf maps error codes to HTTP statuses; the one table for both the
// API and the pages.
var statusOf = map[string]int{
	parallax.ENOTFOUND:     http.StatusNotFound,
	parallax.EINVALID:      http.StatusBadRequest,
	parallax.ECONFLICT:     http.StatusConflict,
	parallax.EUNAUTHORIZED: http.StatusUnauthorized,
	parallax.ETOOMANY:      http.StatusTooManyRequests,
	parallax.EFULL:         http.StatusInsufficientStorage,
	parallax.EINTERNAL:     http.StatusInternalServerError,
}

// ErrorStatus returns the HTTP status for err.
func ErrorStatus(err error) int {
	if st, ok := statusOf[parallax.ErrorCode(err)]; ok {
		return st
	}
	return http.StatusInternalServerError
}

// logError logs internal errors once, here at the edge. A request whose
// client went away is not an error of the server's.
func (s *Server) logError(r *http.Request, err error) {
	if r.Context().Err() != nil {
		return
	}
	if parallax.ErrorCode(err) == parallax.EINTERNAL {
		s.Logger.Error("request failed", "method", r.Method, "path", r.URL.Path, "error", err)
	}
}
