/// What the subject of a speech verb says about who is speaking.
///
/// The subject is read as a careful reader reads it: a run of capitalised words is a person
/// when it has a given name, a title or a role before it, or stands as the subject of a speech
/// verb and holds no word of a place, an event, a work, a date or an outlet; titles and roles
/// are stripped to the name ("Democratic Sen. Charles E. Schumer" → "Charles E. Schumer"). A
/// capitalised run with an organisation word ("the Home Office") is an organisation. Lower-case
/// subjects are pronouns, a role standing for someone named before ("the actress"), an unnamed
/// source ("a spokesman", "sources close to him", "his rep") or nobody ("the post", "it").
enum Subject: Equatable {
    case person(words: [String], gender: GivenNames.Gender, role: String?)
    case organisation(String)
    case pronoun(GivenNames.Gender)
    case role(String, GivenNames.Gender)
    case anonymous
    case nobody

    /// Whether a reader would say the subject gives a speaker at all (named or not).
    var isDefinite: Bool { self != .nobody }
}

extension ParagraphTokens {
    // MARK: - Segments

    /// The tokens of `range` split at commas and dashes, with bracketed asides and quote marks
    /// left out, and no segment empty. Made in ``clauseSegments`` (its buffers reused); the copy
    /// returned shares them, and is read before the next clause is cut.
    mutating func segments(_ range: Range<Int>) -> ClauseSegments {
        clauseSegments.removeAll()
        var depth = 0
        for i in range {
            let t = tokens[i]
            if t.kind == .quote { continue }
            if t.kind == .punct {
                // Brackets, commas and dashes are one byte or three: read from the first byte.
                let c = first(i)
                if c == "(" || c == "[" { depth += 1; continue }
                if c == ")" || c == "]" { depth = max(0, depth - 1); continue }
                if depth > 0 { continue }
                if c == "," || c == "—" || c == "–" { clauseSegments.endSegment(); continue }
            } else if depth > 0 {
                continue
            }
            clauseSegments.append(i)
        }
        clauseSegments.endSegment()
        return clauseSegments
    }

    /// The subject standing before a verb: the segment next to the verb, or the one before it
    /// when that is an aside (an age, a role, a `who …` clause, a party code).
    mutating func subjectBefore(_ range: Range<Int>) -> Subject {
        let parts = segments(range)
        for k in stride(from: parts.count - 1, through: 0, by: -1) {
            let part = parts[k]
            if k > 0 && isAside(part, after: parts[k - 1]) { continue }
            // Within the segment, the subject starts after the last word opening a clause.
            let opener = part.lastIndex { isLowerWord($0) && word($0, in: Lexicon.clauseOpeners) }
            return interpret(opener.map { part[(part.index(after: $0))...] } ?? part)
        }
        return .nobody
    }

    /// The subject standing after a verb (`said Mark Jacobs, a spokesman`): the first segment, or
    /// the name given beside an indefinite one (`tweeted one, Ashley Ruiz, 19`).
    mutating func subjectAfter(_ range: Range<Int>) -> Subject {
        let parts = segments(range)
        guard parts.count > 0 else { return .nobody }
        let subject = interpret(parts[0])
        if case .anonymous = subject, parts.count > 1, case .person = interpret(parts[1]) {
            return interpret(parts[1])
        }
        return subject
    }

    /// An aside between commas: `42`, `a spokesman for X`, `who …`, `D-Nev.`, `of Dallas`. A
    /// description (`a senior aide`) is an aside only after a name (`Mark Jacobs, a spokesman`).
    mutating func isAside(_ part: ArraySlice<Int>, after previous: ArraySlice<Int>) -> Bool {
        guard let f = part.first else { return true }
        if tokens[f].kind != .word { return true }
        if first(f).properties.numericType != nil { return true }
        if word(f, in: Self.articles) {
            guard let l = previous.last(where: { tokens[$0].kind == .word }) else { return false }
            return tokens[l].capitalised
        }
        if word(f, in: Self.asideOpeners) { return true }
        if let code = withLowerASCII(f, { $0.count <= 6 && Self.hasPartyPrefix($0) }) {
            if code { return true }
        } else {
            let w = lower(f)
            if TextScan.characterCount(w) <= 6, TextScan.hasPrefix(w, "d-") || TextScan.hasPrefix(w, "r-") || TextScan.hasPrefix(w, "i-") { return true }
        }
        // Lower case ("the top Democrat on the committee") unless it ends in a name ("police
        // chief Rodolfo Llanes") or is a pronoun.
        if let l = part.last(where: { tokens[$0].kind == .word }), tokens[l].capitalised { return false }
        return !tokens[f].capitalised && !word(f, in: Lexicon.malePronouns) && !word(f, in: Lexicon.femalePronouns)
    }

