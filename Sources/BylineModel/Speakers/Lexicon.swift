/// The small closed word lists the attribution rules read: speech verbs, titles, roles,
/// pronouns and the words that mark a capitalised phrase as a place, an event, a work, an
/// outlet or an organisation rather than a person. All lower case.
enum Lexicon {
    // MARK: - Verbs

    /// Verbs that report speech or writing: `X said`, `X told Us Weekly`, `X wrote on Instagram`.
    static let speechVerbs: WordSet = [
        "said", "says", "say", "added", "adds", "told", "tells", "asked", "asks", "explained", "explains",
        "continued", "continues", "insisted", "insists", "warned", "warns", "declared", "declares",
        "replied", "replies", "stated", "states", "remarked", "noted", "notes", "claimed", "claims",
        "admitted", "admits", "wrote", "writes", "argued", "argues", "recalled", "recalls", "announced",
        "announces", "confirmed", "confirms", "urged", "urges", "joked", "jokes", "laughed", "laughs",
        "shouted", "whispered", "commented", "responded", "answered", "conceded", "concedes", "agreed",
        "pleaded", "stressed", "stresses", "reminded", "reminds", "assured", "assures", "sings", "sang",
        "tweeted", "tweets", "posted", "posts", "captioned", "revealed", "reveals", "gushed", "gushes",
        "quipped", "teased", "mused", "acknowledged", "acknowledges", "boasted", "complained", "cautioned",
        "predicted", "promised", "vowed", "cried", "screamed", "yelled", "begged", "demanded", "suggested",
        "suggests", "concluded", "blasted", "slammed", "fumed", "sighed", "snapped", "protested", "countered",
        "observed", "opined", "reflected", "recounted", "confessed", "confided", "emphasised", "emphasized",
        "maintained", "maintains", "contended", "asserted", "testified", "informed", "retorted", "penned",
        "interrupted", "began", "wondered", "wonders", "raved", "shared", "hit", "went", "spoke", "pointed",
        "insisting", "adding", "saying", "telling", "writing", "explaining", "warning", "asking",
        "announcing", "noting", "describing",
        // Greek and Russian, for articles written in them.
        "είπε", "δήλωσε", "τόνισε", "πρόσθεσε", "εξήγησε", "ανέφερε", "σημείωσε", "λέει",
        "сказал", "сказала", "заявил", "заявила", "добавил", "добавила", "отметил", "отметила", "говорит",
    ]

    /// Speech verbs that take a particle to mean speech: `hit back`, `went on`, `pointed out`.
    static let verbParticles = WordTable([("hit", "back"), ("went", "on"), ("pointed", "out"), ("spoke", "to")])

    /// Speech verbs that stand before their subject after a quote: `"…," said Mr Keys.`
    static let invertingVerbs: WordSet = [
        "said", "says", "added", "adds", "asked", "asks", "explained", "continued", "insisted", "warned",
        "declared", "replied", "stated", "noted", "claimed", "admitted", "wrote", "writes", "argued",
        "recalled", "announced", "confirmed", "urged", "joked", "tweeted", "posted", "answered", "responded",
        "conceded", "recalls", "quipped", "countered", "retorted", "cautioned", "observed", "remarked",
        "shouted", "cried", "sang", "sings", "laughed", "agreed", "concluded", "commented", "interrupted",
        // Greek and Russian put the verb first too: «…», είπε η Ελένη.
        "είπε", "δήλωσε", "τόνισε", "πρόσθεσε", "εξήγησε", "ανέφερε", "σημείωσε", "λέει",
        "сказал", "сказала", "заявил", "заявила", "добавил", "добавила", "отметил", "отметила", "говорит",
    ]

    /// Verbs that put someone's words in a fragment: `Flake called the bill "a monstrosity"`.
    static let fragmentVerbs: WordSet = [
        "called", "calls", "calling", "described", "describes", "dubbed", "branded", "labelled", "labeled",
        "termed", "deemed",
    ]

    /// Words that may stand between a subject and its verb: `X later said`, `X has told`.
    static let auxiliaries: WordSet = [
        "has", "had", "have", "also", "later", "then", "once", "previously", "recently", "reportedly",
        "simply", "quickly", "finally", "quietly", "again", "earlier", "repeatedly", "publicly",
        "privately", "would", "will", "could", "only", "told", "exclusively", "flatly", "angrily",
        "tearfully", "proudly", "firmly", "bluntly", "candidly", "jokingly", "famously", "separately",
        "subsequently",
    ]

