/// How the list is ordered: `o` cycles through these, `--sort` and `sort = ...` in the config
/// choose one to start with.
public enum ListOrder: String, CaseIterable, Sendable {
    /// By file name, in natural order (2, 9, 10, 100; case folded), folder by folder.
    case name
    /// Most recently modified first.
    case newest
    /// Largest file first.
    case longest

    /// The order after this one, for `o`.
    public var next: ListOrder {
        let all = Self.allCases
        return all[(all.firstIndex(of: self)! + 1) % all.count]
    }

    /// How the status line names it.
    public var label: String {
        switch self {
        case .name: return "by name"
        case .newest: return "newest first"
        case .longest: return "longest first"
        }
    }

    /// Whether sorting needs every file's size and time (a `stat` each: work for a worker).
    public var needsFileFacts: Bool { self != .name }
}
