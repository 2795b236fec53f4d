package entity

import (
	_ "embed"
	"strconv"
	"strings"
)

// country is a state with the names and adjectives that denote it and
// the seat of its government, which news uses for the government itself.
type country struct {
	name     string
	aliases  []string
	demonyms []string
	capital  string
}

var countries = []country{
	{"United States", []string{"U.S.", "US", "USA", "U.S.A.", "America", "United States of America"}, []string{"American", "U.S."}, "Washington"},
	{"Japan", nil, []string{"Japanese"}, "Tokyo"},
	{"China", []string{"People's Republic of China", "PRC", "Mainland China"}, []string{"Chinese"}, "Beijing"},
	{"Taiwan", []string{"Republic of China"}, []string{"Taiwanese"}, "Taipei"},
	{"South Korea", []string{"Republic of Korea", "ROK"}, []string{"South Korean"}, "Seoul"},
	{"North Korea", []string{"DPRK", "N. Korea", "Democratic People's Republic of Korea"}, []string{"North Korean"}, "Pyongyang"},
	{"Russia", []string{"Russian Federation"}, []string{"Russian"}, "Moscow"},
	{"Ukraine", nil, []string{"Ukrainian"}, "Kyiv"},
	{"United Kingdom", []string{"UK", "U.K.", "Britain", "Great Britain"}, []string{"British"}, "London"},
	{"France", nil, []string{"French"}, "Paris"},
	{"Germany", nil, []string{"German"}, "Berlin"},
	{"Italy", nil, []string{"Italian"}, "Rome"},
	{"Spain", nil, []string{"Spanish"}, "Madrid"},
	{"Canada", nil, []string{"Canadian"}, "Ottawa"},
	{"Mexico", nil, []string{"Mexican"}, "Mexico City"},
	{"Brazil", nil, []string{"Brazilian"}, "Brasília"},
	{"India", nil, []string{"Indian"}, "New Delhi"},
	{"Pakistan", nil, []string{"Pakistani"}, "Islamabad"},
	{"Iran", nil, []string{"Iranian"}, "Tehran"},
	{"Iraq", nil, []string{"Iraqi"}, "Baghdad"},
	{"Israel", nil, []string{"Israeli"}, "Jerusalem"},
	{"Syria", nil, []string{"Syrian"}, "Damascus"},
	{"Turkey", []string{"Türkiye"}, []string{"Turkish"}, "Ankara"},
	{"Saudi Arabia", nil, []string{"Saudi"}, "Riyadh"},
	{"Egypt", nil, []string{"Egyptian"}, "Cairo"},
	{"Australia", nil, []string{"Australian"}, "Canberra"},
	{"New Zealand", nil, []string{"New Zealander"}, "Wellington"},
	{"Philippines", nil, []string{"Philippine", "Filipino"}, "Manila"},
	{"Vietnam", nil, []string{"Vietnamese"}, "Hanoi"},
	{"Indonesia", nil, []string{"Indonesian"}, "Jakarta"},
	{"Poland", nil, []string{"Polish"}, "Warsaw"},
	{"Netherlands", []string{"Holland"}, []string{"Dutch"}, "The Hague"},
	{"Belgium", nil, []string{"Belgian"}, "Brussels"},
	{"Sweden", nil, []string{"Swedish"}, "Stockholm"},
	{"Norway", nil, []string{"Norwegian"}, "Oslo"},
	{"Finland", nil, []string{"Finnish"}, "Helsinki"},
	{"Denmark", nil, []string{"Danish"}, "Copenhagen"},
	{"Greece", nil, []string{"Greek"}, "Athens"},
	{"Hungary", nil, []string{"Hungarian"}, "Budapest"},
	{"Kenya", nil, []string{"Kenyan"}, "Nairobi"},
	{"Nigeria", nil, []string{"Nigerian"}, "Abuja"},
	{"South Africa", nil, []string{"South African"}, "Pretoria"},
	{"Argentina", nil, []string{"Argentine", "Argentinian"}, "Buenos Aires"},
	{"Venezuela", nil, []string{"Venezuelan"}, "Caracas"},
	{"Cuba", nil, []string{"Cuban"}, "Havana"},
	{"Afghanistan", nil, []string{"Afghan"}, "Kabul"},
	{"Switzerland", nil, []string{"Swiss"}, "Bern"},
	{"Austria", nil, []string{"Austrian"}, "Vienna"},
	{"Ireland", nil, []string{"Irish"}, "Dublin"},
	{"Portugal", nil, []string{"Portuguese"}, "Lisbon"},
	{"Czech Republic", []string{"Czechia"}, []string{"Czech"}, "Prague"},
	{"Thailand", nil, []string{"Thai"}, "Bangkok"},
	{"Malaysia", nil, []string{"Malaysian"}, "Kuala Lumpur"},
	{"Singapore", nil, []string{"Singaporean"}, ""},
	{"Myanmar", []string{"Burma"}, []string{"Burmese"}, "Naypyidaw"},
	{"Libya", nil, []string{"Libyan"}, "Tripoli"},
	{"Lebanon", nil, []string{"Lebanese"}, "Beirut"},
	{"Jordan", nil, []string{"Jordanian"}, "Amman"},
	{"Qatar", nil, []string{"Qatari"}, "Doha"},
	{"Sudan", nil, []string{"Sudanese"}, "Khartoum"},
	{"Tanzania", nil, []string{"Tanzanian"}, "Dodoma"},
	{"Ethiopia", nil, []string{"Ethiopian"}, "Addis Ababa"},
	{"Colombia", nil, []string{"Colombian"}, "Bogotá"},
	{"Chile", nil, []string{"Chilean"}, "Santiago"},
	{"Peru", nil, []string{"Peruvian"}, "Lima"},
	// the rest of the world's states, with capitals that are not also
	// common words or names ("Victoria", "Kingston" are left out), and
	// without names that are mostly something else ("Georgia", "Chad")
	{"Morocco", nil, []string{"Moroccan"}, "Rabat"},
	{"Algeria", nil, []string{"Algerian"}, "Algiers"},
	{"Tunisia", nil, []string{"Tunisian"}, "Tunis"},
	{"Mauritania", nil, []string{"Mauritanian"}, "Nouakchott"},
	{"Mali", nil, []string{"Malian"}, "Bamako"},
	{"Niger", nil, []string{"Nigerien"}, "Niamey"},
	{"Burkina Faso", nil, []string{"Burkinabe"}, "Ouagadougou"},
	{"Senegal", nil, []string{"Senegalese"}, "Dakar"},
	{"Gambia", nil, []string{"Gambian"}, "Banjul"},
	{"Guinea", nil, []string{"Guinean"}, "Conakry"},
	{"Guinea-Bissau", nil, nil, "Bissau"},
	{"Sierra Leone", nil, []string{"Sierra Leonean"}, "Freetown"},
	{"Liberia", nil, []string{"Liberian"}, "Monrovia"},
	{"Ivory Coast", []string{"Côte d'Ivoire", "Cote d'Ivoire"}, []string{"Ivorian"}, "Yamoussoukro"},
	{"Ghana", nil, []string{"Ghanaian"}, "Accra"},
	{"Togo", nil, []string{"Togolese"}, "Lomé"},
	{"Benin", nil, []string{"Beninese"}, "Porto-Novo"},
	{"Cameroon", nil, []string{"Cameroonian"}, "Yaoundé"},
	{"Central African Republic", nil, nil, "Bangui"},
	{"Gabon", nil, []string{"Gabonese"}, "Libreville"},
	{"Equatorial Guinea", nil, nil, "Malabo"},
	{"Republic of the Congo", []string{"Congo-Brazzaville"}, nil, "Brazzaville"},
	{"Democratic Republic of the Congo", []string{"DR Congo", "DRC", "Congo-Kinshasa"}, []string{"Congolese"}, "Kinshasa"},
	{"Angola", nil, []string{"Angolan"}, "Luanda"},
	{"Zambia", nil, []string{"Zambian"}, "Lusaka"},
	{"Zimbabwe", nil, []string{"Zimbabwean"}, "Harare"},
	{"Mozambique", nil, []string{"Mozambican"}, "Maputo"},
	{"Malawi", nil, []string{"Malawian"}, "Lilongwe"},
	{"Botswana", nil, nil, "Gaborone"},
	{"Namibia", nil, []string{"Namibian"}, "Windhoek"},
	{"Lesotho", nil, nil, "Maseru"},
	{"Eswatini", []string{"Swaziland"}, nil, "Mbabane"},
	{"Madagascar", nil, []string{"Malagasy"}, "Antananarivo"},
	{"Mauritius", nil, []string{"Mauritian"}, "Port Louis"},
	{"Uganda", nil, []string{"Ugandan"}, "Kampala"},
	{"Rwanda", nil, []string{"Rwandan"}, "Kigali"},
	{"Burundi", nil, []string{"Burundian"}, "Gitega"},
	{"South Sudan", nil, []string{"South Sudanese"}, "Juba"},
	{"Somalia", nil, []string{"Somali"}, "Mogadishu"},
	{"Djibouti", nil, nil, ""},
	{"Eritrea", nil, []string{"Eritrean"}, "Asmara"},
	{"Yemen", nil, []string{"Yemeni"}, "Sanaa"},
	{"Oman", nil, []string{"Omani"}, "Muscat"},
	{"United Arab Emirates", []string{"UAE", "U.A.E."}, []string{"Emirati"}, "Abu Dhabi"},
	{"Bahrain", nil, []string{"Bahraini"}, "Manama"},
	{"Kuwait", nil, []string{"Kuwaiti"}, ""},
	{"Palestine", []string{"Palestinian territories"}, []string{"Palestinian"}, "Ramallah"},
	{"Cyprus", nil, []string{"Cypriot"}, "Nicosia"},
	{"Armenia", nil, []string{"Armenian"}, "Yerevan"},
	{"Azerbaijan", nil, []string{"Azerbaijani"}, "Baku"},
	{"Kazakhstan", nil, []string{"Kazakh"}, "Astana"},
	{"Uzbekistan", nil, []string{"Uzbek"}, "Tashkent"},
	{"Turkmenistan", nil, []string{"Turkmen"}, "Ashgabat"},
	{"Kyrgyzstan", nil, []string{"Kyrgyz"}, "Bishkek"},
	{"Tajikistan", nil, []string{"Tajik"}, "Dushanbe"},
	{"Mongolia", nil, []string{"Mongolian"}, "Ulaanbaatar"},
	{"Nepal", nil, []string{"Nepali", "Nepalese"}, "Kathmandu"},
	{"Bhutan", nil, []string{"Bhutanese"}, "Thimphu"},
	{"Bangladesh", nil, []string{"Bangladeshi"}, "Dhaka"},
	{"Sri Lanka", nil, []string{"Sri Lankan"}, "Colombo"},
	{"Maldives", nil, []string{"Maldivian"}, ""},
	{"Laos", nil, []string{"Laotian"}, "Vientiane"},
	{"Cambodia", nil, []string{"Cambodian"}, "Phnom Penh"},
	{"Brunei", nil, nil, ""},
	{"East Timor", []string{"Timor-Leste"}, nil, "Dili"},
	{"Papua New Guinea", nil, nil, "Port Moresby"},
	{"Fiji", nil, []string{"Fijian"}, "Suva"},
	{"Belarus", nil, []string{"Belarusian"}, "Minsk"},
	{"Moldova", nil, []string{"Moldovan"}, "Chisinau"},
	{"Romania", nil, []string{"Romanian"}, "Bucharest"},
	{"Bulgaria", nil, []string{"Bulgarian"}, ""}, // (Sofia is also a name)
	{"Serbia", nil, []string{"Serbian"}, "Belgrade"},
	{"Croatia", nil, []string{"Croatian"}, "Zagreb"},
	{"Slovenia", nil, []string{"Slovenian"}, "Ljubljana"},
	{"Bosnia and Herzegovina", []string{"Bosnia"}, []string{"Bosnian"}, "Sarajevo"},
	{"Montenegro", nil, nil, "Podgorica"},
	{"North Macedonia", []string{"Macedonia"}, []string{"Macedonian"}, "Skopje"},
	{"Albania", nil, []string{"Albanian"}, "Tirana"},
	{"Kosovo", nil, []string{"Kosovar"}, "Pristina"},
	{"Slovakia", nil, []string{"Slovak"}, "Bratislava"},
	{"Lithuania", nil, []string{"Lithuanian"}, "Vilnius"},
	{"Latvia", nil, []string{"Latvian"}, "Riga"},
	{"Estonia", nil, []string{"Estonian"}, "Tallinn"},
	{"Iceland", nil, []string{"Icelandic"}, "Reykjavik"},
	{"Luxembourg", nil, nil, ""},
	{"Malta", nil, []string{"Maltese"}, "Valletta"},
	{"Ecuador", nil, []string{"Ecuadorian"}, "Quito"},
	{"Bolivia", nil, []string{"Bolivian"}, "La Paz"},
	{"Paraguay", nil, []string{"Paraguayan"}, "Asunción"},
	{"Uruguay", nil, []string{"Uruguayan"}, "Montevideo"},
	{"Guyana", nil, []string{"Guyanese"}, ""},
	{"Suriname", nil, nil, "Paramaribo"},
	{"Panama", nil, []string{"Panamanian"}, ""},
	{"Costa Rica", nil, []string{"Costa Rican"}, "San José"},
	{"Nicaragua", nil, []string{"Nicaraguan"}, "Managua"},
	{"Honduras", nil, []string{"Honduran"}, "Tegucigalpa"},
	{"El Salvador", nil, []string{"Salvadoran"}, "San Salvador"},
	{"Guatemala", nil, []string{"Guatemalan"}, ""},
	{"Belize", nil, nil, "Belmopan"},
	{"Haiti", nil, []string{"Haitian"}, "Port-au-Prince"},
	{"Dominican Republic", nil, []string{"Dominican"}, "Santo Domingo"},
	{"Jamaica", nil, []string{"Jamaican"}, ""},
	{"Trinidad and Tobago", nil, nil, "Port of Spain"},
	{"Bahamas", nil, []string{"Bahamian"}, ""},
	{"Barbados", nil, nil, "Bridgetown"},
}

