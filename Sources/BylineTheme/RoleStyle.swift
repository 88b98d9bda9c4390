import BylineCanvas

/// What a theme says about one role: every field optional, unset fields inherit.
public struct RoleStyle: Hashable, Sendable {
    public var fg: TerminalColor?
    public var bg: TerminalColor?
    public var bold: Bool?
    public var italic: Bool?
    public var underline: Bool?
    public var reverse: Bool?
    public var dim: Bool?

    public init(
        fg: TerminalColor? = nil, bg: TerminalColor? = nil,
        bold: Bool? = nil, italic: Bool? = nil, underline: Bool? = nil,
        reverse: Bool? = nil, dim: Bool? = nil
    ) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }

    /// This style with its unset fields taken from `parent`.
    public func inheriting(from parent: RoleStyle) -> RoleStyle {
        RoleStyle(
            fg: fg ?? parent.fg, bg: bg ?? parent.bg,
            bold: bold ?? parent.bold, italic: italic ?? parent.italic,
            underline: underline ?? parent.underline, reverse: reverse ?? parent.reverse,
            dim: dim ?? parent.dim)
    }
}

/// A role's final look at one colour depth: what the terminal layer draws with.
public struct ResolvedStyle: Hashable, Sendable {
    public var fg: TerminalColor
    public var bg: TerminalColor
    public var bold: Bool
    public var italic: Bool
    public var underline: Bool
    public var reverse: Bool
    public var dim: Bool

    public init(
        fg: TerminalColor = .terminalDefault, bg: TerminalColor = .terminalDefault,
        bold: Bool = false, italic: Bool = false, underline: Bool = false,
        reverse: Bool = false, dim: Bool = false
    ) {
        self.fg = fg
        self.bg = bg
        self.bold = bold
        self.italic = italic
        self.underline = underline
        self.reverse = reverse
        self.dim = dim
    }
}

// MARK: - Inheritance and fallback

extension Role {
    /// The role whose settings this one inherits before `base`.
    ///
    /// `list.read`, `list.unread` and `list.selected` inherit from `list.normal`;
    /// `list.selected-unfocused` from `list.selected` (so a theme that styles only the
    /// selection still shows it when the list loses focus); `sidebar.current` from
    /// `sidebar.normal`; `quote-mark` from `pullquote`; `search-current` from
    /// `search-match`. Everything else, and those
    /// parents, inherit from `base`.
    public var themeParent: Role? {
        switch self {
        case .base: nil
        case .listRead, .listUnread, .listSelected: .listNormal
        case .listSelectedUnfocused: .listSelected
        case .sidebarCurrent: .sidebarNormal
        case .quoteMark: .pullquote
        case .searchCurrent: .searchMatch
        default: .base
        }
    }

    /// The attributes a role gains when the colour depth cannot show the colours that
    /// set it apart (see ``Theme/resolved(depth:)``): what a typesetter would use
    /// without ink.
    ///
    /// | role | fallback |
    /// |---|---|
    /// | `list.selected` | reverse, bold |
    /// | `list.selected-unfocused` | underline (so it stays apart from the focused selection) |
    /// | `sidebar.current`, `status`, `search-match` | reverse |
    /// | `search-current` | reverse, bold, underline |
    /// | `headline`, `list.unread`, `quote-mark`, `error` | bold |
    /// | `crosshead` | bold, underline |
    /// | `standfirst` | italic |
    /// | `pullquote` | bold, italic |
    /// | `attribution` | italic, dim |
    /// | `boilerplate`, `list.read`, `border` | dim |
    /// | `base`, `body`, `list.normal`, `sidebar.normal`, `help` | nothing (pane backgrounds) |
    public var attributeFallback: RoleStyle {
        switch self {
        case .base, .body, .listNormal, .sidebarNormal, .help: RoleStyle()
        case .border, .boilerplate, .listRead: RoleStyle(dim: true)
        case .listSelected: RoleStyle(bold: true, reverse: true)
        case .listSelectedUnfocused: RoleStyle(underline: true)
        case .sidebarCurrent, .status, .searchMatch: RoleStyle(reverse: true)
        case .searchCurrent: RoleStyle(bold: true, underline: true, reverse: true)
        case .headline, .listUnread, .quoteMark, .error: RoleStyle(bold: true)
        case .crosshead: RoleStyle(bold: true, underline: true)
        case .standfirst: RoleStyle(italic: true)
        case .pullquote: RoleStyle(bold: true, italic: true)
        case .attribution: RoleStyle(italic: true, dim: true)
        }
    }

    /// The roles seen side by side with this one, which it must stay distinct from:
    /// `base`, its parent, and the others of its group (the article's text, the list,
    /// the sidebar).
    var fallbackPeers: [Role] {
        let article: [Role] = [.body, .headline, .standfirst, .crosshead, .pullquote, .attribution, .quoteMark, .boilerplate, .searchMatch, .searchCurrent]
        let list: [Role] = [.listNormal, .listSelected, .listSelectedUnfocused, .listRead, .listUnread]
        let sidebar: [Role] = [.sidebarNormal, .sidebarCurrent]
        var peers: [Role] = [.base, themeParent ?? .base]
        for group in [article, list, sidebar] where group.contains(self) { peers += group }
        return peers.filter { $0 != self }
    }
}
