import BylineCanvas
import BylineModel
import BylineStore

/// What happened: every change of reader state starts as one of these, whether the user
/// pressed a key, the terminal changed size, or a worker finished reading something.
public enum Action: Equatable, Sendable {
    // MARK: The user
    case moveUp, moveDown
    case pageUp, pageDown
    case top, bottom
    case focusForward
    case focusBack
    case cycleFocus
    case nextQuote, previousQuote
    case nextCrosshead, previousCrosshead
    case nextArticle, previousArticle
    /// `/`: search the library from the list, the article from the body.
    case find
    /// `P`: the people quoted across the library.
    case togglePeople
    /// Enter in People: the chosen speaker's quotes, or the chosen quote's article.
    case openChosen
    /// `n` / `N`: the next or previous match of the search.
    case nextMatch, previousMatch
    /// `m`: mark the selected article read or unread.
    case toggleRead
    /// `u` / `U`: the next or previous unread article.
    case nextUnread, previousUnread
    /// `M` in the list: mark every article in the list read (after a confirmation).
    case markAllRead
    case toggleSidebar
    /// `z`: the focused pane alone, full width (with the body focused, reading mode).
    case toggleZoom
    case toggleHelp
    case toggleProblems
    case toggleFooters
    case closeOverlay
    case cycleTheme
    case redraw
    /// `q`: back one level (overlay, zoom, a pane alone); quit from the panes.
    case back
    /// `Space`: page down; at the end of an article, on to the next unread one.
    case readOn
    /// `o`: the next sort order (name, newest first, longest first).
    case cycleSort
    /// `>` and `<`: a wider or narrower list.
    case widenList, narrowList
    /// `y`: copy the current quote to the clipboard (OSC 52); `Y`: the whole article.
    case copyQuote, copyArticle
    /// The mouse: a click, a double click or the wheel at a cell.
    case mouse(MouseEvent)
    case quit
    /// Open the prompt for something typed.
    case openPrompt(Prompt.Kind)
    case editPrompt(PromptEdit)
    case submitPrompt
    case cancelPrompt

    // MARK: The terminal and the run loop
    /// The terminal changed size.
    case resize(Size)
    /// The reader starts: ask for what the first frame needs.
    case start
    /// Show the selected article (after a first frame drawn with the list alone).
    case showSelection
    /// A theme finished loading (or failed); the message goes to the status line.
    case themeApplied(name: String, error: String?)
    /// Something to say once in the status line (e.g. why the folder is not watched).
    case notice(String)
    /// The reader is about to exit (quit, a hangup, a signal): save where it was.
    case leaving
    /// The terminal took (or refused) text for the clipboard; the note says which.
    case copied(String)
    /// A command the article was piped to ended (its exit status; nil when it could not run).
    case piped(command: String, status: Int32?)

    /// The first frame is on screen: bring the search index up to date.
    case startIndexing

    // MARK: Workers
    /// How far the index is built (`finished`: it is up to date).
    case indexing(IndexProgress, finished: Bool)
    /// A page of a library search's results.
    case librarySearched(LibraryAnswer)
    /// The speakers matching a filter (People).
    case peopleLoaded(filter: String, [SpeakerSummary])
    /// A speaker's quotes (People), and how many there are in all.
    case quotesLoaded(name: String, [PersonQuote], total: Int)
    /// An article was read and parsed (on request, or ahead of need).
    case articleLoaded(ArticleID, Article)
    /// Headlines were read into the library.
    case headlinesLoaded([ArticleID])
    /// The folder watcher reported events (to be examined on a worker).
    case folderEvents([FolderEvent])
    /// A worker examined folder events: what is on disk now.
    case folderChanged(FolderChange)
    /// What the state store held for this library (read marks, positions, last selected).
    case stateLoaded(SavedState)
    /// A worker sorted the rows (the ids given with `.sortRows`, in that order).
    case rowsSorted(ListOrder, [ArticleID])
    /// A worker counted the articles in subfolders of a library that does not list them.
    case subfolderArticles(Int)
    /// A worker checked another batch of files for `!` (`finished`: none is left unchecked).
    case filesChecked(finished: Bool)
}

/// What `update` asks the outside world to do; the run loop carries these out (work that reads
/// files goes to a worker, and its result comes back as an ``Action``).
public enum Effect: Equatable, Sendable {
    case quit
    /// Repaint every cell, not only the changed ones.
    case redrawAll
    /// Load the named theme and hand it to the terminal, then send `.themeApplied`.
    case loadTheme(String)
    /// Read and parse an article that is on screen (answered by `.articleLoaded`).
    case loadArticle(ArticleID)
    /// Read the headlines of list rows on screen (answered by `.headlinesLoaded`).
    case loadHeadlines([ArticleID])
    /// Parse these articles in the background, nearest first, replacing any not yet started
    /// (into the library's cache: not answered).
    case prefetch([ArticleID])
    /// Look at what the folder watcher reported (answered by `.folderChanged`).
    case examine([FolderEvent])
    /// Hand text to the terminal for the clipboard (answered by `.copied`).
    case copy(text: String, what: String)
    /// Hand the terminal to a shell command that reads `text` (answered by `.piped`).
    case pipe(command: String, text: String)
    /// Load what the state store holds for this library (answered by `.stateLoaded`).
    case loadState
    /// Save read marks, positions, the last selected article.
    case saveState([StateEdit])
    /// Sort these rows (looking up each file's size and time when the order needs them;
    /// answered by `.rowsSorted`).
    case sortRows(ListOrder, [ArticleID])
    /// Count the articles in subfolders (answered by `.subfolderArticles`).
    case countSubfolderArticles
    /// Check every file not looked at yet for whether it reads, in batches (answered by
    /// `.filesChecked` after each).
    case checkFiles
    /// Bring the search index up to date: for the whole library (nil), or for these articles
    /// after folder events (answered by `.indexing`).
    case index([ArticleID]?)
    /// Search the library (answered by `.librarySearched`; a newer search replaces one not started).
    case searchLibrary(LibraryRequest)
    /// The speakers whose name matches (answered by `.peopleLoaded`).
    case loadPeople(String)
    /// A speaker's quotes (answered by `.quotesLoaded`).
    case loadQuotes(String)
}
