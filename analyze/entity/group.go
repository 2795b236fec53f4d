package entity

import (
	"strings"
)

// group joins mentions into entities: people by surname, title or full
// name; places by the country they denote; organisations by name or
// acronym. A lone capitalised word that is a known person's surname is
// that person.
func (f *finder) group() Result {
	var r Result
	key := map[string]int{} // lookup key → entity
	newEntity := func(m Mention, canonical string) int {
		r.Entities = append(r.Entities, Entity{Canonical: canonical, Type: m.Type})
		return len(r.Entities) - 1
	}
	// What the mentions say of their names, read in one pass:
	//   - recurs: names written at least once not merely opening a
	//     sentence;
	//   - places, orgs: a name written elsewhere as a place is that place,
	//     before or after ("Charlotte struggles … CHARLOTTE - … in
	//     Charlotte"), and so for an organisation ("the Cubs … Cubs win");
	//   - speakers: a lone name that says things is a surname, and makes
	//     the full name it ends a person's ("Ilse Vandermeere …
	//     Vandermeere said");
	//   - people: so does a person's name it ends ("Aung San Suu Kyi …
	//     Suu Kyi, who …");
	//   - titled: surnames after a title ("Mr. Powell").
	recurs, speakers, people, titled := map[string]bool{}, map[string]bool{}, map[string]bool{}, map[string]bool{}
	places, orgs := map[string]*Mention{}, map[string]bool{}
	for i, m := range f.mentions {
		lower := strings.ToLower(m.Text)
		if !m.weak && !m.brand { // (a brand recurs only if its organisation is named: see below)
			recurs[lower] = true
		}
		if m.speaks {
			speakers[lower] = true
		}
		switch {
		case m.Type == Place && !m.Metonym:
			places[lower] = &f.mentions[i]
		case m.Type == Organisation && !m.Metonym:
			orgs[lower] = true
		case m.Type == Person && !m.Nominal && strings.Contains(m.Text, " "):
			people[strings.ToLower(personName(m.Text))] = true
		case m.Type == Person && !m.Nominal && m.Title != "":
			titled[lower] = true
		}
	}
	for i := range f.mentions {
		if m := &f.mentions[i]; m.Type == Other {
			if p := places[strings.ToLower(m.Text)]; p != nil {
				m.Type, m.country, m.weak = Place, p.country, false
			} else if orgs[strings.ToLower(m.Text)] {
				m.Type, m.weak = Organisation, false
			}
		}
	}
	// a name of two to four words is a person's when it ends in a
	// speaker's name, a titled surname or a person's name
	for i := range f.mentions {
		m := &f.mentions[i]
		parts := strings.Fields(m.Text)
		if m.Type != Other || len(parts) < 2 || len(parts) > 4 {
			continue
		}
		last := strings.ToLower(parts[len(parts)-1])
		person := speakers[last] || titled[last] && len(parts) <= 3
		for k := 1; k < len(parts)-1 && !person; k++ {
			person = people[strings.ToLower(strings.Join(parts[k:], " "))]
		}
		if person {
			m.Type = Person
			people[strings.ToLower(personName(m.Text))] = true
		}
	}
	ends := endings(people)
	// people with two or more name words come first, so that a later or
	// earlier surname alone can join them
	for i := range f.mentions {
		m := &f.mentions[i]
		if m.Type != Person || m.Nominal || len(strings.Fields(m.Text)) < 2 {
			continue
		}
		name := personName(m.Text)
		lower := strings.ToLower(name)
		if longer := ends[lower]; longer != "" {
			lower = longer // "Suu Kyi" is "Aung San Suu Kyi", before or after
		}
		e, ok := key["person:"+lower]
		if !ok {
			e = newEntity(*m, name)
			key["person:"+lower] = e
		}
		if _, ok := key["person:"+strings.ToLower(name)]; !ok {
			key["person:"+strings.ToLower(name)] = e
		}
		parts := strings.Fields(name)
		key["surname:"+strings.ToLower(parts[len(parts)-1])] = e
		if first := "surname:" + strings.ToLower(parts[0]); len(parts) == 2 && speakers[strings.ToLower(parts[0])] ||
			len(parts) <= 3 && familyFirst[strings.ToLower(parts[0])] {
			// a lone first name that says things, or a family name, where
			// names are written surname first: "Fu Cong … Fu warned",
			// "Kim Jong Un … Kim's"
			if _, taken := key[first]; !taken {
				key[first] = e
			}
		}
		if len(name) > len(r.Entities[e].Canonical) {
			r.Entities[e].Canonical = name
		}
		m.Entity = e
	}
	// an organisation's distinctive first word names it again later:
	// "Hofstra University … at Hofstra"
	shortOrg := map[string]string{}
	for _, m := range f.mentions {
		if parts := strings.Fields(m.Text); m.Type == Organisation && len(parts) >= 2 && brandEnds[strings.ToLower(parts[len(parts)-1])] {
			w := strings.ToLower(parts[0])
			if _, demonym := demonymOf[w]; !orgWords[w] && !fieldWords[w] && !connectors[w] && countryOf[w] == "" &&
				capitalOf[w] == "" && !placeSet[w] && !demonym && !givenNames[w] {
				shortOrg[w] = m.Text
			}
		}
	}
	for i := range f.mentions {
		if m := &f.mentions[i]; m.Type == Other && !m.weak && shortOrg[strings.ToLower(m.Text)] != "" {
			m.Type = Organisation
		}
	}
	// a demonym standing for an airline or a company the text names in
	// full ("American Airlines … American pledged"); without one it is
	// no name
	brands := map[string]string{}
	for _, m := range f.mentions {
		if parts := strings.Fields(m.Text); m.Type == Organisation && len(parts) >= 2 && brandEnds[strings.ToLower(parts[len(parts)-1])] {
			if _, demonym := demonymOf[strings.ToLower(parts[0])]; demonym {
				brands[strings.ToLower(parts[0])] = m.Text
			}
		}
	}
	kept := f.mentions[:0]
	for _, m := range f.mentions {
		if m.brand {
			full := brands[strings.ToLower(m.Text)]
			if full == "" {
				continue
			}
			m.Type, shortOrg[strings.ToLower(m.Text)] = Organisation, full
		}
		kept = append(kept, m)
	}
	f.mentions = kept
	for i := range f.mentions {
		// and so does the same word elsewhere, as in a headline: "American
		// Sorry for Accusing NBA G League Players"
		if m := &f.mentions[i]; m.Type == Other && !m.brand && shortOrg[strings.ToLower(m.Text)] != "" && brands[strings.ToLower(m.Text)] != "" {
			m.Type = Organisation
		}
	}
	for i := range f.mentions {
		m := &f.mentions[i]
		lower := strings.ToLower(personName(m.Text))
		if e, ok := key["surname:"+lower]; ok && m.Type == Organisation && !strings.Contains(m.Text, " ") && strings.ToUpper(m.Text) == m.Text {
			m.Type = Person // "PENCE:" in a transcript of Mike Pence's interview
			m.Entity = e
			continue
		}
		if _, ok := key["surname:"+lower]; ok && m.Type == Place && !m.Metonym && isLocality(lower) && !strings.Contains(m.Text, " ") {
			m.Type = Person // "Sam Houston … Houston said": a surname, not the city
		}
		switch {
		case m.Type == Person && m.Nominal:
			continue // resolved below, in text order
		case m.Type == Person && len(strings.Fields(m.Text)) >= 2:
		case m.Type == Person || m.Type == Other:
			if e, ok := key["surname:"+lower]; ok {
				m.Type, m.Entity = Person, e
				break
			}
			if e, ok := key["person:"+lower]; ok {
				m.Type, m.Entity = Person, e
				break
			}

			if m.weak && !recurs[lower] {
				m.Entity = -1
				break
			}
			if m.Type == Person {
				m.Entity = keyed(key, "person:"+lower, func() int { return newEntity(*m, personName(m.Text)) })
				break
			}
			m.Entity = keyed(key, "other:"+lower, func() int { return newEntity(*m, m.Text) })
		case m.Metonym:
			c := m.country
			m.Entity = keyed(key, "gov:"+c, func() int {
				e := newEntity(*m, GovernmentPrefix+c)
				r.Entities[e].Country = c
				return e
			})
		case m.Type == Place:
			name := m.Text
			if c := countryOf[strings.ToLower(m.Text)]; c != "" {
				name = c // "U.S." is the United States
			}
			m.Entity = keyed(key, "place:"+strings.ToLower(name), func() int {
				e := newEntity(*m, name)
				r.Entities[e].Country = m.country
				return e
			})
			if e := &r.Entities[m.Entity]; e.Canonical == strings.ToUpper(e.Canonical) && name != strings.ToUpper(name) {
				e.Canonical = name // "Brennmoor", not the dateline's "BRENNMOOR"
			}
		case m.Type == Organisation:
			name := m.Text
			if full := shortOrg[strings.ToLower(name)]; full != "" {
				name = full
			}
			m.Entity = keyed(key, "org:"+orgKey(name), func() int { return newEntity(*m, name) })
			if acr := acronym(m.Text); acr != "" {
				if _, ok := key["org:"+acr]; !ok {
					key["org:"+acr] = m.Entity
				}
			}
		}
	}
	// titles, and nominal mentions by title in text order
	for i := range f.mentions {
		m := &f.mentions[i]
		if m.Entity < 0 {
			continue
		}
		if m.Nominal {
			m.Entity = -1
			for k := i - 1; k >= 0; k-- {
				p := f.mentions[k]
				if p.Type == Person && !p.Nominal && hasTitle(r.Entities[p.Entity].Titles, m.Title) {
					m.Entity = p.Entity
					break
				}
			}
			continue
		}
		if m.Title != "" {
			e := &r.Entities[m.Entity]
			if !hasTitle(e.Titles, m.Title) {
				e.Titles = append(e.Titles, m.Title)
			}
		}
	}
	for i, m := range f.mentions {
		if m.Entity < 0 {
			continue
		}
		r.Entities[m.Entity].Mentions = append(r.Entities[m.Entity].Mentions, len(r.Mentions))
		r.Mentions = append(r.Mentions, f.mentions[i])
	}
	r.byType = map[string][]int{}
	for i := range r.Mentions {
		m := &r.Mentions[i]
		m.Type = r.Entities[m.Entity].Type
		if m.Metonym {
			m.Type = Organisation
		}
		r.byType[m.Type] = append(r.byType[m.Type], i)
		r.longest = max(r.longest, m.End-m.Start)
	}
	return r
}

