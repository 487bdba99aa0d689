import Catalog
import Crypto
import Foundation
import OCIModel
import SBOMFormats

/// A representative SBOM input: OS and language packages, unknown and compound
/// licenses, a duplicate PURL, dependencies, CPEs, source packages, layers.
enum SampleInput {
    static let layer = try! Digest("sha256:" + String(repeating: "a1", count: 32))

    static var packages: [CatalogPackage] {
        let distro = ["distro": "debian-12", "arch": "amd64"]
        return [
            CatalogPackage(
                name: "libssl3", version: "3.0.11-1~deb12u2", type: .deb,
                purl: PURL(type: "deb", namespace: "debian", name: "libssl3", version: "3.0.11-1~deb12u2", qualifiers: distro),
                cpes: ["cpe:2.3:a:libssl3:libssl3:3.0.11-1~deb12u2:*:*:*:*:*:*:*", "cpe:2.3:a:openssl:openssl:3.0.11:*:*:*:*:*:*:*"],
                licenses: ["Apache-2.0", "Artistic", "GPL-2.0+"],
                locations: [PackageLocation(path: "/var/lib/dpkg/status", layer: layer)],
                sourceName: "openssl", sourceVersion: "3.0.11-1~deb12u2", foundBy: "dpkg-db-cataloger", dependsOn: ["libc6"]
            ),
            CatalogPackage(
                name: "libc6", version: "2.36-9+deb12u3", type: .deb,
                purl: PURL(type: "deb", namespace: "debian", name: "libc6", version: "2.36-9+deb12u3", qualifiers: distro),
                licenses: ["LGPL-2.1", "GPL-2.0-only WITH Classpath-exception-2.0"],
                locations: [PackageLocation(path: "/var/lib/dpkg/status", layer: layer)],
                sourceName: "glibc", foundBy: "dpkg-db-cataloger"
            ),
            CatalogPackage(
                name: "requests", version: "2.25.1", type: .python, purl: PURL(type: "pypi", name: "requests", version: "2.25.1"),
                licenses: ["Apache 2.0"],
                locations: [PackageLocation(path: "/usr/local/lib/python3.11/site-packages/requests-2.25.1.dist-info/METADATA", layer: layer)],
                foundBy: "python-installed-package-cataloger", dependsOn: ["urllib3", "idna"]
            ),
            CatalogPackage(
                name: "urllib3", version: "1.26.4", type: .python, purl: PURL(type: "pypi", name: "urllib3", version: "1.26.4"),
                licenses: ["MIT"], foundBy: "python-installed-package-cataloger"
            ),
            CatalogPackage(
                name: "idna", version: "2.10", type: .python, purl: PURL(type: "pypi", name: "idna", version: "2.10"),
                licenses: ["BSD-3-Clause OR MIT"], foundBy: "python-installed-package-cataloger"
            ),
            CatalogPackage(
                name: "@babel/core", version: "7.23.0", type: .npm, purl: PURL(type: "npm", namespace: "@babel", name: "core", version: "7.23.0"),
                licenses: ["Some Custom License (c) ACME"],
                locations: [PackageLocation(path: "/app/node_modules/@babel/core/package.json")], foundBy: "javascript-package-cataloger"
            ),
            CatalogPackage(
                name: "@babel/core", version: "7.23.0", type: .npm, purl: PURL(type: "npm", namespace: "@babel", name: "core", version: "7.23.0"),
                locations: [PackageLocation(path: "/srv/node_modules/@babel/core/package.json")], foundBy: "javascript-package-cataloger"
            ),
            CatalogPackage(
                name: "github.com/sirupsen/logrus", version: "v1.9.3", type: .golang,
                purl: PURL(type: "golang", namespace: "github.com/sirupsen", name: "logrus", version: "v1.9.3"),
                foundBy: "go-module-binary-cataloger"
            ),
        ]
    }

    static func input(
        packages: [CatalogPackage] = packages, files: [SBOMFileEntry] = [],
        seed: UUID = UUID(uuidString: "6F1D2A2E-8C0B-4E43-9C0E-3F3C7C9A0B11")!, created: Date = Date(timeIntervalSince1970: 1_700_000_000)
    ) -> SBOMDocumentInput {
        SBOMDocumentInput(
            source: SBOMSource(
                name: "registry.example/test/app:1.0", digest: try! Digest("sha256:" + String(repeating: "0f", count: 32)),
                platform: Platform(os: "linux", architecture: "amd64"), mediaType: "application/vnd.oci.image.manifest.v1+json"
            ),
            distro: Distro(id: "debian", versionID: "12", codename: "bookworm", prettyName: "Debian GNU/Linux 12 (bookworm)"),
            packages: packages, files: files, tool: SBOMTool(version: "0.4.0-test"), organization: "Example Corp",
            created: created, namespaceSeed: seed
        )
    }

    /// `count` files with real SHA-1/SHA-256 of their synthetic content.
    static func files(_ count: Int) -> [SBOMFileEntry] {
        (0..<count).map { index in
            let content = Array("file \(index)".utf8)
            return SBOMFileEntry(
                path: "/usr/lib/app/file-\(index).so", sha1: Insecure.SHA1.hash(data: content).map { String(format: "%02x", $0) }.joined(), sha256: Digest.compute(content).encoded,
                layer: index.isMultiple(of: 2) ? layer : nil
            )
        }
    }
}
