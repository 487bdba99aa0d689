import Foundation

/// A failed system call on a local file, by its `errno`.
struct LocalReadFailure: Error, CustomStringConvertible {
    let code: Int32

    /// The current `errno`.
    static var current: LocalReadFailure { LocalReadFailure(code: errno) }

    var description: String { String(cString: strerror(code)) }
}