    /// `a`, `an`, `the`.
    static let articles: WordSet = ["a", "an", "the"]

    /// `the` alone.
    static let theOnly: WordSet = ["the"]

    /// Words that open an aside between commas: `who …`, `of Dallas`, `speaking to …`.
    static let asideOpeners: WordSet = [
        "who", "whose", "which", "of", "from", "in", "at", "whom", "now", "then",
        "himself", "herself", "both", "also", "speaking", "writing", "asked", "according", "like",
    ]

    /// Words after a subject that are not its head: `he himself`, `she alone`.
    static let reflexives: WordSet = ["himself", "herself", "themselves", "itself", "alone", "too"]

    // MARK: - One segment

    /// What one comma-free stretch of words names (its token indices, in order: a segment or a
    /// range of tokens). `allowPossessive` reads `Warren Gatland's` as the name it holds (for
    /// noting who is named, not for a subject).
    mutating func interpret<Part: Collection<Int>>(_ part: Part, allowPossessive: Bool = false) -> Subject {
        // Read from a copy on the stack, counted from 0, so no array is made for the stretch.
        withUnsafeTemporaryAllocation(of: Int.self, capacity: part.count) { buffer in
            let n = buffer.initialize(fromContentsOf: part)
            return interpret(tokens: UnsafeBufferPointer(rebasing: buffer[..<n]), allowPossessive: allowPossessive)
        }
    }

    /// ``interpret(_:allowPossessive:)`` on token indices counted from 0.
    private mutating func interpret(tokens part: UnsafeBufferPointer<Int>, allowPossessive: Bool) -> Subject {
        withUnsafeTemporaryAllocation(of: Int.self, capacity: part.count) { wordBuffer in
            var n = 0
            for i in part where tokens[i].kind == .word { wordBuffer[n] = i; n += 1 }
            while n > 0, word(wordBuffer[n - 1], in: Self.reflexives) { n -= 1 }
            return interpret(tokens: part, words: UnsafeBufferPointer(rebasing: wordBuffer[..<n]), allowPossessive: allowPossessive)
        }
    }

    /// ``interpret(_:allowPossessive:)`` given the stretch's words, reflexives left off the end.
    private mutating func interpret(tokens part: UnsafeBufferPointer<Int>, words: UnsafeBufferPointer<Int>, allowPossessive: Bool) -> Subject {
        guard let lastWord = words.last else { return .nobody }
        if words.count == 1 {
            if word(lastWord, in: Lexicon.malePronouns) { return .pronoun(.male) }
            if word(lastWord, in: Lexicon.femalePronouns) { return .pronoun(.female) }
            if word(lastWord, in: Lexicon.otherPronouns) { return lower(lastWord) == "one" ? .anonymous : .nobody }
        }
        if tokens[lastWord].capitalised, allowPossessive || !possessive(lastWord) {
            // "Sen. Thad Cochran of Mississippi", "a spokeswoman for Mr Blair": the head stands
            // before the preposition.
            if let cut = words.dropFirst().first(where: { isLowerWord($0) && word($0, in: Self.prepositions) }) {
                let before = interpret(tokens: UnsafeBufferPointer(rebasing: part.prefix { $0 < cut }), allowPossessive: false)
                switch before {
                case .person, .anonymous, .role, .pronoun: return before
                case .organisation, .nobody: break
                }
            }
            return interpretRun(part, endingAt: lastWord)
        }
        return interpretCommon(words)
    }

    /// Short titles for offices: `Sen.` is a senator.
    static let officeAbbreviations = WordTable([("sen", "senator"), ("rep", "representative"), ("gov", "governor"), ("pm", "prime minister"), ("pres", "president"), ("cllr", "councillor"), ("supt", "superintendent")])

    static let prepositions: WordSet = ["of", "for", "from", "at", "in", "with", "close", "on", "to", "inside", "near"]