// places that are not countries: regions, bodies of water, and the
// localities within states listed by hand. The world's cities are apart
// (citySet): many of their names are also surnames or words ("Rodriguez",
// "Batman", "Americana"), and they are places only where the text
// places them.
var places = append(append([]string(nil), regions...), localities[:len(localityHand)]...)

// regions are larger than a state or lie between states.
var regions = []string{
	"Europe", "Asia", "Africa", "Latin America", "South America", "North America", "Middle East", "Pacific",
	"Atlantic", "Indo-Pacific", "Taiwan Strait", "South China Sea", "East China Sea", "Gaza", "West Bank",
	"Kashmir", "Balkans", "Caribbean", "Arctic", "Antarctica", "Mediterranean", "Baltic",
	"East Asia", "Southeast Asia", "South Asia", "Central Asia", "Western Europe", "Eastern Europe",
	"Central America", "Sahel", "Horn of Africa", "Persian Gulf", "Red Sea", "Black Sea", "Korea", "Siberia",
	// states that were
	"Soviet Union", "USSR", "Yugoslavia", "East Germany", "West Germany", "Czechoslovakia",
}

// localityList holds the localities listed here and the world's cities
// (see cities).
var localityList = append(localityHand, cities()...)

// locality is a place that lies within one state.
type locality struct{ name, within string }

