package extract

import (
	"regexp"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Dropped is a line that text cleanup removed, with the reason.
type Dropped struct {
	Text   string `json:"text"`
	Reason string `json:"reason"`
}

// Reasons a line is dropped.
const (
	ReasonRepeated   = "repeated"    // an exact repeat of an earlier line, such as a caption printed twice
	ReasonChrome     = "site chrome" // navigation, share, sign-in, subscribe, copyright, disclaimer
	ReasonTail       = "tail"        // after the article: related links, comments, about-the-site blocks
	ReasonOffTopic   = "off topic"   // at the end and about something else than the article
	ReasonDateline   = "dateline"    // a line holding only the publication date
	ReasonByline     = "byline"      // a line holding only the author
	ReasonTitleAgain = "title"       // the title repeated as the first body line
)

// TextResult is a cleaned plain-text article.
type TextResult struct {
	Page
	// Dateline is the text of a "Published …" line, for the caller to
	// parse; cleanup does not interpret dates.
	Dateline string    `json:"dateline,omitempty"`
	Dropped  []Dropped `json:"dropped"`
}

// CleanText cleans a scraped plain-text article: the first non-empty line
// is the title (unless it is a whole paragraph, see titleLine), and the
// body loses site boilerplate. Signals are general: where a line sits,
// its length and shape, repetition, a small lexicon of web chrome, and how
// much it shares with the article's topic.
func CleanText(raw string) *TextResult {
	lines := splitNonEmpty(raw)
	if len(lines) == 0 {
		return &TextResult{Dropped: []Dropped{}}
	}
	title, body := titleLine(lines)
	return cleanLines(title, body)
}

// CleanBody cleans the body of an article whose title is known, such as a
// JSONL record's text. Each line is a paragraph. When cleanup would leave
// nothing (a headline-only record, say), the text is kept as it was.
func CleanBody(title, text string) *TextResult {
	return cleanLines(strings.Join(strings.Fields(title), " "), splitNonEmpty(text))
}

func cleanLines(title string, body []string) *TextResult {
	res := &TextResult{Dropped: []Dropped{}}
	res.Title = title
	res.Site = siteName(title, body)
	c := &cleaner{res: res, lines: body, keep: make([]bool, len(body))}
	for i := range c.keep {
		c.keep[i] = true
	}
	c.run()
	for i, l := range c.lines {
		if c.keep[i] {
			res.Paragraphs = append(res.Paragraphs, l)
		}
	}
	if len(res.Paragraphs) == 0 {
		res.Paragraphs, res.Dropped = body, []Dropped{}
	}
	return res
}

func splitNonEmpty(raw string) []string {
	raw = strings.ReplaceAll(strings.ReplaceAll(raw, "\r\n", "\n"), "\r", "\n")
	var out []string
	for _, l := range strings.Split(raw, "\n") {
		if l = strings.Join(strings.Fields(l), " "); l != "" {
			out = append(out, l)
		}
	}
	return out
}

// titleLine takes the first line as the title. A first line that is a
// whole paragraph (several sentences, or over 250 characters) is the lede
// of a scrape without a headline: it stays in the body, and its first
// sentence becomes the title.
func titleLine(lines []string) (string, []string) {
	first := lines[0]
	if utf8.RuneCountInString(first) <= 250 && sentenceCount(first) <= 1 {
		return first, lines[1:]
	}
	return firstSentence(first), lines
}

type cleaner struct {
	res   *TextResult
	lines []string
	keep  []bool
}

func (c *cleaner) drop(i int, reason string) {
	if c.keep[i] {
		c.keep[i] = false
		c.res.Dropped = append(c.res.Dropped, Dropped{Text: c.lines[i], Reason: reason})
	}
}

func (c *cleaner) run() {
	c.head()
	c.repeats()
	c.chrome()
	c.tail()
}

// head drops what precedes the article: the title printed again, menus,
// a dateline and a byline, among the first lines.
func (c *cleaner) head() {
	for i := 0; i < min(len(c.lines), 6); i++ {
		l := c.lines[i]
		switch {
		case i == 0 && sameText(l, c.res.Title):
			c.drop(i, ReasonTitleAgain)
		case isMenu(l, 3) || (i < 3 && isMenu(l, 2)):
			c.drop(i, ReasonChrome)
		case datelineRE.MatchString(l):
			c.res.Dateline = l
			c.drop(i, ReasonDateline)
		case bylineRE.MatchString(l):
			if c.res.Byline == "" {
				c.res.Byline = cleanByline(bylineRE.FindStringSubmatch(l)[1])
			}
			c.drop(i, ReasonByline)
		}
	}
}

// repeats drops exact repeats of an earlier line of four words or more.
func (c *cleaner) repeats() {
	seen := map[string]bool{}
	for i, l := range c.lines {
		key := strings.ToLower(l)
		if len(strings.Fields(l)) >= 4 && seen[key] {
			c.drop(i, ReasonRepeated)
		}
		seen[key] = true
	}
}

// chrome drops short lines anywhere that are prompts of the site rather
// than text of the article.
func (c *cleaner) chrome() {
	for i, l := range c.lines {
		if len(strings.Fields(l)) <= 30 && (isChrome(strings.ToLower(l)) || isTeaser(l)) {
			c.drop(i, ReasonChrome)
		}
	}
}

func isChrome(lower string) bool {
	for _, s := range chromeInside {
		if strings.Contains(lower, s) {
			return true
		}
	}
	return chromeStartRE.MatchString(lower)
}

// isTeaser reports a link to another article: a headline of four words
// or more followed by the link's capitalised text.
func isTeaser(l string) bool {
	// the expression's phrases all hold "Read" or "reading": most lines,
	// holding neither, skip it
	if !strings.Contains(l, "Read") && !strings.Contains(l, "reading") {
		return false
	}
	m := teaserEndRE.FindStringSubmatchIndex(l)
	return m != nil && len(strings.Fields(l[:m[2]])) >= 4
}

// tail finds where the article ends. Everything from a tail-section
// heading ("Related articles", "3 thoughts on …", "Most read") to the end
// goes; then, walking back from the end, so do headings, chrome and
// paragraphs that leave the article's topic, until a line that belongs.
func (c *cleaner) tail() {
	n := len(c.lines)
	for i := n / 3; i < n; i++ {
		if c.keep[i] && c.isTailSection(i) {
			for j := i; j < n; j++ {
				c.drop(j, ReasonTail)
			}
			break
		}
	}
	vocab := c.topicVocabulary()
	for i := n - 1; i >= n/2; i-- {
		if !c.keep[i] {
			continue
		}
		l := c.lines[i]
		switch {
		case isHeading(l):
			c.drop(i, ReasonTail)
		case c.res.Site != "" && strings.Contains(l, c.res.Site):
			c.drop(i, ReasonTail) // the site describing itself
		case topicShare(l, vocab) < 0.15 && len(strings.Fields(l)) <= 60 && !reportedRE.MatchString(l) &&
			selfPromoRE.MatchString(l):
			c.drop(i, ReasonOffTopic)
		default:
			return
		}
	}
}

// isTailSection reports whether line i opens the matter after an article:
// a tail heading ("Related articles", "2 thoughts on …") followed only by
// teaser-like lines, short and without reported speech. "What is X?"
// counts only when X is not what the article talks about before it.
func (c *cleaner) isTailSection(i int) bool {
	l := c.lines[i]
	if len(strings.Fields(l)) > 20 || !tailSectionRE.MatchString(strings.ToLower(l)) {
		return false
	}
	if m := whatIsRE.FindStringSubmatch(l); m != nil && mentioned(m[1], c.res.Title, c.lines[:i]) {
		return false
	}
	for _, next := range c.lines[i+1:] {
		if len(strings.Fields(next)) > 60 || reportedRE.MatchString(next) {
			return false
		}
	}
	return true
}

// topicVocabulary is the set of content words of the title and the first
// half of the kept body, which is where an article states its topic.
func (c *cleaner) topicVocabulary() map[string]bool {
	vocab := map[string]bool{}
	for _, w := range contentWords(c.res.Title) {
		vocab[w] = true
	}
	for i := 0; i < len(c.lines)/2+1 && i < len(c.lines); i++ {
		if c.keep[i] {
			for _, w := range contentWords(c.lines[i]) {
				vocab[w] = true
			}
		}
	}
	return vocab
}

// topicShare is the share of a line's content words that the article's
// topic vocabulary holds.
func topicShare(line string, vocab map[string]bool) float64 {
	words := contentWords(line)
	if len(words) == 0 {
		return 0
	}
	hits := 0
	for _, w := range words {
		if vocab[w] {
			hits++
		}
	}
	return float64(hits) / float64(len(words))
}

// contentWords returns the lowercased words of four letters or more, a
// crude but language-agnostic stand-in for content words, with a crude
// plural folding.
func contentWords(s string) []string {
	var out []string
	for _, w := range strings.FieldsFunc(strings.ToLower(s), func(r rune) bool {
		return !unicode.IsLetter(r) && !unicode.IsDigit(r)
	}) {
		if utf8.RuneCountInString(w) >= 4 && !stopwords[w] {
			out = append(out, strings.TrimSuffix(w, "s"))
		}
	}
	return out
}

var stopwords = map[string]bool{
	"that": true, "this": true, "with": true, "from": true, "have": true, "been": true, "were": true,
	"will": true, "would": true, "which": true, "their": true, "there": true, "about": true, "also": true,
	"than": true, "they": true, "said": true, "what": true, "when": true, "more": true, "most": true,
	"into": true, "over": true, "after": true, "could": true, "other": true, "some": true, "such": true,
	"only": true, "even": true, "just": true, "your": true, "them": true, "these": true, "those": true,
}

// isHeading reports a short line without closing punctuation.
func isHeading(l string) bool {
	words := len(strings.Fields(l))
	return words > 0 && words <= 8 && !endsSentence(l)
}

func endsSentence(l string) bool {
	l = strings.TrimRight(l, ` "'”’»)]`)
	return strings.HasSuffix(l, ".") || strings.HasSuffix(l, "!") || strings.HasSuffix(l, "?") ||
		strings.HasSuffix(l, "…") || strings.HasSuffix(l, ":") || strings.HasSuffix(l, "。")
}

// isMenu reports a navigation line: at least minParts short items
// separated by bars, bullets or slashes.
func isMenu(l string, minParts int) bool {
	if !strings.ContainsAny(l, "|•·»/") {
		return false
	}
	parts := menuSepRE.Split(l, -1)
	if len(parts) < minParts {
		return false
	}
	for _, p := range parts {
		if n := len(strings.Fields(p)); n == 0 || n > 5 {
			return false
		}
	}
	return true
}

var (
	menuSepRE  = regexp.MustCompile(`\s+[|•·»/]\s+`)
	datelineRE = regexp.MustCompile(`(?i)^(published|updated|posted|last updated|date)?:?\s*(on\s+)?` +
		`(\d{1,2}\s+\p{L}+\.?\s+\d{4}|\p{L}+\.?\s+\d{1,2},?\s+\d{4}|\d{4}-\d{2}-\d{2})([\s,]+\d{1,2}[:.]\d{2}.*)?$`)
	bylineRE = regexp.MustCompile(`^(?i:by|von|par|por|di|door)\s+(\p{Lu}[\p{L}.'’-]+(?:\s+(?:\p{Lu}[\p{L}.'’-]+|(?i:and|und|et|y|e|van|von|de|der)))*)(?:\s*[,|–-].*)?$`)
	// chromeStartRE and chromeInside match prompts that sites wrap around
	// articles, in the languages Parallax reads most: a lexicon of web
	// chrome, not of any one site. Both apply to the lowercased line;
	// anchoring and plain substrings keep them cheap on every line.
	chromeStartRE = regexp.MustCompile(`^(skip to (main )?content|share (this|on|via|your)|sign (in|up) (to|for)\b|` +
		`(log|sign) in\b|subscribe\b|©|copyright\b|follow us\b|download (our|the) app|advertisement$|click here\b|` +
		`comments are (closed|disabled)|(leave|post|add) a comment|donate\b|listen to (the|this)\b|` +
		`watch (the|this) (full|video)|read more:|(also read|see also|lire aussi|leer más|weiterlesen):?|` +
		`teilen\b|partager\b|compartir\b|anmelden\b|this (article|story) (originally appeared|was (first )?published)|` +
		`email the (author|reporter)|follow .{1,60} on (twitter|x|facebook|instagram))`)
	// teaserEndRE matches a link to another article: its headline
	// followed by the link text.
	teaserEndRE  = regexp.MustCompile(`\S\s+(Read more|Read the full story|Continue reading)( »| ›| →)?$`)
	chromeInside = []string{"newsletter", "all rights reserved", "content is ai-generated", "donate today", "donate now",
		"contributed to this report", "contributed to this story", "contributed to this post", "contributed to this article",
		"views are the author", "views expressed are the author", "views expressed are those of the author",
		"subscribe to", "subscribe for", "subscribe now", "subscribe today", "generated by ai", "generated with ai",
		"generated by artificial intelligence", "cookie policy", "cookie settings", "accept cookies", "use of cookies"}
	tailSectionRE = regexp.MustCompile(`^(related( articles| stories| posts| news| content| coverage)?|more (from|on|stories|news)\b.*|` +
		`read more|recommended( for you| stories)?|most (read|popular|viewed)|trending( now)?|you (may|might) also like.*|` +
		`(\d+|one|two|three) (thoughts?|comments?|responses?|replies) (on|to)\b.*|comments?|thoughts|leave a (reply|comment)|` +
		`what is .*\?|about (us|the author)|latest( news)?|popular|top stories|weitere artikel|mehr zum thema|à lire aussi|` +
		`lo más leído|noticias relacionadas)$`)
)

func cleanByline(s string) string {
	return strings.TrimSpace(strings.TrimSuffix(s, ","))
}

// mentioned reports whether subject occurs in the title or the lines.
func mentioned(subject, title string, lines []string) bool {
	subject = strings.ToLower(subject)
	if strings.Contains(strings.ToLower(title), subject) {
		return true
	}
	for _, l := range lines {
		if strings.Contains(strings.ToLower(l), subject) {
			return true
		}
	}
	return false
}

// siteName finds the outlet's name in its own boilerplate: a copyright
// line, a "What is X?" block about something the article did not discuss
// before, or an "X | Section" header.
func siteName(title string, lines []string) string {
	for _, l := range lines {
		if m := copyrightRE.FindStringSubmatch(l); m != nil {
			return strings.TrimSpace(m[1])
		}
	}
	for i, l := range lines {
		if m := whatIsRE.FindStringSubmatch(l); m != nil && !mentioned(m[1], title, lines[:i]) {
			return strings.TrimSpace(m[1])
		}
	}
	for _, l := range lines[:min(len(lines), 6)] {
		if !isMenu(l, 2) {
			continue
		}
		for _, p := range menuSepRE.Split(l, -1) {
			if startsUpper(p) && !sectionNames[strings.ToLower(p)] {
				return p
			}
		}
	}
	return ""
}

// sectionNames are the usual sections of news sites, which headers print
// next to the site's name.
var sectionNames = map[string]bool{
	"home": true, "news": true, "world": true, "opinion": true, "politics": true, "business": true,
	"sport": true, "sports": true, "culture": true, "analysis": true, "local": true, "national": true,
	"international": true, "tech": true, "technology": true, "science": true, "health": true,
	"editorial": true, "commentary": true, "economy": true, "weather": true, "europe": true, "asia": true,
	"latest": true, "video": true, "live": true, "features": true, "lifestyle": true, "entertainment": true,
}

// selfPromoRE finds the voice of a site talking to its readers: second
// person, "we" and "our", links, handles, hashtags and e-mail addresses. New
// names alone do not make a paragraph boilerplate; this voice does.
var selfPromoRE = regexp.MustCompile(`(?i:\b(you|your|we|our)\b|https?://|www\.)|\bus\b|(^|\s)[@#]\w|\S+@\S+\.\w+`)

// reportedRE finds attribution and quotation, the marks of news text: a
// paragraph that reports what someone said is article, whatever its words.
var reportedRE = regexp.MustCompile(`(?i)\b(said|says|told|added|stated|announced|according to|warned|urged|insisted|explained)\b|["“”«»„‘]`)

var (
	copyrightRE = regexp.MustCompile(`(?i)^(?:©|\(c\)|copyright)\s*(?:©\s*)?(?:\d{4}(?:\s*[-–]\s*\d{4})?)?\s*(.+?)\.?\s*(?:all rights reserved.*)?$`)
	whatIsRE    = regexp.MustCompile(`^(?i:what is)\s+(.+?)\?$`)
)

func startsUpper(s string) bool {
	r, _ := utf8.DecodeRuneInString(s)
	return unicode.IsUpper(r) || unicode.IsDigit(r)
}

// sentenceEnds returns the byte offsets just past each sentence end in s
// that is followed by more text: a full stop, question or exclamation mark
// (and closing quote) before a space and a capital, unless the word before
// it is an initial or a common abbreviation ("U.S.", "Dr.", "Jan.").
func sentenceEnds(s string) []int {
	var out []int
	for _, loc := range sentenceEndRE.FindAllStringIndex(s, -1) {
		if s[loc[0]] == '.' && isAbbreviation(lastWord(s[:loc[0]])) {
			continue
		}
		end := loc[0] + 1
		for end < len(s) && strings.ContainsRune(`"”’`, rune(s[end])) {
			end++
		}
		out = append(out, end)
	}
	return out
}

var sentenceEndRE = regexp.MustCompile(`[.!?]["”’]?\s+["“‘]?\p{Lu}`)

func lastWord(s string) string {
	i := strings.LastIndexFunc(s, unicode.IsSpace)
	return s[i+1:]
}

var abbreviations = map[string]bool{
	"mr": true, "mrs": true, "ms": true, "dr": true, "prof": true, "st": true, "gen": true, "sen": true,
	"rep": true, "gov": true, "lt": true, "col": true, "capt": true, "sgt": true, "jr": true, "sr": true,
	"no": true, "vs": true, "etc": true, "inc": true, "corp": true, "ltd": true, "co": true, "jan": true,
	"feb": true, "mar": true, "apr": true, "jun": true, "jul": true, "aug": true, "sep": true, "sept": true,
	"oct": true, "nov": true, "dec": true, "approx": true, "dept": true, "est": true, "fig": true,
}

// isAbbreviation reports an initial or dotted acronym ("J", "U.S") or a
// common abbreviation, given the word before a full stop.
func isAbbreviation(w string) bool {
	w = strings.TrimLeft(w, `"“‘(`)
	if w == "" {
		return false
	}
	if r, size := utf8.DecodeRuneInString(w); size == len(w) && unicode.IsUpper(r) {
		return true
	}
	if strings.Contains(w, ".") {
		return true
	}
	return abbreviations[strings.ToLower(w)]
}

func sentenceCount(s string) int {
	return len(sentenceEnds(s)) + 1
}

// firstSentence returns the first sentence of s, cut at a word boundary
// near 200 characters when longer.
func firstSentence(s string) string {
	if ends := sentenceEnds(s); len(ends) > 0 {
		s = s[:ends[0]]
	}
	if utf8.RuneCountInString(s) <= 200 {
		return strings.TrimSpace(s)
	}
	cut := string([]rune(s)[:200])
	if i := strings.LastIndex(cut, " "); i > 100 {
		cut = cut[:i]
	}
	return strings.TrimRight(cut, " ,;:") + "…"
}
