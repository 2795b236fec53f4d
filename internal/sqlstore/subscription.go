package sqlstore

import (
	"context"
	"database/sql"
	"fmt"
	"slices"
	"strings"
	"time"

	"github.com/parallax-news/parallax"
)

var _ parallax.SubscriptionService = (*SubscriptionService)(nil)

// SubscriptionService stores subscriptions and collected URLs.
type SubscriptionService struct {
	db *DB
}

// NewSubscriptionService returns a SubscriptionService on db.
func NewSubscriptionService(db *DB) *SubscriptionService {
	return &SubscriptionService{db: db}
}

const subscriptionColumns = `id, url, title, kind, interval_seconds, added_at, etag, last_modified,
	last_fetch, last_success, last_error, failures, collected, next_fetch`

// AddSubscription stores s, or updates the interval of the subscription
// to the same URL; see parallax.SubscriptionService.
func (s *SubscriptionService) AddSubscription(ctx context.Context, sub *parallax.Subscription) (bool, error) {
	if sub.URL == "" {
		return false, parallax.Errorf(parallax.EINVALID, "subscription without a URL")
	}
	if sub.Interval < time.Minute {
		return false, parallax.Errorf(parallax.EINVALID, "interval %v is under a minute", sub.Interval)
	}
	tx, err := s.db.db.BeginTx(ctx, nil)
	if err != nil {
		return false, fmt.Errorf("begin add subscription: %w", err)
	}
	defer tx.Rollback()
	now := s.db.Now().Unix()
	res, err := tx.ExecContext(ctx, `INSERT INTO subscriptions (url, interval_seconds, added_at, next_fetch)
		VALUES (?, ?, ?, ?) ON CONFLICT (url) DO NOTHING`, sub.URL, int64(sub.Interval/time.Second), now, now)
	if err != nil {
		return false, fmt.Errorf("add subscription %s: %w", sub.URL, err)
	}
	n, err := res.RowsAffected()
	if err != nil {
		return false, fmt.Errorf("add subscription %s: %w", sub.URL, err)
	}
	created := n == 1
	if !created {
		if _, err := tx.ExecContext(ctx, `UPDATE subscriptions SET interval_seconds = ? WHERE url = ?`,
			int64(sub.Interval/time.Second), sub.URL); err != nil {
			return false, fmt.Errorf("update subscription %s: %w", sub.URL, err)
		}
	}
	rows, err := tx.QueryContext(ctx, `SELECT `+subscriptionColumns+` FROM subscriptions WHERE url = ?`, sub.URL)
	if err != nil {
		return false, fmt.Errorf("read subscription %s: %w", sub.URL, err)
	}
	got, err := scanSubscriptions(rows)
	if err != nil {
		return false, err
	}
	if len(got) != 1 {
		return false, fmt.Errorf("read subscription %s: not stored", sub.URL)
	}
	if err := tx.Commit(); err != nil {
		return false, fmt.Errorf("commit add subscription: %w", err)
	}
	*sub = *got[0]
	return created, nil
}

// FindSubscriptions returns matching subscriptions by ID.
func (s *SubscriptionService) FindSubscriptions(ctx context.Context, f parallax.SubscriptionFilter) ([]*parallax.Subscription, error) {
	var where []string
	var args []any
	if f.ID != nil {
		where, args = append(where, "id = ?"), append(args, *f.ID)
	}
	if f.URL != nil {
		where, args = append(where, "url = ?"), append(args, *f.URL)
	}
	if !f.DueBy.IsZero() {
		where, args = append(where, "next_fetch <= ?"), append(args, f.DueBy.Unix())
	}
	cond := ""
	if len(where) > 0 {
		cond = "WHERE " + strings.Join(where, " AND ")
	}
	rows, err := s.db.db.QueryContext(ctx, `SELECT `+subscriptionColumns+` FROM subscriptions `+cond+` ORDER BY id`, args...)
	if err != nil {
		return nil, fmt.Errorf("find subscriptions: %w", err)
	}
	return scanSubscriptions(rows)
}

func scanSubscriptions(rows *sql.Rows) ([]*parallax.Subscription, error) {
	defer rows.Close()
	var out []*parallax.Subscription
	for rows.Next() {
		var sub parallax.Subscription
		var interval, added, next int64
		var lastFetch, lastSuccess sql.NullInt64
		if err := rows.Scan(&sub.ID, &sub.URL, &sub.Title, &sub.Kind, &interval, &added, &sub.ETag, &sub.LastModified,
			&lastFetch, &lastSuccess, &sub.LastError, &sub.Failures, &sub.Collected, &next); err != nil {
			return nil, fmt.Errorf("scan subscription: %w", err)
		}
		sub.Interval = time.Duration(interval) * time.Second
		sub.Added, sub.NextFetch = time.Unix(added, 0).UTC(), time.Unix(next, 0).UTC()
		sub.LastFetch, sub.LastSuccess = fromUnix(lastFetch), fromUnix(lastSuccess)
		out = append(out, &sub)
	}
	if err := rows.Err(); err != nil {
		return nil, fmt.Errorf("read subscriptions: %w", err)
	}
	return out, nil
}

