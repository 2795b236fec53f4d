package cluster

// stopwords are function words of English and the main European
// languages, and reporting words common to every news story.
var stopwords = func() map[string]bool {
	m := map[string]bool{}
	for _, w := range []string{
		// English
		"a", "an", "the", "and", "or", "but", "if", "of", "to", "in", "on", "at", "by", "for", "with", "from",
		"as", "is", "are", "was", "were", "be", "been", "being", "it", "its", "this", "that", "these", "those",
		"he", "she", "they", "we", "you", "i", "his", "her", "their", "our", "your", "my", "him", "them", "us",
		"who", "whom", "which", "what", "when", "where", "why", "how", "not", "no", "do", "does", "did", "has",
		"have", "had", "will", "would", "can", "could", "should", "may", "might", "must", "shall", "than",
		"then", "there", "here", "so", "such", "about", "after", "before", "over", "under", "into", "out",
		"up", "down", "also", "more", "most", "other", "some", "any", "all", "each", "both", "one", "two",
		"new", "said", "says", "say", "told", "according", "just", "only", "very", "while", "during", "now",
		"last", "first", "year", "years", "week", "day", "days", "time", "people", "like", "get", "got", "make",
		"made", "many", "much", "per", "cent", "mr", "mrs", "ms", "dr", "via", "against", "between", "through",
		"monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday",
		"photo", "image", "video", "read", "news", "report", "reports", "reported", "reuters", "ap", "afp",
		"am", "pm", "et", "gmt", "utc", "s", "t", "don", "it's", "that's", "would've",
		// German, French, Spanish, Italian, Portuguese, Dutch
		"der", "die", "das", "und", "ist", "nicht", "ein", "eine", "den", "dem", "des", "mit", "auf", "für",
		"le", "la", "les", "et", "est", "un", "une", "des", "du", "de", "dans", "pour", "que", "qui", "sur",
		"el", "los", "las", "y", "es", "en", "por", "con", "para", "una", "del", "al", "lo", "se", "su",
		"il", "di", "che", "per", "non", "da", "della", "o", "em", "do", "da", "os", "het", "een", "van", "op",
	} {
		m[w] = true
	}
	return m
}()
