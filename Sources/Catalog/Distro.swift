/// The operating system of a source, from `/etc/os-release` (or `/usr/lib/os-release`).
public struct Distro: Hashable, Sendable, Codable {
    /// `ID`, e.g. `debian`, `ubuntu`, `alpine`.
    public var id: String
    /// `VERSION_ID`, e.g. `12`, `22.04`, `3.19.1`.
    public var versionID: String?
    /// `VERSION_CODENAME`, e.g. `bookworm`.
    public var codename: String?
    /// `ID_LIKE` entries.
    public var idLike: [String]
    /// `PRETTY_NAME`.
    public var prettyName: String?

    public init(id: String, versionID: String? = nil, codename: String? = nil, idLike: [String] = [], prettyName: String? = nil) {
        self.id = id
        self.versionID = versionID
        self.codename = codename
        self.idLike = idLike
        self.prettyName = prettyName
    }

    /// The PURL `distro` qualifier: `debian-12`, `alpine-3.19.1`, `ubuntu-22.04`.
    public var purlQualifier: String { versionID.map { "\(id)-\($0)" } ?? id }
}
