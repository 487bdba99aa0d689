/// The ecosystem a package belongs to; the raw value is the PURL type.
public enum PackageType: String, Sendable, Codable, CaseIterable, Comparable {
    case deb
    case apk
    case rpm
    case python = "pypi"
    case npm
    case golang
    case maven
    case gem
    case cargo
    case composer
    case nuget

    public static func < (lhs: PackageType, rhs: PackageType) -> Bool { lhs.rawValue < rhs.rawValue }

    /// Whether the package comes from the operating system's package manager.
    public var isOSPackage: Bool { self == .deb || self == .apk || self == .rpm }
}