// localityHand lie within one state: its provinces and states, and
// cities that are not its capital, each with the state or locality it
// lies within ("" where a name is in two states: Punjab, Hyderabad,
// Birmingham).
var localityHand = []locality{
	{"Crimea", "Ukraine"}, {"Okinawa", "Japan"}, {"Hong Kong", "China"}, {"Macau", "China"}, {"Los Angeles", "California"},
	{"Chicago", "Illinois"}, {"Shanghai", "China"}, {"Osaka", "Japan"}, {"Kyoto", "Japan"}, {"Hokkaido", "Japan"},
	{"Scotland", "United Kingdom"}, {"Wales", "United Kingdom"}, {"England", "United Kingdom"}, {"Donbas", "Ukraine"},
	{"Northern Ireland", "United Kingdom"}, {"Catalonia", "Spain"}, {"Bavaria", "Germany"}, {"Quebec", "Canada"},
	{"Ontario", "Canada"}, {"British Columbia", "Canada"}, {"Alberta", "Canada"}, {"New South Wales", "Australia"},
	{"Victoria", "Australia"}, {"Queensland", "Australia"}, {"Tibet", "China"}, {"Xinjiang", "China"}, {"Punjab", ""},
	{"Sichuan", "China"}, {"Guangdong", "China"}, {"Alabama", "United States"}, {"Alaska", "United States"},
	{"Arizona", "United States"}, {"Arkansas", "United States"}, {"Colorado", "United States"}, {"Connecticut", "United States"},
	{"Delaware", "United States"}, {"Georgia", "United States"}, {"Hawaii", "United States"}, {"Idaho", "United States"},
	{"Illinois", "United States"}, {"Indiana", "United States"}, {"Iowa", "United States"}, {"Kansas", "United States"},
	{"Kentucky", "United States"}, {"Louisiana", "United States"}, {"Maine", "United States"}, {"Maryland", "United States"},
	{"Massachusetts", "United States"}, {"Michigan", "United States"}, {"Minnesota", "United States"}, {"Mississippi", "United States"},
	{"Missouri", "United States"}, {"Montana", "United States"}, {"Nebraska", "United States"}, {"Nevada", "United States"},
	{"New Hampshire", "United States"}, {"New Jersey", "United States"}, {"New Mexico", "United States"}, {"North Carolina", "United States"},
	{"North Dakota", "United States"}, {"Ohio", "United States"}, {"Oklahoma", "United States"}, {"Oregon", "United States"},
	{"Pennsylvania", "United States"}, {"Rhode Island", "United States"}, {"South Carolina", "United States"},
	{"South Dakota", "United States"}, {"Tennessee", "United States"}, {"Utah", "United States"}, {"Vermont", "United States"},
	{"Virginia", "United States"}, {"West Virginia", "United States"}, {"Wisconsin", "United States"}, {"Wyoming", "United States"},
	{"Puerto Rico", "United States"}, {"California", "United States"}, {"Texas", "United States"}, {"Florida", "United States"},
	{"New York", "United States"}, {"Houston", "Texas"}, {"Phoenix", "Arizona"}, {"Philadelphia", "Pennsylvania"},
	{"San Antonio", "Texas"}, {"San Diego", "California"}, {"Dallas", "Texas"}, {"San Francisco", "California"},
	{"Seattle", "United States"}, {"Boston", "Massachusetts"}, {"Miami", "Florida"}, {"Atlanta", "Georgia"},
	{"Denver", "Colorado"}, {"Detroit", "Michigan"}, {"Las Vegas", "Nevada"}, {"Baltimore", "Maryland"}, {"Minneapolis", "Minnesota"},
	{"New Orleans", "Louisiana"}, {"Pittsburgh", "Pennsylvania"}, {"Cleveland", "Ohio"}, {"St. Louis", "Missouri"},
	{"Austin", "Texas"}, {"Nashville", "Tennessee"}, {"Orlando", "Florida"}, {"Sacramento", "California"},
	{"Honolulu", "Hawaii"}, {"Brooklyn", "New York"}, {"Manhattan", "New York"}, {"Silicon Valley", "California"},
	{"Toronto", "Ontario"}, {"Montreal", "Quebec"}, {"Vancouver", "British Columbia"}, {"Sydney", "New South Wales"},
	{"Melbourne", "Victoria"}, {"Brisbane", "Queensland"}, {"Perth", "Australia"}, {"Auckland", "New Zealand"},
	{"Mumbai", "India"}, {"Kolkata", "India"}, {"Chennai", "India"}, {"Bangalore", "India"}, {"Bengaluru", "India"},
	{"Hyderabad", ""}, {"Karachi", "Pakistan"}, {"Lahore", "Pakistan"}, {"Istanbul", "Turkey"}, {"Dubai", "United Arab Emirates"},
	{"Jeddah", "Saudi Arabia"}, {"Mecca", "Saudi Arabia"}, {"Alexandria", "Egypt"}, {"Lagos", "Nigeria"}, {"Johannesburg", "South Africa"},
	{"Cape Town", "South Africa"}, {"Casablanca", "Morocco"}, {"Sao Paulo", "Brazil"}, {"São Paulo", "Brazil"},
	{"Rio de Janeiro", "Brazil"}, {"Munich", "Bavaria"}, {"Hamburg", "Germany"}, {"Frankfurt", "Germany"},
	{"Cologne", "Germany"}, {"Milan", "Italy"}, {"Naples", "Italy"}, {"Barcelona", "Catalonia"}, {"Marseille", "France"},
	{"Lyon", "France"}, {"Geneva", "Switzerland"}, {"Zurich", "Switzerland"}, {"Manchester", "England"}, {"Liverpool", "England"},
	{"Birmingham", ""}, {"Glasgow", "Scotland"}, {"Edinburgh", "Scotland"}, {"St. Petersburg", "Russia"}, {"Kharkiv", "Ukraine"},
	{"Odesa", "Ukraine"}, {"Odessa", "Ukraine"}, {"Lviv", "Ukraine"}, {"Mariupol", "Ukraine"}, {"Aleppo", "Syria"},
	{"Homs", "Syria"}, {"Idlib", "Syria"}, {"Mosul", "Iraq"}, {"Basra", "Iraq"}, {"Gaza City", "Gaza"}, {"Rafah", "Gaza"},
	{"Khan Younis", "Gaza"}, {"Tel Aviv", "Israel"}, {"Haifa", "Israel"}, {"Shenzhen", "Guangdong"}, {"Guangzhou", "Guangdong"},
	{"Wuhan", "China"}, {"Chengdu", "Sichuan"}, {"Busan", "South Korea"}, {"Yokohama", "Japan"}, {"Nagoya", "Japan"},
	{"Hiroshima", "Japan"}, {"Nagasaki", "Japan"}, {"Fukushima", "Japan"}, {"Ho Chi Minh City", "Vietnam"},
}

