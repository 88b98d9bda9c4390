/// Finds quoted speech in paragraphs and works out who said it.
///
/// **What counts as speech.** A passage in double quotes (straight `"` or curly `“ ”`, also `„`
/// and `« »`) is speech when any of these holds:
/// - a speech verb (said, says, told, added, …) or a colon introduces it (`X said: "…"`,
///   `X told reporters: "…"`), or a speech verb follows it (`"…," said X.`, `"…," X said.`);
/// - it has at least three words and ends like a sentence or clause (`.`, `,`, `!`, `?`, `…`),
///   or is left open at the end of its paragraph (the quote goes on in the next paragraph);
/// - it opens its paragraph and has at least three words.
/// So scare quotes around a word or a title (`its self-proclaimed "caliphate"`,
/// `a "war on terror" policy`) are not speech. Single quotes are never speech.
///
/// **Who said it**, in order: a verb after the quote (`said X`, `X said`, `according to X`);
/// a verb or colon before it in the same sentence; an earlier speaker in the same paragraph;
/// for a paragraph that opens with a quote and names nobody, the speaker of the previous
/// paragraph's last quote (a continued quote). `he`, `she`, `they`, `I`, `we` resolve to the last
/// named person: a speaker, or someone named in the narrative (two or more capitalised words, or
/// one followed by a speech verb). A lone surname (`Núñez said`) becomes the full name seen before.
/// Chinese and Japanese attributions written without spaces (`…と話した`) are not understood. A subject such as `SDF spokesman Mustafa Bali` or `Maria Núñez, council leader,`
/// yields the name (`Mustafa Bali`, `Maria Núñez`): the run of capitalised words ending the
/// subject, without leading titles and acronyms, or the part before a comma.
struct QuoteFinder {
    struct Found {
        var text: String
        var speaker: String?
        /// Index of the paragraph (in the parser's body list).
        var paragraph: Int
        /// Scalar offset in the paragraph, for reading order.
        var position: Int
        var unterminated: Bool
    }

    private(set) var lastSpeaker: String?
    /// Speaker of the last quote of the previous paragraph looked at, and whether it stayed open.
    private var previous: (paragraph: Int, speaker: String?, open: Bool)?

    /// How far before or after a quote to look for its attribution.
    private static let window = 300

    mutating func quotes(inParagraph text: String, index: Int) -> [Found] {
        let s = Array(text.unicodeScalars)
        let spans = Self.spans(s)
        var found: [Found] = []
        var paragraphSpeaker: String?
        let startsWithQuote = s.first.map(Self.isOpener) ?? false
        var prevEnd = 0
        for (k, span) in spans.enumerated() {
            let nextStart = k + 1 < spans.count ? spans[k + 1].open : s.count
            let quoteText = Self.cleanQuoteText(s[span.open + 1..<span.close])
            let words = TextScan.countWords(quoteText)
            guard words > 0 else { prevEnd = min(s.count, span.close + 1); continue }

            noteMentions(s, from: prevEnd, to: span.open)
            let pre = Self.preAttribution(s, from: max(prevEnd, span.open - Self.window), to: span.open)
            // `"…," said X` needs the quote to end a clause: punctuation inside or a comma after.
            let rawLast = s[span.open + 1..<span.close].last(where: { !TextScan.isSpace($0) })
            let endsClause = rawLast.map { ".,!?…".unicodeScalars.contains($0) } ?? false
                || (span.close + 1 < s.count && s[span.close + 1] == ",")
            let post = span.terminated && endsClause
                ? Self.postAttribution(s, from: span.close + 1, to: min(nextStart, span.close + 1 + Self.window))
                : Attribution.none

            var speaker: String?
            var context = false
            for a in [post, pre] where a.context {
                context = true
                if speaker == nil, let subject = a.subject { speaker = resolve(subject) }
            }
            let last = quoteText.unicodeScalars.last
            let sentenceLike = last.map { ".,!?…。！？".unicodeScalars.contains($0) } ?? false
            let isSpeech = context
                || (words >= 3 && (sentenceLike || !span.terminated))
                || (words >= 3 && k == 0 && startsWithQuote)
            prevEnd = min(s.count, span.close + 1)
            guard isSpeech else { continue }

            if speaker == nil { speaker = paragraphSpeaker }
            if speaker == nil, k == 0, startsWithQuote, pre.subject == nil,
               let p = previous, p.paragraph == index - 1 {
                speaker = p.speaker
            }
            if let sp = speaker { paragraphSpeaker = sp }
            found.append(Found(text: quoteText, speaker: speaker, paragraph: index,
                               position: span.open, unterminated: !span.terminated))
        }
        noteMentions(s, from: prevEnd, to: s.count)
        if let lastQuote = found.last {
            previous = (index, lastQuote.speaker, lastQuote.unterminated)
        } else {
            previous = nil
        }
        return found
    }

