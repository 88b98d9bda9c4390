/// Finds quoted speech in an article's paragraphs and works out who said it, as a careful
/// reader does: from the grammar of attribution, never from the nearest capitalised words.
///
/// **What counts as speech.** A passage in double quotes (`"…"`, `“…”`, `„…“`, `«…»`) or single
/// quotes (`‘…’`, `'…'`, common in UK copy and headlines) is speech when a speech verb or a colon
/// ties it to a speaker (then even one word: `called the plan "a disgrace"`), or when it has at
/// least three words and ends like a sentence or clause, is left open at the end of its
/// paragraph, or opens its paragraph. A short title in title case (`"Meet the Press."`) is not
/// speech; nor are scare quotes. Marks nested inside a quotation (`“… ‘wires tapped’ …”`) belong
/// to it. An apostrophe inside a word, or after a plural (`the players’ union`), is not a mark.
///
/// **Who said it**, in order:
/// 1. the clause after the quote, when the quote ends a clause (`,` `!` `?` `…` or a dash): a
///    subject and a speech verb (`X said`, `she told Us Weekly`, `X, 42, said`), a verb and its
///    subject (`said X, a spokesman`), or `according to X`;
/// 2. the clause before it in the same sentence: `X said:`, `X told reporters that …`,
///    `X called the bill "…"`, `According to X, "…"`, or a name and a colon;
/// 3. an earlier speaker in the same paragraph (also one reported without quotes: `X said the
///    plan had failed.`);
/// 4. for a paragraph that opens with a quote, the speaker the previous paragraph ended with.
///
/// The subject is read by `Subject` (see `NounPhrase.swift`): titles and roles stripped to the
/// name; an unnamed source gives no name and stops 3 and 4 from guessing; `he`/`she` go back to the
/// latest person of that sex who was the subject of a sentence or spoke (never to someone only
/// spoken about), and `the actress` or `the prime minister` to the person last named with that
/// role. A lone surname becomes the full name seen before. An organisation speaks only as the
/// subject of a speech verb. `speakerEvidence` says which rule decided.
struct QuoteFinder {
    struct Found {
        var text: String
        var speaker: String?
        /// Index of the paragraph (in the parser's body list); -1 the standfirst, -2 the headline.
        var paragraph: Int
        var unterminated: Bool
        var evidence: String?
    }

    private var registry = SpeakerRegistry()
    /// The tokens of the paragraph read last, kept so the next one reuses their buffers.
    private var spareTokens = ParagraphTokens()
    /// The speaker the previous paragraph ended with, and whether its last quote stayed open.
    private var previous: (paragraph: Int, speaker: Speaker, open: Bool)?

    /// A resolved speaker: a name, an unnamed source, or nothing known.
    enum Speaker: Equatable {
        case named(String, evidence: String)
        case anonymous
        case unknown

        var name: String? { if case .named(let n, _) = self { return n } else { return nil } }
        var evidence: String? { if case .named(_, let e) = self { return e } else { return nil } }
    }

    /// How far before a quote the attribution may start, in tokens.
    private static let window = 40

    // MARK: - Paragraphs

    /// Notes the people named in a headline, so the body can refer back to them.
    mutating func readHeadline(_ text: String) {
        var p = ParagraphTokens(text)
        noteNarrative(&p, 0..<p.count, paragraph: -2, current: nil)
    }