//go:embed cities.tsv
var citiesFile string

// minCityPopulation is the population from which a city of cities.tsv
// counts as a place wherever its name is written.
const minCityPopulation = 100_000

// cities returns the cities of cities.tsv (GeoNames' cities of 100,000
// people or more, less names that are mostly words) that the lists here
// do not already hold, each within its state or country. Names that are
// also first names are left out ("Charlotte", "Florence", "Sydney"), as
// is a name two countries' cities share unless one is five times the
// other: Hyderabad is in India and in Pakistan.
func cities() []locality {
	known := map[string]bool{} // names the lists here hold, and first names
	for _, l := range localityHand {
		known[strings.ToLower(l.name)] = true
	}
	for _, r := range regions {
		known[strings.ToLower(r)] = true
	}
	for _, n := range strings.Split(givenNamesFile, "\n") {
		known[n] = true
	}
	for n := range commonGivenNames {
		known[n] = true
	}
	listed := func(n string) bool {
		_, country := countryOf[n]
		return known[n] || country || capitalOf[n] != ""
	}
	type city struct {
		locality
		population int
	}
	var out []city
	at := map[string]int{}
	for _, line := range strings.Split(strings.TrimSpace(citiesFile), "\n") {
		f := strings.Split(line, "\t")
		if len(f) != 4 || strings.HasPrefix(line, "#") {
			continue
		}
		n, _ := strconv.Atoi(f[3])
		lower := strings.ToLower(f[0])
		if n < minCityPopulation || listed(lower) || listed(unaccented(lower)) || knownOrgs[lower] || notNames[lower] || orgWords[lower] || isTitle(lower) {
			continue
		}
		within := countryOf[strings.ToLower(f[1])] // "" where the gazetteer lists no such state ("Georgia")
		if f[1] == "Hong Kong" || f[1] == "Macau" {
			within = f[1] // a locality within China
		}
		if f[2] != "" {
			within = f[2] // a state of the United States
		}
		if i, ok := at[lower]; ok {
			if c := &out[i]; c.within != within && c.population < 5*n {
				c.within = "" // (cities come most populous first)
			}
			continue
		}
		at[lower] = len(out)
		out = append(out, city{locality{f[0], within}, n})
	}
	ls := make([]locality, len(out))
	for i, c := range out {
		ls[i] = c.locality
	}
	return ls
}

