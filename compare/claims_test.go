package compare

import "testing"

func TestStandsAlone(t *testing.T) {
	tests := []struct {
		sentence string
		want     bool
	}{
		{"Japanese Prime Minister Sanae Takaichi said the alliance would collapse.", true},
		{`Takaichi said: "We will respond strictly within the law."`, true},
		{"This week, the minister resigned.", true},
		{"So far, 20 people have died.", true},
		{"Then-president Obama signed the bill.", true},
		{"The US and Japan signed the treaty.", true},
		{"She added: If something serious happens there, we will have to rescue them.", false},
		{"In that case, there may be situations where we take joint actions.", false},
		{"Therefore, we will respond strictly within the limits of the law.", false},
		{"She says that the alliance would collapse.", false},
		{"What does this mean for regional security?", false},
		{`He asked: "Why now?"`, false},
		{"He said the vote was close.", false},
		{"But the talks failed.", false},
		{"This marks a significant shift.", false},
		{"The minister said:", false},
		{"I want to make it clear that this is not about military action.", false},
		{`The minister said "I want to make it clear" on Monday.`, true},
		{"", false},
	}
	for _, tt := range tests {
		if got := standsAlone(tt.sentence); got != tt.want {
			t.Errorf("standsAlone(%q) = %v, want %v", tt.sentence, got, tt.want)
		}
	}
}