    /// The quotes of one paragraph, with their speakers.
    mutating func quotes(inParagraph text: String, index: Int) -> [Found] {
        // Taken out of `spareTokens` (left empty), so its buffers are this paragraph's alone.
        var p = ParagraphTokens()
        swap(&p, &spareTokens)
        p.reload(text)
        defer { swap(&p, &spareTokens) }
        var found: [Found] = []
        var current: Speaker = .unknown
        var narrativeFrom = 0
        for (k, span) in p.spans.enumerated() {
            // The narrative before the quote's sentence first; its own sentence once the quote
            // is attributed, so a name after the speech verb is not taken for the speaker.
            let sentence = max(narrativeFrom, sentenceStart(&p, before: span.open))
            current = noteNarrative(&p, narrativeFrom..<sentence, paragraph: index, current: current)
            defer { narrativeFrom = min(p.count, span.close + 1) }
            let quoteText = Self.cleanQuoteText(p.innerText(span))
            let words = TextScan.countWords(quoteText)
            guard words > 0 else {
                current = noteNarrative(&p, sentence..<span.open, paragraph: index, current: current)
                continue
            }

            let prevClose = k > 0 ? p.spans[k - 1].close + 1 : 0
            let nextOpen = k + 1 < p.spans.count ? p.spans[k + 1].open : p.count
            let post = postAttribution(&p, span: span, upTo: nextOpen, paragraph: index)
            let pre = preAttribution(&p, span: span, from: prevClose, paragraph: index)
            let context = post.context || pre.context
            let opensParagraph = span.open == 0
            guard context || isSpeechOnItsOwn(&p, span: span, text: quoteText, words: words, opensParagraph: opensParagraph) else {
                current = noteNarrative(&p, sentence..<span.open, paragraph: index, current: current)
                continue
            }
            var speaker: Speaker = .unknown
            for a in [post, pre] where speaker == .unknown { speaker = a.speaker }
            let continues = !post.ownSubject && !pre.ownSubject
            if continues, speaker == .unknown, case .named(let n, _) = current { speaker = .named(n, evidence: "same speaker as before in the paragraph") }
            if continues, speaker == .unknown { speaker = current }
            if continues, speaker == .unknown, found.isEmpty, opensParagraph, let prev = previous, prev.paragraph == index - 1 {
                speaker = prev.speaker
                if case .named(let n, _) = speaker { speaker = .named(n, evidence: prev.open ? "continued quote" : "continues previous paragraph") }
            }
            current = noteNarrative(&p, sentence..<span.open, paragraph: index, current: current)
            if speaker != .unknown { current = speaker }
            found.append(Found(text: quoteText, speaker: speaker.name, paragraph: index, unterminated: !span.terminated, evidence: speaker.evidence))
        }
        current = noteNarrative(&p, narrativeFrom..<p.count, paragraph: index, current: current)
        if !found.isEmpty || current != .unknown {
            previous = (index, current, found.last?.unterminated ?? false)
        } else {
            previous = nil
        }
        return found
    }

    /// Speech without a verb: three words or more that end a sentence or clause, run on to the
    /// next paragraph, or open the paragraph; never a short title in title case.
    private func isSpeechOnItsOwn(_ p: inout ParagraphTokens, span: ParagraphTokens.Span, text: String, words: Int, opensParagraph: Bool) -> Bool {
        guard words >= 3 else { return false }
        let last = text.unicodeScalars.last
        let sentenceLike = last.map { ".,!?…。！？—–-".unicodeScalars.contains($0) || QuoteFinder.isQuoteMark($0) } ?? false
        guard sentenceLike || !span.terminated || opensParagraph else { return false }
        if words <= 6 {
            // "Meet the Press.": every word of four letters or more capitalised.
            let ws = text.split(whereSeparator: TextScan.isSpace)
            let long = ws.filter { $0.unicodeScalars.filter(TextScan.isWordScalar).count >= 4 }
            if !long.isEmpty, long.allSatisfy({ $0.unicodeScalars.first?.properties.isUppercase ?? false }),
               ws.first?.unicodeScalars.first?.properties.isUppercase ?? false, ws.count > 1 {
                return false
            }
        }
        return true
    }

    // MARK: - Attribution

    struct Attribution {
        /// A speech verb, `according to` or a colon ties the quote to speech.
        var context: Bool
        var speaker: Speaker
        /// The verb has a subject of its own (even one naming nobody: `the post said`), so the
        /// quote does not continue an earlier speaker.
        var ownSubject = true
        static let none = Attribution(context: false, speaker: .unknown, ownSubject: false)
    }

