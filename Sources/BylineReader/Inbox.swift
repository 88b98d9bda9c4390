#if canImport(Glibc)
import Glibc
#endif
import Synchronization

/// Where workers post actions for the reader's thread: a queue plus a self-pipe whose read end
/// the terminal waits on together with the keyboard, so a posted action wakes the reader at
/// once and nothing polls.
public final class Inbox: Sendable {
    private let queue = Mutex<[Action]>([])
    /// Readable while actions wait.
    public let descriptor: Int32
    private let writeEnd: Int32

    public init() {
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            for fd in ends {
                _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
                _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
            }
        }
        descriptor = ends[0]
        writeEnd = ends[1]
    }

    deinit {
        close(descriptor)
        close(writeEnd)
    }

    /// Queues an action and wakes the reader (from any thread).
    public func post(_ action: Action) {
        let wasEmpty = queue.withLock { q -> Bool in
            q.append(action)
            return q.count == 1
        }
        // One byte per batch is enough: the reader drains everything when it wakes.
        if wasEmpty {
            var byte: UInt8 = 1
            _ = write(writeEnd, &byte, 1)
        }
    }

    /// Whether actions are waiting.
    public var hasPending: Bool { queue.withLock { !$0.isEmpty } }

    /// Takes every waiting action, oldest first.
    public func drain() -> [Action] {
        // Empty the pipe first: a post that comes in between leaves its byte (and one spare
        // wake-up), never an action without a byte.
        var sink = [UInt8](repeating: 0, count: 64)
        while read(descriptor, &sink, sink.count) > 0 {}
        return queue.withLock { q -> [Action] in
            let taken = q
            q.removeAll(keepingCapacity: true)
            return taken
        }
    }
}
