#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Messages for C library error codes.
enum SystemError {
    /// The C library's message for `code`.
    static func text(_ code: Int32) -> String { String(cString: strerror(code)) }
}
