package timex

import (
	"slices"
	"testing"
	"time"

	"github.com/parallax-news/parallax/analyze/segment"
)

// ref is a Wednesday.
var ref = time.Date(2026, 1, 28, 9, 0, 0, 0, time.UTC)

func TestFind(t *testing.T) {
	tests := []struct {
		text      string
		span      string
		typ       string
		value     string
		precision string
	}{
		{"The minister spoke on Monday.", "Monday", Date, "2026-01-26", Day},
		{"The shops closed early on Christmas Eve.", "Christmas Eve", Date, "2025-12-24", Day},
		{"The minister will speak on Monday.", "Monday", Date, "2026-02-02", Day},
		{"Many were wounded in the blasts next to the embassy on Monday.", "Monday", Date, "2026-01-26", Day},
		{"She said Friday that she would resign.", "Friday", Date, "2026-01-23", Day},
		{"Monday's vote was close, officials will say.", "Monday", Date, "2026-01-26", Day},
		{"The talks began last November.", "last November", Date, "2025-11", Month},
		{"Fighting broke out late last night.", "late last night", Time, "2026-01-27TNI", Day},
		{"They meet again next week.", "next week", Date, "2026-W06", Week},
		{"The alliance was founded eighty years ago.", "eighty years ago", Date, "1946", Year},
		{"Protests spread in the 1960s.", "the 1960s", Date, "196", Decade},
		{"It happened on Aug. 7, 1998, in Nairobi.", "Aug. 7, 1998", Date, "1998-08-07", Day},
		{"The deadline is March 3.", "March 3", Date, "2026-03-03", Day},
		{"Sales fell in December.", "December", Date, "2025-12", Month},
		{"Profit rose in the third quarter.", "the third quarter", Date, "2025-Q3", Quarter},
		{"The war lasted three years.", "three years", Duration, "P3Y", ""},
		{"They signed a 10-year lease.", "10-year", Duration, "P10Y", ""},
		{"Talks went on for years.", "years", Duration, "PXY", ""},
		{"The paper appears weekly.", "weekly", Set, "P1W", ""},
		{"Prices are rising now.", "now", Date, "PRESENT_REF", ""},
		{"The vote was held yesterday.", "yesterday", Date, "2026-01-27", Day},
		{"Polls close at 8 p.m. EST.", "8 p.m. EST", Time, "2026-01-28T20:00", Minute},
		{"He was elected in 1994 and again in 1998.", "1994", Date, "1994", Year},
		{"The 1996 law is still in force.", "1996", Date, "1996", Year},
		{"It will end later this year.", "later this year", Date, "2026", Year},
		{"A year earlier, the figure was 40%.", "A year earlier", Date, "2025", Year},
		{"They met last Wednesday.", "last Wednesday", Date, "2026-01-21", Day},
		{"They meet next Wednesday.", "next Wednesday", Date, "2026-02-04", Day},
		{"Talks were adjourned until Monday.", "Monday", Date, "2026-02-02", Day},
		{"The boy was to be returned as soon as Monday.", "Monday", Date, "2026-02-02", Day},
		{"Until Monday, they had not named a suspect.", "Monday", Date, "2026-01-26", Day},
		{"A man who spent Sunday night there might talk.", "Sunday night", Time, "2026-01-25TNI", Day},
		{"Remember nineteen ninety-six?", "nineteen ninety-six", Date, "1996", Year},
		{"Qantas will double its flights by August to reach markets untouched by the crisis.", "August", Date, "2026-08", Month},
		{"The ceasefire took effect at 6 a.m. on Saturday.", "6 a.m. on Saturday", Time, "2026-01-24T06:00", Minute},
		{"The ceasefire took effect at 6 a.m. local time Saturday.", "Saturday", Date, "2026-01-24", Day},
		{"Two world wars marked the 20th century.", "the 20th century", Date, "19", Century},
		{"The twentieth century saw two world wars.", "The twentieth century", Date, "19", Century},
		{"He has been in office since last March.", "last March", Date, "2025-03", Month},
		{"Police were called shortly after midnight on Saturday.", "midnight on Saturday", Time, "2026-01-24T24:00", Minute},
		{"The deadline was extended to June 30.", "June 30", Date, "2026-06-30", Day},
		{"The rally is planned for 15/04/2026.", "15/04/2026", Date, "2026-04-15", Day},
		{"The vote was held on 15.04.2025 in Berlin.", "15.04.2025", Date, "2025-04-15", Day},
		{"She joined the firm in Q4 2021.", "Q4 2021", Date, "2021-Q4", Quarter},
		{"Revenue rose in Q3.", "Q3", Date, "2025-Q3", Quarter},
		{"The company expects growth in Q3.", "Q3", Date, "2026-Q3", Quarter},
		{"Profit rose in the latest quarter, to $155 million from $99 million a year earlier.", "a year earlier", Date, "2024-Q4", Quarter},
		{"The plant opened in 1988. Sales doubled later that year.", "later that year", Date, "1988", Year},
		{"The storm struck in October. Two bridges failed that same day.", "that same day", Date, "2025-10-XX", Day},
		{"The plant opened in 1988. It was the day the town changed.", "the day", Date, "1988-XX-XX", Day},
		{"The festival runs from April 18 to April 22.", "April 22", Date, "2026-04-22", Day},
		{"The festival runs from Dec. 30 to Jan. 2.", "Jan. 2", Date, "2026-01-02", Day},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			got := Find(tt.text, ref, segment.Sentences(tt.text))
			for _, x := range got {
				if x.Text != tt.span {
					continue
				}
				if x.Type != tt.typ || x.Value != tt.value || x.Precision != tt.precision {
					t.Errorf("%q = %s %s %s, want %s %s %s", x.Text, x.Type, x.Value, x.Precision, tt.typ, tt.value, tt.precision)
				}
				return
			}
			t.Errorf("no %q among %+v", tt.span, got)
		})
	}
}

