package main

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"encoding/json"
	"fmt"
	"io"
	"net/http"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"
)

// startServe runs `parallax serve` in-process and returns its base URL
// and what it printed so far.
func startServe(t *testing.T, db string, args ...string) (string, *syncBuffer) {
	t.Helper()
	ctx, cancel := context.WithCancel(context.Background())
	urls := make(chan string, 1)
	done := make(chan int, 1)
	out, errb := &syncBuffer{}, &syncBuffer{}
	e := &env{stdin: strings.NewReader(""), stdout: out, stderr: errb,
		getenv: func(string) string { return "" }, ready: func(u string) { urls <- u }}
	go func() {
		done <- run(ctx, e, append([]string{"serve", "--db", db, "--addr", "127.0.0.1:0", "--collect=false"}, args...))
	}()
	// serve stops cleanly when cancelled
	t.Cleanup(func() {
		cancel()
		if code := <-done; code != 0 {
			t.Errorf("serve exited %d: %s", code, errb.String())
		}
	})
	select {
	case u := <-urls:
		return u, out
	case code := <-done:
		done <- code // for the cleanup
		t.Fatalf("serve exited %d before listening: %s", code, errb.String())
	case <-time.After(30 * time.Second):
		t.Fatal("serve did not start")
	}
	return "", nil
}

func call(t *testing.T, method, url, token string, body []byte) (int, string) {
	t.Helper()
	req, err := http.NewRequest(method, url, bytes.NewReader(body))
	if err != nil {
		t.Fatal(err)
	}
	if token != "" {
		req.Header.Set("Authorization", "Bearer "+token)
	}
	resp, err := http.DefaultClient.Do(req)
	if err != nil {
		t.Fatal(err)
	}
	defer resp.Body.Close()
	b, _ := io.ReadAll(resp.Body)
	return resp.StatusCode, string(b)
}

var tokenRE = regexp.MustCompile(`(?m)^  ([A-Za-z0-9_-]{43})$`)

// TestWriteEndpoints: writes need the token, which serve makes at first
// start, prints once and stores hashed; bodies are bounded.
func TestWriteEndpoints(t *testing.T) {
	site := newsSite(t)
	db := filepath.Join(t.TempDir(), "p.db")
	base, out := startServe(t, db, "--max-body", "4096", "--allow-private", "--host-interval", "1ms")
	m := tokenRE.FindStringSubmatch(out.String())
	if m == nil {
		t.Fatalf("no token printed:\n%s", out.String())
	}
	token := m[1]
	// only the hash is stored
	st, err := openStore(&env{getenv: func(string) string { return "" }}, db)
	if err != nil {
		t.Fatal(err)
	}
	stored, _, _ := st.settings.Setting(context.Background(), tokenSetting)
	st.Close()
	sum := sha256.Sum256([]byte(token))
	if stored != hex.EncodeToString(sum[:]) || strings.Contains(stored, token) {
		t.Errorf("stored %q; want the token's SHA-256", stored)
	}

	article := `{"id":"w1","source":"Wire","title":"Ferry terminal opens","text":"The new ferry terminal in Kessel opened on Monday after two years of building work.","published":"2026-03-02"}` + "\n"
	for _, tc := range []struct {
		name, token string
		body        string
		status      int
	}{
		{"no token", "", article, http.StatusUnauthorized},
		{"wrong token", token + "x", article, http.StatusUnauthorized},
		{"too large", token, strings.Repeat(article, 60), http.StatusRequestEntityTooLarge},
		{"good", token, article, http.StatusOK},
	} {
		status, body := call(t, "POST", base+"api/v1/ingest", tc.token, []byte(tc.body))
		if status != tc.status || !json.Valid([]byte(body)) {
			t.Errorf("%s: %d %s, want %d", tc.name, status, body, tc.status)
		}
		if tc.status == http.StatusOK && !strings.Contains(body, `"added":1`) {
			t.Errorf("%s: %s", tc.name, body)
		}
	}
	if status, body := call(t, "GET", base+"api/v1/articles", "", nil); status != 200 || !strings.Contains(body, `"total":1`) {
		t.Errorf("articles after the writes (the oversized body must store nothing): %s", body)
	}
	// reads stay open; a GET on a write path is not a write
	if status, _ := call(t, "GET", base+"api/v1/ingest", "", nil); status != http.StatusNotFound && status != http.StatusMethodNotAllowed {
		t.Errorf("GET /api/v1/ingest: %d", status)
	}

	status, body := call(t, "POST", base+"api/v1/subscriptions", token, []byte(fmt.Sprintf(`{"url":%q,"interval":"2h"}`, site.URL+"/")))
	if status != http.StatusCreated || !strings.Contains(body, site.URL+"/rss.xml") {
		t.Fatalf("subscribe: %d %s", status, body)
	}
	if status, _ := call(t, "POST", base+"api/v1/subscriptions", "", []byte(`{"url":"https://x.example/"}`)); status != http.StatusUnauthorized {
		t.Errorf("subscribe without the token: %d", status)
	}
	if status, body := call(t, "POST", base+"api/v1/subscriptions", token, []byte(`{"url":"file:///etc/passwd"}`)); status != http.StatusBadRequest {
		t.Errorf("subscribe to a file URL: %d %s", status, body)
	}
	var sub struct{ ID int64 }
	json.Unmarshal([]byte(body), &sub)
	if status, _ := call(t, "DELETE", fmt.Sprintf("%sapi/v1/subscriptions/%d", base, sub.ID), "", nil); status != http.StatusUnauthorized {
		t.Errorf("delete without the token: %d", status)
	}
	if status, _ := call(t, "DELETE", fmt.Sprintf("%sapi/v1/subscriptions/%d", base, sub.ID), token, nil); status != http.StatusNoContent {
		t.Errorf("delete: %d", status)
	}

	// a rotated token replaces the old one
	newTok := strings.TrimSpace(mustRun(t, "token", "--rotate", "--db", db).stdout)
	base2, out2 := startServe(t, db)
	if tokenRE.MatchString(out2.String()) {
		t.Errorf("a second start printed a token again:\n%s", out2.String())
	}
	if status, _ := call(t, "POST", base2+"api/v1/ingest", token, []byte(article)); status != http.StatusUnauthorized {
		t.Errorf("the old token still works: %d", status)
	}
	if status, _ := call(t, "POST", base2+"api/v1/ingest", newTok, []byte(article)); status != http.StatusOK {
		t.Errorf("the rotated token does not work: %d", status)
	}
}