// endings maps each ending of two or more words of the names (lower
// case) to the longest name it ends, the first in order among as long.
func endings(names map[string]bool) map[string]string {
	m := map[string]string{}
	for n := range names {
		parts := strings.Fields(n)
		for k := 1; k+2 <= len(parts); k++ {
			end := strings.Join(parts[k:], " ")
			if best := m[end]; len(n) > len(best) || len(n) == len(best) && n < best {
				m[end] = n
			}
		}
	}
	return m
}

func keyed(key map[string]int, k string, create func() int) int {
	if e, ok := key[k]; ok {
		return e
	}
	e := create()
	key[k] = e
	return e
}

// personName drops honorifics from a name: "Ms. Takaichi" → "Takaichi".
func personName(s string) string {
	f := strings.Fields(strings.ReplaceAll(s, "’", "'")) // "O’Neill" and "O'Neill" are one name
	for len(f) > 1 && titleAbbrev[strings.ToLower(strings.TrimSuffix(f[0], "."))] {
		f = f[1:]
	}
	return strings.Join(f, " ")
}

func orgKey(s string) string {
	s = strings.ToLower(s)
	s = strings.TrimPrefix(s, "the ")
	return s
}

// acronym returns the initials of a name of three words or more that
// are not connectors: "Liberal Democratic Party" → "ldp".
func acronym(s string) string {
	var b strings.Builder
	for _, w := range strings.FieldsFunc(s, func(r rune) bool { return r == ' ' || r == '-' }) { // "Self-Defense Forces" is SDF
		if connectors[strings.ToLower(w)] || w == "and" {
			continue
		}
		b.WriteString(strings.ToLower(w[:1]))
	}
	if b.Len() < 2 {
		return ""
	}
	return b.String()
}

// familyFirst are family names of China, Korea and Vietnam, which write
// them first: "Kim" in "Kim Jong Un", "Xi" in "Xi Jinping".
var familyFirst = setOf("kim", "lee", "park", "choi", "moon", "yoon", "ban", "jung", "kang", "xi", "li", "wang",
	"zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "hu", "sun", "zhu", "gao", "lin", "guo",
	"fu", "deng", "mao", "jiang", "wen", "nguyen", "tran", "le", "pham")

// brandEnds end the names of organisations that are named again by their
// first word ("Hofstra University … Hofstra", "Goldman Sachs Group"), unlike
// those a place names ("Brennmoor General Hospital").
var brandEnds = setOf("university", "college", "inc", "corp", "corporation", "company", "co", "group",
	"holdings", "foundation", "institute", "airlines", "motors", "ltd", "media")