    /// The clause after a quote: `said X.`, `X said.`, `she told Us Weekly`, `according to X`.
    private mutating func postAttribution(_ p: inout ParagraphTokens, span: ParagraphTokens.Span, upTo limit: Int, paragraph: Int) -> Attribution {
        guard span.terminated else { return .none }
        var start = span.close + 1
        let lastInner = p.innerText(span).unicodeScalars.last(where: { !TextScan.isSpace($0) })
        let commaAfter = p.isPunct(start, ",")
        if commaAfter { start += 1 }
        let endsClause = commaAfter || (lastInner.map { ",!?…—–-".unicodeScalars.contains($0) || QuoteFinder.isQuoteMark($0) } ?? false)
        let endsSentence = lastInner == "." || lastInner == "。"
        guard endsClause || endsSentence else { return .none }
        // The clause: up to the sentence end, the next quote or 24 tokens.
        var end = start
        while end < min(limit, start + 24) {
            if p.isPunct(end, ":") { return .none }  // it introduces the next quote
            if p.endsSentence(end) || p.isPunct(end, ";") { break }
            end += 1
        }
        guard start < end else { return .none }
        if p.isWord(start), p.isWord(start + 1), p.lower(start) == "according", p.lower(start + 1) == "to" {
            return Attribution(context: true, speaker: resolve(p.subjectAfter((start + 2)..<end), &p, evidence: "according to", paragraph: paragraph))
        }
        guard let v = firstVerb(&p, start..<end, within: 12) else { return .none }
        // After a full stop only a bare `X said.` counts (sloppy copy), never `He said the …`.
        if !endsClause && (end - start > 6 || !(end >= p.count || p.endsSentence(end))) { return .none }
        let verb = p.lower(v)
        if v == start {
            guard Lexicon.invertingVerbs.contains(verb) else { return .none }
            let subjectEnd = particleEnd(&p, v) + 1
            return Attribution(context: true, speaker: resolve(p.subjectAfter(subjectEnd..<end), &p, evidence: verb, paragraph: paragraph))
        }
        return Attribution(context: true, speaker: resolve(p.subjectBefore(subjectRange(&p, verb: v, floor: start)), &p, evidence: verb, paragraph: paragraph))
    }

    /// The clause before a quote in its sentence: `X said:`, `X told reporters that …`,
    /// `X called it "…"`, `According to X, "…"`, `X: "…"`.
    private mutating func preAttribution(_ p: inout ParagraphTokens, span: ParagraphTokens.Span, from lo: Int, paragraph: Int) -> Attribution {
        let hi = span.open
        guard lo < hi else { return .none }
        var start = max(lo, hi - Self.window)
        var k = hi - 1
        var closed = 0
        while k >= start {
            if p.isPunct(k, ")") { closed += 1 }
            if p.isPunct(k, "(") {
                if closed == 0 { start = k + 1; break }
                closed -= 1
            }
            if p.endsSentence(k) { start = k + 1; break }
            k -= 1
        }
        guard start < hi else { return .none }
        var end = hi
        let colon = p.isPunct(end - 1, ":")
        let comma = p.isPunct(end - 1, ",")
        if colon || comma { end -= 1 }
        if p.isWord(start), p.isWord(start + 1), p.lower(start) == "according", p.lower(start + 1) == "to" {
            return Attribution(context: true, speaker: resolve(p.subjectAfter((start + 2)..<end), &p, evidence: "according to", paragraph: paragraph))
        }
        // The last speech verb of the clause (or a verb like "called" before a fragment).
        var v: Int?
        var k2 = end - 1
        while k2 >= start {
            if p.isWord(k2), p.isLowerWord(k2) {
                if p.word(k2, in: Lexicon.speechVerbs) || p.word(k2, in: Lexicon.fragmentVerbs) {
                    if let particle = p.value(k2, in: Lexicon.verbParticles), !(p.isWord(k2 + 1) && p.lower(k2 + 1) == particle) {
                        k2 -= 1
                        continue
                    }
                    v = k2
                    break
                }
            }
            k2 -= 1
        }
        if let v, colon || comma || end - v <= 14 {
            let verb = p.lower(v)
            if v == start {
                let after = particleEnd(&p, v) + 1
                return Attribution(context: true, speaker: after < end ? resolve(p.subjectAfter(after..<end), &p, evidence: verb, paragraph: paragraph) : .unknown,
                                   ownSubject: after < end)
            }
            return Attribution(context: true, speaker: resolve(p.subjectBefore(subjectRange(&p, verb: v, floor: start)), &p, evidence: verb, paragraph: paragraph))
        }
        if colon {
            // "Trump: …" — a name alone before a colon.
            if end - start <= 5 {
                let s = p.subjectBefore(start..<end)
                if case .person = s { return Attribution(context: true, speaker: resolve(s, &p, evidence: "colon", paragraph: paragraph)) }
            }
            return Attribution(context: true, speaker: .unknown, ownSubject: false)
        }
        return .none
    }