    /// `’s` or `'s` makes a word a possessor, not the head.
    mutating func possessive(_ i: Int) -> Bool {
        let marked = withLowerASCII(i) { l in
            (l.count >= 2 && l[l.count - 2] == 0x27 && l[l.count - 1] == 0x73) || (l.count > 1 && l[l.count - 1] == 0x27)
        } ?? {
            // A wide token from the bytes of its lower case (kept with it), as `TextScan.hasSuffix`
            // reads them: `'s` or `'` ends a character when the byte before it is ASCII but CR.
            let bytes = withLowerBytes(i) { w -> Bool? in
                let n = w.count
                @inline(__always) func boundary(_ k: Int) -> Bool { w[k] < 0x80 && w[k] != 0x0D }
                if n >= 2 && w[n - 2] == 0x27 && w[n - 1] == 0x73 { return n == 2 || boundary(n - 3) ? true : nil }
                guard n >= 1 && w[n - 1] == 0x27 else { return false }
                if n == 1 { return false }  // the mark alone is one character
                return boundary(n - 2) ? true : nil
            }
            if let bytes { return bytes }
            let l = lower(i)
            return TextScan.hasSuffix(l, "'s") || (TextScan.hasSuffix(l, "'") && TextScan.characterCount(l) > 1)
        }()
        return marked
            || (i + 1 < tokens.count && tokens[i + 1].kind == .quote && !tokens[i + 1].spaceBefore
                && (last(i) == "s" || last(i) == "S"))
    }

    /// A capitalised run ending the segment: a person, an organisation or nobody.
    private mutating func interpretRun(_ part: UnsafeBufferPointer<Int>, endingAt end: Int) -> Subject {
        // The run: capitalised words back from the end, with particles and initials inside.
        guard let endPos = part.lastIndex(of: end) else { return .nobody }
        var startPos = endPos
        while startPos > 0 {
            let t = part[startPos - 1]
            if tokens[t].kind == .word && tokens[t].capitalised && !possessive(t) { startPos -= 1; continue }
            if tokens[t].kind == .word && startPos < endPos && word(t, in: QuoteFinder.particles) { startPos -= 1; continue }
            if isPunct(t, "."), startPos >= 2, tokens[part[startPos - 2]].kind == .word,
               tokens[part[startPos - 2]].scalarCount <= 3 { startPos -= 1; continue }
            break
        }
        // The run's words, on the stack.
        return withUnsafeTemporaryAllocation(of: Int.self, capacity: endPos - startPos + 1) { runBuffer in
            var n = 0
            for p in startPos...endPos where tokens[part[p]].kind == .word { runBuffer[n] = part[p]; n += 1 }
            return interpretRun(UnsafeBufferPointer(rebasing: runBuffer[..<n]), in: part, from: startPos)
        }
    }

    /// ``interpretRun(_:endingAt:)`` given the run's words (one at least), which start at
    /// `startPos` of `part`.
    private mutating func interpretRun(_ run: UnsafeBufferPointer<Int>, in part: UnsafeBufferPointer<Int>, from startPos: Int) -> Subject {
        // A lower-case role right before the run ("actress Angelina Jolie", "the rapper Drake").
        var role: String?
        var gender = GivenNames.Gender.unknown
        if startPos > 0, tokens[part[startPos - 1]].kind == .word {
            let t = part[startPos - 1]
            if word(t, in: Lexicon.personRoles) || word(t, in: Lexicon.titles) { role = lower(t) }
            if word(t, in: Lexicon.femaleWords) { gender = .female } else if word(t, in: Lexicon.maleWords) { gender = .male }
        }
        // Where the name starts: at a given name, else after the last title, role or acronym.
        // (Words of the run are looked up by token: as bytes when ASCII.)
        var nameStart = 0
        var given: Int?
        for k in run.indices where givenName(run[k]) != nil {
            if word(run[k], in: Lexicon.titles) && k < run.count - 1 && givenName(run[k + 1]) != nil { continue }
            given = k
            break
        }
        if let given {
            nameStart = given
        } else {
            while nameStart < run.count - 1,
                  word(run[nameStart], in: Lexicon.titles) || word(run[nameStart], in: Lexicon.notPersonWords)
                    || isAcronym(run[nameStart]) {
                nameStart += 1
            }
        }
        let names = run[nameStart...]
        let firstName = givenName(run[nameStart])
        let hasGiven = firstName != nil && (names.count >= 2 || nameStart > 0 || role != nil)
        for t in run[..<nameStart] {
            if word(t, in: Lexicon.femaleWords) { gender = .female } else if word(t, in: Lexicon.maleWords) { gender = .male }
            let office: String?
            if let full = value(t, in: Self.officeAbbreviations) {
                office = Lexicon.personRoles.contains(full) || Lexicon.titles.contains(full) ? full : nil
            } else {
                office = word(t, in: Lexicon.personRoles) || word(t, in: Lexicon.titles) ? lower(t) : nil
            }
            if let office { role = office == "prime" ? "prime minister" : (role ?? office) }
        }
        if let g = firstName, g != .unknown, names.count >= 2 || nameStart > 0 { gender = g }

        // An organisation: an organisation word or an acronym in the run, and no given name.
        if !hasGiven {
            var org = run.count == 1 && isAcronym(run[0])
            for t in run where !org { org = word(t, in: Lexicon.organisationWords) }
            if org {
                var words = run.map { text($0) }
                if words.first?.lowercased() == "the" { words.removeFirst() }
                return words.isEmpty ? .nobody : .organisation(words.joined(separator: " "))
            }
        }
        // Never a day, month, place, event, work or outlet.
        if !hasGiven {
            for t in names where word(t, in: Lexicon.notPersonWords) { return .nobody }
        }
        var allTitles = true
        for t in names where allTitles { allTitles = word(t, in: Lexicon.titles) }
        if allTitles {
            let nameLowers = run[nameStart...].map { lower($0) }
            // "Senator calls …": a title alone stands for its holder.
            let office = nameLowers.last.map { Self.officeAbbreviations[$0] ?? $0 }
            let r = role ?? office.flatMap { Lexicon.personRoles.contains($0) ? $0 : nil }
            return r.map { .role($0, gender) } ?? .nobody
        }
        if names.count == 1, isAcronym(run[nameStart]) { return .nobody }
        var words = run[nameStart...].map { text($0) }
        if var l = words.last, TextScan.hasSuffix(l, "'s") || TextScan.hasSuffix(l, "\u{2019}s") {
            l.removeLast(2)
            words[words.count - 1] = l
        }
        // Initials keep their full stop: "John A. Boehner".
        for (k, t) in run[nameStart...].enumerated() where tokens[t].scalarCount == 1 && isPunct(t + 1, ".") {
            words[k] += "."
        }
        if words.count > 4 { words = Array(words.suffix(4)) }
        return .person(words: words, gender: gender, role: role)
    }

