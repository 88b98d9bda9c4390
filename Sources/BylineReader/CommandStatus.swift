/// How a command Byline ran ended, in a few words for the status line.
public enum CommandStatus {
    /// "done", "exit status 3", "ended by signal 2", or "could not run" (nil).
    public static func describe(_ status: Int32?) -> String {
        guard let status else { return "could not run" }
        if status == 0 { return "done" }
        return status > 128 ? "ended by signal \(status - 128)" : "exit status \(status)"
    }
}