    /// Where the sentence holding token `i` starts.
    private func sentenceStart(_ p: inout ParagraphTokens, before i: Int) -> Int {
        var k = i - 1
        while k >= max(0, i - Self.window) {
            if p.endsSentence(k) { return k + 1 }
            k -= 1
        }
        return max(0, k + 1)
    }

    /// The words before a verb that may hold its subject: back to `floor` (the clause start), at
    /// most 20 tokens, not past a semicolon or a quote mark; auxiliaries (`has`, `later`) left out.
    private func subjectRange(_ p: inout ParagraphTokens, verb v: Int, floor: Int) -> Range<Int> {
        var end = v
        while end > floor, p.isWord(end - 1), p.word(end - 1, in: Lexicon.auxiliaries) { end -= 1 }
        var start = end
        while start > max(floor, end - 20) {
            let t = start - 1
            if p.isPunct(t, ";") || p.tokens[t].kind == .quote { break }
            start -= 1
        }
        return start..<end
    }

    /// The first speech verb among the first `within` words of a clause.
    private func firstVerb(_ p: inout ParagraphTokens, _ range: Range<Int>, within: Int) -> Int? {
        var words = 0
        for i in range where p.isWord(i) {
            words += 1
            if words > within + 4 { return nil }
            guard p.isLowerWord(i) else { continue }
            if p.word(i, in: Lexicon.speechVerbs) {
                if let particle = p.value(i, in: Lexicon.verbParticles), !(p.isWord(i + 1) && p.lower(i + 1) == particle) { continue }
                return words <= within + 1 ? i : nil
            }
        }
        return nil
    }

    /// The last token of a verb with its particle (`hit back`).
    private func particleEnd(_ p: inout ParagraphTokens, _ v: Int) -> Int {
        if let particle = p.value(v, in: Lexicon.verbParticles), p.isWord(v + 1), p.lower(v + 1) == particle { return v + 1 }
        return v
    }

    // MARK: - Resolving a subject

    /// The speaker a subject names, noting it as the latest subject.
    private mutating func resolve(_ subject: Subject, _ p: inout ParagraphTokens, evidence: String, paragraph: Int) -> Speaker {
        switch subject {
        case .person(let words, let gender, let role):
            let e = registry.entity(named: words, gender: gender, role: role)
            registry.setGender(gender, of: e, certain: Self.genderIsCertain(words: words, role: role, gender: gender))
            registry.mention(e, gender: registry.entities[e].gender, paragraph: paragraph)
            return .named(registry.entities[e].name, evidence: evidence)
        case .organisation(let name):
            let e = registry.entity(named: [name], gender: .unknown, organisation: true)
            return .named(registry.entities[e].name, evidence: evidence + " (organisation)")
        case .pronoun(let gender):
            guard let e = registry.resolve(gender: gender, paragraph: paragraph) else { return .anonymous }
            registry.mention(e, gender: gender, paragraph: paragraph)
            return .named(registry.entities[e].name, evidence: "\(evidence), \(gender == .female ? "she" : "he") → \(registry.entities[e].name)")
        case .role(let role, let gender):
            let e = registry.holder(ofRole: role) ?? registry.resolve(gender: gender, paragraph: paragraph)
            guard let e else { return .anonymous }
            registry.mention(e, gender: gender, paragraph: paragraph)
            return .named(registry.entities[e].name, evidence: "\(evidence), the \(role) → \(registry.entities[e].name)")
        case .anonymous:
            registry.mention(nil, gender: .unknown, paragraph: paragraph)
            return .anonymous
        case .nobody:
            return .unknown
        }
    }

    // MARK: - Narrative

