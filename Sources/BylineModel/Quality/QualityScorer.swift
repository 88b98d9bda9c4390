import Foundation

/// Scores parsed articles against hand-made labels: are the quotes found, are the speakers
/// right, is junk folded and story text kept, are headlines, paragraphs and crossheads sound.
///
/// Its checks of the result (a URL or date headline, raw `""`, paragraph length) are written
/// apart from the parser's own rules, so the parser cannot pass by agreeing with itself.
public enum QualityScorer {
    /// Parses every `*.txt` article of `folder` and scores it against the label file at `labels`.
    public static func score(folder: String, labels: String) throws -> QualityReport {
        let text = try String(contentsOfFile: labels, encoding: .utf8)
        let library = try Library(folder: folder)
        let articles = (0..<library.count).map { library.article(at: $0) }
        return score(articles, labels: try QualityLabels(text: text))
    }

    /// Scores `articles` (matched to labels by id; an article without labels is skipped).
    public static func score(_ articles: [Article], labels: QualityLabels) -> QualityReport {
        var report = QualityReport()
        let byID = Dictionary(articles.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        for label in labels.articles {
            guard let article = byID[label.id] else {
                report.problems.append("\(label.id): no such article")
                report.missingArticles += 1
                continue
            }
            report.articles += 1
            scoreQuotes(article, label, &report)
            scoreBody(article, label, &report)
        }
        return report
    }

    // MARK: - Quotes and speakers

    private static func scoreQuotes(_ a: Article, _ label: QualityLabels.Article, _ r: inout QualityReport) {
        let found = a.quotes.map { " " + TextScan.normalized($0.text) + " " }
        var used = Set<Int>()
        var cursor = 0
        for q in label.quotes {
            r.labelledQuotes += 1
            if q.speaker.name != nil { r.namedLabels += 1 }
            let key = " " + TextScan.normalized(q.words) + " "
            let keyWords = TextScan.countWords(key)
            func matches(_ k: Int) -> Bool {
                let f = found[k]
                // A short label ("sorry") matches a quote of about its own length only.
                if f.contains(key) { return keyWords >= 3 || TextScan.countWords(f) <= keyWords + 3 }
                // A quote cut shorter than the label (a fragment of it) still counts when it
                // holds most of the label's words.
                return TextScan.countWords(f) * 2 >= keyWords && TextScan.countWords(f) >= 2 && key.contains(f)
            }
            let order = Array(cursor..<found.count) + Array(0..<min(cursor, found.count))
            let pick = order.first { !used.contains($0) && matches($0) } ?? order.first(where: matches)
            guard let k = pick else {
                r.problems.append("\(a.id): quote not found: “\(q.words)”")
                continue
            }
            used.insert(k)
            cursor = k + 1
            r.foundQuotes += 1
            let given = a.quotes[k].speaker
            guard let given else {
                if q.speaker.name != nil {
                    r.problems.append("\(a.id): no speaker for “\(q.words)” (\(q.speaker.name!))")
                }
                continue
            }
            r.namedGiven += 1
            if let truth = q.speaker.name, NameMatch.same(given, truth) {
                r.namedCorrect += 1
            } else {
                let evidence = a.quotes[k].speakerEvidence.map { " [\($0)]" } ?? ""
                r.problems.append("\(a.id): wrong speaker \(given)\(evidence) for “\(q.words)” (\(describe(q.speaker)))")
            }
        }
        let names = label.names
        for q in a.quotes {
            guard let s = q.speaker else { continue }
            r.speakerStrings += 1
            if !names.contains(where: { NameMatch.same(s, $0) }) {
                r.nonPersonSpeakers += 1
                r.problems.append("\(a.id): speaker names nobody in the labels: \(s)")
            }
        }
    }

    private static func describe(_ s: QualityLabels.Speaker) -> String {
        switch s {
        case .person(let n): return n
        case .organisation(let n): return "@" + n
        case .unattributed: return "nobody named"
        case .anonymous: return "anonymous"
        }
    }

    // MARK: - Body, headline, junk

    private static func scoreBody(_ a: Article, _ label: QualityLabels.Article, _ r: inout QualityReport) {
        // Headline and metadata.
        if looksLikeURLOrDate(a.headline) {
            r.metadataHeadlines += 1
            r.problems.append("\(a.id): headline is a URL or date: \(a.headline)")
        }
        if let h = label.headline, TextScan.normalized(h) != TextScan.normalized(a.headline) {
            r.wrongHeadlines += 1
            r.problems.append("\(a.id): headline \"\(a.headline)\", expected \"\(h)\"")
        }
        if let s = label.source, s != a.source {
            r.wrongMetadata += 1
            r.problems.append("\(a.id): source \(a.source ?? "nil"), expected \(s)")
        }
        if let d = label.date, d != a.date {
            r.wrongMetadata += 1
            r.problems.append("\(a.id): date \(a.date ?? "nil"), expected \(d)")
        }

        // Raw CSV quotes anywhere a reader sees text.
        let texts = [a.headline, a.standfirst ?? ""] + a.blocks.flatMap { [$0.text, $0.attribution ?? ""] }
            + a.quotes.flatMap { [$0.text, $0.speaker ?? ""] }
        r.rawDoubledQuotes += texts.filter { $0.contains("\"\"") }.count

        // Folding: a boilerplate block holding no labelled junk is story text folded away.
        let junk = label.folds.map { " " + TextScan.normalized($0) + " " }
        var storyWords = 0
        var foldedStory = 0
        var junkFolded = Set<Int>()
        for b in a.blocks {
            let words = TextScan.countWords(b.text)
            let norm = " " + TextScan.normalized(b.text) + " "
            let hits = junk.indices.filter { norm.contains(junk[$0]) }
            if b.kind == .boilerplate {
                junkFolded.formUnion(hits)
                if hits.isEmpty {
                    foldedStory += words
                    r.problems.append("\(a.id): story text folded (\(words) words): \(String(b.text.prefix(80)))")
                }
            } else {
                storyWords += words
            }
        }
        r.foldedStoryWords += foldedStory
        if foldedStory > 0 && foldedStory * 2 > storyWords + foldedStory { r.foldedStories += 1 }
        for (k, j) in label.folds.enumerated() where !junkFolded.contains(k) {
            r.junkShown += 1
            r.problems.append("\(a.id): junk not folded: \(j)")
        }

        // Paragraph length.
        for b in a.blocks where b.kind == .paragraph {
            let words = TextScan.countWords(b.text)
            r.longestParagraph = max(r.longestParagraph, words)
            if words > 250 && sentenceCount(b.text) > 1 {
                r.overlongParagraphs += 1
                r.problems.append("\(a.id): paragraph of \(words) words")
            }
        }

        // Crossheads.
        let real = Set(label.crossheads.map { TextScan.normalized($0) })
        for b in a.blocks where b.kind == .crosshead && !real.contains(TextScan.normalized(b.text)) {
            r.falseCrossheads += 1
            r.problems.append("\(a.id): false crosshead: \(b.text)")
        }
    }

    /// A URL, or a line made only of date and time words: the scorer's own test.
    static func looksLikeURLOrDate(_ s: String) -> Bool {
        let t = TextScan.trim(s).lowercased()
        if t.hasPrefix("http://") || t.hasPrefix("https://") || t.hasPrefix("www.") { return true }
        let words = t.split(whereSeparator: { TextScan.isSpace($0) || $0 == "," || $0 == "|" })
        if words.count == 1, t.contains("/"), t.contains(".") { return true }
        let months = ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"]
        let days = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"]
        guard !words.isEmpty, words.count <= 10 else { return false }
        var dated = false
        for w in words {
            if w.allSatisfy({ $0.isNumber || $0 == "/" || $0 == "-" || $0 == ":" || $0 == "." }) {
                if w.count == 4 || w.contains("/") || w.contains("-") { dated = true }
                continue
            }
            if months.contains(where: { w.hasPrefix($0) }) { dated = true; continue }
            if days.contains(where: { w.hasPrefix($0) }) { continue }
            if ["am", "pm", "gmt", "bst", "utc", "et", "est", "edt", "updated", "published", "posted", "at", "on", "-"].contains(String(w)) { continue }
            return false
        }
        return dated
    }

    /// Sentences, counted simply: `.`, `!` or `?` (maybe before a closing quote) followed by a
    /// space and a capital letter or an opening quote.
    static func sentenceCount(_ s: String) -> Int {
        let c = Array(s.unicodeScalars)
        var n = 1
        var i = 0
        while i < c.count {
            if ".!?".unicodeScalars.contains(c[i]) {
                var j = i + 1
                while j < c.count, "\"'”’)".unicodeScalars.contains(c[j]) { j += 1 }
                if j + 1 < c.count, c[j] == " ", c[j + 1].properties.isUppercase || "\"“‘".unicodeScalars.contains(c[j + 1]) {
                    n += 1
                }
                i = j
            } else {
                i += 1
            }
        }
        return n
    }
}
