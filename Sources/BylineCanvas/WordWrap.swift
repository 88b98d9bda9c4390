/// Word wrapping by display width.
public enum WordWrap {
    /// Break `text` into lines no wider than `width` cells. Breaks at spaces;
    /// a word longer than a line is split between graphemes. Runs of spaces
    /// collapse at line breaks. Always returns at least one line.
    public static func wrap(_ text: String, width: Int) -> [String] {
        guard width > 0 else { return [""] }
        var lines: [String] = []
        var line = ""
        var lineWidth = 0
        for word in words(text) {
            let w = DisplayWidth.of(word)
            // Test the line for emptiness, not its width: a word of zero-width characters
            // (U+200B, combining marks alone) is still a word and must not be overwritten.
            if !line.isEmpty && lineWidth + 1 + w <= width {
                line += " "
                line += word
                lineWidth += 1 + w
                continue
            }
            if !line.isEmpty {
                lines.append(line)
                line = ""
                lineWidth = 0
            }
            if w <= width {
                line = String(word)
                lineWidth = w
                continue
            }
            // A word wider than the line: cut it between graphemes.
            for character in word {
                let cw = DisplayWidth.of(character)
                if lineWidth + cw > width, lineWidth > 0 {
                    lines.append(line)
                    line = ""
                    lineWidth = 0
                }
                line.append(character)
                lineWidth += cw
            }
        }
        if !line.isEmpty || lines.isEmpty { lines.append(line) }
        return lines
    }

    /// The words of `text`: exactly `text.split(separator: " ")` (a space that a combining mark
    /// joins is part of a word, not a break), found by bytes instead of by walking every
    /// character; only a space byte's own two edges are checked for character boundaries.
    static func words(_ text: String) -> [Substring] {
        var result: [Substring] = []
        let utf8 = text.utf8
        var wordStart = utf8.startIndex
        var i = utf8.startIndex
        while i != utf8.endIndex {
            let next = utf8.index(after: i)
            if utf8[i] == 0x20, i.samePosition(in: text) != nil, next.samePosition(in: text) != nil {
                if wordStart < i { result.append(text[wordStart..<i]) }
                wordStart = next
            }
            i = next
        }
        if wordStart < utf8.endIndex { result.append(text[wordStart..<utf8.endIndex]) }
        return result
    }
}
