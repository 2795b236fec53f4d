package compare

import (
	"slices"
	"sort"
	"strings"
	"unicode"

	"github.com/parallax-news/parallax"
	"github.com/parallax-news/parallax/analyze"
	"github.com/parallax-news/parallax/analyze/entity"
)

// actionClasses is a small verb taxonomy in the spirit of CAMEO: each
// verb form maps to the kind of act it reports between two actors.
var actionClasses = func() map[string]string {
	classes := map[string][]string{
		"support":   {"support", "back", "reaffirm", "pledge", "endorse", "defend", "praise", "welcome", "reassure", "stand"},
		"criticize": {"criticize", "criticise", "condemn", "accuse", "denounce", "blast", "slam", "rebuke", "protest", "blame"},
		"threaten":  {"threaten", "warn"},
		"demand":    {"demand", "urge", "press"},
		"coerce":    {"impose", "ban", "restrict", "sanction", "suspend", "halt", "cancel", "expel", "discourage", "choke", "cut", "freeze", "block", "retaliate"},
		"attack":    {"attack", "strike", "invade", "bomb", "shell", "shoot", "fire"},
		"consult":   {"meet", "visit", "host", "discuss", "talk"},
		"cooperate": {"agree", "sign", "cooperate", "join", "aid", "help", "assist", "rescue"},
		"reject":    {"reject", "deny", "refuse", "dismiss", "rebuff"},
		"intervene": {"intervene", "deploy", "mobilize", "mobilise", "patrol"},
	}
	// "call" is in no class: "called for", "called on", "called her"
	// and "called the remarks egregious" are different acts. Classes are
	// read in a fixed order, so that a form two verbs share (none now)
	// would not depend on map order.
	names := make([]string, 0, len(classes))
	for class := range classes {
		names = append(names, class)
	}
	sort.Strings(names)
	m := map[string]string{}
	for _, class := range names {
		verbs := classes[class]
		for _, v := range verbs {
			for _, f := range verbForms(v) {
				if _, taken := m[f]; !taken {
					m[f] = class
				}
			}
		}
	}
	return m
}()

func verbForms(v string) []string {
	out := []string{v, v + "s", v + "ed", v + "d", v + "ing", v + "es"}
	if strings.HasSuffix(v, "e") {
		out = append(out, v[:len(v)-1]+"ing")
	}
	if strings.HasSuffix(v, "y") {
		out = append(out, v[:len(v)-1]+"ies", v[:len(v)-1]+"ied")
	}
	n := len(v)
	if n >= 3 && !strings.ContainsAny(v[n-1:], "aeiouwxy") && strings.ContainsAny(v[n-2:n-1], "aeiou") && !strings.ContainsAny(v[n-3:n-2], "aeiou") {
		out = append(out, v+v[n-1:]+"ed", v+v[n-1:]+"ing")
	}
	switch v {
	case "strike":
		out = append(out, "struck")
	case "meet":
		out = append(out, "met")
	case "stand":
		out = append(out, "stood")
	case "shoot":
		out = append(out, "shot")
	}
	return out
}

