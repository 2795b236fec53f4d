package parallax

// StoryReport is the story as shown to users: the JSON contract of
// `parallax story ID --json` and GET /api/v1/stories/{id}. Lists are never
// nil, so that analysis not yet computed shows as an empty array.
type StoryReport struct {
	ID             int64           `json:"id"`
	Title          string          `json:"title"`
	StorylineID    int64           `json:"storyline_id"`
	FirstPublished *string         `json:"first_published"`
	LastPublished  *string         `json:"last_published"`
	Articles       []ReportArticle `json:"articles"`
	Sources        []ReportSource  `json:"sources"`
	Entities       []ReportEntity  `json:"entities"`
	Quotes         []ReportQuote   `json:"quotes"`
	Timeline       []TimelineEvent `json:"timeline"`
	Claims         []Claim         `json:"claims"`
	Conflicts      []Conflict      `json:"conflicts"`
	Brief          []BriefSentence `json:"brief"`
	Framing        []OutletFraming `json:"framing"`
	Actions        []Action        `json:"actions"`
	Related        []RelatedStory  `json:"related"`
}

// Action is who did what to whom: an actor, a class of action, a target,
// the words the articles used, and where.
type Action struct {
	Actor      string     `json:"actor"`
	Class      string     `json:"class"`
	Target     string     `json:"target"`
	Texts      []string   `json:"texts"`
	ArticleIDs []int64    `json:"article_ids"`
	Evidence   []Evidence `json:"evidence"`
}

// OutletFraming is how one outlet tells the story: its headlines, the
// loaded words it uses, and what other outlets report that it leaves out.
type OutletFraming struct {
	Source      string   `json:"source"`
	Headlines   []string `json:"headlines"`
	LoadedTerms []string `json:"loaded_terms"`
	// Omits are claims that two or more other independent outlets make
	// and this outlet does not.
	Omits []string `json:"omits"`
}

// ReportArticle is an article as listed in a story report.
type ReportArticle struct {
	ID         int64   `json:"id"`
	ExternalID string  `json:"external_id"`
	Source     string  `json:"source"`
	Title      string  `json:"title"`
	URL        string  `json:"url"`
	Published  *string `json:"published"`
	// PublishedPrecision is "day" when only the date is known.
	PublishedPrecision string `json:"published_precision"`
	Language           string `json:"language"`
	DuplicateOf        *int64 `json:"duplicate_of"`
}

// ReportSource is an outlet's share of a story. Independent is false when
// every article of the outlet copies another outlet's article.
type ReportSource struct {
	Name        string `json:"name"`
	Articles    int    `json:"articles"`
	Independent bool   `json:"independent"`
}

// ReportEntity is a person, organisation or place with all its aliases.
type ReportEntity struct {
	ID         string   `json:"id"`
	Name       string   `json:"name"`
	Type       string   `json:"type"`
	Aliases    []string `json:"aliases"`
	Mentions   int      `json:"mentions"`
	ArticleIDs []int64  `json:"article_ids"`
}

// ReportQuote is one statement and the ways outlets rendered it.
type ReportQuote struct {
	ID              string         `json:"id"`
	Speaker         string         `json:"speaker"`
	SpeakerEntityID string         `json:"speaker_entity_id"`
	Text            string         `json:"text"`
	Kind            string         `json:"kind"`
	Variants        []QuoteVariant `json:"variants"`
	ArticleIDs      []int64        `json:"article_ids"`
	// Learned marks a statement that only the quote model found, in
	// every article that renders it; the attribution rules found none.
	Learned bool `json:"learned,omitempty"`
}

// QuoteVariant is one outlet's rendering of a quote.
type QuoteVariant struct {
	ArticleID int64  `json:"article_id"`
	Text      string `json:"text"`
	Sentence  string `json:"sentence"`
}

// Evidence is a sentence of an article that supports a report item.
type Evidence struct {
	ArticleID int64  `json:"article_id"`
	Sentence  string `json:"sentence"`
}

// TimelineEvent is one date of a story with the sentences that mention it.
type TimelineEvent struct {
	Date       string     `json:"date"`
	Precision  string     `json:"precision"`
	Text       string     `json:"text"`
	ArticleIDs []int64    `json:"article_ids"`
	Evidence   []Evidence `json:"evidence"`
	// Background marks a date well before the story, such as the year a
	// bridge opened.
	Background bool `json:"background"`
	// Estimated marks a date that only relative expressions give ("last
	// month"), in articles whose own date is unknown and was inferred.
	Estimated bool `json:"estimated,omitempty"`
	// StoryID is set on a date that only another story of the storyline
	// mentions: the statement that the story reacts to, say.
	StoryID int64 `json:"story_id,omitempty"`
}

// Claim statuses.
const (
	Corroborated = "corroborated"
	SingleSource = "single_source"
	Conflicting  = "conflicting"
)

// Claim is a statement aligned across articles.
type Claim struct {
	Text       string     `json:"text"`
	Status     string     `json:"status"`
	ArticleIDs []int64    `json:"article_ids"`
	Evidence   []Evidence `json:"evidence"`
}

// Kinds of conflicts.
const (
	ConflictValues         = "values"           // different values for one slot
	ConflictVagueVsPrecise = "vague_vs_precise" // "high approval ratings" vs "47% approval rating"
)

// Conflict is one slot with different values in different sources.
type Conflict struct {
	Slot   string          `json:"slot"`
	Kind   string          `json:"kind"`
	Values []ConflictValue `json:"values"`
}

// ConflictValue is one of the values of a conflicting slot.
type ConflictValue struct {
	Value      string     `json:"value"`
	ArticleIDs []int64    `json:"article_ids"`
	Evidence   []Evidence `json:"evidence"`
}

// BriefSentence is a sentence of the story brief and the articles it cites.
type BriefSentence struct {
	Text       string  `json:"text"`
	ArticleIDs []int64 `json:"article_ids"`
	// Status is the status of the claim the sentence states.
	Status string `json:"status"`
}

// RelatedStory is another story of the same storyline.
type RelatedStory struct {
	ID       int64  `json:"id"`
	Title    string `json:"title"`
	Articles int    `json:"articles"`
}
