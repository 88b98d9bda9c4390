/// Makes text from an untrusted file safe to put on a terminal.
///
/// Runs once, at load. What comes out holds no C0 control except `\n` and tab, no DEL, no C1 control,
/// no escape sequence (CSI, OSC, DCS, APC, PM, SOS, or a two-character `ESC x`), and no bidi
/// override or isolate (U+202A–U+202E, U+2066–U+2069). Such characters and whole sequences are
/// removed (not replaced): a terminal would not have shown them either. A tab stays (the body
/// lays it out to the next tab stop, anything else draws it as a space, never as a control);
/// CRLF, a lone CR, U+2028 and U+2029 become `\n`; a stray U+FEFF is dropped.
///
/// An unterminated string sequence (OSC, DCS, APC, PM, SOS) ends at the next newline, so one bad
/// byte cannot swallow a whole article.
public enum TextSanitizer {
    /// The thorough sanitiser: see the type's documentation.
    public static func sanitize(_ s: String) -> String {
        sanitizeCounting(s).text
    }

    /// Sanitises `s` and reports how many characters or sequences were removed.
    static func sanitizeCounting(_ s: String) -> (text: String, removed: Int) {
        if isClean(s) { return (s, 0) }
        let input = TextScan.scalars(s)
        var out = ScalarWriter(capacity: input.count)
        var removed = 0
        var i = 0
        let n = input.count
        while i < n {
            let c = input[i]
            let v = c.value
            if v >= 0x20 && v < 0x7F {
                out.append(c)
                i += 1
                continue
            }
            switch v {
            case 0x0A:
                out.append(c)
                i += 1
            case 0x0D:
                out.append("\n")
                i += 1
                if i < n && input[i].value == 0x0A { i += 1 }
            case 0x09:
                out.append(c)
                i += 1
            case 0x1B:
                removed += 1
                i = skipEscape(input, from: i + 1)
            case 0x9B:  // C1 CSI
                removed += 1
                i = skipCSI(input, from: i + 1)
            case 0x90, 0x98, 0x9D, 0x9E, 0x9F:  // C1 DCS, SOS, OSC, PM, APC
                removed += 1
                i = skipString(input, from: i + 1)
            case 0x00...0x1F, 0x7F, 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0xFEFF:
                removed += 1
                i += 1
            case 0x2028, 0x2029:
                out.append("\n")
                i += 1
            default:
                out.append(c)
                i += 1
            }
        }
        return (out.string, removed)
    }

    /// Whether `s` has nothing to remove or change, judged from its UTF-8 bytes in one pass: no
    /// C0 control but `\n`, no DEL, no C1 control (C2 80–9F), no U+2028/2029, bidi control
    /// (E2 80 A8–AE, E2 81 A6–A9) or U+FEFF (EF BB BF).
    static func isClean(_ s: String) -> Bool {
        var copy = s
        return copy.withUTF8 { b -> Bool in
            let n = b.count
            var i = 0
            while i < n {
                let c = b[i]
                if c < 0x80 {
                    if (c < 0x20 && c != 0x0A && c != 0x09) || c == 0x7F { return false }
                    i += 1
                    continue
                }
                if c == 0xC2, i + 1 < n, b[i + 1] >= 0x80 && b[i + 1] <= 0x9F { return false }
                if c == 0xE2, i + 2 < n, b[i + 1] == 0x80, b[i + 2] >= 0xA8 && b[i + 2] <= 0xAE { return false }
                if c == 0xE2, i + 2 < n, b[i + 1] == 0x81, b[i + 2] >= 0xA6 && b[i + 2] <= 0xA9 { return false }
                if c == 0xEF, i + 2 < n, b[i + 1] == 0xBB, b[i + 2] == 0xBF { return false }
                i += 1
            }
            return true
        }
    }

    /// After an ESC at `i - 1`: the index just past the whole sequence.
    private static func skipEscape(_ s: [Unicode.Scalar], from i: Int) -> Int {
        guard i < s.count else { return i }
        switch s[i].value {
        case 0x5B: return skipCSI(s, from: i + 1)                          // [
        case 0x5D, 0x50, 0x5F, 0x5E, 0x58: return skipString(s, from: i + 1)  // ] P _ ^ X
        case 0x20...0x2F:
            // nF: intermediates then one final byte.
            var j = i
            while j < s.count, (0x20...0x2F).contains(s[j].value) { j += 1 }
            if j < s.count, (0x30...0x7E).contains(s[j].value) { j += 1 }
            return j
        case 0x30...0x7E: return i + 1                                      // Fp, Fe, Fs
        default: return i  // ESC followed by something else: drop only the ESC
        }
    }

    /// Control sequence body: parameters 0x30–0x3F, intermediates 0x20–0x2F, one final 0x40–0x7E.
    /// A character outside those ranges ends the (broken) sequence and is kept.
    private static func skipCSI(_ s: [Unicode.Scalar], from i: Int) -> Int {
        var j = i
        while j < s.count {
            let v = s[j].value
            if (0x20...0x3F).contains(v) { j += 1; continue }
            if (0x40...0x7E).contains(v) { return j + 1 }
            return j
        }
        return j
    }

    /// String sequence body (OSC, DCS, APC, PM, SOS): up to BEL, ST (`ESC \` or U+009C), or a
    /// newline (kept) for an unterminated one.
    private static func skipString(_ s: [Unicode.Scalar], from i: Int) -> Int {
        var j = i
        while j < s.count {
            switch s[j].value {
            case 0x07, 0x9C: return j + 1
            case 0x1B:
                if j + 1 < s.count && s[j + 1].value == 0x5C { return j + 2 }
                return j  // a new escape starts: let the main loop take it
            case 0x0A, 0x0D: return j
            default: j += 1
            }
        }
        return j
    }