    /// Reads the text between quotes: people named as the subject of a sentence become the
    /// ones `he` and `she` can mean; a speech verb reporting someone (`X said the plan …`, `a
    /// spokesman said …`) makes them the paragraph's current speaker.
    @discardableResult
    private mutating func noteNarrative(_ p: inout ParagraphTokens, _ range: Range<Int>, paragraph: Int, current: Speaker?) -> Speaker {
        var current = current ?? .unknown
        guard !range.isEmpty else { return current }
        var i = range.lowerBound
        var sentenceStart = i
        let end = min(range.upperBound, range.lowerBound + 600)
        // Read once here, not at every word.
        let speechVerbs = Lexicon.speechVerbs
        let verbInitials = ParagraphTokens.speechVerbInitials
        let verbHashes = ParagraphTokens.speechVerbHashes
        while i < end {
            let t = p.tokens[i]
            if t.kind == .punct {
                if p.endsSentence(i) { sentenceStart = i + 1 }
                i += 1
                continue
            }
            guard t.kind == .word else { i += 1; continue }
            // "The president grinned": a role opening its sentence is someone named before.
            if i == sentenceStart, t.capitalised, p.isLowerWord(i + 1), p.isLowerWord(i + 2), p.word(i, in: ParagraphTokens.theOnly) {
                if p.word(i + 1, in: Lexicon.personRoles), !p.word(i + 2, in: speechVerbs) {
                    _ = resolve(.role(p.lower(i + 1), .unknown), &p, evidence: "", paragraph: paragraph)
                }
            }
            if t.capitalised {
                // A run of capitalised words: is it a person, and the subject of its clause?
                var j = i
                while j < end, p.isWord(j) && p.tokens[j].capitalised || (p.isPunct(j, ".") && j > i && p.tokens[j - 1].scalarCount == 1 && p.isWord(j + 1)) {
                    if p.isWord(j) && p.possessive(j) { j += 1; break }
                    j += 1
                }
                noteRun(&p, i..<j, sentenceStart: sentenceStart, paragraph: paragraph)
                i = j
                continue
            }
            // A speech verb in narrative reports speech: its subject is the current speaker.
            guard i > sentenceStart, verbHashes.withUnsafeBufferPointer({ p.mayBeSpeechVerb(i, initials: verbInitials, hashes: $0) }),
                  p.word(i, in: speechVerbs) else { i += 1; continue }
            if !Self.negatedOrInfinitive(&p, i) {
                let subject = p.subjectBefore(subjectRange(&p, verb: i, floor: sentenceStart))
                switch subject {
                case .person, .pronoun, .role, .anonymous:
                    let s = resolve(subject, &p, evidence: "reported with \(p.lower(i))", paragraph: paragraph)
                    if s != .unknown { current = s }
                default: break
                }
            }
            i += 1
        }
        return current
    }

    /// `has not commented`, `declined to say`: no speech is reported.
    private static func negatedOrInfinitive(_ p: inout ParagraphTokens, _ i: Int) -> Bool {
        for k in max(0, i - 2)..<i where p.isWord(k) {
            if p.word(k, in: Self.negations) { return true }
            if let ascii = p.withLowerASCII(k, { w in w.count >= 3 && w[w.count - 3] == 0x6E && w[w.count - 2] == 0x27 && w[w.count - 1] == 0x74 }) {
                if ascii { return true }
            } else {
                // From the bytes of the lower case (kept with the token) as `TextScan.hasSuffix`
                // reads them: "n't" ends a character when the byte before it is ASCII but CR.
                let wide = p.withLowerBytes(k) { w -> Bool? in
                    let n = w.count
                    guard n >= 3, w[n - 3] == 0x6E, w[n - 2] == 0x27, w[n - 1] == 0x74 else { return false }
                    return n == 3 || (w[n - 4] < 0x80 && w[n - 4] != 0x0D) ? true : nil
                }
                if wide ?? TextScan.hasSuffix(p.lower(k), "n't") { return true }
            }
        }
        return false
    }

    /// `not`, `never`, `to` before a speech verb.
    private static let negations: WordSet = ["not", "never", "to"]