// actions finds who does what to whom: a sentence naming an actor (a
// person, organisation, government or country), then a verb of the
// taxonomy, then a target among the same kinds. Actions are grouped by
// actor, class and target across articles; the most widely reported
// come first.
func actions(in []Input, ents entityIndex) []parallax.Action {
	type key struct{ actor, class, target string }
	by := map[key]*parallax.Action{}
	var order []key
	for _, x := range in {
		for _, s := range x.Annotation.Sentences {
			mentions := mentionsIn(x.Annotation, s)
			if len(mentions) < 2 {
				continue
			}
			for _, act := range sentenceActions(s, mentions) {
				// a capital standing for its government acts as its state:
				// "Beijing banned …" and "China banned …" are one actor
				actor := entity.State(ents.name(ents.of[x.Article.ID][act.actor.EntityID]))
				target := entity.State(ents.name(ents.of[x.Article.ID][act.target.EntityID]))
				if actor == "" || target == "" || actor == target {
					continue
				}
				k := key{actor, act.class, target}
				a, ok := by[k]
				if !ok {
					a = &parallax.Action{Actor: actor, Class: act.class, Target: target, Texts: []string{}, ArticleIDs: []int64{}, Evidence: []parallax.Evidence{}}
					by[k] = a
					order = append(order, k)
				}
				if !slices.Contains(a.Texts, act.text) {
					a.Texts = append(a.Texts, act.text)
				}
				if !hasEvidence(a.Evidence, x.Article.ID, s.Text) {
					a.Evidence = append(a.Evidence, parallax.Evidence{ArticleID: x.Article.ID, Sentence: s.Text})
				}
				a.ArticleIDs = addID(a.ArticleIDs, x.Article.ID)
			}
		}
	}
	out := make([]parallax.Action, 0, len(order))
	for _, k := range order {
		a := by[k]
		a.ArticleIDs = sortIDs(a.ArticleIDs)
		out = append(out, *a)
	}
	sort.SliceStable(out, func(i, j int) bool { return len(out[i].ArticleIDs) > len(out[j].ArticleIDs) })
	return out
}

// mentionsIn returns the entity mentions inside a sentence that can act:
// people, organisations, governments and countries.
func mentionsIn(a analyze.Annotation, s analyze.Span) []analyze.Entity {
	var out []analyze.Entity
	for _, e := range a.Entities {
		if e.Start >= s.Start && e.End <= s.End && (e.Type == "person" || e.Type == "organisation" || e.Type == "place" && e.Canonical != "" && countryLike(e)) {
			out = append(out, e)
		}
	}
	return out
}

// countryLike reports a place that is a country, which acts as a state
// ("China has discouraged its nationals …").
func countryLike(e analyze.Entity) bool {
	return e.Text == e.Canonical || strings.EqualFold(e.Text, "U.S.") || strings.EqualFold(e.Text, "US")
}

type sentenceAction struct {
	actor, target analyze.Entity
	class, text   string
}

// sentenceActions reads "ACTOR … VERB … TARGET" in a sentence: the
// closest actor before a taxonomy verb and the first target after it,
// within a short distance.
func sentenceActions(s analyze.Span, mentions []analyze.Entity) []sentenceAction {
	if strings.HasSuffix(strings.TrimRight(s.Text, ` "'”’)`), "?") {
		return nil // a question reports no act
	}
	runes := []rune(s.Text)
	var out []sentenceAction
	pos := 0
	words := strings.FieldsFunc(string(runes), func(r rune) bool { return !unicode.IsLetter(r) && r != '-' })
	for n, w := range words {
		i := indexFrom(runes, []rune(w), pos)
		if i < 0 {
			break
		}
		pos = i + len([]rune(w))
		class, ok := actionClasses[strings.ToLower(w)]
		if !ok || !finite(strings.ToLower(w), words[:n]) || unreal(string(runes[:i]), words[:n]) {
			continue
		}
		if class == "threaten" && n+1 < len(words) && aboutWords[strings.ToLower(words[n+1])] {
			continue // "warned of the collapse of the alliance": a prediction, not a threat
		}
		at := s.Start + i
		var actor, target *analyze.Entity
		for k := range mentions {
			m := &mentions[k]
			if m.End <= at && at-m.End < 60 {
				actor = m
			}
			if m.Start >= at && target == nil && m.Start-at < 80 {
				target = m
			}
		}
		if actor == nil || target == nil {
			continue
		}
		end := min(len(runes), target.End-s.Start)
		text := strings.TrimSpace(string(runes[i:end]))
		out = append(out, sentenceAction{actor: *actor, target: *target, class: class, text: text})
	}
	return out
}

// aboutWords after a verb of warning make it a prediction.
var aboutWords = map[string]bool{"of": true, "about": true, "that": true, "against": true}