    /// True when `scalar` must never reach the model (used by tests and assertions).
    public static func isForbidden(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0A, 0x09: return false
        case 0x00...0x1F, 0x7F, 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069: return true
        default: return false
        }
    }
}

// MARK: - HTML entities

/// Decodes HTML character references once: `&amp;`, `&#233;`, `&#xE9;` and common named ones.
///
/// Decoding is a single left-to-right pass, so `&amp;#27;` becomes the literal text `&#27;`.
/// Numeric references to nothing (0, surrogates, beyond U+10FFFF) become U+FFFD. An unknown name
/// or a reference without its `;` stays as written.
public enum HTMLEntities {
    public static func decode(_ s: String) -> String {
        guard TextScan.contains(s, byte: UInt8(ascii: "&")) else { return s }
        let input = TextScan.scalars(s)
        var out = ScalarWriter(capacity: input.count)
        var i = 0
        let n = input.count
        while i < n {
            let c = input[i]
            if c != "&" { out.append(c); i += 1; continue }
            // Find ';' within a short window.
            var j = i + 1
            let limit = min(n, i + 34)
            while j < limit && input[j] != ";" && input[j] != "&" && input[j].value > 0x20 { j += 1 }
            guard j < limit, input[j] == ";", j > i + 1 else { out.append(c); i += 1; continue }
            let body = ScalarWriter.string(input[(i + 1)..<j])
            if let decoded = decodeBody(body) {
                out.append(contentsOf: decoded.unicodeScalars)
                i = j + 1
            } else {
                out.append(c)
                i += 1
            }
        }
        return out.string
    }

    private static func decodeBody(_ body: String) -> String? {
        if body.hasPrefix("#") {
            var digits = body.dropFirst()
            var radix = 10
            if digits.first == "x" || digits.first == "X" { radix = 16; digits = digits.dropFirst() }
            guard !digits.isEmpty, digits.count <= 8, let v = UInt32(digits, radix: radix) else { return nil }
            if v == 0 { return "\u{FFFD}" }
            return Unicode.Scalar(v).map { String(Character($0)) } ?? "\u{FFFD}"
        }
        return named[body]
    }

    static let named: [String: String] = [
        "amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'", "nbsp": " ",
        "ndash": "–", "mdash": "—", "hellip": "…", "lsquo": "‘", "rsquo": "’", "sbquo": "‚",
        "ldquo": "“", "rdquo": "”", "bdquo": "„", "laquo": "«", "raquo": "»", "lsaquo": "‹",
        "rsaquo": "›", "bull": "•", "middot": "·", "copy": "©", "reg": "®", "trade": "™",
        "deg": "°", "plusmn": "±", "times": "×", "divide": "÷", "frac12": "½", "frac14": "¼",
        "frac34": "¾", "euro": "€", "pound": "£", "yen": "¥", "cent": "¢", "sect": "§",
        "para": "¶", "dagger": "†", "Dagger": "‡", "permil": "‰", "prime": "′", "Prime": "″",
        "iexcl": "¡", "iquest": "¿", "shy": "", "zwj": "\u{200D}", "zwnj": "\u{200C}",
        "thinsp": "\u{2009}", "ensp": "\u{2002}", "emsp": "\u{2003}", "micro": "µ", "ordf": "ª",
        "ordm": "º", "sup1": "¹", "sup2": "²", "sup3": "³", "not": "¬", "macr": "¯", "acute": "´",
        "cedil": "¸", "uml": "¨", "curren": "¤", "brvbar": "¦", "minus": "−", "larr": "←",
        "rarr": "→", "uarr": "↑", "darr": "↓", "hearts": "♥",
        "Agrave": "À", "Aacute": "Á", "Acirc": "Â", "Atilde": "Ã", "Auml": "Ä", "Aring": "Å",
        "AElig": "Æ", "Ccedil": "Ç", "Egrave": "È", "Eacute": "É", "Ecirc": "Ê", "Euml": "Ë",
        "Igrave": "Ì", "Iacute": "Í", "Icirc": "Î", "Iuml": "Ï", "ETH": "Ð", "Ntilde": "Ñ",
        "Ograve": "Ò", "Oacute": "Ó", "Ocirc": "Ô", "Otilde": "Õ", "Ouml": "Ö", "Oslash": "Ø",
        "Ugrave": "Ù", "Uacute": "Ú", "Ucirc": "Û", "Uuml": "Ü", "Yacute": "Ý", "THORN": "Þ",
        "szlig": "ß", "agrave": "à", "aacute": "á", "acirc": "â", "atilde": "ã", "auml": "ä",
        "aring": "å", "aelig": "æ", "ccedil": "ç", "egrave": "è", "eacute": "é", "ecirc": "ê",
        "euml": "ë", "igrave": "ì", "iacute": "í", "icirc": "î", "iuml": "ï", "eth": "ð",
        "ntilde": "ñ", "ograve": "ò", "oacute": "ó", "ocirc": "ô", "otilde": "õ", "ouml": "ö",
        "oslash": "ø", "ugrave": "ù", "uacute": "ú", "ucirc": "û", "uuml": "ü", "yacute": "ý",
        "thorn": "þ", "yuml": "ÿ", "OElig": "Œ", "oelig": "œ", "Scaron": "Š", "scaron": "š",
        "Yuml": "Ÿ", "fnof": "ƒ", "circ": "ˆ", "tilde": "˜",
    ]
}