    /// A capitalised run in narrative: registered when it is a person; noted as a subject when
    /// it opens its clause and a verb follows.
    private mutating func noteRun(_ p: inout ParagraphTokens, _ run: Range<Int>, sentenceStart: Int, paragraph: Int) {
        guard run.count >= 1 else { return }
        // Cheap first: a person's run holds a given name or a known name, or follows a title or role.
        var promising = false
        for t in max(sentenceStart, run.lowerBound - 2)..<run.upperBound where p.isWord(t) {
            // ASCII words are looked up as bytes, with no string made (the same tests as below).
            let asciiHit = p.withLowerASCII(t) { word -> Bool in
                var w = word
                if w.count >= 2 && w[w.count - 2] == 0x27 && w[w.count - 1] == 0x73 { w = UnsafeBufferPointer(rebasing: w.dropLast(2)) }
                return GivenNames.gender(ofASCII: w) != nil || Lexicon.titles.contains(asciiBytes: w)
                    || Lexicon.personRoles.contains(asciiBytes: w) || registry.knows(asciiLowercased: w)
            }
            if let asciiHit {
                if asciiHit { promising = true; break }
                continue
            }
            // Other words from the bytes of their lower case (made once a token), when those
            // compare as text: then the tables' and the registry's byte look-ups are exact, and
            // `'s` is two characters of its own (no scalar of those joins the one after it).
            /// Whether lower-cased bytes `word` (a trailing `'s` dropped) are a given name, a
            /// speaker met before, a title or a role; nil when they do not compare as text.
            func namesSomeone(_ word: UnsafeBufferPointer<UInt8>, checked: Bool) -> Bool? {
                var w = word
                if w.count >= 2 && w[w.count - 2] == 0x27 && w[w.count - 1] == 0x73 { w = UnsafeBufferPointer(rebasing: w.dropLast(2)) }
                if checked { guard WordTable<Bool>.comparesAsBytes(w) else { return nil } }
                let h = WordTable<Bool>.hashBytes(w)
                return GivenNames.gender(ofBytes: w, hash: h) != nil || registry.knows(lowercasedBytes: w)
                    || Lexicon.titles.contains(asciiBytes: w, hash: h) || Lexicon.personRoles.contains(asciiBytes: w, hash: h)
            }
            let wideHit = p.withLowerBytes(t) { namesSomeone($0, checked: true) }
            if let wideHit {
                if wideHit { promising = true; break }
                continue
            }
            // Words whose lower case's normal form C compares as text (a decomposed accent):
            // from the bytes of that form, made once a token, which the tables and the registry
            // file every word equal to it under (so the form is not made again for each table).
            // `'s` stays two bytes of its own in it (neither scalar composes with the one before).
            let keyHit = p.withKeyBytes(t) { namesSomeone($0, checked: false) ?? false }
            if let keyHit {
                if keyHit { promising = true; break }
                continue
            }
            var w = p.lower(t)
            if TextScan.hasSuffix(w, "'s") { w.removeLast(2) }
            // `w` is lower case already: lower-casing is the same scalar by scalar, and again
            // changes nothing (checked over every scalar), so `knows` need not do it again.
            if GivenNames.gender(of: w) != nil || registry.knows(lowercased: w)
                || Lexicon.titles.contains(w) || Lexicon.personRoles.contains(w) {
                promising = true
                break
            }
        }
        guard promising else { return }
        let subject = p.interpret(max(sentenceStart, run.lowerBound - 2)..<run.upperBound, allowPossessive: true)
        guard case .person(let words, let gender, let role) = subject else { return }
        // A person needs a given name, a title or a role, unless we know the name already; a
        // given name alone ("Adele", "Kim") when it is the subject of a verb.
        // The first word's lower case and given-name look-up, made once for the tests below.
        let first = TextScan.lowercased(words[0])
        let firstGiven = GivenNames.gender(of: first)
        let named = firstGiven != nil && words.count >= 2
        var a = run.upperBound
        if p.isPunct(a, "(") {  // "Rep. Luis Gutierrez (D-Ill.), a leading advocate, welcomed"
            while a < p.count, !p.isPunct(a, ")") { a += 1 }
            a += 1
        }
        let verbAfter = a < p.count && (p.isPunct(a, ",") || (p.isLowerWord(a) && !p.word(a, in: Self.notVerbs)))
        let single = words.count == 1 && (registry.knows(lowercased: first) || (firstGiven != nil && a < p.count && p.isLowerWord(a) && Self.looksLikeVerb(p.lower(a))))
        guard named || role != nil || single else { return }
        let e = registry.entity(named: words, gender: gender, role: role)
        registry.setGender(gender, of: e, certain: Self.genderIsCertain(role: role, gender: gender, firstIsGivenName: firstGiven != nil))
        guard !p.possessive(run.upperBound - 1) else {
            registry.mention(e, gender: registry.entities[e].gender, paragraph: paragraph, subject: false)
            return
        }
        // Subject: nothing but openers, commas or roles before it; a verb-like word after it.
        var b = run.lowerBound - 1
        while b >= sentenceStart, p.isWord(b),
              p.word(b, in: Lexicon.titles) || p.word(b, in: Lexicon.personRoles) || p.word(b, in: ParagraphTokens.articles) || TextScan.hasSuffix(p.lower(b), "-year-old") {
            b -= 1
        }
        // Before the name and its roles: the sentence start (or one word opening it: "Head
        // teacher Sarah Whitfield"), a comma or bracket, or a word opening a clause.
        let opensClause = b <= sentenceStart || !p.isWord(b) || p.word(b, in: Lexicon.clauseOpeners)
        registry.mention(e, gender: registry.entities[e].gender, paragraph: paragraph, subject: opensClause && verbAfter)
    }

