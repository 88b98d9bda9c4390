import CLibFuzzer
import Glibc

/// What every fuzz target shares: starting libFuzzer, and reporting a broken invariant.
public enum Fuzz {
    /// A fuzz target's body: one input, returning 0 (libFuzzer's convention).
    public typealias Body = @convention(c) (UnsafePointer<UInt8>?, Int) -> CInt

    /// Runs libFuzzer with the process's arguments (`-max_total_time=…`, corpus folders, or
    /// inputs to replay) over `body`, and exits with its status.
    public static func run(_ body: Body) -> Never {
        var argc = CommandLine.argc
        var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
        let status = LLVMFuzzerRunDriver(&argc, &argv, body)
        exit(status)
    }

    /// The input as a buffer (an empty input may come as a null pointer).
    public static func bytes(_ data: UnsafePointer<UInt8>?, _ size: Int) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(start: size > 0 ? data : nil, count: size)
    }

    /// Traps with a message libFuzzer prints next to the crashing input.
    public static func violated(_ what: String, _ text: String) -> Never {
        let scalars = text.unicodeScalars.prefix(80).map { String($0.value, radix: 16) }.joined(separator: " ")
        fatalError("fuzz invariant violated: \(what): \(text.debugDescription.prefix(200)) [\(scalars)]")
    }
}
