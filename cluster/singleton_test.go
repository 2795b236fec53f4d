package cluster_test

import (
	"testing"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/cluster"
)

func TestSingleton(t *testing.T) {
	got := cluster.Singleton{}.Assign([]*parallax.Article{{ID: 3, Title: "A"}, {ID: 7, Title: "B"}})
	want := []parallax.Assignment{
		{ArticleID: 3, StoryID: 3, StorylineID: 3, Title: "A"},
		{ArticleID: 7, StoryID: 7, StorylineID: 7, Title: "B"},
	}
	if len(got) != len(want) {
		t.Fatalf("got %d assignments, want %d", len(got), len(want))
	}
	for i := range want {
		if got[i] != want[i] {
			t.Errorf("assignment %d = %+v, want %+v", i, got[i], want[i])
		}
	}
}
