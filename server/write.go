package server

import (
	"bytes"
	"context"
	"crypto/sha256"
	"crypto/subtle"
	"encoding/json"
	"errors"
	"io"
	"net/http"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
)

// Writes are what the write endpoints do; cmd/parallax supplies them. The
// UI and the rest of the API only read.
type Writes struct {
	// TokenHash is the SHA-256 of the write token. Requests to a write
	// endpoint must carry the token as "Authorization: Bearer TOKEN".
	TokenHash [32]byte
	// MaxBody bounds a request body. Defaults to 16 MiB.
	MaxBody int64
	// Ingest stores the articles of a JSONL body and returns the summary.
	Ingest func(ctx context.Context, name string, body io.Reader) (any, error)
	// Subscribe adds a source to collect from; see parallax sources add.
	Subscribe func(ctx context.Context, url string, interval time.Duration) (*parallax.Subscription, bool, error)
}

// DefaultMaxBody bounds write request bodies.
const DefaultMaxBody = 16 << 20

// HashToken returns what Writes.TokenHash holds for a token.
func HashToken(token string) [32]byte { return sha256.Sum256([]byte(token)) }

// authorized reports whether r carries the write token. The comparison
// of hashes takes the same time wherever they differ.
func (s *Server) authorized(r *http.Request) bool {
	auth := r.Header.Get("Authorization")
	token, ok := strings.CutPrefix(auth, "Bearer ")
	if !ok || token == "" {
		return false
	}
	h := HashToken(strings.TrimSpace(token))
	return subtle.ConstantTimeCompare(h[:], s.Writes.TokenHash[:]) == 1
}

// write wraps a write endpoint: it needs the token and a bounded body.
func (s *Server) write(h http.HandlerFunc) http.HandlerFunc {
	return func(w http.ResponseWriter, r *http.Request) {
		if s.Writes == nil {
			s.apiError(w, r, parallax.Errorf(parallax.ENOTFOUND, "writes are not enabled on this server"))
			return
		}
		if !s.authorized(r) {
			w.Header().Set("WWW-Authenticate", `Bearer realm="parallax"`)
			s.apiError(w, r, parallax.Errorf(parallax.EUNAUTHORIZED, "a write needs the token: Authorization: Bearer TOKEN"))
			return
		}
		limit := s.Writes.MaxBody
		if limit <= 0 {
			limit = DefaultMaxBody
		}
		r.Body = http.MaxBytesReader(w, r.Body, limit)
		h(w, r)
	}
}

// bodyError maps a body that went over the limit to 413.
func (s *Server) bodyError(w http.ResponseWriter, r *http.Request, err error) {
	var mb *http.MaxBytesError
	if errors.As(err, &mb) {
		s.writeJSON(w, r, http.StatusRequestEntityTooLarge, map[string]string{"error": "request body over the limit"})
		return
	}
	s.apiError(w, r, err)
}

// handleIngest is POST /api/v1/ingest: a JSONL body of articles in the
// input format.
func (s *Server) handleIngest(w http.ResponseWriter, r *http.Request) {
	if s.Writes.Ingest == nil {
		s.apiError(w, r, parallax.Errorf(parallax.ENOTFOUND, "ingest is not available on this server"))
		return
	}
	// read it whole first, so that an oversized body stores nothing
	body, err := io.ReadAll(r.Body)
	if err != nil {
		s.bodyError(w, r, err)
		return
	}
	sum, err := s.Writes.Ingest(r.Context(), "POST /api/v1/ingest", bytes.NewReader(body))
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	s.writeJSON(w, r, http.StatusOK, sum)
}

type subscribeRequest struct {
	URL      string `json:"url"`
	Interval string `json:"interval"`
}

// handleSubscribe is POST /api/v1/subscriptions {"url", "interval"}.
func (s *Server) handleSubscribe(w http.ResponseWriter, r *http.Request) {
	var req subscribeRequest
	dec := json.NewDecoder(r.Body)
	dec.DisallowUnknownFields()
	if err := dec.Decode(&req); err != nil {
		var mb *http.MaxBytesError
		if errors.As(err, &mb) {
			s.bodyError(w, r, err)
			return
		}
		s.apiError(w, r, parallax.Errorf(parallax.EINVALID, "body must be {\"url\": …, \"interval\": \"30m\"}: %v", err))
		return
	}
	interval := 30 * time.Minute
	if req.Interval != "" {
		d, err := time.ParseDuration(req.Interval)
		if err != nil {
			s.apiError(w, r, parallax.Errorf(parallax.EINVALID, "interval: %v", err))
			return
		}
		interval = d
	}
	if s.Writes.Subscribe == nil {
		s.apiError(w, r, parallax.Errorf(parallax.ENOTFOUND, "sources cannot be added on this server"))
		return
	}
	sub, created, err := s.Writes.Subscribe(r.Context(), req.URL, interval)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	status := http.StatusOK
	if created {
		status = http.StatusCreated
	}
	s.writeJSON(w, r, status, sub)
}

// handleUnsubscribe is DELETE /api/v1/subscriptions/{id}.
func (s *Server) handleUnsubscribe(w http.ResponseWriter, r *http.Request) {
	id, err := pathID(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	if s.Subscriptions == nil {
		s.apiError(w, r, parallax.Errorf(parallax.ENOTFOUND, "collection is not available on this server"))
		return
	}
	if err := s.Subscriptions.RemoveSubscription(r.Context(), id); err != nil {
		s.apiError(w, r, err)
		return
	}
	w.WriteHeader(http.StatusNoContent)
}
