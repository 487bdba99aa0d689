import Foundation
import OCILayout
import OCIModel
import OCIRegistry
import ImageFS
import SBOMFormats
import ImageCopy
import Doctor
import VulnDB
import VulnMatch

/// Hallmark's documented exit codes and which errors map to which.
enum ExitStatus: Int32 {
    case ok = 0
    case failed = 1
    case usage = 2
    case network = 3

    static let help = """
        Exit codes:
          0  success
          1  a policy or finding failure (e.g. a platform without the expected attestation)
          2  usage or input error (bad reference, malformed file, digest mismatch in local content)
          3  network or registry error (unreachable, auth refused, registry answered an error)
        """

    /// The exit status for errors Hallmark knows; `nil` for argument-parser errors.
    init?(classifying error: any Error) {
        switch error {
        case is RegistryError: self = .network
        case is PredicateTooLarge: self = .failed
        case is ReferenceError, is PlatformError, is InputError, is DigestError, is ContentNotFound,
             is CopyError, is UsageError, is ByteLimitError, is LayoutError, is TarError, is TarWriterError,
             is ImageSourceSpecError, is ImageFSError, is SBOMTrimError, is SBOMIOError, is SizeLimitError, is IgnoreConfigError, is VEXError, is ImportError, is TriageError:
            self = .usage
        case is CocoaError, is POSIXError: self = .usage
        default:
            if error is DecodingError { self = .usage } else { return nil }
        }
    }

    /// The sentence printed for `error`.
    static func message(for error: any Error) -> String {
        String(describing: error)
    }
}

/// A mistake in how a command was called that the argument parser cannot see.
struct UsageError: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
