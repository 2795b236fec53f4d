package quote

import (
	"slices"
	"testing"

	"github.com/parallax-news/parallax/analyze/segment"
)

func TestFind(t *testing.T) {
	tests := []struct {
		name                  string
		text                  string
		speaker, cue, content string
		kind                  string
	}{
		{"direct then speaker", `“We were there under legitimate pretenses,” Figueroa told USA Today.`,
			"Figueroa", "told", `“We were there under legitimate pretenses,”`, Direct},
		{"direct then cue then speaker", `"The borders have simply evaporated," said Jo Coelbart, a retired Belgian general.`,
			"Jo Coelbart, a retired Belgian general", "said", `"The borders have simply evaporated,"`, Direct},
		{"participle after the speaker", `"The borders have simply evaporated," said Caddell, speaking of the summit.`,
			"Caddell", "said", `"The borders have simply evaporated,"`, Direct},
		{"phrasal participle after the speaker", `"The borders have simply evaporated," said Donald Tusk, summing up the talks.`,
			"Donald Tusk", "said", `"The borders have simply evaporated,"`, Direct},
		{"adjunct after the speaker", `"The cause has not been determined," said O'Neill, on his first full day on the job.`,
			"O'Neill", "said", `"The cause has not been determined,"`, Direct},
		{"description with of", `"We are praying," said the Rev. Peter Wherry, of Mayfield Memorial Church.`,
			"the Rev. Peter Wherry, of Mayfield Memorial Church", "said", `"We are praying,"`, Direct},
		{"description with a participle title", `"We are praying," said Jo Coelbart, acting director of the agency.`,
			"Jo Coelbart, acting director of the agency", "said", `"We are praying,"`, Direct},
		{"pronoun with a clitic", `He’s said the bridge would hold for decades.`,
			"He", "said", "the bridge would hold for decades", Reported},
		{"according to before a quotation", `According to Limbaugh, “If it was left up to her, she would not have time for it.”`,
			"Limbaugh", "According to", `“If it was left up to her, she would not have time for it.”`, Direct},
		{"loose speech verb before a colon", `Limbaugh continued: “The left is saying that it is true and fine here.”`,
			"Limbaugh", "continued", `“The left is saying that it is true and fine here.”`, Direct},
		{"long appositive before said that", `David Kamin, an outside adviser to the campaign on tax and budget issues and an associate professor at New York University School of Law, said that the campaign was taking a close look.`,
			"David Kamin, an outside adviser to the campaign on tax and budget issues and an associate professor at New York University School of Law",
			"said", "that the campaign was taking a close look", Reported},
		{"name after an opening adverbial", `In a Bloomberg interview Mr. Trump declared “I think NATO may be obsolete.”`,
			"Mr. Trump", "declared", `“I think NATO may be obsolete.”`, Direct},
		{"no name after an opening adverbial", `In a Bloomberg interview the mayor declared “I think NATO may be obsolete.”`,
			"", "declared", `“I think NATO may be obsolete.”`, Direct},
		{"speaker and a day", `The Times on Saturday reported that the plan had failed badly.`,
			"The Times", "reported", "that the plan had failed badly", Reported},
		{"speaker and its verb", `On July 6, Sanders made the following comment: the plan had failed and would never work.`,
			"Sanders", "comment", "the plan had failed and would never work", Reported},
		{"speaker with a relative clause", `Everyone I interviewed said the plan was fine and would work.`,
			"Everyone I interviewed", "said", "the plan was fine and would work", Reported},
		{"speaker before a colon", `In a statement, Peabody said: "Patriot Coal was highly successful as an independent company."`,
			"Peabody", "said", `"Patriot Coal was highly successful as an independent company."`, Direct},
		{"split quotation", `"Don't shoot him," she says. "He has no weapon at all."`,
			"she", "says", `"Don't shoot him," she says. "He has no weapon at all."`, Direct},
		{"guillemets", `« Nous ne céderons jamais devant la menace », a déclaré le ministre.`,
			"", "", `« Nous ne céderons jamais devant la menace »`, Direct},
		{"japanese brackets", `首相は「台湾有事は日本の存立危機事態になり得る」と述べた。`,
			"", "", `「台湾有事は日本の存立危機事態になり得る」`, Direct},
		{"wire dateline before postposed speech", `BRENNMOOR, March 2 (Northline Wire) - Part of a road bridge gave way during the rush hour, injuring 17 people, emergency services said.`,
			"emergency services", "said", "Part of a road bridge gave way during the rush hour, injuring 17 people", Reported},
		{"dateline with a dash only", `SEOUL, South Korea — The launch was delayed by a day, officials said.`,
			"officials", "said", "The launch was delayed by a day", Reported},
		{"agency dateline", `Paris (AFP) - The strike will go on through the week, the union said.`,
			"the union", "said", "The strike will go on through the week", Reported},
		{"a dash that is no dateline", `The bridge - which opened in 1965 - was closed on Monday, officials said.`,
			"officials", "said", "The bridge - which opened in 1965 - was closed on Monday", Reported},
		{"reported with that", `Stein spokeswoman Melezia Figueroa said that the candidate was headed to the venue.`,
			"Stein spokeswoman Melezia Figueroa", "said", "that the candidate was headed to the venue", Reported},
		{"reported without that", `Sanders said the tax breaks do nothing to boost the economy.`,
			"Sanders", "said", "the tax breaks do nothing to boost the economy", Reported},
		{"told a listener", `The minister told reporters the alliance would hold.`,
			"The minister", "told", "the alliance would hold", Reported},
		{"postposed", `The alliance will hold for decades, the minister said on Tuesday.`,
			"the minister", "said", "The alliance will hold for decades", Reported},
		{"according to", `According to the police, 14 people were injured in the collapse.`,
			"the police", "According to", "14 people were injured in the collapse", Reported},
		{"title in the speaker", `Sen. Claire McCaskill (D-Mo.) said the nominee was not prepared at all.`,
			"Sen. Claire McCaskill (D-Mo.)", "said", "the nominee was not prepared at all", Reported},
		{"auxiliary in the cue", `Trump has repeatedly said the system is rigged against him.`,
			"Trump", "has repeatedly said", "the system is rigged against him", Reported},
		{"a stance", `Sanders called for a tax on carbon emissions.`,
			"Sanders", "called for", "a tax on carbon emissions", Reported},
		{"parenthetical attribution", `Such a declaration, the official contended, should have been welcomed by Washington.`,
			"the official", "contended", "Such a declaration, the official contended, should have been welcomed by Washington", Reported},
		{"parenthetical in a relative clause", `It is near the stadium, which, Tompkins said, is usually full of activities on game days.`,
			"Tompkins", "said", "which, Tompkins said, is usually full of activities on game days", Reported},
		{"gerund after by", `On November 7, 2025, Prime Minister Sanae Takaichi made headlines in parliament by suggesting that an attack could constitute a crisis.`,
			"Prime Minister Sanae Takaichi", "suggesting", "that an attack could constitute a crisis", Reported},
		{"speaker of a cue noun", `Takaichi delivered a stark warning: if Japan fails to act, the alliance would collapse.`,
			"Takaichi", "warning", "if Japan fails to act, the alliance would collapse", Reported},
		{"described as", `Takaichi has linked Taiwan to what she described as a situation threatening Japan's survival, sending signals.`,
			"she", "described as", "a situation threatening Japan's survival", Reported},
		{"a quotation after a phrase of time", `Takaiichi stated during a television program broadcast late last night, "I want to make it clear that this is not about military action."`,
			"Takaiichi", "stated", `"I want to make it clear that this is not about military action."`, Direct},
		{"a partial quotation in a reported clause", `He said Trump has “enormous respect” for the military and meant no harm.`,
			"He", "said", `Trump has “enormous respect” for the military and meant no harm`, Reported},
		{"a name before a long appositive", `Leonard E. Burman, director of the centrist Urban-Brookings Tax Policy Center and a professor at the Maxwell School of Syracuse University, said the plan was too complex.`,
			"Leonard E. Burman, director of the centrist Urban-Brookings Tax Policy Center and a professor at the Maxwell School of Syracuse University", "said", "the plan was too complex", Reported},
		{"a name before an appositive and a relative clause, after a quotation", `“It is fiscally responsible,” Ilse Vandermeer, mayor of Brenmor, which owns the bridge, said on Monday.`,
			"Ilse Vandermeer, mayor of Brenmor, which owns the bridge", "said", `“It is fiscally responsible,”`, Direct},
		{"a typographic mark closed by a straight one", `“Immunity deals should not be a requirement for cooperating," Chairman Jason Chaffetz said, adding that the deals were handed out "like candy."`,
			"Chairman Jason Chaffetz", "said", `“Immunity deals should not be a requirement for cooperating,"`, Direct},
		{"a dash ends the content", `Trump said Estonia was in the “suburbs of St. Petersburg” — a metaphor for the party's abandonment of principle.`,
			"Trump", "said", `Estonia was in the “suburbs of St. Petersburg”`, Reported},
		{"a second statement", `She said that the country would leave by the end of March and suggested that talks could start soon.`,
			"She", "said", "that the country would leave by the end of March", Reported},
		{"a quotation going on with its clause", `Glass criticised the actions, calling them “very unhelpful” and saying they “undermine regional stability.”`,
			"Glass", "saying", `they “undermine regional stability.”`, Reported},
		{"coordinated verbs", `Takaichi refrained from retracting her remarks, and stated that her position was consistent with policy.`,
			"Takaichi", "stated", "that her position was consistent with policy", Reported},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			qs := Find(tt.text, segment.Sentences(tt.text))
			if len(qs) == 0 {
				t.Fatalf("no quote in %q", tt.text)
			}
			q := qs[0]
			got := func(s Span) string { return tt.text[s.Start:s.End] }
			if tt.speaker != "" && got(q.Speaker) != tt.speaker || tt.cue != "" && got(q.Cue) != tt.cue ||
				got(q.Content) != tt.content || q.Kind != tt.kind {
				t.Errorf("got speaker %q cue %q content %q %s\nwant speaker %q cue %q content %q %s",
					got(q.Speaker), got(q.Cue), got(q.Content), q.Kind, tt.speaker, tt.cue, tt.content, tt.kind)
			}
		})
	}
}

