import Catalog

extension SBOMSource {
    /// The image's `pkg:oci` URL (`pkg:oci/app@sha256:…?arch=amd64&repository_url=registry/app`),
    /// for image sources with a digest.
    var ociPURL: PURL? {
        guard let digest else { return nil }
        var reference = Substring(name)
        if let scheme = reference.firstIndex(of: ":"), !reference[..<scheme].contains("/"), !reference[..<scheme].contains("."),
           ["registry", "oci-dir", "oci-archive", "docker-archive"].contains(String(reference[..<scheme])) {
            reference = reference[reference.index(after: scheme)...]
        }
        if let at = reference.firstIndex(of: "@") { reference = reference[..<at] }
        if let colon = reference.lastIndex(of: ":"), !reference[colon...].contains("/") { reference = reference[..<colon] }
        let repository = reference.lowercased()
        guard let last = repository.split(separator: "/").last, !last.isEmpty else { return nil }
        var qualifiers = ["repository_url": repository]
        if let platform { qualifiers["arch"] = platform.architecture }
        return PURL(type: "oci", name: String(last), version: digest.description, qualifiers: qualifiers)
    }
}