// localities are the names of localityList.
var localities = func() []string {
	out := make([]string, len(localityList))
	for i, l := range localityList {
		out[i] = l.name
	}
	return out
}()

// stateAbbreviations are the AP's abbreviations of the states of the
// United States, written after a city: "Everett, Wash.".
var stateAbbreviations = setOf("ala.", "ariz.", "ark.", "calif.", "colo.", "conn.", "del.", "fla.", "ga.",
	"ill.", "ind.", "kan.", "ky.", "la.", "md.", "mass.", "mich.", "minn.", "miss.", "mo.", "mont.", "neb.",
	"nev.", "n.h.", "n.j.", "n.m.", "n.y.", "n.c.", "n.d.", "okla.", "ore.", "pa.", "r.i.", "s.c.", "s.d.",
	"tenn.", "vt.", "va.", "wash.", "w.va.", "wis.", "wyo.", "d.c.")

// titles precede a person's name. Lower case, without dots.
var titles = []string{
	"prime minister", "deputy prime minister", "president", "vice president", "foreign minister",
	"defense minister", "defence minister", "finance minister", "interior minister", "transport minister",
	"minister", "chancellor", "secretary of state", "secretary", "senator", "sen", "rep", "representative",
	"gov", "governor", "mayor", "deputy mayor", "gen", "general", "adm", "admiral", "col", "colonel", "capt",
	"captain", "lt", "sgt", "dr", "mr", "mrs", "ms", "mme", "prof", "professor", "king", "queen", "prince",
	"princess", "pope", "emperor", "chief executive", "ceo", "chairman", "chairwoman", "chair",
	"spokesman", "spokeswoman", "spokesperson", "ambassador", "judge", "justice", "chief justice",
	"speaker", "leader", "deputy", "councillor", "councilor", "commissioner", "inspector", "detective",
	"sheriff", "chief", "director", "editor", "reverend", "rev", "father", "sister", "cardinal", "bishop",
	"sheikh", "ayatollah", "premier", "chief cabinet secretary", "cabinet secretary", "lawmaker",
	"state secretary", "crown prince", "first lady", "attorney general", "police chief", "coach",
	"envoy", "diplomat", "negotiator", "adviser", "advisor", "economist", "lawyer", "activist", "analyst",
	"commander", "strategist", "nominee", "candidate", "consul", "delegate", "historian", "researcher",
	"scientist", "correspondent", "press secretary", "pm", "senators", "sens", "speaker of the house",
	"rabbi", "imam", "pastor",
}

