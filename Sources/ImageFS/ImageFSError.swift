import Foundation
import OCIModel

/// Failures that stop a walk as a whole (unlike ``LayerReadError``, which only ends one layer).
public enum ImageFSError: Error, Hashable, Sendable, CustomStringConvertible {
    /// All layers together decompressed to more than ``DecompressionLimits/total``; `layer` is where it happened.
    case totalLimitExceeded(limit: Int64, layerIndex: Int, layer: Digest?)
    /// An index has no manifest for the requested platform.
    case platformNotFound(requested: Platform, available: [Platform])
    /// The descriptor is neither an image manifest nor an index of them.
    case notAnImage(mediaType: String)
    /// The config blob is larger than ``ImageSourceWalker/maxConfigSize``.
    case configTooLarge(size: Int64, limit: Int)
    /// A `dir:` or `file:` path that cannot be read at all.
    case unreadablePath(String, errno: Int32)

    /// The failure as a sentence for the CLI.
    public var description: String {
        switch self {
        case .totalLimitExceeded(let limit, let index, let layer):
            "layer \(index + 1)" + (layer.map { " (\($0))" } ?? "")
                + ": refused, the image decompresses to more than \(limit) bytes in total (decompression-bomb limit)"
        case .platformNotFound(let requested, let available):
            "no image for platform \(requested) in the index; available: "
                + (available.isEmpty ? "none" : available.map(\.description).joined(separator: ", "))
        case .notAnImage(let mediaType):
            "'\(mediaType)' is not an image manifest or index"
        case .configTooLarge(let size, let limit):
            "image config of \(size) bytes exceeds the \(limit)-byte limit"
        case .unreadablePath(let path, let code):
            "\(path): cannot be read (\(String(cString: strerror(code))))"
        }
    }
}