    /// A word that can be the verb after a subject: a speech verb, an auxiliary, or a past or
    /// present form ending in -ed or -s.
    private static func looksLikeVerb(_ w: String) -> Bool {
        if Lexicon.speechVerbs.contains(w) || Lexicon.auxiliaries.contains(w) { return true }
        if ["is", "was", "were", "are", "has", "had", "will", "can", "could", "would", "did", "does", "may", "might", "must"].contains(w) { return true }
        return TextScan.characterCount(w) > 3 && (TextScan.hasSuffix(w, "ed") || (TextScan.hasSuffix(w, "s") && !TextScan.hasSuffix(w, "ss")))
    }

    /// Words after a name that show it is not the subject of a verb.
    private static let notVerbs: WordSet = ["of", "and", "or", "in", "at", "on", "for", "to", "with", "from", "by", "as", "the", "a", "an"]

    /// Whether the sex came from a title or role rather than the given name alone.
    private static func genderIsCertain(words: [String], role: String?, gender: GivenNames.Gender) -> Bool {
        guard gender != .unknown else { return false }
        if let role, Lexicon.femaleWords.contains(role) || Lexicon.maleWords.contains(role) { return true }
        return GivenNames.gender(of: TextScan.lowercased(words[0])) == nil
    }

    /// ``genderIsCertain(words:role:gender:)`` when whether the first word is a given name is
    /// known already.
    private static func genderIsCertain(role: String?, gender: GivenNames.Gender, firstIsGivenName: Bool) -> Bool {
        guard gender != .unknown else { return false }
        if let role, Lexicon.femaleWords.contains(role) || Lexicon.maleWords.contains(role) { return true }
        return !firstIsGivenName
    }

    // MARK: - Text helpers

    static func cleanQuoteText(_ s: String) -> String {
        var t = TextScan.trim(s)
        while t.hasSuffix(",") { t.removeLast(); t = TextScan.trim(t) }
        return t
    }