    /// Name for a subject phrase; pronouns resolve to the last named speaker.
    private mutating func resolve(_ subject: String) -> String? {
        if Self.pronouns.contains(Self.bare(subject)) { return lastSpeaker }
        guard var name = Self.name(fromSubject: subject) else { return nil }
        if !name.contains(" "), let full = fullNames[name] { name = full }
        remember(name)
        return name
    }

    /// Full names by their last word, so a later "Núñez said" is Maria Núñez.
    private var fullNames: [String: String] = [:]

    private mutating func remember(_ name: String) {
        lastSpeaker = name
        let parts = name.split(separator: " ")
        if parts.count >= 2, let last = parts.last { fullNames[String(last)] = name }
    }

    /// People named in the narrative between quotes: a run of two or more capitalised words
    /// (titles and acronyms dropped), or one followed by a speech verb ("Kierkegård said").
    /// The last one becomes the person `he`/`she` refer to.
    private mutating func noteMentions(_ s: [Unicode.Scalar], from lo: Int, to hi: Int) {
        guard lo < hi else { return }
        var run: [String] = []
        func flush(nextIsVerb: Bool) {
            defer { run.removeAll(keepingCapacity: true) }
            // One word names someone only before a speech verb (a run's words hold no spaces,
            // so its name has one word at most): a sentence's opening word costs nothing more.
            guard run.count >= 2 || (nextIsVerb && !run.isEmpty) else { return }
            guard let name = Self.name(fromSubject: run.joined(separator: " ")) else { return }
            let words = name.split(separator: " ")
            if words.count >= 2 || nextIsVerb {
                if words.allSatisfy({ Self.isAcronym(String($0)) }) { return }
                var full = name
                if words.count == 1, let known = fullNames[name] { full = known }
                remember(full)
            }
        }
        let end = min(hi, lo + 2000)
        var i = lo
        while i < end {
            while i < end && TextScan.isSpace(s[i]) { i += 1 }
            guard i < end else { break }
            let start = i
            while i < end && !TextScan.isSpace(s[i]) { i += 1 }
            // Fast path: with no name run open, a word opening in an ASCII lower-case letter or
            // digit can neither start a name nor continue one, and flushing an empty run is a
            // no-op; so skip it without making a string of it.
            let f = s[start].value
            if run.isEmpty && ((f >= 0x61 && f <= 0x7A) || (f >= 0x30 && f <= 0x39)) { continue }
            let t = ScalarWriter.string(s[start..<i])
            let core = Self.bare(t)
            if core.isEmpty { flush(nextIsVerb: false); continue }
            var trimmed = Substring(t)
            while let f = trimmed.unicodeScalars.first, !TextScan.isWordScalar(f) { trimmed = trimmed.dropFirst() }
            let startsClean = trimmed.count == t.count
            if startsClean && (Self.isNameWord(String(trimmed)) || (!run.isEmpty && Self.isParticle(String(trimmed)))) {
                run.append(t)
                if let l = t.unicodeScalars.last, !TextScan.isWordScalar(l) { flush(nextIsVerb: false) }
            } else {
                flush(nextIsVerb: Self.speechVerbs.contains(core))
            }
        }
        flush(nextIsVerb: false)
    }

    /// Forget the previous paragraph (after a crosshead or a block that is not a paragraph).
    mutating func breakContinuity() { previous = nil }

    // MARK: - Spans

    static let openers: Set<Unicode.Scalar> = ["\"", "\u{201C}", "\u{201E}", "\u{00AB}"]
    static let closers: Set<Unicode.Scalar> = ["\"", "\u{201D}", "\u{00BB}", "\u{201C}"]

