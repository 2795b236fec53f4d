package server

import (
	"net/http"
	"time"

	"github.com/parallax-news/parallax"
)

// subscriptionsView is the /sources page: what Parallax collects from and
// how each source is doing.
type subscriptionsView struct {
	Items   []subscriptionRow
	Failing int
	Now     time.Time
}

type subscriptionRow struct {
	*parallax.Subscription
	// Status is "ok", "failing" or "new" (never fetched).
	Status string
}

func (s *Server) subscriptions(r *http.Request) ([]*parallax.Subscription, error) {
	if s.Subscriptions == nil {
		return nil, parallax.Errorf(parallax.ENOTFOUND, "collection is not available on this server")
	}
	subs, err := s.Subscriptions.FindSubscriptions(r.Context(), parallax.SubscriptionFilter{})
	if subs == nil {
		subs = []*parallax.Subscription{}
	}
	return subs, err
}

// handleSubscriptions is GET /api/v1/subscriptions: every collected
// source with its health record.
func (s *Server) handleSubscriptions(w http.ResponseWriter, r *http.Request) {
	subs, err := s.subscriptions(r)
	if err != nil {
		s.apiError(w, r, err)
		return
	}
	items := make([]parallax.Subscription, len(subs))
	for i, sub := range subs {
		items[i] = *sub
	}
	s.writeJSON(w, r, http.StatusOK, listResponse[parallax.Subscription]{items, len(items), 0, len(items)})
}

// handleSubscriptionsPage is GET /sources.
func (s *Server) handleSubscriptionsPage(w http.ResponseWriter, r *http.Request) {
	subs, err := s.subscriptions(r)
	if err != nil {
		s.pageError(w, r, err)
		return
	}
	v := subscriptionsView{Now: time.Now()}
	for _, sub := range subs {
		row := subscriptionRow{Subscription: sub, Status: "ok"}
		switch {
		case sub.Failures > 0:
			row.Status = "failing"
			v.Failing++
		case sub.LastFetch.IsZero():
			row.Status = "new"
		}
		v.Items = append(v.Items, row)
	}
	s.render(w, r, http.StatusOK, s.pages.sources, "Sources", v)
}