// ClaimDue takes the most overdue subscription; see
// parallax.SubscriptionService.
func (s *SubscriptionService) ClaimDue(ctx context.Context, now time.Time, lease time.Duration) (*parallax.Subscription, error) {
	rows, err := s.db.db.QueryContext(ctx, `UPDATE subscriptions SET next_fetch = ?
		WHERE id = (SELECT id FROM subscriptions WHERE next_fetch <= ? ORDER BY next_fetch, id LIMIT 1 `+s.db.d.SkipLocked+`)
		RETURNING `+subscriptionColumns, now.Add(lease).Unix(), now.Unix())
	if err != nil {
		return nil, fmt.Errorf("claim due subscription: %w", err)
	}
	subs, err := scanSubscriptions(rows)
	if err != nil || len(subs) == 0 {
		return nil, err
	}
	return subs[0], nil
}

// UpdateSubscription stores the fetch state of sub; see
// parallax.SubscriptionService.
func (s *SubscriptionService) UpdateSubscription(ctx context.Context, sub *parallax.Subscription) error {
	res, err := s.db.db.ExecContext(ctx, `UPDATE subscriptions SET title = ?, kind = ?, etag = ?, last_modified = ?,
		last_fetch = ?, last_success = ?, last_error = ?, failures = ?, collected = ?, next_fetch = ? WHERE id = ?`,
		sub.Title, sub.Kind, sub.ETag, sub.LastModified, nullUnix(sub.LastFetch), nullUnix(sub.LastSuccess),
		sub.LastError, sub.Failures, sub.Collected, sub.NextFetch.Unix(), sub.ID)
	if err != nil {
		return fmt.Errorf("update subscription %d: %w", sub.ID, err)
	}
	return oneRow(res, "subscription", sub.ID)
}

// RemoveSubscription deletes a subscription; see
// parallax.SubscriptionService.
func (s *SubscriptionService) RemoveSubscription(ctx context.Context, id int64) error {
	res, err := s.db.db.ExecContext(ctx, `DELETE FROM subscriptions WHERE id = ?`, id)
	if err != nil {
		return fmt.Errorf("remove subscription %d: %w", id, err)
	}
	return oneRow(res, "subscription", id)
}

func oneRow(res sql.Result, what string, id int64) error {
	n, err := res.RowsAffected()
	if err != nil {
		return fmt.Errorf("%s %d: %w", what, id, err)
	}
	if n == 0 {
		return parallax.Errorf(parallax.ENOTFOUND, "%s %d not found", what, id)
	}
	return nil
}

// MarkCollected records article URLs as collected.
func (s *SubscriptionService) MarkCollected(ctx context.Context, urls []string) error {
	if len(urls) == 0 {
		return nil
	}
	tx, err := s.db.db.BeginTx(ctx, nil)
	if err != nil {
		return fmt.Errorf("begin mark collected: %w", err)
	}
	defer tx.Rollback()
	now := s.db.Now().Unix()
	for _, u := range urls {
		if _, err := tx.ExecContext(ctx, `INSERT INTO collected_urls (url, collected_at) VALUES (?, ?)
			ON CONFLICT (url) DO NOTHING`, u, now); err != nil {
			return fmt.Errorf("mark %s collected: %w", u, err)
		}
	}
	if err := tx.Commit(); err != nil {
		return fmt.Errorf("commit mark collected: %w", err)
	}
	return nil
}

// Collected returns which of the URLs are collected.
func (s *SubscriptionService) Collected(ctx context.Context, urls []string) (map[string]bool, error) {
	out := map[string]bool{}
	for chunk := range slices.Chunk(urls, 500) {
		rows, err := s.db.db.QueryContext(ctx, `SELECT url FROM collected_urls WHERE url IN (`+placeholders(len(chunk))+`)`, anys(chunk)...)
		if err != nil {
			return nil, fmt.Errorf("find collected urls: %w", err)
		}
		for rows.Next() {
			var u string
			if err := rows.Scan(&u); err != nil {
				rows.Close()
				return nil, fmt.Errorf("scan collected url: %w", err)
			}
			out[u] = true
		}
		err = rows.Err()
		rows.Close()
		if err != nil {
			return nil, fmt.Errorf("read collected urls: %w", err)
		}
	}
	return out, nil
}