    /// `openers.contains(c)` without hashing: it runs on every character of every paragraph.
    @inline(__always) static func isOpener(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x22, 0x201C, 0x201E, 0xAB: return true
        default: return false
        }
    }

    struct Span { var open: Int; var close: Int; var terminated: Bool }

    /// Quoted spans in order; an unclosed one runs to the end (`close == s.count`).
    static func spans(_ s: [Unicode.Scalar]) -> [Span] {
        var result: [Span] = []
        var i = 0
        while i < s.count {
            let c = s[i]
            if isOpener(c) {
                var j = i + 1
                while j < s.count {
                    let d = s[j]
                    if d == "\"" || d == "\u{201D}" || (c == "\u{00AB}" && d == "\u{00BB}") || (c == "\u{201E}" && d == "\u{201C}") {
                        break
                    }
                    j += 1
                }
                if j < s.count {
                    result.append(Span(open: i, close: j, terminated: true))
                    i = j + 1
                } else {
                    result.append(Span(open: i, close: s.count, terminated: false))
                    break
                }
            } else {
                i += 1
            }
        }
        return result
    }

    static func cleanQuoteText(_ s: ArraySlice<Unicode.Scalar>) -> String {
        var t = TextScan.trim(ScalarWriter.string(s))
        while t.hasSuffix(",") { t.removeLast() }
        return t
    }

    // MARK: - Attribution

    struct Attribution {
        /// A speech verb or colon ties the quote to speech.
        var context: Bool
        /// The words naming the speaker, if any.
        var subject: String?
        static let none = Attribution(context: false, subject: nil)
    }

    static let speechVerbs: Set<String> = [
        "said", "says", "say", "added", "adds", "told", "tells", "asked", "asks", "explained",
        "explains", "continued", "continues", "insisted", "insists", "warned", "warns", "declared",
        "replied", "stated", "remarked", "noted", "claimed", "claims", "admitted", "admits", "wrote",
        "writes", "argued", "argues", "recalled", "recalls", "announced", "confirmed", "urged",
        "joked", "laughed", "shouted", "whispered", "commented", "responded", "answered",
        "conceded", "concedes", "added:", "agreed", "agrees", "pleaded", "stressed", "stresses",
        // Greek and Russian, for articles written in them.
        "είπε", "δήλωσε", "τόνισε", "πρόσθεσε", "εξήγησε", "ανέφερε", "σημείωσε", "λέει",
        "сказал", "сказала", "заявил", "заявила", "добавил", "добавила", "отметил", "отметила", "говорит",
    ]
    static let pronouns: Set<String> = ["he", "she", "they", "i", "we"]

    private static func words(_ s: ArraySlice<Unicode.Scalar>) -> [String] {
        ScalarWriter.string(s).split(whereSeparator: TextScan.isSpace).map(String.init)
    }

    static func bare(_ word: String) -> String {
        var scalars = Substring(word).unicodeScalars
        while let f = scalars.first, !TextScan.isWordScalar(f) { scalars = scalars.dropFirst() }
        while let l = scalars.last, !TextScan.isWordScalar(l) { scalars = scalars.dropLast() }
        return ScalarWriter.string(scalars).lowercased()
    }

    /// The clause before a quote: `X said:`, `X told reporters:`, `X, role, said`, `X:`.
    static func preAttribution(_ s: [Unicode.Scalar], from lo: Int, to hi: Int) -> Attribution {
        guard lo < hi else { return .none }
        var start = lo
        var k = hi - 1
        while k >= lo {
            let c = s[k]
            if c == "." || c == "!" || c == "?" {
                if k + 1 < hi && TextScan.isSpace(s[k + 1]) { start = k + 1; break }
            }
            k -= 1
        }
        let clause = TextScan.trim(ScalarWriter.string(s[start..<hi]))
        guard !clause.isEmpty else { return .none }
        let tokens = clause.split(whereSeparator: TextScan.isSpace).map(String.init)
        let colon = clause.hasSuffix(":")
        let comma = clause.hasSuffix(",")
        if let vi = tokens.lastIndex(where: { speechVerbs.contains(bare($0)) }),
           colon || comma || vi >= tokens.count - 3 {
            // "said X:" (verb before the name) also happens.
            if vi == 0 && tokens.count > 1 {
                return Attribution(context: true, subject: tokens[1...].joined(separator: " "))
            }
            let subject = tokens[..<vi].joined(separator: " ")
            return Attribution(context: true, subject: subject.isEmpty ? nil : subject)
        }
        if colon && tokens.count <= 5 {
            return Attribution(context: true, subject: String(clause.dropLast()))
        }
        return colon ? Attribution(context: true, subject: nil) : .none
    }

    /// The clause after a quote: `said X.`, `X said.`, `he added`, `according to X`.
    static func postAttribution(_ s: [Unicode.Scalar], from lo: Int, to hi: Int) -> Attribution {
        guard lo < hi else { return .none }
        var tokens: [String] = []
        for w in words(s[lo..<hi]) where !(tokens.isEmpty && bare(w).isEmpty) {
            tokens.append(w)
            if let l = w.unicodeScalars.last, ".!?:;".unicodeScalars.contains(l) { break }
            if tokens.count >= 12 { break }
        }
        guard !tokens.isEmpty else { return .none }
        if tokens.last!.hasSuffix(":") { return .none }  // it introduces the next quote
        if tokens.count >= 3, bare(tokens[0]) == "according", bare(tokens[1]) == "to" {
            return Attribution(context: true, subject: tokens[2...].joined(separator: " "))
        }
        guard let vi = tokens.prefix(5).firstIndex(where: { speechVerbs.contains(bare($0)) }) else { return .none }
        if vi == 0 {
            var subject: [String] = []
            for t in tokens.dropFirst() {
                subject.append(t)
                if t.hasSuffix(",") || t.hasSuffix(".") { break }
            }
            return Attribution(context: true, subject: subject.isEmpty ? nil : subject.joined(separator: " "))
        }
        // The subject must not run across a sentence end.
        if tokens[..<vi].contains(where: { $0.hasSuffix(".") || $0.hasSuffix("!") || $0.hasSuffix("?") }) {
            return .none
        }
        return Attribution(context: true, subject: tokens[..<vi].joined(separator: " "))
    }

    // MARK: - Names

    static let titles: Set<String> = [
        "mr", "mrs", "ms", "miss", "dr", "sir", "dame", "lord", "lady", "professor", "prof",
        "president", "prime", "minister", "chief", "inspector", "sergeant", "captain", "councillor",
        "mayor", "senator", "governor", "general", "colonel", "judge", "justice", "rev", "father",
        "sister", "secretary", "chancellor", "king", "queen", "prince", "princess", "detective",
        "superintendent", "officer", "deputy", "leader", "spokesman", "spokeswoman", "spokesperson",
        "the", "a", "an", "but", "and", "yesterday", "today", "later", "however", "then", "now",
        "earlier", "meanwhile", "last", "on", "in", "at", "this", "that", "so", "also", "when",
        // Roles that open a subject ("Organiser Sato Misaki said").
        "organiser", "organizer", "student", "engineer", "resident", "trader", "teacher", "nurse",
        "driver", "fisherman", "author", "historian", "chair", "chairman", "chairwoman", "station",
        "master", "harbour", "police", "boat", "owner", "its", "his", "her", "their",
    ]
    static let particles: Set<String> = ["de", "da", "di", "du", "van", "von", "der", "den", "la", "le",
                                         "del", "dos", "das", "bin", "ibn", "al", "el", "ter", "af"]

    static func isNameWord(_ w: String) -> Bool {
        guard let f = w.unicodeScalars.first else { return false }
        if f.properties.isUppercase { return true }
        if f.properties.isAlphabetic && !f.properties.isLowercase && !f.properties.changesWhenUppercased {
            return true  // letters without case: Chinese, Japanese, Korean, …
        }
        return false
    }

    static func isParticle(_ w: String) -> Bool {
        let lower = w.lowercased()
        if particles.contains(lower) { return true }
        if let dash = lower.firstIndex(of: "-"), particles.contains(String(lower[..<dash])) { return true }
        return false
    }

    /// The person a subject phrase names, or nil when it names nobody (`the mayor`).
    static func name(fromSubject subject: String) -> String? {
        // "Maria Núñez, council leader," names her before the comma; "The chair, Amélie
        // Poulain," after it: the first comma-separated part that holds a name wins.
        for part in subject.split(whereSeparator: { $0 == "," || $0 == "、" || $0 == "(" || $0 == "（" }) {
            if let name = name(fromPart: part) { return name }
        }
        return nil
    }

    private static func name(fromPart phrase: Substring) -> String? {
        var tokens = phrase.split(whereSeparator: TextScan.isSpace).map { word -> String in
            var t = Substring(word)
            while let l = t.unicodeScalars.last, !TextScan.isWordScalar(l) { t = t.dropLast() }
            while let f = t.unicodeScalars.first, !TextScan.isWordScalar(f) { t = t.dropFirst() }
            return String(t)
        }.filter { !$0.isEmpty }
        guard !tokens.isEmpty else { return nil }
        if tokens.count == 1, pronouns.contains(tokens[0].lowercased()) { return nil }
        // Trailing run of name words; particles inside the run.
        var run: [String] = []
        while let t = tokens.last {
            if isNameWord(t) || (!run.isEmpty && isParticle(t)) {
                run.insert(t, at: 0)
                tokens.removeLast()
            } else {
                break
            }
        }
        while let f = run.first, isParticle(f) { run.removeFirst() }
        // Drop leading titles, acronyms (US, SDF) and sentence-opening words.
        while run.count > 1, let f = run.first,
              titles.contains(f.lowercased()) || isAcronym(f) {
            run.removeFirst()
        }
        if run.count == 1, titles.contains(run[0].lowercased()) { return nil }
        if run.count > 4 { run = Array(run.suffix(4)) }
        return run.isEmpty ? nil : run.joined(separator: " ")
    }

    static func isAcronym(_ w: String) -> Bool {
        let letters = w.unicodeScalars.filter { $0.properties.isAlphabetic }
        return letters.count >= 2 && letters.count == w.unicodeScalars.count
            && letters.allSatisfy { $0.properties.isUppercase }
    }
}