    // MARK: - Pronouns and subjects

    static let malePronouns: WordSet = ["he"]
    static let femalePronouns: WordSet = ["she"]
    /// Pronouns that never name a speaker here: the quote's own voice, a crowd, a thing.
    static let otherPronouns: WordSet = ["i", "we", "they", "it", "you", "this", "that", "who", "which", "one"]

    /// Words that open a clause, so a name after them can be its subject.
    static let clauseOpeners: WordSet = [
        "and", "but", "while", "when", "as", "after", "before", "because", "although", "though", "since",
        "if", "so", "then", "where", "whereas", "yet", "that", "once", "until", "meanwhile", "however",
    ]

    // MARK: - Titles, roles, anonymous sources

    /// Titles and role words that stand before a name and are not part of it.
    static let titles: WordSet = [
        "mr", "mrs", "ms", "miss", "mx", "dr", "sir", "dame", "lord", "lady", "professor", "prof",
        "rev", "reverend", "father", "sister", "brother", "president", "vice", "prime", "minister",
        "chief", "inspector", "insp", "det", "detective", "sergeant", "sgt", "constable", "pc", "supt",
        "superintendent", "captain", "capt", "cpt", "commander", "cmdr", "lieutenant", "lt", "colonel",
        "col", "general", "gen", "major", "maj", "corporal", "cpl", "private", "pte", "admiral", "adm",
        "marshal", "councillor", "cllr", "councilman", "councilwoman", "mayor", "senator", "sen", "rep",
        "representative", "congressman", "congresswoman", "governor", "gov", "judge", "justice",
        "magistrate", "secretary", "chancellor", "king", "queen", "prince", "princess", "duke",
        "duchess", "earl", "count", "countess", "baron", "baroness", "emperor", "empress", "sheikh",
        "sheik", "emir", "ayatollah", "pope", "cardinal", "bishop", "archbishop", "rabbi", "imam",
        "pastor", "officer", "deputy", "leader", "spokesman", "spokeswoman", "spokesperson", "speaker",
        "director", "executive", "chairman", "chairwoman", "chair", "ceo", "cfo", "coo", "founder",
        "co-founder", "head", "boss", "manager", "coach", "trainer", "ambassador", "envoy",
        "commissioner", "attorney", "prosecutor", "solicitor", "barrister", "lawyer", "counsel", "qc",
        "kc", "mp", "mep", "msp", "am", "chef", "economist", "analyst", "strategist", "meteorologist",
        "scientist", "researcher", "lecturer", "teacher", "headteacher", "head-teacher", "principal",
        "doctor", "nurse", "surgeon", "consultant", "harbourmaster", "harbour", "master", "station",
        "fisherman", "farmer", "landlord", "landlady", "owner", "organiser", "organizer", "engineer",
        "resident", "trader", "driver", "author", "historian", "actor", "actress", "singer", "rapper",
        "star", "presenter", "host", "comedian", "model", "designer", "player", "striker", "midfielder",
        "defender", "goalkeeper", "skipper", "veteran", "activist", "campaigner", "protester",
        "student", "pupil", "parent", "mother", "mum", "dad", "wife", "husband", "son", "daughter",
        "grandmother", "grandfather", "partner", "girlfriend", "boyfriend", "fiancé", "fiancee",
        "fiancée", "widow", "widower", "neighbour", "neighbor", "friend", "colleague", "co-star",
        "costar", "director-general", "secretary-general", "under-secretary", "state", "foreign",
        "home", "defence", "defense", "health", "education", "finance", "interior", "treasury",
        "shadow", "former", "ex", "acting", "interim", "senior", "junior", "assistant", "associate",
        "first", "ch", "u.s", "us", "uk", "democratic", "republican", "labour", "conservative", "tory",
        "liberal", "democrat", "green", "independent", "house", "senate", "majority", "minority",
        "whip", "opposition", "party", "white", "press", "national", "federal", "district", "circuit",
        "supreme", "high", "court", "county", "city", "regional", "local", "managing", "operating",
        "financial", "creative", "artistic", "programme", "program", "festival", "tour", "team", "club",
        "company", "group", "union", "association", "network",
    ]