// unreal reports a verb that reports no act: negated ("does not
// require Japan to defend", "never imposed", "failing to defend"), a
// possibility ("might
// intervene") or in a clause that opens with a condition ("If Japan were
// to stand aside …"). before is the
// sentence up to the verb, words its words.
func unreal(before string, words []string) bool {
	for k := len(words) - 1; k >= 0 && k >= len(words)-6; k-- {
		w := strings.ToLower(words[k])
		// words split at apostrophes: "doesn't" is "doesn", "t"
		if w == "not" || w == "never" || w == "no" || w == "t" && k > 0 && strings.HasSuffix(strings.ToLower(words[k-1]), "n") {
			return true
		}
		if k >= len(words)-2 && (w == "might" || w == "could" || w == "may") {
			return true // a possibility: "the SDF might intervene"
		}
	}
	if n := len(words); n >= 2 && strings.EqualFold(words[n-1], "to") {
		// "failing to defend", "refused to sanction": an act not done
		w := strings.ToLower(words[n-2])
		if strings.HasPrefix(w, "fail") || strings.HasPrefix(w, "refus") || strings.HasPrefix(w, "declin") {
			return true
		}
	}
	clause := before
	if i := strings.LastIndexAny(before, ",;:—"); i >= 0 {
		clause = before[i+1:]
	}
	first, _, _ := strings.Cut(strings.TrimSpace(clause), " ")
	switch strings.ToLower(first) {
	case "if", "unless", "whether", "should", "were":
		return true
	}
	return false
}

// finite reports a verb form that reports an act rather than names one:
// a past or third-person form ("imposed", "urges"), or a base form or
// participle after an auxiliary ("will impose", "is imposing"). "An attack
// on Taiwan" and "a threatening situation" are not acts.
func finite(w string, before []string) bool {
	if strings.HasSuffix(w, "ed") || irregularPast[w] || strings.HasSuffix(w, "s") && !strings.HasSuffix(w, "ss") {
		return true
	}
	for k := len(before) - 1; k >= 0 && k >= len(before)-3; k-- {
		switch b := strings.ToLower(before[k]); {
		case b == "to" && k > 0 && nounBeforeTo(strings.ToLower(before[k-1])):
			return false // "her commitment to aid U.S. forces": a promise, not an act
		case auxiliaries[b]:
			return true
		case b == "also" || b == "not" || b == "still" || strings.HasSuffix(b, "ly"):
			continue // "is reportedly also choking off"
		default:
			return false
		}
	}
	return false
}

// nounBeforeTo reports a noun that an infinitive completes ("commitment
// to", "plan to", "readiness to"), rather than a verb ("agreed to").
func nounBeforeTo(w string) bool {
	for _, suf := range []string{"ment", "tion", "sion", "ness", "ity", "ance", "ence"} {
		if strings.HasSuffix(w, suf) {
			return true
		}
	}
	return intentNouns[w]
}

var intentNouns = map[string]bool{
	"plan": true, "plans": true, "pledge": true, "promise": true, "vow": true, "bid": true, "attempt": true,
	"effort": true, "efforts": true, "decision": true, "move": true, "call": true, "calls": true, "threat": true,
	"right": true, "offer": true, "proposal": true, "push": true, "need": true, "way": true, "chance": true,
}

var auxiliaries = map[string]bool{
	"will": true, "would": true, "to": true, "could": true, "can": true, "may": true, "might": true,
	"should": true, "must": true, "is": true, "are": true, "was": true, "were": true, "be": true,
	"been": true, "did": true, "does": true, "do": true,
}

var irregularPast = map[string]bool{"struck": true, "met": true, "stood": true, "shot": true, "cut": false}

func indexFrom(hay, needle []rune, from int) int {
	for i := from; i+len(needle) <= len(hay); i++ {
		if string(hay[i:i+len(needle)]) == string(needle) {
			return i
		}
	}
	return -1
}