// TestFindAfterLabel checks that a list label ("Travel advisory:") is
// no speaker of a gerund's content.
func TestFindAfterLabel(t *testing.T) {
	text := `Travel advisory: Beijing has advised its citizens to avoid Japan, citing risks to personal safety.`
	var got []string
	for _, q := range Find(text, segment.Sentences(text)) {
		got = append(got, text[q.Speaker.Start:q.Speaker.End]+" | "+text[q.Cue.Start:q.Cue.End]+" | "+text[q.Content.Start:q.Content.End])
	}
	want := []string{"Beijing | has advised | its citizens to avoid Japan", "Beijing | citing | risks to personal safety"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestFindIgnoresScareQuotes(t *testing.T) {
	text := `The so-called "deal of the century" was never signed. He read "War and Peace" twice.`
	if qs := Find(text, segment.Sentences(text)); len(qs) != 0 {
		t.Errorf("found %d quotes in %q", len(qs), text)
	}
}

// TestFindNotFrom covers words that look like attributions and are not:
// a cue used as a noun that introduces nothing, "it" as a speaker, list
// labels, a headline's capitalised verbs, and an attribution in the next
// sentence that goes on with its own content.
func TestFindNotFrom(t *testing.T) {
	for _, text := range []string{
		`Takaichi's warning carries weight because it acknowledges an uncomfortable truth about alliances.`,
		`The alliance carries weight because it acknowledges an uncomfortable truth about the region.`,
		"Military signaling: Chinese coast guard vessels have increased patrols near the islands.",
		"2. Defense guarantees: The U.S. extended its defense commitment to the islands in the treaty.",
		"US Reaffirms Support for Japan Amid China’s Taiwan Flashpoint",
		"In the plan, a Chinese attack on Taiwan would be a turning point for the whole region.",
		"Such a hypothetical Chinese attack on Taiwan would change the region.",
		"Therefore, we will respond strictly within the limits of the law and the existing laws.",
		"The Prime Minister's comments reveal the delicate balance Japan must strike.",
		"The proposal should have been welcomed publicly by Washington with enthusiasm.",
		"It was sending misleading signals suggesting the possibility of intervention in the region.",
		"Brennmoor cannot afford a report that blames only the steel for the collapse.",
	} {
		for _, q := range Find(text, segment.Sentences(text)) {
			t.Errorf("%q: quote %q by %q (cue %q)", text, text[q.Content.Start:q.Content.End],
				text[q.Speaker.Start:q.Speaker.End], text[q.Cue.Start:q.Cue.End])
		}
	}
	text := `Clinton says Trump’s “latest twitter meltdown is unhinged, even for him.” She says it underscores that Trump is temperamentally unfit to be commander-in-chief.`
	for _, q := range Find(text, segment.Sentences(text)) {
		if got := text[q.Content.Start:q.Content.End]; len(got) > 0 && text[q.Speaker.Start:q.Speaker.End] == "She" && q.Content.Start < q.Speaker.Start {
			t.Errorf("the next sentence's attribution took the quotation: %q", got)
		}
	}
	text = `Takaichi delivered a stark warning: if Japan fails to act, the alliance would collapse.`
	if qs := Find(text, segment.Sentences(text)); len(qs) == 0 || text[qs[0].Content.Start:qs[0].Content.End] != "if Japan fails to act, the alliance would collapse" {
		t.Errorf("a noun cue that introduces content: %+v", qs)
	}
}

// TestLongAppositive checks which clause openings name the speaker of a
// cue after a long appositive, and which do not.
func TestLongAppositive(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"Ilse Vandermeer, mayor of Brenmor and chair of the regional transport authority of the northern provinces, said", "Ilse Vandermeer"},
		{"“It holds,” Ilse Vandermeer, mayor of Brenmor, which owns the bridge, said", "Ilse Vandermeer"},
		{"Meanwhile, the inspectors of the regional transport authority, all of them engineers, said", ""},
		{"Transport minister Tomas Okafor-Lind, at a later press conference, said", "Transport minister Tomas Okafor-Lind"},
		{"Engineers inspected the bridge, which was built in 1965, said", ""}, // a verb in the run: no name
		{"Separately, the inspectors of the authority, all of them engineers, said", ""},
		{"In Brenmor, the inspectors of the authority, all of them engineers, said", ""},
		{"The inspectors, all of them engineers, said", ""}, // "The" opens no name: npBackward's other rules read it
		{"Ilse Vandermeer; the inspectors, all of them engineers, said", ""},
	} {
		d := newDoc(tt.text, segment.Tokens(tt.text), []segment.Span{{Start: 0, End: len([]rune(tt.text))}})
		cue := len(d.toks) - 1
		got := ""
		if s := d.longAppositive(cue - 1); s < cue-1 {
			j := s
			for j < cue && d.w(j) != "," {
				j++
			}
			got = tt.text[d.toks[s].Start:d.toks[j-1].End]
		}
		if got != tt.want {
			t.Errorf("%q: name %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestQuotationAfterReported checks that a quotation opening the sentence
// after a reported statement goes on with its speaker, and that one after
// a sentence without a speech cue gets none.
func TestQuotationAfterReported(t *testing.T) {
	for _, tt := range []struct{ text, speaker string }{
		{`The city may wait for the inspectors, Vandermeer said. "The other question is whether the memo ever reached my office at all."`, "Vandermeer"},
		{`The eastern span fell on Monday morning. "Nobody saw it coming, and nobody could have stopped it at all."`, ""},
	} {
		var got string
		found := false
		for _, q := range Find(tt.text, segment.Sentences(tt.text)) {
			if q.Kind == Direct {
				got, found = tt.text[q.Speaker.Start:q.Speaker.End], true
			}
		}
		if !found || got != tt.speaker {
			t.Errorf("%q: quotation found %v, speaker %q, want %q", tt.text, found, got, tt.speaker)
		}
	}
}

// TestSubjectOpeningCapital checks that the capital of a sentence's first
// word makes no name of a common word, which the text also writes in lower
// case, while a name before its verb still ends the subject.
func TestSubjectOpeningCapital(t *testing.T) {
	for _, tt := range []struct{ text, want string }{
		{"A reporter spotted the mayor. Small groups of protesters marched on, chanting slogans. The groups were small.", "Small groups of protesters"},
		{"Vandermeer spotted the mayor. Brenmor groups marched on. The groups were small.", "Brenmor"},
	} {
		sents := segment.Sentences(tt.text)
		d := newDoc(tt.text, segment.Tokens(tt.text), sents)
		s := d.subject(1)
		if got := tt.text[s.Start:s.End]; s.Empty() && tt.want != "" || got != tt.want {
			t.Errorf("%q: subject %q, want %q", tt.text, got, tt.want)
		}
	}
}

// TestFindAll checks every quote found in short texts, as "speaker |
// cue | content".
func TestFindAll(t *testing.T) {
	tests := []struct {
		name string
		text string
		want []string
	}{
		{"a subject before a participle set off by commas",
			`The report, published Tuesday by the World Bank, warns that growth will slow.`,
			[]string{"The report|warns|that growth will slow"}},
		{"a subject before a prepositional phrase set off by commas",
			`The ministry, in a statement issued late Monday, said the talks had stalled.`,
			[]string{"The ministry|said|the talks had stalled"}},
		{"a subject before an anonymity clause",
			`A senior official, speaking on condition of anonymity, said the plan was dead.`,
			[]string{"A senior official|said|the plan was dead"}},
		{"a stance after a subject and a participle set off by commas",
			`The memo, dated February 11, recommended limiting heavy trucks on the bridge.`,
			[]string{"The memo|recommended|limiting heavy trucks on the bridge"}},
		{"a quotation after a subject and an insertion",
			`The mayor, speaking at a news conference, said: "We will rebuild."`,
			[]string{`The mayor|said|"We will rebuild."`}},
		{"a discourse adverb after the subject",
			`Critics, however, argue that the plan goes too far.`,
			[]string{"Critics|argue|that the plan goes too far"}},
		{"a colon after an adjunct of the cue",
			`Prime Minister Rishi Sunak said in a statement: "This is a dark day."`,
			[]string{`Prime Minister Rishi Sunak|said|"This is a dark day."`}},
		{"a full stop ending the sentence after an inverted speaker",
			`"This is unacceptable," tweeted Senator Ted Cruz.`,
			[]string{`Senator Ted Cruz|tweeted|"This is unacceptable,"`}},
		{"a name set off by commas is no insertion",
			`The spokesman for the State Department, Ned Price, said Washington was "deeply concerned".`,
			[]string{`Ned Price|said|Washington was "deeply concerned"`}},
		{"according to after a quotation",
			`Smith spoke first. "There is no evidence," according to a statement from the police.`,
			[]string{`a statement from the police|according to|"There is no evidence,"`}},
		{"a nominal speaker with an appositive",
			`The senator, a Republican from Texas, said he would vote against the bill.`,
			[]string{`The senator, a Republican from Texas|said|he would vote against the bill`}},
		{"a content ends with the subordinate clause that holds it",
			`After the mayor said the bridge was safe, engineers found cracks.`,
			[]string{"the mayor|said|the bridge was safe"}},
		{"the time of the saying is not what was said",
			`The Kremlin said on Tuesday it had no information about the incident.`,
			[]string{"The Kremlin|said|it had no information about the incident"}},
		{"media as a source",
			`Residents heard explosions overnight, according to local media.`,
			[]string{"local media|according to|Residents heard explosions overnight"}},
		{"a quotation inside a reported content is not the last speaker's",
			`"Enough is enough," the union leader said. He called the decision "a betrayal of voters."`,
			[]string{`the union leader|said|"Enough is enough,"`, `He|called|the decision "a betrayal of voters."`}},
		{"as someone put it",
			`The vote was close. As one official put it: "Nobody saw this coming."`,
			[]string{`one official|put it|"Nobody saw this coming."`}},
		{"a request for anonymity is no attribution",
			`The spokesperson, who asked not to be named, said the plant would close.`,
			[]string{"The spokesperson, who asked not to be named|said|the plant would close"}},
		{"a second stance verb after and",
			`Senator Warren criticized the bank's sales practices and called for the executives to repay their bonuses.`,
			[]string{"Senator Warren|criticized|the bank's sales practices", "Senator Warren|called for|the executives to repay their bonuses"}},
		{"a second speech verb after and",
			`The president said he would order a review of the defenses and warned of hackers from abroad.`,
			[]string{"The president|said|he would order a review of the defenses", "The president|warned|of hackers from abroad"}},
		{"a participle after and belongs to the content",
			`The minister said the bridge was closed and guarded by police.`,
			[]string{"The minister|said|the bridge was closed and guarded by police"}},
		{"a relative that inside the content",
			`O'Neill said officials have video that shows the explosion.`,
			[]string{"O'Neill|said|officials have video that shows the explosion"}},
		{"that as a pronoun ending the content",
			`Experts on North Korea said the latest test could change that.`,
			[]string{"Experts on North Korea|said|the latest test could change that"}},
		{"a plural with a phrase after it",
			`Although Scott lacks a signature achievement, elected officials from both parties say he has forged a reputation.`,
			[]string{"elected officials from both parties|say|he has forged a reputation"}},
		{"a gerund modifying a plural",
			`Patriot chose Richmond, where restructuring experts say some judges move cases quickly.`,
			[]string{"restructuring experts|say|some judges move cases quickly"}},
		{"a semicolon ends the content",
			`Republicans said the timing was not intentional; the arrangements were made on Friday.`,
			[]string{"Republicans|said|the timing was not intentional"}},
		{"a clause after the attribution",
			`The remark is an insult to all voters, lawmakers said Friday afternoon, as they bristled at the questions.`,
			[]string{"lawmakers|said|The remark is an insult to all voters"}},
		{"a long speaker after the cue",
			`The ad could start this week, said Brian Baker, a longtime adviser to the family who oversees the campaign.`,
			[]string{"Brian Baker, a longtime adviser to the family who oversees the campaign|said|The ad could start this week"}},
		{"two quotations with their own attributions",
			`“This just isn’t right,” Warren said. “You squeezed employees to the breaking point” to drive up the price, she said.`,
			[]string{"Warren|said|“This just isn’t right,”", "she|said|“You squeezed employees to the breaking point” to drive up the price"}},
		{"a straight mark closed by a typographic one",
			`"Oz has a huge bully pulpit,” said David Gorski, a professor of surgery.`,
			[]string{"David Gorski, a professor of surgery|said|\"Oz has a huge bully pulpit,”"}},
		{"a progressive stance verb",
			`Fellow Republicans are urging Trump to make the second debate a game-changer.`,
			[]string{"Fellow Republicans|are urging|Trump to make the second debate a game-changer"}},
		{"a finding with an object",
			`Video of the incident shows him with his hands in the air.`,
			[]string{"Video of the incident|shows|him with his hands in the air"}},
		{"a clause after a long speaker and the cue",
			`Conservative economist Aparna Mathur, who studies tax policy, said the statement didn't clarify the matter.`,
			[]string{"Conservative economist Aparna Mathur, who studies tax policy|said|the statement didn't clarify the matter"}},
		{"called on",
			`Palmieri called on Trump to stop attacking Machado and apologize.`,
			[]string{"Palmieri|called on|Trump to stop attacking Machado and apologize"}},
		{"a stance ends where the writer goes on",
			`Patriot agreed to lend Mr. Clarke $5 million, and the union also stepped in with money.`,
			[]string{"Patriot|agreed|to lend Mr. Clarke $5 million"}},
		{"a stance ends at the subject's next verb",
			`She declined that assignment and has since left the network.`,
			[]string{"She|declined|that assignment"}},
		{"a finding after its content",
			`Donations to super PACs hit nearly $1.1 billion, a USA TODAY analysis of campaign reports shows.`,
			[]string{"a USA TODAY analysis of campaign reports|shows|Donations to super PACs hit nearly $1.1 billion"}},
		{"a belief whose content opens with a bare noun",
			`Many of his supporters believe bigotry and xenophobia are acceptable.`,
			[]string{"Many of his supporters|believe|bigotry and xenophobia are acceptable"}},
		{"a finding by a plural, ended before the writer's aside",
			`Polls show a close contest in the state, where 18 electoral votes are up for grabs.`,
			[]string{"Polls|show|a close contest in the state"}},
		{"a name and its apposition are no statement",
			`Ivanka Trump, the nominee's eldest daughter, noted the rule in the interview.`,
			[]string{"Ivanka Trump, the nominee's eldest daughter|noted|the rule in the interview"}},
		{"an adjective after a determiner", `Two officers shot by the alleged terrorist were bystanders.`, nil},
		{"naming", `It is unclear whether a leader of a group called Lashkar-e-Taiba belongs on the list.`, nil},
		{"a byline", `Julie Hirschfeld Davis reported from Midway Atoll, and Mark Landler from Kaneohe Bay.`, nil},
		{"a noun before such as", `Papers ranged from expected backers to Republican advocates such as The Dallas Morning News.`, nil},
		{"a stance inside what was said", `Stein said she plans to join her supporters at the protest.`,
			[]string{"Stein|said|she plans to join her supporters at the protest"}},
		{"a possessive opening the sentence", `Her reference to "joint operations" suggests Japan is considering new scenarios. His call for calm was ignored.`, nil},
		{"a participle clause after a stance's object",
			`Clinton wants to sign up 5 million people, focusing on people under 30.`,
			[]string{"Clinton|wants|to sign up 5 million people"}},
		{"but and the subject's next verb",
			`Comey criticized Clinton for use of the server but did not recommend prosecution.`,
			[]string{"Comey|criticized|Clinton for use of the server"}},
		{"a colon introduces the whole quotation",
			`McCaskill scolded him: “The scientific community is almost monolithic against you,” she said.`,
			[]string{"she|said|“The scientific community is almost monolithic against you,”"}},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			var got []string
			for _, q := range Find(tt.text, segment.Sentences(tt.text)) {
				s := func(sp Span) string { return tt.text[sp.Start:sp.End] }
				got = append(got, s(q.Speaker)+"|"+s(q.Cue)+"|"+s(q.Content))
			}
			if !slices.Equal(got, tt.want) {
				t.Errorf("%s\n got %q\nwant %q", tt.text, got, tt.want)
			}
		})
	}
}

// TestFindAtTextEnd checks cue words that end the text.
func TestFindAtTextEnd(t *testing.T) {
	for _, text := range []string{"The poll shows", "Officials say", "He is defending", "“We won,” she said", "The analysis"} {
		Find(text, segment.Sentences(text)) // must not panic
	}
}

// TestDropInside checks that an unattributed quotation inside an
// attributed content goes, and every other quote stays.
func TestDropInside(t *testing.T) {
	who := Span{0, 3}
	qs := []Quote{
		{Speaker: who, Content: Span{10, 50}}, // attributed
		{Content: Span{20, 30}},               // inside it: dropped
		{Content: Span{45, 60}},               // overlapping its end: kept
		{Speaker: who, Content: Span{70, 80}}, // attributed
		{Content: Span{100, 110}},             // outside: kept
		{Speaker: who, Content: Span{15, 25}}, // attributed, inside another: kept
		{Content: Span{72, 80}},               // inside the second: dropped
	}
	var got []Span
	for _, q := range dropInside(qs) {
		got = append(got, q.Content)
	}
	want := []Span{{10, 50}, {45, 60}, {70, 80}, {100, 110}, {15, 25}}
	if !slices.Equal(got, want) {
		t.Errorf("got %v, want %v", got, want)
	}
}

// TestTranscriptTurns reads an interview transcript whose turns open with
// a label in capitals and a colon, each paragraph after an unclosed
// quotation mark: each turn is its speaker's, and the opening mark is not
// read as a quotation of its own. A label used once ("UPDATE:") is no
// speaker.
func TestTranscriptTurns(t *testing.T) {
	text := "UPDATE: The interview aired on Sunday morning.\n\n" +
		"\"WALLACE: Let's start with the debate story and the guests tonight.\n\n" +
		"\"PENCE: Well, look, this is serious business for the country.\n\n" +
		"\"WALLACE: Will Gennifer Flowers be there tomorrow night?\n\n" +
		"\"PENCE: She will not be attending the debate tomorrow night."
	qs := Find(text, segment.Sentences(text))
	var got []string
	for _, q := range qs {
		got = append(got, text[q.Speaker.Start:q.Speaker.End]+" | "+text[q.Cue.Start:q.Cue.End]+" | "+text[q.Content.Start:q.Content.End])
	}
	want := []string{
		"WALLACE | : | Let's start with the debate story and the guests tonight.",
		"PENCE | : | Well, look, this is serious business for the country.",
		"WALLACE | : | Will Gennifer Flowers be there tomorrow night?",
		"PENCE | : | She will not be attending the debate tomorrow night.",
	}
	if !slices.Equal(got, want) {
		t.Errorf("got\n%q\nwant\n%q", got, want)
	}
}

// TestSpeakerAfterSpeech checks that the speaker of a quotation cued
// after a verb of speech is not read across that verb: "Trump said,
// adding later, “…”" is Trump's, and in "Lynch said she recalled
// thinking, "…"" the one who recalls is "she".
func TestSpeakerAfterSpeech(t *testing.T) {
	for _, tt := range []struct{ text, cue, speaker string }{
		{`“We certainly can’t afford to do this anymore,” Trump said, adding later, “NATO is costing us a fortune.”`, "adding", "Trump"},
		{`Lynch said she recalled thinking, "This is what people have talked about."`, "recalled", "she"},
		{`Bamford said the driver told him that “he thinks he blacked out.”`, "told", "the driver"},
	} {
		qs := Find(tt.text, segment.Sentences(tt.text))
		found := false
		for _, q := range qs {
			if tt.text[q.Cue.Start:q.Cue.End] != tt.cue {
				continue
			}
			found = true
			if got := tt.text[q.Speaker.Start:q.Speaker.End]; got != tt.speaker {
				t.Errorf("%s: speaker %q, want %q", tt.text, got, tt.speaker)
			}
		}
		if !found {
			t.Errorf("%s: no quotation cued by %q among %d", tt.text, tt.cue, len(qs))
		}
	}
}

// TestNounOfSpeech checks that the rules, not only the model, read a
// source whose noun is also a verb of speech ("The report found", "Their
// post claimed"): the check that keeps a stance inside what was said
// from being a second attribution must not take the noun for a verb.
func TestNounOfSpeech(t *testing.T) {
	for _, text := range []string{
		`The report found that the agency failed to act.`,
		`Their post claimed the vote was rigged.`,
	} {
		if qs := FindByRules(text, segment.Tokens(text), segment.Sentences(text)); len(qs) != 1 {
			t.Errorf("%s: the rules found %d quotes, want 1", text, len(qs))
		}
	}
}