    /// Titles and roles that say a person's sex.
    static let femaleWords: WordSet = [
        "mrs", "ms", "miss", "lady", "dame", "queen", "princess", "duchess", "countess", "baroness",
        "empress", "sister", "actress", "spokeswoman", "chairwoman", "congresswoman", "councilwoman",
        "mother", "mum", "wife", "daughter", "grandmother", "girlfriend", "fiancée", "fiancee", "widow",
        "landlady", "businesswoman", "sportswoman", "policewoman", "her", "she", "singer-songwriter-she",
    ]
    static let maleWords: WordSet = [
        "mr", "sir", "lord", "king", "prince", "duke", "earl", "baron", "emperor", "brother", "father",
        "spokesman", "chairman", "congressman", "councilman", "dad", "husband", "son", "grandfather",
        "boyfriend", "fiancé", "widower", "landlord", "businessman", "sportsman", "policeman", "fisherman",
        "him", "his", "he",
    ]

    /// Nouns that make a subject an unnamed source: `a spokesman said`, `sources told Us`.
    static let anonymousNouns: WordSet = [
        "source", "sources", "spokesman", "spokeswoman", "spokesperson", "spokespeople", "official",
        "officials", "insider", "insiders", "aide", "aides", "diplomat", "diplomats", "rep", "reps",
        "representative", "representatives", "friend", "friends", "eyewitness", "eyewitnesses", "witness",
        "witnesses", "guest", "guests", "person", "people", "fan", "fans", "resident", "residents",
        "member", "members", "figure", "figures", "executive", "executives", "analyst", "analysts",
        "expert", "experts", "observer", "observers", "critic", "critics", "team", "camp", "statement",
        "relative", "relatives", "neighbour", "neighbours", "neighbor", "neighbors", "colleague",
        "colleagues", "employee", "employees", "staffer", "staffers", "lawyer", "lawyers", "officer",
        "officers", "police", "authorities", "investigators", "prosecutors", "doctors", "campaigners",
        "protesters", "activists", "organisers", "organizers", "lawmakers", "legislators", "ministers",
        "negotiators", "traders", "economists", "bankers", "one", "another", "someone", "anyone",
        "everyone", "nobody", "somebody", "others", "many", "some", "most", "several", "few",
    ]

    /// Roles that stand for the article's main person when used with `the`: `the actress said`.
    static let personRoles: WordSet = [
        "actress", "actor", "star", "singer", "rapper", "musician", "model", "comedian", "presenter",
        "host", "designer", "chef", "player", "striker", "midfielder", "goalkeeper", "captain", "coach",
        "manager", "boss", "president", "prime", "minister", "chancellor", "governor", "mayor", "senator",
        "congressman", "congresswoman", "judge", "duke", "duchess", "prince", "princess", "king", "queen",
        "leader", "secretary", "pm", "premier", "candidate", "author", "writer", "director", "producer",
        "founder", "billionaire", "entrepreneur", "businessman", "businesswoman", "legend", "veteran",
        "singer-songwriter", "songwriter", "athlete", "champion", "winner", "nominee", "teenager",
        "youngster", "mother", "father", "mum", "dad", "superstar", "icon", "personality", "socialite",
        "influencer", "youtuber", "tennis", "footballer", "cricketer", "golfer", "boxer", "swimmer",
        "cyclist", "runner", "driver", "pilot", "astronaut", "scientist", "chairman", "chairwoman",
    ]

    // MARK: - Not people