    /// Quote marks of every kind, double and single.
    static func isQuoteMark(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x22, 0x27, 0x201C, 0x201D, 0x201E, 0x00AB, 0x00BB, 0x2018, 0x2019, 0x201A: return true
        default: return false
        }
    }

    /// Double quote marks only (the pull-quote attribution check refuses lines holding them).
    static func isDoubleQuoteMark(_ c: Unicode.Scalar) -> Bool {
        switch c.value {
        case 0x22, 0x201C, 0x201D, 0x201E, 0x00AB, 0x00BB: return true
        default: return false
        }
    }

    static let particles: WordSet = ["de", "da", "di", "du", "van", "von", "der", "den", "la", "le",
                                         "del", "dos", "das", "bin", "ibn", "al", "el", "ter", "af"]

    /// Two or more capital letters and nothing else but full stops: `SDF`, `U.S.`.
    static func isAcronym(_ w: String) -> Bool {
        var letters = 0
        for c in w.unicodeScalars where c != "." {
            let v = c.value
            if v >= 0x41 && v <= 0x5A { letters += 1; continue }
            if v < 0x80 || !c.properties.isUppercase { return false }
            letters += 1
        }
        return letters >= 2
    }

    // MARK: - Headline

    /// The quotes of a headline that no quote of the body holds (nor holds them): short quoted
    /// words count here (`Blair 'sorry' for …`), titles in title case do not. The speaker comes
    /// from a speech verb (`X says …`), or is the person the headline opens with when the quote
    /// follows that name or a colon (`Jolie opens up: 'It was hard'`).
    mutating func headlineQuotes(_ headline: String, besides body: [Found]) -> [Found] {
        var p = ParagraphTokens(headline)
        guard !p.spans.isEmpty else { return [] }
        let known = body.map { " " + TextScan.normalized($0.text) + " " }
        var result: [Found] = []
        for (k, span) in p.spans.enumerated() {
            let text = Self.cleanQuoteText(p.innerText(span))
            let norm = " " + TextScan.normalized(text) + " "
            // Repeated by the body: the same words, or (for three words or more) part of a body quote.
            let words = TextScan.countWords(norm)
            guard norm.count > 2, !known.contains(where: { $0 == norm || (words >= 3 && ($0.contains(norm) || norm.contains($0))) }) else { continue }
            let ws = text.split(whereSeparator: TextScan.isSpace)
            if ws.count > 1, ws.allSatisfy({ $0.unicodeScalars.first?.properties.isUppercase ?? false }) { continue }
            let prevClose = k > 0 ? p.spans[k - 1].close + 1 : 0
            var speaker = preAttribution(&p, span: span, from: prevClose, paragraph: -2).speaker
            if speaker == .unknown {
                speaker = postAttribution(&p, span: span, upTo: k + 1 < p.spans.count ? p.spans[k + 1].open : p.count, paragraph: -2).speaker
            }
            if speaker == .unknown, let lead = headlinePerson(&p, before: span.open) {
                speaker = .named(lead, evidence: "headline")
            }
            result.append(Found(text: text, speaker: speaker.name, paragraph: -2, unterminated: !span.terminated, evidence: speaker.evidence))
        }
        return result
    }

    /// The person a headline opens with, when the quote follows the name or a colon after it.
    private mutating func headlinePerson(_ p: inout ParagraphTokens, before open: Int) -> String? {
        var end = 0
        while end < open, p.isWord(end), p.tokens[end].capitalised, !p.possessive(end) { end += 1 }
        guard end > 0 else { return nil }
        let adjacent = end == open
        let colon = open > 0 && p.isPunct(open - 1, ":")
        guard adjacent || colon else { return nil }
        guard case .person(let words, let gender, _) = p.interpret(0..<end) else { return nil }
        guard words.count >= 2 || registry.knows(words[0]) else { return nil }
        let e = registry.entity(named: words, gender: gender)
        return registry.entities[e].name
    }

    // MARK: - Attribution lines

    /// The person an attribution line names (`SDF spokesman Mustafa Bali`, `Jane Doe, harbour
    /// engineer`, `— Elin Voss, harbourmaster`), or nil when it names nobody (`the mayor`).
    static func name(fromAttribution line: String) -> String? {
        var text = Substring(line)
        while let f = text.unicodeScalars.first, "—–-―".unicodeScalars.contains(f) || TextScan.isSpace(f) {
            text = text.dropFirst()
        }
        var p = ParagraphTokens(String(text))
        let parts = p.segments(0..<p.count)
        for k in 0..<parts.count {
            switch p.interpret(parts[k]) {
            case .person(let words, _, _): return words.joined(separator: " ")
            case .organisation, .pronoun, .role, .anonymous, .nobody: continue
            }
        }
        return nil
    }
}
