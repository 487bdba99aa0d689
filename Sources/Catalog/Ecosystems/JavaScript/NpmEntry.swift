import OCIModel

/// One npm package as a manifest or lockfile describes it, and how it becomes a
/// ``CatalogPackage``: `pkg:npm/<%40scope>/<name>@<version>` and a CPE with the
/// scope-less name as vendor and product.
struct NpmEntry: Sendable, Hashable {
    var name: String
    var version: String
    var licenses: [String] = []
    var dependencies: [String] = []
    var isDev = false

    func package(file: ResolvedFile, foundBy: String) -> CatalogPackage {
        let (scope, bare) = Self.split(name)
        return CatalogPackage(
            name: name, version: version, type: .npm,
            purl: PURL(type: PackageType.npm.rawValue, namespace: scope, name: bare, version: version),
            cpes: [CPE.application(vendor: bare, product: bare, version: version)],
            licenses: licenses, locations: [file.location], foundBy: foundBy, dependsOn: dependencies
        )
    }

    /// `@scope/name` → (`@scope`, `name`); `name` → (nil, `name`).
    static func split(_ name: String) -> (scope: String?, name: String) {
        guard name.hasPrefix("@"), let slash = name.firstIndex(of: "/") else { return (nil, name) }
        return (String(name[..<slash]), String(name[name.index(after: slash)...]))
    }

    /// The package name of a dependency specifier: `@scope/name@^1` → `@scope/name`,
    /// `name@npm:1.0` → `name`; nil when there is no `@` after the name.
    static func name(ofSpecifier specifier: String) -> String? {
        let searchStart = specifier.hasPrefix("@") ? specifier.index(after: specifier.startIndex) : specifier.startIndex
        guard let at = specifier[searchStart...].firstIndex(of: "@"), at > searchStart else { return nil }
        return String(specifier[..<at])
    }

    /// Whether `path` is a lockfile called `fileName` that is not inside `node_modules`.
    static func isLockfile(_ path: String, named fileName: String) -> Bool {
        path.lastPathComponent == fileName && !path.contains("/node_modules/")
    }

    /// License names from a manifest's `license` (a string or `{"type": ...}`) or
    /// legacy `licenses` (an array of either).
    static func licenses(_ manifest: JSONValue) -> [String] {
        let values = [manifest["license"]].compactMap { $0 } + (manifest["licenses"]?.array ?? [])
        return values.compactMap { $0.string ?? $0["type"]?.string }.filter { !$0.isEmpty }
    }

    /// Keeps the first of each name and version, in order.
    static func unique(_ entries: [NpmEntry]) -> [NpmEntry] {
        var seen = Set<String>()
        return entries.filter { seen.insert($0.name + "@" + $0.version).inserted }
    }
}
