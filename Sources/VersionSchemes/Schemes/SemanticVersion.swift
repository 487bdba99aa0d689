/// A SemVer 2.0.0 version, `MAJOR.MINOR.PATCH[-PRERELEASE][+BUILD]`, parsed
/// strictly (no leading zeros in numbers or numeric identifiers) and ordered by
/// precedence: numbers by value (any size), a pre-release below its release,
/// identifiers numeric (by value) below alphanumeric (ASCII order), build ignored.
/// For Go modules the `v` prefix is required and `+incompatible` is build metadata.
public struct SemanticVersion: Sendable, Equatable {
    public let core: [Substring]
    public let prerelease: [Substring]

    public init(_ text: String, scheme: VersionScheme = .semver) throws(VersionParseError) {
        var rest = Substring(text.trimming(Whitespace.isASCIISpace))
        if scheme == .golang {
            guard rest.first == "v" else { throw VersionParseError(scheme, text, "Go module versions start with 'v'") }
            rest = rest.dropFirst()
        } else if rest.first == "v" || rest.first == "=" {
            rest = rest.dropFirst()
        }
        if let plus = rest.firstIndex(of: "+") {
            let build = rest[rest.index(after: plus)...]
            guard Self.validIdentifiers(build, numericLeadingZeros: true) else {
                throw VersionParseError(scheme, text, "invalid build metadata '\(build)'")
            }
            rest = rest[..<plus]
        }
        var release = rest
        var pre: [Substring] = []
        if let dash = rest.firstIndex(of: "-") {
            release = rest[..<dash]
            let text = rest[rest.index(after: dash)...]
            guard Self.validIdentifiers(text, numericLeadingZeros: false) else {
                throw VersionParseError(scheme, String(rest), "invalid pre-release '\(text)'")
            }
            pre = text.split(separator: ".", omittingEmptySubsequences: false)
        }
        let numbers = release.split(separator: ".", omittingEmptySubsequences: false)
        guard numbers.count == 3, numbers.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isASCIIDigit) && ($0 == "0" || $0.first != "0") }) else {
            throw VersionParseError(scheme, text, "expected MAJOR.MINOR.PATCH with numbers without leading zeros")
        }
        core = numbers
        prerelease = pre
    }

    /// Dot-separated identifiers of `[0-9A-Za-z-]`, none empty; numeric ones without leading zeros unless allowed.
    static func validIdentifiers(_ text: Substring, numericLeadingZeros: Bool) -> Bool {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        return !parts.isEmpty && parts.allSatisfy { part in
            guard !part.isEmpty, part.allSatisfy({ $0.isASCIIAlphanumeric || $0 == "-" }) else { return false }
            return numericLeadingZeros || !part.allSatisfy(\.isASCIIDigit) || part == "0" || part.first != "0"
        }
    }

    /// -1, 0 or 1 by SemVer precedence.
    public func compare(to other: SemanticVersion) -> Int {
        PrereleaseOrder.compare(numbers: core, other.core, labels: prerelease, other.prerelease, ignoringCase: false)
    }
}
