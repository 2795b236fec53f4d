package main

import (
	"context"
	"crypto/rand"
	"encoding/base64"
	"encoding/hex"
	"fmt"
	"io"
	"time"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/collect"
	"github.com/parallax-news/parallax/input"
	"github.com/parallax-news/parallax/server"
)

// tokenSetting holds the SHA-256 of the write token, hex.
const tokenSetting = "api_token_sha256"

// newToken returns a random token: 32 bytes, URL-safe base64.
func newToken() string {
	b := make([]byte, 32)
	rand.Read(b)
	return base64.RawURLEncoding.EncodeToString(b)
}

// writeToken returns the hash of the write token: $PARALLAX_TOKEN when
// set; else the one stored; else a new one, whose hash is stored and
// which is printed once.
func writeToken(ctx context.Context, e *env, st *store) ([32]byte, error) {
	if t := e.getenv("PARALLAX_TOKEN"); t != "" {
		return server.HashToken(t), nil
	}
	stored, ok, err := st.settings.Setting(ctx, tokenSetting)
	if err != nil {
		return [32]byte{}, err
	}
	var h [32]byte
	if ok {
		if b, err := hex.DecodeString(stored); err == nil && len(b) == len(h) {
			copy(h[:], b)
			return h, nil
		}
	}
	token := newToken()
	h = server.HashToken(token)
	if err := st.settings.SetSetting(ctx, tokenSetting, hex.EncodeToString(h[:])); err != nil {
		return h, err
	}
	fmt.Fprintf(e.stdout, "The API write token (shown this once; only its hash is stored; `parallax token --rotate` makes a new one):\n  %s\n", token)
	return h, nil
}

// writeEndpoints returns the server's write endpoints: ingest into the
// process's pipeline, and adding sources.
func writeEndpoints(ctx context.Context, e *env, st *store, p *lockedPipeline, c *collect.Collector, maxBody int64) (*server.Writes, error) {
	h, err := writeToken(ctx, e, st)
	if err != nil {
		return nil, err
	}
	return &server.Writes{
		TokenHash: h, MaxBody: maxBody,
		Ingest: func(ctx context.Context, name string, body io.Reader) (any, error) {
			sum, err := p.IngestRecords(ctx, name, p.p.Decoder.Decode(name, input.JSONL, body))
			return listed(sum), err
		},
		Subscribe: func(ctx context.Context, u string, interval time.Duration) (*parallax.Subscription, bool, error) {
			if _, err := collect.ParseURL(u); err != nil {
				return nil, false, parallax.Errorf(parallax.EINVALID, "%s: %v", collect.Redact(u), err)
			}
			return st.subscribe(ctx, c, u, interval)
		},
	}, nil
}

func runToken(ctx context.Context, e *env, args []string) error {
	fs := newFlags(e, "token", "[--db DSN] --rotate")
	db := dbFlag(fs)
	rotate := fs.Bool("rotate", false, "make a new write token; the old one stops working")
	if err := noArgs(fs, args); err != nil {
		return err
	}
	if !*rotate {
		fmt.Fprintln(e.stderr, "parallax token: only a hash of the token is stored, so it cannot be shown again; use --rotate for a new one")
		return errUsage
	}
	st, err := openStore(e, *db)
	if err != nil {
		return err
	}
	defer st.Close()
	token := newToken()
	h := server.HashToken(token)
	if err := st.settings.SetSetting(ctx, tokenSetting, hex.EncodeToString(h[:])); err != nil {
		return err
	}
	fmt.Fprintf(e.stdout, "%s\n", token)
	return nil
}
