import BylineCanvas

/// A named set of role styles, read from a TOML theme file.
///
/// A theme says only what it wants to say; ``style(for:)`` fills the rest in by
/// inheritance (see ``BylineCanvas/Role/themeParent``) and ``resolved(depth:)`` turns
/// it into concrete colours and attributes for a terminal of a given colour depth.
public struct Theme: Sendable, Equatable {
    /// The display name (the file's `name =`, or the file stem when it has none).
    public let name: String
    /// A one-line description for `--list-themes`.
    public let description: String
    /// Where the theme was read from, or nil for the built-in default.
    public let source: String?
    /// What the theme file sets for each role it mentions.
    public let styles: [Role: RoleStyle]

    public init(name: String, description: String = "", source: String? = nil, styles: [Role: RoleStyle]) {
        self.name = name
        self.description = description
        self.source = source
        self.styles = styles
    }

    /// The role's settings after inheritance, down to `base`.
    public func style(for role: Role) -> RoleStyle {
        let own = styles[role] ?? RoleStyle()
        guard let parent = role.themeParent else { return own }
        return own.inheriting(from: style(for: parent))
    }

    /// Every role's final look at `depth`.
    ///
    /// Colours are mapped with ``TerminalColor/mapped(to:)``; a foreground that would
    /// land on the same palette entry as its own background becomes the depth's black
    /// or white, whichever stands out more against it.
    ///
    /// The attribute fallback: when mapping erases the colour difference that set a role
    /// apart from `base`, its parent, or a role of its group (headline from crosshead,
    /// selected row from the others; see `Role.fallbackPeers`), the role
    /// gains its ``BylineCanvas/Role/attributeFallback`` (reverse for selections and the
    /// status line, bold headline, italic standfirst, dim boilerplate, …) on top of its
    /// own attributes. At ``ColorDepth/attributesOnly`` every colour difference is
    /// erased, so a role with a background unlike `base`'s gets reverse, and every theme
    /// stays readable with no colour at all.
    public func resolved(depth: ColorDepth) -> [Role: ResolvedStyle] {
        var result: [Role: ResolvedStyle] = [:]
        for role in Role.allCases {
            result[role] = resolve(role, depth: depth)
        }
        return result
    }

    private func resolve(_ role: Role, depth: ColorDepth) -> ResolvedStyle {
        let style = style(for: role)
        let colours = mappedColours(of: style, depth: depth)
        var resolved = ResolvedStyle(
            fg: colours.fg, bg: colours.bg,
            bold: style.bold ?? false, italic: style.italic ?? false,
            underline: style.underline ?? false, reverse: style.reverse ?? false,
            dim: style.dim ?? false)

        let lostColour = role.fallbackPeers.contains { other in
            let otherStyle = self.style(for: other)
            let sourceDiffers = sourceColours(of: style) != sourceColours(of: otherStyle)
            return sourceDiffers && colours == mappedColours(of: otherStyle, depth: depth)
        }
        if lostColour {
            let fallback = role.attributeFallback
            resolved.bold = resolved.bold || fallback.bold == true
            resolved.italic = resolved.italic || fallback.italic == true
            resolved.underline = resolved.underline || fallback.underline == true
            resolved.reverse = resolved.reverse || fallback.reverse == true
            resolved.dim = resolved.dim || fallback.dim == true
        }
        return resolved
    }

    private struct ColourPair: Equatable {
        var fg: TerminalColor
        var bg: TerminalColor
    }

    private func sourceColours(of style: RoleStyle) -> ColourPair {
        ColourPair(fg: style.fg ?? .terminalDefault, bg: style.bg ?? .terminalDefault)
    }

    private func mappedColours(of style: RoleStyle, depth: ColorDepth) -> ColourPair {
        let source = sourceColours(of: style)
        var mapped = ColourPair(fg: source.fg.mapped(to: depth), bg: source.bg.mapped(to: depth))
        // Text that would land on its own background takes black or white instead.
        if mapped.fg == mapped.bg, source.fg != source.bg, case .indexed(let background) = mapped.bg {
            mapped.fg = .indexed(Palette.contrasting(with: background, depth: depth))
        }
        return mapped
    }
}
