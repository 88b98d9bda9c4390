import BylineCanvas

/// Cutting text to a display width.
enum Truncate {
    /// `text` cut to at most `width` cells, ending in an ellipsis when cut; text that fits is
    /// returned as it is. Widths are read from the UTF-8 bytes (see `DisplayWidth`).
    static func toWidth(_ text: String, _ width: Int, ellipsis: String) -> String {
        guard width > 0 else { return "" }
        if DisplayWidth.of(text) <= width { return text }
        let room = width - DisplayWidth.of(ellipsis)
        guard room > 0 else { return String(repeating: ".", count: width) }
        return String(DisplayWidth.prefix(of: text, fitting: room)) + ellipsis
    }
}
