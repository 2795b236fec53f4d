package quote

import (
	"iter"
	"maps"
	"slices"
	"strings"
)

// cueVerbs are verbs that attribute speech or thought, by base form.
var cueVerbs = []string{
	"say", "tell", "add", "note", "write", "argue", "claim", "state", "announce", "report", "warn",
	"urge", "insist", "explain", "acknowledge", "admit", "ask", "answer", "reply", "respond", "tweet",
	"declare", "suggest", "predict", "believe", "think", "find", "show", "accuse", "deny", "confirm",
	"recall", "describe", "estimate", "promise", "pledge", "vow", "contend", "maintain", "concede",
	"complain", "criticize", "praise", "emphasize", "stress", "observe", "remark", "comment",
	"testify", "indicate", "reveal", "disclose", "agree", "disagree", "fear", "worry", "hope",
	"charge", "allege", "assert", "boast", "caution", "conclude", "counter", "demand", "echo",
	"joke", "lament", "muse", "posit", "propose", "recommend", "reiterate", "repeat", "retort",
	"scoff", "shout", "signal", "speculate", "swear", "threaten", "mention", "point", "add",
	"acknowledge", "announce", "blast", "decry", "slam", "cite", "call", "chant", "yell", "whisper",
	"inform", "assure", "advise", "tell", "brief", "guarantee", "forecast", "project", "expect",
	"feel", "doubt", "know", "learn", "realize", "understand", "wonder", "question", "declare",
	"proclaim", "contend", "reason", "opine", "post", "blog", "concur",
}

// irregular past forms of cue verbs.
var irregular = map[string]string{
	"said": "say", "told": "tell", "wrote": "write", "written": "write", "found": "find", "thought": "think",
	"shown": "show", "knew": "know", "known": "know", "felt": "feel", "swore": "swear", "sworn": "swear",
	"understood": "understand", "forecast": "forecast", "learnt": "learn", "spoke": "speak",
}

// cueForms maps every inflected form of a cue verb to its base form.
var cueForms = func() map[string]string {
	m := forms(slices.Values(cueVerbs))
	for f, v := range irregular {
		m[f] = v
	}
	return m
}()

// forms maps each verb and its inflections (inflect) to the verb.
func forms(verbs iter.Seq[string]) map[string]string {
	m := map[string]string{}
	for v := range verbs {
		m[v] = v
		for _, f := range inflect(v) {
			m[f] = v
		}
	}
	return m
}

func inflect(v string) []string {
	var s, ed, ing string
	switch {
	case strings.HasSuffix(v, "y") && !strings.ContainsAny(v[len(v)-2:len(v)-1], "aeiou"):
		s, ed, ing = v[:len(v)-1]+"ies", v[:len(v)-1]+"ied", v+"ing"
	case strings.HasSuffix(v, "e"):
		s, ed, ing = v+"s", v+"d", v[:len(v)-1]+"ing"
	case strings.HasSuffix(v, "sh") || strings.HasSuffix(v, "ch") || strings.HasSuffix(v, "s") || strings.HasSuffix(v, "x"):
		s, ed, ing = v+"es", v+"ed", v+"ing"
	default:
		s, ed, ing = v+"s", v+"ed", v+"ing"
	}
	out := []string{s, ed, ing}
	// doubled consonant: "admitted", "regretted"
	if n := len(v); n >= 3 && !strings.ContainsAny(v[n-1:], "aeiouwxy") && strings.ContainsAny(v[n-2:n-1], "aeiou") &&
		!strings.ContainsAny(v[n-3:n-2], "aeiou") {
		out = append(out, v+v[n-1:]+"ed", v+v[n-1:]+"ing")
	}
	return out
}

// speechVerbs attribute words actually spoken or written; the others
// (think, believe, show) attribute thoughts or findings, which count as
// reported content but never introduce a direct quotation on their own.
var speechVerbs = map[string]bool{
	"say": true, "tell": true, "add": true, "note": true, "write": true, "argue": true, "claim": true,
	"state": true, "announce": true, "report": true, "warn": true, "urge": true, "insist": true,
	"explain": true, "acknowledge": true, "admit": true, "ask": true, "answer": true, "reply": true,
	"respond": true, "tweet": true, "declare": true, "recall": true, "describe": true, "joke": true,
	"shout": true, "yell": true, "continue": true, "counter": true, "retort": true, "chant": true,
	"testify": true, "comment": true, "remark": true, "observe": true, "post": true, "write:": true,
	"reiterate": true, "repeat": true, "concede": true, "complain": true, "lament": true, "boast": true,
	"quip": true, "whisper": true, "exclaim": true, "muse": true, "cite": true, "echo": true,
}

// speechForms maps the inflected forms of the speech verbs to their base
// forms, including those too loose to be cues of reported speech
// ("continued", "quipped").
var speechForms = forms(maps.Keys(speechVerbs))