// TestRepeatedDay checks that a day of a month named again keeps the
// year it took first, whatever the tense around it.
// TestHolidayLongestFirst checks that a holiday whose name opens a longer
// one is tried after it, whatever the order of the map they come from.
func TestHolidayLongestFirst(t *testing.T) {
	for first, hs := range holidayWords {
		for k := 1; k < len(hs); k++ {
			if len(hs[k].words) > len(hs[k-1].words) {
				t.Errorf("holidayWords[%q]: %v is tried before the longer %v", first, hs[k-1].words, hs[k].words)
			}
		}
	}
	if hs := holidayWords["christmas"]; len(hs) < 2 {
		t.Errorf("holidayWords[christmas] = %v, want Christmas Eve and Christmas", hs)
	}
}

func TestRepeatedDay(t *testing.T) {
	text := "Smith will take over on Sept. 1. The board also created a new office, effective Sept. 1. " +
		"It was founded on Sept. 2."
	var got []string
	for _, x := range Find(text, ref, segment.Sentences(text)) {
		got = append(got, x.Text+"="+x.Value)
	}
	want := []string{"Sept. 1=2026-09-01", "Sept. 1=2026-09-01", "Sept. 2=2025-09-02"}
	if !slices.Equal(got, want) {
		t.Errorf("got %q, want %q", got, want)
	}
}

func TestFindRejects(t *testing.T) {
	for _, text := range []string{
		"The 6-year-old boy stayed.",
		"They may march on the capital.",
		"He paid $2000 for it.",
		"The March of the Mothers drew thousands.",
		"About 2000 troops were sent.",
	} {
		t.Run(text, func(t *testing.T) {
			if got := Find(text, ref, segment.Sentences(text)); len(got) != 0 {
				t.Errorf("found %+v", got)
			}
		})
	}
}

func TestFindWithoutReference(t *testing.T) {
	text := "The minister spoke on Monday about the March 3 deadline."
	got := Find(text, time.Time{}, segment.Sentences(text))
	want := map[string]string{"Monday": "XXXX-XX-XX", "March 3": "XXXX-03-03"}
	for _, x := range got {
		if w, ok := want[x.Text]; ok && x.Value != w {
			t.Errorf("%q = %s, want %s", x.Text, x.Value, w)
		}
		delete(want, x.Text)
	}
	if len(want) != 0 {
		t.Errorf("not found: %v in %+v", want, got)
	}
}
