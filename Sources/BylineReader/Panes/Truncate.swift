import BylineCanvas

/// Cutting text to a display width.
enum Truncate {
    /// `text` cut to at most `width` cells, ending in an ellipsis when cut. One pass that stops
    /// as soon as the text is known not to fit; text that fits is returned as it is.
    static func toWidth(_ text: String, _ width: Int, ellipsis: String) -> String {
        guard width > 0 else { return "" }
        let room = width - DisplayWidth.of(ellipsis)
        var used = 0
        var cut = text.startIndex  // end of the longest prefix that fits in `room`
        var index = text.startIndex
        while index < text.endIndex {
            let w = DisplayWidth.of(text[index])
            if used + w > width {
                guard room > 0 else { return String(repeating: ".", count: width) }
                return String(text[..<cut]) + ellipsis
            }
            used += w
            index = text.index(after: index)
            if used <= room { cut = index }
        }
        return text
    }
}
