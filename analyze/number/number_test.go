package number

import "testing"

func TestFind(t *testing.T) {
	tests := []struct {
		text, span string
		value      float64
		unit       string
		counts     string
	}{
		{"Her cabinet has a 47% approval rating.", "47%", 47, "%", "approval rating"},
		{"The 75-year-old alliance held.", "75-year-old", 75, "year", "alliance"},
		{"Funds saw $6.4B inflows last week.", "$6.4B", 6.4e9, "USD", "inflows"},
		{"At least 14 people were injured.", "14", 14, "", "people"},
		{"Officials later said 17 were hurt.", "17", 17, "", ""},
		{"Two pandas departed for China.", "Two", 2, "", "pandas"},
		{"The deal is worth 3.2 billion euros.", "3.2 billion euros", 3.2e9, "EUR", ""},
		{"Turnout fell 5 percent among young voters.", "5 percent", 5, "%", ""},
		{"Some 1,200 troops were sent.", "1,200", 1200, "", "troops"},
		{"The span is 40 km long.", "40 km", 40, "km", "long"},
		{"The company lost 45 cents a share.", "45 cents", 45, "cent", ""},
		{"The 6.8-magnitude earthquake struck at dawn.", "6.8-magnitude", 6.8, "magnitude", "earthquake"},
		{"Temperatures reached 45C (113F) on Monday.", "45C", 45, "°C", ""},
		{"It was 30°C. He stayed inside.", "30°C", 30, "°C", ""},
		{"Water boils at 100 °C at sea level.", "100 °C", 100, "°C", ""},
	}
	for _, tt := range tests {
		t.Run(tt.text, func(t *testing.T) {
			for _, n := range Find(tt.text, nil) {
				if n.Text != tt.span {
					continue
				}
				if n.Value != tt.value || n.Unit != tt.unit || n.Counts != tt.counts {
					t.Errorf("%q = %v %q counts %q, want %v %q counts %q", n.Text, n.Value, n.Unit, n.Counts, tt.value, tt.unit, tt.counts)
				}
				return
			}
			t.Errorf("no %q in %+v", tt.span, Find(tt.text, nil))
		})
	}
}

func TestFindSkips(t *testing.T) {
	text := "On March 3, 2026, one of them left."
	got := Find(text, func(start, end int) bool { return start >= 3 && end <= 16 })
	if len(got) != 0 {
		t.Errorf("found %+v", got)
	}
}

func TestCountedAround(t *testing.T) {
	for text, want := range map[string]string{
		"Her approval rating stands at 47% after the remarks.":                "approval rating",
		"Turnout was 61% in the capital.":                                     "turnout",
		"They freed 21 of the more than 200 Chibok schoolgirls on Thursday.":  "chibok schoolgirls",
		"The 75-year-old alliance between Japan and the United States holds.": "alliance",
	} {
		ns := Find(text, nil)
		if len(ns) == 0 || ns[0].Counts != want {
			t.Errorf("%q: %+v, want the first counting %q", text, ns, want)
		}
	}
}
