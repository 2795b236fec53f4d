package parallax

import (
	"context"
	"time"
)

// Story is a set of articles about one real-world event.
type Story struct {
	ID             int64
	StorylineID    int64
	Title          string
	FirstPublished time.Time
	LastPublished  time.Time
	Articles       int
	Sources        int
	UpdatedAt      time.Time
}

// StoryFilter selects stories. Zero values select everything.
type StoryFilter struct {
	IDs         []int64
	StorylineID *int64
	// Source and Language select stories with at least one article from
	// that outlet or in that language.
	Source   string
	Language string
	// Since selects stories with an article published at or after it.
	Since time.Time
	// Sort orders the stories: SortRecent (the default), SortSources or
	// SortArticles.
	Sort   string
	Offset int
	Limit  int
}

// Story orders.
const (
	SortRecent   = "recent"   // last article first
	SortSources  = "sources"  // most outlets first, then most recent
	SortArticles = "articles" // most articles first, then most recent
)

// Assignment places one article in a story. A story's ID is the ID of the
// article that founded it, and a storyline's ID the ID of the story that
// founded it, so that an assigner can open new stories without asking the
// store for IDs, and IDs stay stable as stories grow.
type Assignment struct {
	ArticleID   int64
	StoryID     int64
	StorylineID int64
	DuplicateOf int64
	// Title names the story when the assignment creates it.
	Title string
}

// StoryService stores and reads stories.
type StoryService interface {
	// FindStoryByID returns the story, following the alias of a story that
	// was merged into another.
	FindStoryByID(ctx context.Context, id int64) (*Story, error)
	FindStories(ctx context.Context, filter StoryFilter) ([]*Story, int, error)
	// AssignStories applies the assignments in one transaction, creating
	// stories and storylines that do not exist yet.
	AssignStories(ctx context.Context, assignments []Assignment) error
	// MergeStories moves every article of story from into story into and
	// keeps from as an alias of into, so that links to it still resolve.
	MergeStories(ctx context.Context, from, into int64) error
}
