/// How many colours the terminal can show, from none at all to 24-bit.
public enum ColorDepth: Int, CaseIterable, Comparable, Sendable, CustomStringConvertible {
    /// No colours: attributes (bold, reverse, …) only. Chosen by `NO_COLOR` or `--color never`.
    case attributesOnly = 0
    /// The eight basic ANSI colours, indexes 0–7.
    case ansi8 = 8
    /// The sixteen ANSI colours with their bright forms, indexes 0–15.
    case ansi16 = 16
    /// The xterm-256 palette, indexes 0–255.
    case indexed256 = 256
    /// Direct 24-bit colour (needs a direct-colour terminfo entry such as `xterm-direct`).
    case truecolor = 16_777_216

    public static func < (lhs: ColorDepth, rhs: ColorDepth) -> Bool { lhs.rawValue < rhs.rawValue }

    public var description: String {
        switch self {
        case .attributesOnly: "no colour"
        case .ansi8: "8 colours"
        case .ansi16: "16 colours"
        case .indexed256: "256 colours"
        case .truecolor: "truecolor"
        }
    }
}

/// The user's `--color` / `color =` choice.
public enum ColorChoice: String, CaseIterable, Sendable {
    /// Use what the terminal supports, unless `NO_COLOR` is set.
    case auto
    /// Use colour even if `NO_COLOR` is set or the terminal claims none (at least 8 colours).
    case always
    /// Never use colour: attributes only.
    case never
}

// MARK: - Detection

extension ColorDepth {
    /// Works out the colour depth from what is known about the terminal. Pure: no
    /// environment or curses calls inside.
    ///
    /// - `never` gives ``attributesOnly``; with `auto`, a non-empty `NO_COLOR` does too.
    /// - `colors` is curses' `COLORS` once it has started (nil if unknown). When known it
    ///   decides: ≥ 16777216 (a direct-colour terminfo entry) is ``truecolor``, then 256,
    ///   16, 8. A `COLORTERM=truecolor` terminal whose terminfo has only 256 colours stays
    ///   at 256, because curses cannot send it 24-bit colour (use `TERM=xterm-direct`).
    /// - When `colors` is unknown, `TERM` ending in `-direct` or `COLORTERM` of `truecolor`
    ///   or `24bit` means ``truecolor``; `TERM` containing `256color` or `16color` means
    ///   that; an empty `TERM` or `dumb` means none; anything else 8.
    /// - `always` never gives less than ``ansi8``.
    public static func detect(
        choice: ColorChoice,
        colors: Int?,
        environment: [String: String]
    ) -> ColorDepth {
        if choice == .never { return .attributesOnly }
        if choice == .auto, let noColor = environment["NO_COLOR"], !noColor.isEmpty { return .attributesOnly }

        let detected: ColorDepth
        if let colors {
            detected = depth(forColorCount: colors)
        } else {
            let term = (environment["TERM"] ?? "").lowercased()
            let colorTerm = (environment["COLORTERM"] ?? "").lowercased()
            if term.hasSuffix("-direct") || colorTerm == "truecolor" || colorTerm == "24bit" {
                detected = .truecolor
            } else if term.contains("256color") {
                detected = .indexed256
            } else if term.contains("16color") {
                detected = .ansi16
            } else if term.isEmpty || term == "dumb" {
                detected = .attributesOnly
            } else {
                detected = .ansi8
            }
        }
        return choice == .always ? max(detected, .ansi8) : detected
    }

    /// The depth a curses `COLORS` count allows.
    public static func depth(forColorCount colors: Int) -> ColorDepth {
        switch colors {
        case 16_777_216...: .truecolor
        case 256...: .indexed256
        case 16...: .ansi16
        case 8...: .ansi8
        default: .attributesOnly
        }
    }
}

// MARK: - Mapping colours down

extension TerminalColor {
    /// This colour as the nearest one the depth can show.
    ///
    /// Each colour is mapped straight from what the theme wrote (not step by step), to
    /// the perceptually nearest colour (CIE76) that the depth allows:
    /// - ``ColorDepth/truecolor``: `.rgb` stays; indexes 0–7 stay (direct-colour terminfo
    ///   reads larger numbers as RGB values), larger indexes become their xterm RGB.
    /// - ``ColorDepth/indexed256``: indexes stay; `.rgb` goes to the nearest of 16–255
    ///   (the cube and grey ramp, whose values terminals do not redefine).
    /// - ``ColorDepth/ansi16`` / ``ColorDepth/ansi8``: to the nearest of 0–15 / 0–7
    ///   by xterm's standard ANSI values.
    /// - ``ColorDepth/attributesOnly``: everything becomes `.terminalDefault`.
    public func mapped(to depth: ColorDepth) -> TerminalColor {
        switch (self, depth) {
        case (.terminalDefault, _), (_, .attributesOnly):
            return .terminalDefault
        case (.rgb, .truecolor):
            return self
        case (.indexed(let index), .truecolor):
            guard index >= 8 else { return self }
            let rgb = Palette.rgb(ofIndex: index)
            return .rgb(rgb.r, rgb.g, rgb.b)
        case (.indexed(let index), .indexed256):
            return .indexed(min(max(index, 0), 255))
        case (.rgb(let r, let g, let b), .indexed256):
            return .indexed(Palette.nearest(to: Palette.RGB(r, g, b), in: 16..<256))
        case (.indexed(let index), .ansi16) where (0..<16).contains(index),
             (.indexed(let index), .ansi8) where (0..<8).contains(index):
            return self
        case (.indexed(let index), _):
            let range = depth == .ansi8 ? 0..<8 : 0..<16
            return .indexed(Palette.nearest(to: Palette.rgb(ofIndex: index), in: range))
        case (.rgb(let r, let g, let b), _):
            let range = depth == .ansi8 ? 0..<8 : 0..<16
            return .indexed(Palette.nearest(to: Palette.RGB(r, g, b), in: range))
        }
    }
}