// orgEnds mark an organisation when they end a name, and only then:
// "Envoy Air", "Costa Rica Civil Aviation" (but "Clean Air Act").
var orgEnds = setOf("air", "aviation")

// orgWords mark an organisation when they end or head a name.
var orgWords = setOf(
	"party", "ministry", "department", "agency", "army", "navy", "force", "forces", "guard", "police",
	"bank", "university", "college", "school", "council", "committee", "commission", "court", "parliament",
	"congress", "senate", "assembly", "house", "office", "corp", "corporation", "inc", "ltd", "co", "group",
	"company", "association", "union", "federation", "institute", "foundation", "fund", "organization",
	"organisation", "news", "times", "post", "journal", "herald", "tribune", "agency", "network", "service",
	"services", "authority", "board", "bureau", "administration", "government", "cabinet", "coalition",
	"alliance", "league", "club", "society", "centre", "center", "hospital", "airlines", "airways",
	"motors", "holdings", "partners", "capital", "securities", "systems", "technologies", "labs",
	"diet", "nations", "command", "brigade", "reuters", "press", "broadcasting", "television", "radio",
	"observer", "ledger", "gazette", "review", "monitor", "structural", "endowment", "program",
	"programme", "project", "tribunal", "initiative", "trust", "institution", "caucus", "academy",
	"museum", "laboratory", "consortium", "studies", "conference", "enforcement", "church", "subcommittee",
	"media", "branch", "division", "directorate", "inspectorate", "secretariat", "consulate", "embassy", "zoo",
	"movement", "congregation",
	// in the names of other languages' institutions
	"ministerio", "ministère", "ministerium", "universidad", "université", "universität",
)

