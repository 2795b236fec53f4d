package server

import (
	"net"
	"net/http"
	"sync"
	"time"

	"github.com/parallax-news/parallax"
)

// limiter keeps a token bucket per client address: each client may make
// Rate requests a second on average and bursts of twice that.
type limiter struct {
	rate    float64
	burst   float64
	now     func() time.Time
	mu      sync.Mutex
	buckets map[string]*bucket
}

type bucket struct {
	tokens float64
	last   time.Time
}

// maxClients bounds the buckets kept; past it the oldest state is
// dropped, which only ever lets clients through.
const maxClients = 10000

func newLimiter(rate float64, now func() time.Time) *limiter {
	return &limiter{rate: rate, burst: 2 * rate, now: now, buckets: map[string]*bucket{}}
}

// allow takes a token for client, and reports whether there was one.
func (l *limiter) allow(client string) bool {
	l.mu.Lock()
	defer l.mu.Unlock()
	now := l.now()
	b, ok := l.buckets[client]
	if !ok {
		if len(l.buckets) >= maxClients {
			l.buckets = map[string]*bucket{}
		}
		b = &bucket{tokens: l.burst, last: now}
		l.buckets[client] = b
	}
	b.tokens = min(l.burst, b.tokens+now.Sub(b.last).Seconds()*l.rate)
	b.last = now
	if b.tokens < 1 {
		return false
	}
	b.tokens--
	return true
}

// rateLimit answers 429 to a client over its rate on the API. Pages and
// static files are not limited: a reader's browser fetches several at
// once.
func (s *Server) rateLimit(next http.Handler) http.Handler {
	if s.RateLimit <= 0 {
		return next
	}
	l := newLimiter(s.RateLimit, time.Now)
	return http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if len(r.URL.Path) >= 5 && r.URL.Path[:5] == "/api/" {
			host, _, err := net.SplitHostPort(r.RemoteAddr)
			if err != nil {
				host = r.RemoteAddr
			}
			if !l.allow(host) {
				w.Header().Set("Retry-After", "1")
				s.apiError(w, r, parallax.Errorf(parallax.ETOOMANY, "too many requests; at most %.0f a second", s.RateLimit))
				return
			}
		}
		next.ServeHTTP(w, r)
	})
}
