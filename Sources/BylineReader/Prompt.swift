/// A one-line text prompt in the status line: what it asks for, the text typed so far and the
/// cursor, with the editing keys of a shell's line editor. A plain value; ``update(_:_:)``
/// applies ``PromptEdit``s to it.
public struct Prompt: Equatable, Sendable {
    /// What the prompt is for.
    public enum Kind: Hashable, Sendable {
        /// `:`: go to article number N of the list.
        case goToArticle
        /// `/` in the article: find text, highlighted as it is typed.
        case findInArticle
        /// `M`: mark this many unread articles read? (`y` says yes, any other key no).
        case confirmMarkAllRead(Int)
        /// `|`: a shell command to pipe the article (or the quote) to.
        case pipe
        /// `/` in the list: search the whole library, results as it is typed.
        case searchLibrary
        /// `P`: a name, narrowing the speakers as it is typed.
        case people

        /// What the status line shows before the text.
        public var label: String {
            switch self {
            case .goToArticle: return ":"
            case .findInArticle: return "/"
            case .confirmMarkAllRead(let n): return "Mark \(n) unread article\(n == 1 ? "" : "s") read? (y/n) "
            case .pipe: return "| "
            case .searchLibrary: return "/"
            case .people: return "People: "
            }
        }

        /// Shown dimly while nothing is typed.
        public var placeholder: String {
            switch self {
            case .goToArticle: return "article number"
            case .findInArticle: return "find in this article"
            case .confirmMarkAllRead: return ""
            case .pipe: return "shell command to pipe the article to (e.g. wc -w)"
            case .searchLibrary: return "search the library: words, \"a phrase\", prefix*, -word, head:word, by:Name"
            case .people: return "type to narrow the names; Enter shows their quotes"
            }
        }
    }

    public let kind: Kind
    /// The text, as characters (the cursor moves by character).
    public private(set) var text: [Character] = []
    /// The cursor's place: before `text[cursor]` (or at the end).
    public private(set) var cursor = 0
    /// Where in the history Up/Down has got to (nil: the text being typed).
    private var historyIndex: Int?
    /// What was typed before Up went into the history.
    private var draft: [Character] = []

    public init(kind: Kind, text: String = "") {
        self.kind = kind
        self.text = Array(text)
        self.cursor = self.text.count
    }

    public var string: String { String(text) }

    /// Applies one edit. `history` is the list of earlier entries, oldest first.
    public mutating func apply(_ edit: PromptEdit, history: [String]) {
        switch edit {
        case .insert(let c):
            text.insert(c, at: cursor)
            cursor += 1
        case .left: cursor = max(0, cursor - 1)
        case .right: cursor = min(text.count, cursor + 1)
        case .home: cursor = 0
        case .end: cursor = text.count
        case .backspace:
            guard cursor > 0 else { return }
            text.remove(at: cursor - 1)
            cursor -= 1
        case .deleteForward:
            guard cursor < text.count else { return }
            text.remove(at: cursor)
        case .deleteToStart:
            text.removeSubrange(0..<cursor)
            cursor = 0
        case .deleteWordBack:
            var start = cursor
            while start > 0 && text[start - 1] == " " { start -= 1 }
            while start > 0 && text[start - 1] != " " { start -= 1 }
            text.removeSubrange(start..<cursor)
            cursor = start
        case .historyBack:
            guard !history.isEmpty else { return }
            let next = (historyIndex ?? history.count) - 1
            guard next >= 0 else { return }
            if historyIndex == nil { draft = text }
            historyIndex = next
            text = Array(history[next])
            cursor = text.count
        case .historyForward:
            guard let index = historyIndex else { return }
            if index + 1 < history.count {
                historyIndex = index + 1
                text = Array(history[index + 1])
            } else {
                historyIndex = nil
                text = draft
            }
            cursor = text.count
        }
    }
}

/// One edit of a prompt's text.
public enum PromptEdit: Equatable, Sendable {
    case insert(Character)
    case left, right, home, end
    case backspace, deleteForward
    /// Ctrl-U: delete from the start of the line to the cursor.
    case deleteToStart
    /// Ctrl-W: delete the word before the cursor.
    case deleteWordBack
    /// Up / Down: earlier / later entries of the history.
    case historyBack, historyForward
}
