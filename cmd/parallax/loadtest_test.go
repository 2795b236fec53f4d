package main

import (
	"context"
	"net/http"
	"net/http/httptest"
	"testing"
	"time"
)

func TestLoadTest(t *testing.T) {
	mux := http.NewServeMux()
	mux.HandleFunc("/ok", func(w http.ResponseWriter, r *http.Request) { w.Write([]byte("ok")) })
	mux.HandleFunc("/slow", func(w http.ResponseWriter, r *http.Request) {
		time.Sleep(20 * time.Millisecond)
		w.Write([]byte("ok"))
	})
	mux.HandleFunc("/bad", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "no", http.StatusInternalServerError) })
	srv := httptest.NewServer(mux)
	defer srv.Close()
	r := loadTest(context.Background(), []string{srv.URL + "/ok", srv.URL + "/slow", srv.URL + "/bad"}, 3, 300*time.Millisecond)
	if r.Requests < 9 || r.Errors == 0 || r.Errors >= r.Requests {
		t.Errorf("requests %d, errors %d: want some of each", r.Requests, r.Errors)
	}
	if !(r.P50ms <= r.P95ms && r.P95ms <= r.P99ms && r.P99ms <= r.MaxMs) || r.MaxMs < 20 {
		t.Errorf("percentiles out of order or too fast for /slow: %+v", r)
	}
}
