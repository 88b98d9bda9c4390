/// Splits the raw paragraphs of a body: junk lines and junk sentences into folded blocks of
/// their own, and over-long paragraphs (a wire story on one line) at sentence ends.
enum BodySplitter {
    /// A paragraph longer than this is split at sentence ends.
    static let longParagraph = 150
    /// A split paragraph closes at the first sentence end after this many words.
    static let targetWords = 40

    static func expand(_ raw: [ArticleParser.RawParagraph]) -> [ArticleParser.RawParagraph] {
        var out: [ArticleParser.RawParagraph] = []
        out.reserveCapacity(raw.count)
        for p in raw {
            let words = TextScan.countWords(p.text)
            // One pass finds the phrases both tests below read: the junk lists for a short
            // paragraph, the hints for one that is not over-long.
            let short = words <= 30 && p.text.utf8.count <= 400
            let wanted: Boilerplate.Phrases = short ? [.junk, .junkHint] : words > longParagraph ? [] : .junkHint
            let phrases = Boilerplate.phrases(in: p.text, wanted: wanted)
            if short, Boilerplate.isJunkLine(p.text, words: words, phrases: phrases) {
                var junk = p
                junk.junk = true
                out.append(junk)
                continue
            }
            var kept = p
            kept.words = words
            guard words > longParagraph || phrases.contains(.junkHint) else {
                out.append(kept)
                continue
            }
            let pieces = split(p.text, words: words)
            if pieces.count == 1 && !pieces[0].junk {
                out.append(kept)
                continue
            }
            for piece in pieces {
                var q = ArticleParser.RawParagraph(text: piece.text, alone: false, firstOfLines: false)
                q.junk = piece.junk
                out.append(q)
            }
        }
        return out
    }

    struct Piece {
        var text: String
        var junk: Bool
    }

    /// Sentences grouped into pieces: runs of junk sentences, and prose in paragraphs of a few
    /// sentences (kept whole when the paragraph was not over-long).
    static func split(_ text: String, words: Int) -> [Piece] {
        let s = TextScan.scalars(text)
        let starts = Sentences.starts(s, outsideQuotes: true)
        var sentences: [(text: String, junk: Bool, words: Int)] = []
        for (k, st) in starts.enumerated() {
            let end = k + 1 < starts.count ? starts[k + 1] : s.count
            let t = TextScan.trim(ScalarWriter.string(s[st..<end]))
            guard !t.isEmpty else { continue }
            // The phrases found once for both tests (`isJunkLine` asks `isJunkSentence` again).
            let words = TextScan.countWords(t)
            let phrases = Boilerplate.phrases(in: t, wanted: .junk)
            let junk = Boilerplate.isJunkSentence(t, phrases: phrases) || Boilerplate.isJunkLine(t, words: words, phrases: phrases)
            sentences.append((t, junk, words))
        }
        // A short prose sentence between two junk ones is junk too ("Do you have a story?").
        if sentences.count >= 3 {
            for k in 1..<(sentences.count - 1) where !sentences[k].junk && sentences[k].words <= 15
                && sentences[k - 1].junk && sentences[(k + 1)...].contains(where: \.junk) {
                sentences[k].junk = true
            }
        }
        let splitProse = words > longParagraph
        var pieces: [Piece] = []
        var current: [String] = []
        var currentWords = 0
        var currentJunk = false
        func flush() {
            if !current.isEmpty { pieces.append(Piece(text: current.joined(separator: " "), junk: currentJunk)) }
            current.removeAll()
            currentWords = 0
        }
        for sentence in sentences {
            if sentence.junk != currentJunk { flush(); currentJunk = sentence.junk }
            current.append(sentence.text)
            currentWords += sentence.words
            if splitProse && !currentJunk && currentWords >= targetWords { flush() }
        }
        flush()
        // A last short prose piece joins the one before it.
        if splitProse, pieces.count >= 2, !pieces[pieces.count - 1].junk, !pieces[pieces.count - 2].junk,
           TextScan.countWords(pieces[pieces.count - 1].text) < 15 {
            let lastPiece = pieces.removeLast()
            pieces[pieces.count - 1].text += " " + lastPiece.text
        }
        return pieces
    }
}
