import BylineCanvas

/// Cutting text to a display width.
enum Truncate {
    /// `text` cut to at most `width` cells, ending in an ellipsis when cut.
    static func toWidth(_ text: String, _ width: Int, ellipsis: String) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let room = width - DisplayWidth.of(ellipsis)
        guard room > 0 else { return String(repeating: ".", count: width) }
        var out = ""
        var used = 0
        for character in text {
            let w = DisplayWidth.of(character)
            if used + w > room { break }
            out.append(character)
            used += w
        }
        return out + ellipsis
    }
}
