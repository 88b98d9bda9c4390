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
    // MARK: - Phrases

    /// Which lists of phrases a text holds, found in one pass (see `phrases(in:wanted:)`).
    struct Phrases: OptionSet, Sendable {
        let rawValue: UInt32
        /// `strongPhrases`: junk wherever they stand.
        static let strong = Phrases(rawValue: 1)
        /// `contactPhrases`: asking readers to get in touch.
        static let contact = Phrases(rawValue: 2)
        /// `shareHints`: a share-button row's platforms.
        static let share = Phrases(rawValue: 4)
        /// `junkHints`: a junk sentence may hide in a paragraph.
        static let junkHint = Phrases(rawValue: 8)
        /// What `isJunkLine` and `isJunkSentence` read.
        static let junk: Phrases = [.strong, .contact, .share]
    }

    /// The lists among `wanted` that `text` holds a phrase of (ASCII case ignored).
    static func phrases(in text: String, wanted: Phrases) -> Phrases {
        // The hints alone (what a paragraph of ordinary length is asked): from their own
        // needles, whose first filter lets far fewer places of a text through than every list's.
        if wanted == .junkHint { return junkHintList.found(in: text) ? .junkHint : [] }
        return Phrases(rawValue: phraseLists.groups(in: text, wanted: wanted.rawValue))
    }

    /// Every list of phrases, one group each, in the order of the `Phrases` bits.
    private static let phraseLists = TextScan.Needles(groups: [strongPhrases, contactPhrases, shareHints, junkHints])
    /// `junkHints` on their own.
    private static let junkHintList = TextScan.Needles(junkHints)

    // MARK: - Lines

    /// Whether a whole (short) paragraph is junk.
    static func isJunkLine(_ text: String) -> Bool {
        guard text.utf8.count <= 400 else { return false }
        return isJunkLine(text, words: TextScan.countWords(text))
    }

    /// `isJunkLine` when the words are counted already.
    static func isJunkLine(_ text: String, words: Int) -> Bool {
        guard words <= 30, text.utf8.count <= 400 else { return false }
        return isJunkLine(text, words: words, phrases: phrases(in: text, wanted: .junk))
    }

    /// `isJunkLine` when the words are counted and the phrases (`.junk` at least) found already.
    static func isJunkLine(_ text: String, words: Int, phrases: Phrases) -> Bool {
        guard words <= 30, text.utf8.count <= 400 else { return false }
        if isJunkSentence(text, phrases: phrases) { return true }
        if lineStarts.match(text) { return true }
        if text.utf8.count <= 40, isWholeJunkLine(text) { return true }
        // A link headline in square brackets.
        if text.utf8.first == UInt8(ascii: "["), text.hasPrefix("["), TextScan.hasSuffix(text, "]"), words >= 3 { return true }
        if phrases.contains(.share), isShareRow(TextScan.lowercased(text)) { return true }
        if words <= 20, TextScan.contains(text, byte: UInt8(ascii: ":")), hasRunningTime(text), !endsLikeProse(text), !Metadata.isDate(text) {
            return true
        }
        if words <= 14, isPhotoCredit(text) { return true }
        return false
    }

    /// One of `wholeLines`, once lower-cased and stripped of punctuation and then whitespace at
    /// either end. Printable ASCII (nearly every line) is stripped as bytes; other text through
    /// Foundation as before.
    private static func isWholeJunkLine(_ text: String) -> Bool {
        let ascii = text.utf8.withContiguousStorageIfAvailable { b -> Bool? in
            guard b.allSatisfy({ $0 >= 0x20 && $0 < 0x7F }) else { return nil }
            var lo = 0, hi = b.count
            while lo < hi, asciiPunctuation(b[lo]) { lo += 1 }
            while hi > lo, asciiPunctuation(b[hi - 1]) { hi -= 1 }
            while lo < hi, b[lo] == 0x20 { lo += 1 }
            while hi > lo, b[hi - 1] == 0x20 { hi -= 1 }
            var lower = [UInt8](repeating: 0, count: hi - lo)
            for k in lo..<hi { lower[k - lo] = b[k] >= 0x41 && b[k] <= 0x5A ? b[k] | 0x20 : b[k] }
            return lower.withUnsafeBufferPointer { wholeLines.contains(asciiBytes: $0) }
        }
        if let ascii, let answer = ascii { return answer }
        // The answer is a run of the lower-cased text: without one of the lines in it (ASCII
        // case ignored; a Kelvin sign lower-cases to `k`) it is no, with no character set made
        // (that cost 0.8 M instructions when the first parse met such a line).
        guard mayHoldWholeJunkLine(text) else { return false }
        return wholeLines.contains(TextScan.trim(TextScan.lowercased(text).trimmingCharacters(in: .punctuationCharacters)))
    }

    /// `wholeLines` as needles, found in one pass.
    private static let wholeLineNeedles = TextScan.Needles(Array(wholeLines))

    /// Whether `text` holds one of `wholeLines` (ASCII case ignored) or a Kelvin sign.
    static func mayHoldWholeJunkLine(_ text: String) -> Bool {
        var copy = text
        return copy.withUTF8 { b in
            let n = b.count
            for k in 0..<n where b[k] == 0xE2 && k + 2 < n && b[k + 1] == 0x84 && b[k + 2] == 0xAA { return true }
            return wholeLineNeedles.found(in: b)
        }
    }

    /// Printable ASCII in `CharacterSet.punctuationCharacters` (general category P: a test
    /// checks every ASCII byte): `! " # % & ' ( ) * , - . / : ; ? @ [ \ ] _ { }`.
    static func asciiPunctuation(_ c: UInt8) -> Bool {
        switch c {
        case 0x21...0x23, 0x25...0x2A, 0x2C...0x2F, 0x3A, 0x3B, 0x3F, 0x40, 0x5B...0x5D, 0x5F, 0x7B, 0x7D: return true
        default: return false
        }
    }

    private static let shareHints = ["facebook", "twitter", "pinterest", "whatsapp", "linkedin", "reddit", "email", "flipboard", "messenger"]

    private static let lineStarts = TextScan.Prefixes([
        "read more:", "read more ", "related:", "related articles", "related stories", "see also:",
        "watch:", "watch now:", "more:", "more from ", "recommended:", "most read", "trending:",
        "before you go, we thought", "play video", "video:", "now playing", "up next:", "scroll down for",
        "story continues below", "image copyright", "image caption", "media playback is unsupported",
        "media caption", "photo:", "photos:", "photo credit", "picture:", "pictures:", "image:", "credit:",
        "source: instagram", "source: twitter", "(photo", "(image", "getty images", "click to share",
        "share this", "share on ", "sign up for", "sign up to", "subscribe to", "listen:",
    ])

    static let wholeLines: WordSet = [
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

    /// `photoCredits` as bytes.
    private static let photoCreditBytes: [[UInt8]] = photoCredits.map { Array($0.utf8) }

    /// The last bytes of `photoCredits` (lower-case letters: `a` bit 0 … `z` bit 25).
    private static let photoCreditEnds: UInt32 = photoCreditBytes.reduce(0) { $0 | 1 << UInt32($1.last! - 0x61) }

    static let photoCredits = ["getty images", "/ap", "/reuters", "/afp", "/pa", "/shutterstock", "/rex", "/eyevine", "/instagram", "/getty"]

    /// Ends in an agency or a picture library, in any case. ASCII text is compared as bytes;
    /// other text lower-cased as before.
    static func isPhotoCredit(_ text: String) -> Bool {
        let ascii = text.utf8.withContiguousStorageIfAvailable { b -> Bool? in
            guard b.allSatisfy({ $0 < 0x80 && $0 != 0x0D }) else { return nil }
            for credit in photoCreditBytes where TextScan.holdsIgnoringASCIICase(b, at: b.count - credit.count, credit) { return true }
            return false
        }
        if let ascii, let answer = ascii { return answer }
        // Each credit ends in an ASCII letter, a character of its own: text whose last scalar
        // is an ASCII byte that is no such letter in either case ends, lower-cased, in another
        // character (most lines: in a full stop), with nothing lower-cased to say so.
        if let last = text.utf8.last, last < 0x80 {
            let l = last | 0x20
            guard l >= 0x61 && l <= 0x7A && photoCreditEnds & 1 << UInt32(l - 0x61) != 0 else { return false }
        }
        let lower = TextScan.lowercased(text)
        return photoCredits.contains { TextScan.hasSuffix(lower, $0) }
    }

    // MARK: - Sentences

    /// Whether one sentence is junk by itself.
    static func isJunkSentence(_ text: String) -> Bool {
        isJunkSentence(text, phrases: phrases(in: text, wanted: .junk))
    }

    /// `isJunkSentence` when the phrases (`.strong` and `.contact` at least) are found already.
    static func isJunkSentence(_ text: String, phrases: Phrases) -> Bool {
        if phrases.contains(.strong) { return true }
        if let junk = openingIsJunk(text) {
            if junk { return true }
        } else {
            // Text the bytes do not decide: as `Character`s.
            let t = String(text.drop { $0 == "(" || $0 == "-" || $0 == "—" || $0 == " " })
            if sentenceStarts.match(t) { return true }
            if t.utf8.count <= 14, shortJunk.contains(TextScan.lowercased(t)) { return true }
        }
        if ArticleParser.containsEmail(text) && TextScan.countWords(text) <= 30 { return true }
        if phrases.contains(.contact) && ArticleParser.containsPhone(text) { return true }
        return false
    }

    /// Short sentences that are junk whole (after their openers, lower-cased).
    private static let shortJunk: Set<String> = ["advertisement", "advertisement.", "learn more", "learn more."]

    /// Whether the text after the brackets, hyphens and spaces a sentence may open with is an
    /// agency credit or link line, or a short junk sentence, answered from the bytes; nil when
    /// a `—` or a non-ASCII byte right after an opener makes characters and bytes differ, or
    /// a short rest is not ASCII (then `isJunkSentence` goes through `Character`s).
    private static func openingIsJunk(_ text: String) -> Bool? {
        let answer = text.utf8.withContiguousStorageIfAvailable { b -> Bool? in
            var lo = 0
            while lo < b.count, b[lo] == 0x28 || b[lo] == 0x2D || b[lo] == 0x20 { lo += 1 }
            // A mark after an opener would join it into another character; a dash opener
            // (E2 80 94) is not ASCII. Text opening with any other scalar above ASCII has no opener.
            if lo < b.count, b[lo] >= 0x80 {
                if lo > 0 { return nil }
                if b.count >= 3, b[0] == 0xE2, b[1] == 0x80, b[2] == 0x94 { return nil }
            }
            let rest = UnsafeBufferPointer(rebasing: b[lo...])
            if sentenceStarts.match(rest) { return true }
            guard rest.count <= 14 else { return false }
            guard rest.allSatisfy({ $0 < 0x80 }) else { return nil }
            return shortJunk.contains(String(decoding: rest.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self))
        }
        return answer ?? nil
    }

    /// Phrases that make a sentence junk wherever they stand.
    private static let strongPhrases = [
        "[email protected]", "[email&#160;protected]", "click here", "we pay for your stories",
        "©", "all rights reserved", "sign up to our newsletter", "sign up for our newsletter",
        "follow us on", "subscribe to our newsletter", "may not be published, broadcast",
        "contributed reporting", "contributed to this report", "for more news, follow",
        "scroll down for video", "story continues below", "download our app", "like us on facebook",
        "we thought you'd like these", "we thought you’d like these",
    ]

    /// Agency credits and link lines that open a sentence.
    private static let sentenceStarts = TextScan.Prefixes([
        "reporting by", "additional reporting by", "writing by", "editing by", "compiled by",
        "reported by", "produced by", "copyright", "(c) ", "related:", "read more:", "share this article",
    ])

    /// Phrases asking readers to get in touch.
    private static let contactPhrases = [
        "email us", "e-mail us", "call us", "contact us", "get in touch", "whatsapp", "text us", "call 0",
    ]

    /// Words that suggest a junk sentence inside a paragraph (see `BodySplitter`).
    private static let junkHints = [
        "©", "click here", "rights reserved", "copyright", "reporting by", "editing by", "writing by",
        "compiled by", "contributed", "@", "sign up", "follow us", "newsletter", "advertisement",
        "related:", "read more", "share this", "scroll down", "story continues", "we pay for", "whatsapp",
        "email us", "call us", "contact us", "download our", "for more news", "learn more", "(c) ",
    ]
}
