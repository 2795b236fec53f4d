package compare

// outletInfo tells, for each article, its outlet and the article it
// copies, if any.
type outletInfo struct {
	outlet map[int64]string
	copyOf map[int64]int64
}

func outletsOf(in []Input) outletInfo {
	o := outletInfo{outlet: map[int64]string{}, copyOf: map[int64]int64{}}
	for _, x := range in {
		o.outlet[x.Article.ID] = x.Article.Source
		if x.Article.DuplicateOf != 0 {
			o.copyOf[x.Article.ID] = x.Article.DuplicateOf
		}
	}
	return o
}

// independent counts the independent sources among articles: distinct
// outlets, where a copy of an article of the story (wire copy, syndicated
// text) counts as its original's outlet.
func independent(ids []int64, o outletInfo) int {
	seen := map[string]bool{}
	for _, id := range ids {
		src := id
		for i := 0; i < 5; i++ { // follow copies of copies, boundedly
			orig, ok := o.copyOf[src]
			if !ok {
				break
			}
			if _, known := o.outlet[orig]; !known {
				break
			}
			src = orig
		}
		seen[o.outlet[src]] = true
	}
	return len(seen)
}
