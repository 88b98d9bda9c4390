import Foundation

/// Web and agency junk: lines to fold, and sentences to split off the end (or the middle) of a
/// paragraph. A long run of ordinary prose is never junk: only a line or a sentence that is
/// junk by itself is folded.
///
/// **Junk lines** (a short paragraph of their own): share-button rows ("Share this article",
/// "Facebook Twitter Pinterest Email"), "Read more:", "Related:", "See also:", "WATCH:",
/// a whole line in square brackets (a link headline), "Learn more", video titles with a running
/// time ("Play Video 2:14 …", "… (1:47)"), "ADVERTISEMENT", "Scroll down for video",
/// "Before you go, we thought you'd like these…", photo credits ("Photo: Getty Images",
/// "Credit: Instagram/…", "Getty Images", "Image copyright …").
///
/// **Junk sentences**: "Click here", "we pay for your stories", "©", "all rights reserved",
/// "Copyright 2014 …", newsletter and follow-us prompts, agency credits opening a sentence
/// ("(Reporting by …; Editing by …)", "Additional reporting by", "contributed reporting"), and
/// contact lines: an e-mail address, or a phone number with "call", "email us", "WhatsApp" ….
enum Boilerplate {
    // MARK: - Lines

    /// Whether a whole (short) paragraph is junk.
    static func isJunkLine(_ text: String) -> Bool {
        guard text.utf8.count <= 400 else { return false }
        return isJunkLine(text, words: TextScan.countWords(text))
    }

    /// `isJunkLine` when the words are counted already.
    static func isJunkLine(_ text: String, words: Int) -> Bool {
        guard words <= 30, text.utf8.count <= 400 else { return false }
        if isJunkSentence(text) { return true }
        if lineStarts.contains(where: { TextScan.hasPrefixIgnoringCase(text, $0) }) { return true }
        if text.utf8.count <= 40 {
            let lower = text.lowercased()
            if wholeLines.contains(TextScan.trim(lower.trimmingCharacters(in: .punctuationCharacters))) { return true }
        }
        // A link headline in square brackets.
        if text.hasPrefix("["), TextScan.hasSuffix(text, "]"), words >= 3 { return true }
        if shareHints.found(in: text), isShareRow(text.lowercased()) { return true }
        if words <= 20, TextScan.contains(text, byte: UInt8(ascii: ":")), hasRunningTime(text), !endsLikeProse(text), !Metadata.isDate(text) {
            return true
        }
        if words <= 14, isPhotoCredit(text.lowercased()) { return true }
        return false
    }

    private static let shareHints = TextScan.Needles(["facebook", "twitter", "pinterest", "whatsapp", "linkedin", "reddit", "email", "flipboard", "messenger"])

    private static let lineStarts = [
        "read more:", "read more ", "related:", "related articles", "related stories", "see also:",
        "watch:", "watch now:", "more:", "more from ", "recommended:", "most read", "trending:",
        "before you go, we thought", "play video", "video:", "now playing", "up next:", "scroll down for",
        "story continues below", "image copyright", "image caption", "media playback is unsupported",
        "media caption", "photo:", "photos:", "photo credit", "picture:", "pictures:", "image:", "credit:",
        "source: instagram", "source: twitter", "(photo", "(image", "getty images", "click to share",
        "share this", "share on ", "sign up for", "sign up to", "subscribe to", "listen:",
    ]

    private static let wholeLines: WordSet = [
        "advertisement", "learn more", "share", "tweet", "share this article", "comments", "print",
        "email", "sponsored", "sponsored content", "continue reading", "read more", "related",
        "getty images", "getty", "afp", "reuters", "ap", "pa", "ap photo", "afp/getty images",
        "(applause)", "see more", "show more", "skip ad", "close", "copy link", "topics",
    ]

    private static let shareWords: WordSet = [
        "share", "facebook", "twitter", "pinterest", "email", "whatsapp", "linkedin", "reddit", "tweet",
        "messenger", "print", "copy", "link", "comments", "save", "on", "by", "this", "article", "flipboard",
    ]

    /// "Share on Facebook Share on Twitter Share by Email": nearly every word a share word.
    private static func isShareRow(_ lower: String) -> Bool {
        let words = lower.split(whereSeparator: { !$0.isLetter })
        guard words.count >= 2 else { return false }
        let platforms = words.filter { ["facebook", "twitter", "pinterest", "whatsapp", "linkedin", "reddit", "email", "messenger", "flipboard"].contains($0) }.count
        let share = words.filter { shareWords.contains(String($0)) }.count
        return platforms >= 1 && share * 10 >= words.count * 8
    }

    /// A running time: `2:14`, `(1:47)`, `01:02:33`.
    private static func hasRunningTime(_ text: String) -> Bool {
        let s = TextScan.scalars(text)
        func digit(_ k: Int) -> Bool { k >= 0 && k < s.count && s[k].value >= 0x30 && s[k].value <= 0x39 }
        for i in s.indices where s[i] == ":" {
            if digit(i - 1) && digit(i + 1) && digit(i + 2) && !digit(i + 3) { return true }
        }
        return false
    }

    private static func endsLikeProse(_ text: String) -> Bool {
        guard let l = text.unicodeScalars.last else { return false }
        return ".!?\"”".unicodeScalars.contains(l)
    }

    private static func isPhotoCredit(_ lower: String) -> Bool {
        for p in ["getty images", "/ap", "/reuters", "/afp", "/pa", "/shutterstock", "/rex", "/eyevine", "/instagram", "/getty"] where TextScan.hasSuffix(lower, p) {
            return true
        }
        return false
    }

    // MARK: - Sentences

    /// Whether one sentence is junk by itself.
    static func isJunkSentence(_ text: String) -> Bool {
        if strongPhrases.found(in: text) { return true }
        let t = String(text.drop { $0 == "(" || $0 == "-" || $0 == "—" || $0 == " " })
        if sentenceStarts.contains(where: { TextScan.hasPrefixIgnoringCase(t, $0) }) { return true }
        if t.utf8.count <= 14, ["advertisement", "advertisement.", "learn more", "learn more."].contains(t.lowercased()) { return true }
        if ArticleParser.containsEmail(text) && TextScan.countWords(text) <= 30 { return true }
        if contactPhrases.found(in: text) && ArticleParser.containsPhone(text) { return true }
        return false
    }

    /// Phrases that make a sentence junk wherever they stand.
    private static let strongPhrases = TextScan.Needles([
        "[email protected]", "[email&#160;protected]", "click here", "we pay for your stories",
        "©", "all rights reserved", "sign up to our newsletter", "sign up for our newsletter",
        "follow us on", "subscribe to our newsletter", "may not be published, broadcast",
        "contributed reporting", "contributed to this report", "for more news, follow",
        "scroll down for video", "story continues below", "download our app", "like us on facebook",
        "we thought you'd like these", "we thought you’d like these",
    ])

    /// Agency credits and link lines that open a sentence.
    private static let sentenceStarts = [
        "reporting by", "additional reporting by", "writing by", "editing by", "compiled by",
        "reported by", "produced by", "copyright", "(c) ", "related:", "read more:", "share this article",
    ]

    /// Phrases asking readers to get in touch.
    private static let contactPhrases = TextScan.Needles([
        "email us", "e-mail us", "call us", "contact us", "get in touch", "whatsapp", "text us", "call 0",
    ])
}
