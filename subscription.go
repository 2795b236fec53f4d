package parallax

import (
	"context"
	"time"
)

// Subscription is a URL that Parallax collects from on a schedule: a feed
// (RSS, Atom, JSON Feed), a sitemap, a plain list of URLs, or a single
// page. Its fetch record says how healthy it is: feeds that silently stop
// are what users of news readers complain about most.
type Subscription struct {
	ID  int64  `json:"id"`
	URL string `json:"url"`
	// Title is the feed's own title, once fetched.
	Title string `json:"title,omitempty"`
	// Kind is what the URL turned out to be on its last successful fetch
	// (collect.Kind), empty before.
	Kind     string        `json:"kind,omitempty"`
	Interval time.Duration `json:"interval"`
	Added    time.Time     `json:"added"`
	// ETag and LastModified are the validators of the last response, for
	// a conditional GET.
	ETag         string `json:"-"`
	LastModified string `json:"-"`
	// LastFetch is the last attempt, LastSuccess the last that worked;
	// LastError is the error of the last attempt ("" when it worked) and
	// Failures the number of attempts that failed in a row.
	LastFetch   time.Time `json:"last_fetch,omitzero"`
	LastSuccess time.Time `json:"last_success,omitzero"`
	LastError   string    `json:"last_error,omitempty"`
	Failures    int       `json:"failures"`
	// Collected counts the article pages taken from this subscription.
	Collected int `json:"collected"`
	// NextFetch is when the subscription is due again.
	NextFetch time.Time `json:"next_fetch,omitzero"`
}

// SubscriptionFilter selects subscriptions. Zero values select everything.
type SubscriptionFilter struct {
	ID  *int64
	URL *string
	// DueBy selects subscriptions whose NextFetch is at or before it.
	DueBy time.Time
}

// SubscriptionService stores subscriptions and remembers which article
// URLs have been collected, so that a feed's items are fetched once.
type SubscriptionService interface {
	// AddSubscription stores a new subscription, filling in its ID, Added
	// and NextFetch (due at once). When the URL is already subscribed, the
	// interval is updated and the stored subscription returned with false.
	AddSubscription(ctx context.Context, s *Subscription) (created bool, err error)
	FindSubscriptions(ctx context.Context, filter SubscriptionFilter) ([]*Subscription, error)
	// UpdateSubscription stores the title, kind, validators, fetch record,
	// collected count and next fetch time of s. ENOTFOUND when it is gone.
	UpdateSubscription(ctx context.Context, s *Subscription) error
	// RemoveSubscription deletes a subscription; its articles stay.
	// ENOTFOUND when there is none.
	RemoveSubscription(ctx context.Context, id int64) error
	// ClaimDue takes the subscription most overdue at now, if any, and
	// puts its next fetch lease later, so that no other process collects
	// it meanwhile; UpdateSubscription then sets the real next time. It
	// returns nil when none is due.
	ClaimDue(ctx context.Context, now time.Time, lease time.Duration) (*Subscription, error)
	// MarkCollected records article URLs as collected; marking one again
	// changes nothing.
	MarkCollected(ctx context.Context, urls []string) error
	// Collected returns which of the URLs have been collected.
	Collected(ctx context.Context, urls []string) (map[string]bool, error)
}