// placeWords end the names of places: "Halvard Bridge", "Brenn River".
var placeWords = setOf(
	"bridge", "river", "quay", "street", "road", "square", "park", "station", "airport", "port", "harbour",
	"harbor", "island", "islands", "lake", "mountain", "mountains", "mount", "valley", "bay", "strait", "sea",
	"ocean", "avenue", "district", "province", "county", "city", "town", "village", "peninsula", "canal",
	"coast", "border", "region", "prefecture", "state", "plaza", "boulevard", "lane", "gulf", "desert",
	"strip", "place", "springs", "heights", "falls", "beach", "hills", "hill", "stadium", "arena", "hotel",
)

// facilityWords end the names of buildings and grounds, which are places
// even when an organisation's name comes before them: "Bank of America
// Stadium".
var facilityWords = setOf("stadium", "arena", "station", "airport", "bridge", "square", "park", "plaza", "tower", "hotel")

// knownOrgs are organisations whose names carry no organisation word.
var knownOrgs = setOf(
	"nato", "un", "eu", "who", "imf", "opec", "asean", "fbi", "cia", "nsa", "pentagon", "kremlin", "afp",
	"ap", "bbc", "cnn", "nhk", "kyodo", "xinhua", "reuters", "bloomberg", "google", "apple", "microsoft",
	"amazon", "meta", "facebook", "twitter", "tesla", "toyota", "sony", "samsung", "white house",
	"european union", "united nations", "congress", "senate", "parliament", "bundestag", "knesset",
	"duma", "gop", "house", "interpol", "europol", "nasa", "navy", "army", "air force", "marine corps", "coast guard",
	"national guard", "islamic state", "isis", "isil", "al qaeda", "al-qaeda", "boko haram", "al-shabab",
	// news organisations
	"new york times", "washington post", "wall street journal", "usa today", "los angeles times",
	"financial times", "associated press", "fox news", "msnbc", "npr", "pbs", "politico", "axios", "breitbart",
	"huffpost", "huffington post", "china daily", "global times", "buzzfeed", "newsweek", "gannett", "upi", "dpa", "efe", "ansa", "tass",
	"ria novosti", "yonhap", "nikkei", "asahi shimbun", "yomiuri shimbun", "le monde", "der spiegel",
	"el país", "el pais", "al arabiya", "sky news", "cbs", "nbc", "abc", "cnbc", "hamas", "g-20", "g20", "g-7", "g7", "hezbollah", "taliban", "al jazeera", "tv asahi",
	"daily beast", "new yorker", "vox", "slate", "espn", "wikileaks", "getty", "getty images", "epa",
	"shutterstock", "press association", "guardian", "red cross", "international red cross",
	// companies and universities news names alone
	"netflix", "hulu", "youtube", "instagram", "tiktok", "reddit", "wikipedia", "uber", "airbnb", "boeing",
	"airbus", "walmart", "exxon", "exxonmobil", "chevron", "pfizer", "moderna", "nike", "intel", "nvidia",
	"ibm", "spacex", "openai", "alibaba", "tencent", "huawei", "gazprom", "aramco", "volkswagen", "nissan",
	"honda", "harvard", "yale", "stanford", "princeton", "mit",
)