    /// A segment whose head is a lower-case word. Read by token (as bytes when ASCII): a word's
    /// lower case is made only for the role it names.
    private mutating func interpretCommon(_ words: UnsafeBufferPointer<Int>) -> Subject {
        guard let head = words.last else { return .nobody }
        // "a source close to Pitt", "a spokesman for the council": the noun before a preposition.
        var cut = words.count
        for (k, t) in words.enumerated() where word(t, in: Self.headEnds) { cut = k; break }
        let nouns = UnsafeBufferPointer(rebasing: words[..<cut])
        var possessor = false
        for t in nouns where possessive(t) { possessor = true; break }
        if !possessor {
            for t in nouns where word(t, in: Self.possessivePronouns) { possessor = true; break }
        }
        /// The last noun naming a person’s role.
        func lastRole() -> Int? {
            for t in nouns.reversed() where word(t, in: Lexicon.personRoles) { return t }
            return nil
        }
        var anonymous = false
        for t in nouns where word(t, in: Lexicon.anonymousNouns) { anonymous = true; break }
        if anonymous {
            if let f = nouns.first, word(f, in: Self.theOnly), !possessor, let r = lastRole(), !word(r, in: Lexicon.anonymousNouns) {
                return .role(lower(r), gender(of: nouns))
            }
            return .anonymous
        }
        if possessor { return .nobody }
        // "the actress", "the 44-year-old", "the former California governor", "the prime minister".
        if let f = nouns.first, word(f, in: Self.theOnly) || word(f, in: Self.thisOnly) {
            if let r = lastRole() {
                let role = lower(r)
                var prime = false
                if role == "minister" {
                    for t in nouns where word(t, in: Self.primeOnly) { prime = true; break }
                }
                return .role(prime ? "prime minister" : role, gender(of: nouns))
            }
            if TextScan.hasSuffix(lower(head), "-year-old") { return .role("year-old", .unknown) }
        }
        return .nobody
    }

    /// `this` alone.
    static let thisOnly: WordSet = ["this"]

    /// `prime` alone.
    static let primeOnly: WordSet = ["prime"]

    /// Words after the head noun of a lower-case subject: `a source close to Pitt`.
    static let headEnds: WordSet = ["for", "of", "close", "to", "at", "in", "from", "with", "on", "who", "familiar", "inside"]

    /// `his`, `her`, `their`, `its`.
    static let possessivePronouns: WordSet = ["his", "her", "their", "its"]

    private mutating func gender(of words: UnsafeBufferPointer<Int>) -> GivenNames.Gender {
        for t in words where word(t, in: Lexicon.femaleWords) { return .female }
        for t in words where word(t, in: Lexicon.maleWords) { return .male }
        return .unknown
    }
}