// objectCues take a listener before their content: "told reporters that".
var objectCues = map[string]bool{
	"tell": true, "inform": true, "assure": true, "warn": true, "remind": true, "advise": true,
	"brief": true, "promise": true, "ask": true, "urge": true, "guarantee": true,
}

// auxiliaries and adverbs that belong to the cue when they precede it:
// "has said", "also noted", "later told".
var cueAux = map[string]bool{
	"has": true, "have": true, "had": true, "will": true, "would": true, "also": true, "later": true,
	"previously": true, "repeatedly": true, "then": true, "once": true, "again": true, "publicly": true,
	"recently": true, "often": true, "further": true, "privately": true, "reportedly": true,
	"is": true, "was": true, "were": true, "are": true, "been": true, "did": true, "does": true,
	"frequently": true, "subsequently": true, "separately": true, "earlier": true, "allegedly": true,
	"now": true, "still": true, "just": true, "even": true, "soon": true,
	"could": true, "might": true, "may": true, "should": true, "must": true, "can": true, "do": true,
}

// npStop ends a source noun phrase when scanning back from a cue.
var npStop = map[string]bool{
	"that": true, "and": false, "but": true, "while": true, "because": true, "when": true, "where": true,
	"after": true, "before": true, "as": true, "if": true, "which": false, "though": true,
	"although": true, "since": true, "so": true, "than": true, "whom": true, "whose": true,
	"what": true, "how": true, "why": true, "whether": true, "until": true, "unless": true, "then": true,
}

// pronouns a source may be.
var pronouns = map[string]bool{
	"he": true, "she": true, "they": true, "we": true, "i": true, "you": true, "it": true, "who": true,
	"which": true, "one": true,
}

// attitudeVerbs attribute a stance to their subject, with a noun phrase
// or an infinitive as content: "called for an inquiry", "wants to
// help", "criticized the plan". Multi-word cues list their particles,
// separated by "|".
var attitudeVerbs = map[string]string{
	"call": "for|on", "want": "", "plan": "", "pledge": "", "vow": "", "promise": "", "urge": "",
	"criticize": "", "support": "", "oppose": "", "condemn": "", "reject": "", "endorse": "",
	"propose": "", "demand": "", "attack": "", "agree": "", "decline": "", "refuse": "", "cite": "",
	"praise": "", "blame": "", "defend": "", "question": "", "dismiss": "", "welcome": "",
	"applaud": "", "denounce": "", "slam": "", "blast": "", "threaten": "", "seek": "", "favor": "",
	"favour": "", "back": "", "push": "for", "point": "to", "speak": "of", "liken": "", "recommend": "",
	"intend": "", "hope": "", "offer": "", "insist": "on", "discuss": "", "mock": "", "deride": "",
	"decry": "", "lament": "", "tout": "", "champion": "", "advocate": "", "accuse": "", "warn": "of|against",
	"express": "", "reference": "", "rail": "against", "outline": "", "voice": "", "highlight": "",
	"invoke": "", "hail": "", "laud": "", "fault": "", "rebuke": "", "assail": "", "bemoan": "",
	"lash": "out", "credit": "", "scold": "", "chide": "", "berate": "", "embrace": "", "rip": "",
}

// attitudeForms maps inflected forms of attitude verbs to their base.
var attitudeForms = func() map[string]string {
	m := forms(maps.Keys(attitudeVerbs))
	m["sought"], m["spoke"], m["spoken"] = "seek", "speak", "speak"
	return m
}()

// Speech reports whether a cue ("said", "again urged", "told") holds a
// verb of speech or writing, rather than of thought or stance ("believes",
// "was refusing").
func Speech(cue string) bool {
	for _, w := range strings.Fields(strings.ToLower(cue)) {
		if speechForms[strings.Trim(w, ",:;")] != "" {
			return true
		}
	}
	return false
}

// Reporting reports whether a cue that the model found can report what
// its speaker said, thought or held. A verb of seeming, having or doing
// cannot ("appeared to dial back", "enjoyed high approval ratings", "was
// drawing a line in the sand", "took questions"): PolNeAR annotates some
// such sentences as the writer's evidence, but they give no one's words,
// so the story report leaves them out.
func Reporting(cue string) bool {
	for _, w := range strings.Fields(strings.ToLower(cue)) {
		if w = strings.Trim(w, ",:;"); !cueAux[w] && nonReportingForms[w] {
			return false
		}
	}
	return true
}

// nonReportingForms are the forms of verbs that report no words (see
// Reporting).
var nonReportingForms = func() map[string]bool {
	m := map[string]bool{}
	for f := range forms(slices.Values([]string{
		"appear", "seem", "look", "sound", "enjoy", "take", "make", "draw", "get", "become", "remain",
		"face", "hold", "win", "lose", "keep", "give", "put", "come", "go", "run", "bring",
	})) {
		m[f] = true
	}
	for _, f := range []string{"took", "taken", "made", "drew", "drawn", "got", "gotten", "became", "held",
		"won", "lost", "kept", "gave", "given", "came", "went", "ran", "brought"} {
		m[f] = true
	}
	return m
}()
