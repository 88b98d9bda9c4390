import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Starting threads that never take a signal, so signals always reach the reader's thread.
public enum BackgroundThread {
    /// Starts a thread that inherits a mask blocking every signal: the mask is set on this
    /// thread before the new one is created (so there is no moment in which the new thread can
    /// take a signal) and restored afterwards.
    public static func start(name: String, _ body: @escaping @Sendable () -> Void) {
        var all = sigset_t()
        var previous = sigset_t()
        sigfillset(&all)
        pthread_sigmask(SIG_BLOCK, &all, &previous)
        let thread = Thread(block: body)
        thread.name = name
        thread.qualityOfService = .utility
        thread.start()
        pthread_sigmask(SIG_SETMASK, &previous, nil)
    }
}