// notNames are capitalised words that start sentences or headlines and
// name nothing.
var notNames = func() map[string]bool {
	m := setOf(
		"the", "a", "an", "in", "on", "at", "for", "to", "of", "and", "but", "or", "if", "when", "while", "after",
		"before", "as", "this", "that", "these", "those", "there", "it", "its", "he", "she", "they", "we", "i",
		"you", "his", "her", "their", "our", "my", "your", "what", "who", "why", "how", "where", "which", "asked",
		"some", "many", "most", "all", "no", "not", "yet", "so", "still", "however", "meanwhile", "also",
		"now", "then", "here", "both", "each", "every", "one", "two", "three", "last", "next", "first",
		"according", "since", "during", "under", "with", "without", "from", "by", "about", "over", "into",
		"photo", "video", "read", "share", "updated", "published", "related", "advertisement", "detailing",
		"mr", "mrs", "ms", "dr", "such", "other", "another", "despite", "although", "though", "because",
		"unlike", "like", "until", "once", "even", "just", "only", "whether", "instead", "amid", "among",
		"against", "toward", "towards", "across", "through", "between", "behind", "beyond", "near",
		"additional", "editing", "reporting", "writing", "sept", "sep", "oct", "nov", "dec", "feb", "aug", "apr",
	)
	for n := range calendarNames {
		m[n] = true
	}
	return m
}()

// calendarNames are the days and months, which name no one.
var calendarNames = setOf("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
	"january", "february", "march", "april", "may", "june", "july", "august", "september", "october",
	"november", "december")

func setOf(words ...string) map[string]bool {
	m := make(map[string]bool, len(words))
	for _, w := range words {
		m[w] = true
	}
	return m
}

// Locality is a place within a state: a state of the United States, a
// province, a city that is not a capital.
type Locality struct {
	Name string
	// Within is the state or locality it lies within ("Georgia" for
	// Atlanta, "United States" for Georgia), "" where unknown.
	Within string
	// City marks the cities of cities.tsv, as against the provinces,
	// states and best-known cities listed by hand.
	City bool
}

// Localities returns the localities the gazetteer knows, by their names
// folded as Fold folds them. Regions larger than a state are left out.
func Localities() map[string]Locality {
	m := map[string]Locality{}
	for i, l := range localityList {
		m[Fold(l.name)] = Locality{Name: l.name, Within: l.within, City: i >= len(localityHand)}
	}
	return m
}

// KindWords returns, folded as Fold folds names, the words that say what
// kind of thing a name is rather than which one: "county", "river",
// "party", "university".
func KindWords() map[string]bool {
	m := map[string]bool{}
	for _, set := range []map[string]bool{orgWords, placeWords} {
		for w := range set {
			m[Fold(w)] = true
		}
	}
	return m
}

// Demonyms returns the adjectives of the states ("Chinese", "Syrian"),
// folded as Fold folds names, each mapped to its state.
func Demonyms() map[string]string {
	m := map[string]string{}
	for _, c := range countries {
		for _, d := range c.demonyms {
			m[Fold(d)] = c.name
		}
	}
	return m
}

// Countries maps the folded name (Fold) of each state, its other names
// and its capital to the state's name: "us", "washington" and "america"
// to "United States".
func Countries() map[string]string {
	m := map[string]string{}
	for _, c := range countries {
		m[Fold(c.name)] = c.name
		for _, a := range c.aliases {
			m[Fold(a)] = c.name
		}
		if c.capital != "" {
			m[Fold(c.capital)] = c.name
		}
	}
	return m
}