    /// Words that make a capitalised phrase a place, an event, a work, a date or an outlet.
    static let notPersonWords: WordSet = [
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "january",
        "february", "march", "april", "may", "june", "july", "august", "september", "october",
        "november", "december", "street", "road", "square", "avenue", "lane", "place", "park", "garden",
        "gardens", "station", "river", "bridge", "hospital", "stadium", "arena", "centre", "center",
        "hall", "palace", "court", "college", "university", "school", "academy", "airport", "island",
        "islands", "bay", "lake", "valley", "hill", "hills", "mountain", "mountains", "sea", "ocean",
        "coast", "northern", "southern", "eastern", "western", "city",
        "county", "state", "states", "kingdom", "republic", "empire", "cup", "games", "olympics",
        "championship", "championships", "awards", "award", "show", "festival", "open", "slam",
        "nations", "league", "series", "prix", "tour", "final", "finals", "summit", "conference", "war",
        "day", "night", "week", "year", "christmas", "easter", "news", "times", "post", "mail",
        "herald", "telegraph", "guardian", "journal", "weekly", "magazine", "radio", "tv", "television",
        "channel", "bbc", "cnn", "nbc", "abc", "cbs", "fox", "msnbc", "itv", "sky", "reuters", "afp",
        "ap", "tmz", "people", "vogue", "instagram", "twitter", "facebook", "youtube", "tiktok",
        "snapchat", "google", "apple", "amazon", "microsoft", "netflix", "raider", "god", "allah",
        "jesus", "christ", "late", "grand", "six", "american", "british", "english", "scottish",
        "welsh", "irish", "french", "german", "russian", "chinese", "european", "african", "asian",
        "australian", "canadian", "indian", "israeli", "palestinian", "syrian", "ukrainian",
        "brazilian", "italian", "spanish", "swedish", "greek", "japanese", "korean", "mexican",
        "turkish", "iranian", "iraqi", "afghan", "pakistani", "polish", "dutch", "belgian", "swiss",
        "austrian", "the", "for", "although", "as", "likewise", "however", "meanwhile", "but", "and",
        "or", "if", "when", "while", "after", "before", "since", "because", "though", "yet", "so",
        "then", "still", "also", "even", "just", "only", "now", "today", "yesterday", "tomorrow",
        "tonight", "this", "that", "these", "those", "there", "here", "what", "why", "how", "where",
        "who", "which", "it", "its", "his", "her", "their", "our", "my", "your", "in", "on", "at", "by",
        "with", "from", "to", "of", "into", "about", "over", "under", "between", "during", "without",
        "within", "through", "against", "among", "despite", "following", "according", "asked",
        "speaking", "talking", "writing", "earlier", "later", "last", "next", "first", "second",
        "third", "one", "two", "three", "four", "five", "many", "some", "most", "all", "both", "each",
        "every", "no", "not", "never", "always", "a", "an", "i", "we", "you", "he", "she", "they",
        "yes", "oh", "well", "please", "thank", "thanks", "dear", "happy", "congratulations",
        "breaking", "exclusive", "update", "live", "watch", "read", "related", "share", "photo",
        "video", "image", "credit", "advertisement", "gmt", "bst", "utc", "et", "pt", "est", "edt",
        "am", "pm", "lp", "cd", "dvd", "covid", "coronavirus", "brexit", "obamacare", "medicare",
        "medicaid", "internet", "web", "online", "act", "bill", "law",
    ]

    /// Words that make a capitalised phrase an organisation: `the Home Office said`.
    static let organisationWords: WordSet = [
        "council", "party", "ministry", "department", "dept", "office", "agency", "commission", "committee",
        "association", "union", "police", "palace", "house", "bank", "fund", "group", "inc", "corp",
        "corporation", "ltd", "plc", "llc", "co", "company", "institute", "foundation", "service",
        "services", "authority", "board", "club", "campaign", "trust", "society", "federation",
        "organisation", "organization", "network", "studios", "records", "reserve", "treasury", "pentagon",
        "kremlin", "street", "government", "administration", "parliament", "congress", "senate",
        "assembly", "cabinet", "command", "army", "navy", "forces", "guard", "nhs", "fbi", "cia", "un",
        "eu", "nato", "who", "imf", "opec", "fifa", "uefa", "ioc", "conservatives", "democrats",
        "republicans", "tories", "libdems", "greens", "ukip", "snp", "labour", "airlines", "airways",
        "railways", "rail", "motors", "energy", "oil", "holdings", "partners", "capital", "securities",
        "media", "press", "broadcasting", "centre", "center", "hospital", "university", "college",
        "school", "academy", "museum", "library", "zoo", "church", "mosque", "team", "squad", "fc",
        "city", "united", "rovers", "athletic", "league", "court", "tribunal", "embassy", "consulate",
        "mission", "bureau", "lobby", "chamber", "exchange", "market", "markets", "ombudsman", "regulator",
    ]
}
