package entity

import (
	_ "embed"
	"strings"
)

// givenNames are first names, lower case: those listed here, common in
// the news, and those of given_names.txt (see gen_names.go). A run of two
// to four capitalised words that opens with one, and whose rest the
// gazetteers do not know, names a person: "Daryl Kimball", "Victor
// Cha", "Nico Rosberg". Names that are mostly something else are left
// out: words ("Will", "May", "Rose"; gen_names.go drops them), places
// ("Georgia", "Austin"), organisations, months, titles.
var givenNames = func() map[string]bool {
	m := commonGivenNames
	for _, n := range strings.Split(strings.TrimSpace(givenNamesFile), "\n") {
		if isPlaceName(n) || knownOrgs[n] || notNames[n] || orgWords[n] || placeWords[n] || isTitle(n) || partyLabels[n] {
			continue
		}
		if _, ok := demonymOf[n]; ok {
			continue
		}
		m[n] = true
	}
	return m
}()

//go:embed given_names.txt
var givenNamesFile string

// commonGivenNames are first names common in the news.
var commonGivenNames = setOf(
	// English
	"aaron", "adam", "alan", "albert", "alex", "alexander", "alexandra", "alice", "alison", "allison",
	"amanda", "amy", "andrea", "andrew", "andy", "angela", "ann", "anna", "anne", "anthony", "antonio",
	"arthur", "ashley", "barbara", "barry", "ben", "benjamin", "beth", "betty", "bill", "billy", "bob",
	"bobby", "brad", "bradley", "brandon", "brenda", "brett", "brian", "bruce", "bryan", "carl", "carlos",
	"carol", "caroline", "catherine", "charles", "charlie", "cheryl", "chris", "christina", "christine",
	"christopher", "chuck", "cindy", "claire", "craig", "cynthia", "dan", "daniel", "danny", "darren",
	"daryl", "dave", "david", "deborah", "debbie", "dennis", "derek", "diana", "diane", "donald", "donna",
	"doug", "douglas", "dylan", "ed", "eddie", "edward", "elizabeth", "ellen", "emily", "emma", "eric",
	"erik", "erin", "ethan", "eugene", "frank", "fred", "gary", "george", "gerald", "gina", "glenn",
	"gordon", "greg", "gregory", "hannah", "harold", "harry", "heather", "helen", "henry", "howard",
	"ian", "jack", "jacob", "james", "jamie", "jane", "janet", "jason", "jean", "jeff", "jeffrey",
	"jennifer", "jenny", "jeremy", "jerry", "jessica", "jill", "jim", "jimmy", "joan", "joe", "joel",
	"john", "johnny", "jon", "jonathan", "joseph", "josh", "joshua", "joyce", "judy", "julia", "julie",
	"justin", "karen", "kate", "katherine", "kathleen", "kathy", "keith", "kelly", "ken", "kenneth",
	"kevin", "kim", "kimberly", "kyle", "larry", "laura", "lauren", "lawrence", "leslie", "linda", "lisa",
	"liz", "louis", "lucy", "luke", "lynn", "margaret", "maria", "marie", "marilyn", "mark", "martha", "martin",
	"mary", "matt", "matthew", "megan", "melissa", "michael", "michelle", "mike", "mitch", "nancy",
	"nathan", "neil", "nicholas", "nick", "nicole", "oliver", "pamela", "pat", "patricia", "patrick",
	"paul", "peter", "phil", "philip", "rachel", "ralph", "randy", "raymond", "rebecca", "richard", "rick",
	"rob", "robert", "roger", "ron", "ronald", "ruth", "ryan", "sally", "sam", "samantha", "samuel",
	"sandra", "sara", "sarah", "scott", "sean", "sharon", "shirley", "simon", "stephanie", "stephen",
	"steve", "steven", "stuart", "susan", "ted", "teresa", "terry", "thomas", "tim", "timothy", "tina",
	"todd", "tom", "tommy", "tony", "tracy", "travis", "valerie", "vanessa", "victor", "victoria",
	"vincent", "walter", "wayne", "wendy", "william", "zach", "zachary",
	// names the news knows well
	"hillary", "barack", "kamala", "mitt", "rudy", "newt", "elon", "bernie", "pete", "lindsey", "jeb",
	"ivanka", "melania", "jared", "kellyanne", "rex", "nikki", "gavin", "tulsi", "rand", "marco", "osama",
	// elsewhere
	"abdul", "abdullah", "ahmed", "ahmad", "ali", "alexei", "alexey", "andrzej", "antonio",
	"boris", "dmitry", "dmitri", "emmanuel", "enrique", "fernando", "francesco", "francois",
	"françois", "friedrich", "giorgia", "giuseppe", "hans", "hassan", "hussein", "ibrahim", "igor", "ivan",
	"jacques", "javier", "jean-luc", "jean-marc", "jean-pierre", "jens", "joachim", "jorge", "jose", "josé",
	"juan", "jurgen", "jürgen", "karl", "klaus", "lars", "luis", "luiz", "manuel", "marco", "mario",
	"mikhail", "mohamed", "mohammad", "mohammed", "muhammad", "narendra", "nicolas", "olaf", "olga",
	"omar", "pablo", "pedro", "pierre", "rahul", "recep", "roberto", "rishi", "salman", "sergei", "sergey",
	"shinzo", "stefan", "ursula", "vladimir", "volodymyr", "wolfgang", "yuri", "yusuf", "hiroshi",
	"kenji", "takeshi", "yuki", "fumio", "yoshihide", "taro", "kazuhiro", "shigeru", "sanae",
)
