/// An OCI platform (`os/architecture[/variant]`), as in index entries and image configs.
public struct Platform: Hashable, Sendable, Codable, CustomStringConvertible {
    public var architecture: String
    public var os: String
    public var variant: String?
    public var osVersion: String?
    public var osFeatures: [String]?

    enum CodingKeys: String, CodingKey {
        case architecture, os, variant
        case osVersion = "os.version"
        case osFeatures = "os.features"
    }

    public init(os: String, architecture: String, variant: String? = nil) {
        self.os = os
        self.architecture = architecture
        self.variant = variant
    }

    /// Parses `os/arch[/variant]`, e.g. `linux/arm64/v8`.
    public init(parsing text: String) throws(PlatformError) {
        let parts = text.split(separator: "/", omittingEmptySubsequences: false).map(String.init)
        guard (2...3).contains(parts.count), parts.allSatisfy({ !$0.isEmpty && !$0.contains(where: \.isWhitespace) }) else {
            throw PlatformError(text: text)
        }
        self.init(os: parts[0].lowercased(), architecture: parts[1].lowercased(), variant: parts.count == 3 ? parts[2].lowercased() : nil)
    }

    /// The platform of the machine running this code.
    public static var host: Platform {
        #if arch(arm64)
        Platform(os: "linux", architecture: "arm64", variant: "v8")
        #else
        Platform(os: "linux", architecture: "amd64")
        #endif
    }

    /// Architecture aliases folded (`aarch64` is `arm64`, `x86_64` is `amd64`) and
    /// default variants spelled out (`arm64` is `arm64/v8`, `arm` is `arm/v7`).
    public var normalized: Platform {
        var arch = architecture.lowercased()
        var variant = self.variant?.lowercased()
        switch arch {
        case "aarch64": arch = "arm64"
        case "x86_64", "x86-64": arch = "amd64"
        case "i386", "i686": arch = "386"
        case "armhf": arch = "arm"; variant = variant ?? "v7"
        case "armel": arch = "arm"; variant = variant ?? "v6"
        default: break
        }
        switch arch {
        case "arm64": if variant == nil || variant == "8" { variant = "v8" }
        case "arm": if variant == nil { variant = "v7" } else if let v = variant, !v.hasPrefix("v") { variant = "v" + v }
        case "amd64": if variant == nil { variant = "v1" }
        default: break
        }
        var result = Platform(os: os.lowercased(), architecture: arch, variant: variant)
        result.osVersion = osVersion
        result.osFeatures = osFeatures
        return result
    }

    /// Whether an image for `candidate` satisfies a request for this platform:
    /// equal after normalisation, so `linux/arm64` matches `linux/arm64/v8`.
    public func matches(_ candidate: Platform) -> Bool {
        let want = normalized, have = candidate.normalized
        return want.os == have.os && want.architecture == have.architecture && want.variant == have.variant
    }

    public var description: String {
        [os, architecture, variant].compactMap { $0 }.joined(separator: "/")
    }
}

/// A platform string that is not `os/arch[/variant]`.
public struct PlatformError: Error, Sendable, CustomStringConvertible {
    public let text: String
    public var description: String { "invalid platform '\(text)': expected os/arch[/variant], e.g. linux/arm64/v8" }
}
