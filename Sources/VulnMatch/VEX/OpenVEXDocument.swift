import Catalog
import Foundation

/// An OpenVEX document (v0.0.1 and v0.2.0), as far as scanning uses it: its
/// `not_affected` statements, each naming a vulnerability (by id or alias) and the
/// products (package URLs) it is about.
public struct OpenVEXDocument: Sendable, Equatable {
    public struct Statement: Sendable, Equatable {
        public var vulnerability: String
        public var aliases: [String]
        /// Package URLs; empty means every product.
        public var products: [String]
        public var status: String
        public var justification: String?
        public var impactStatement: String?
    }

    /// The largest VEX document read.
    public static let maxSize = 16 << 20

    public var path: String
    public var statements: [Statement]

    /// Reads the document at `path`; errors name the file and the statement.
    public static func load(path: String) throws(VEXError) -> OpenVEXDocument {
        let size = (try? FileManager.default.attributesOfItem(atPath: path)[.size] as? Int) ?? 0
        guard size <= maxSize else { throw VEXError(path: path, message: "\(size) bytes is over the \(maxSize)-byte limit") }
        guard let data = FileManager.default.contents(atPath: path),
              let root = try? JSONSerialization.jsonObject(with: data) as? [String: Any] else {
            throw VEXError(path: path, message: "not a JSON object")
        }
        guard (root["@context"] as? String)?.hasPrefix("https://openvex.dev/ns") == true else {
            throw VEXError(path: path, message: "@context is not an OpenVEX context (https://openvex.dev/ns/…)")
        }
        guard let statements = root["statements"] as? [[String: Any]] else {
            throw VEXError(path: path, message: "statements: expected a list")
        }
        var parsed: [Statement] = []
        for (index, statement) in statements.enumerated() {
            let vulnerability: [String: Any]? = statement["vulnerability"] as? [String: Any]
            guard let name = (statement["vulnerability"] as? String) ?? (vulnerability?["name"] as? String) ?? (vulnerability?["@id"] as? String) else {
                throw VEXError(path: path, message: "statements[\(index)].vulnerability: missing name")
            }
            guard let status = statement["status"] as? String else {
                throw VEXError(path: path, message: "statements[\(index)].status: missing")
            }
            let products = (statement["products"] as? [Any] ?? []).compactMap { product -> String? in
                (product as? String) ?? ((product as? [String: Any])?["@id"] as? String)
            }
            parsed.append(Statement(vulnerability: name, aliases: vulnerability?["aliases"] as? [String] ?? [], products: products,
                                    status: status, justification: statement["justification"] as? String,
                                    impactStatement: statement["impact_statement"] as? String))
        }
        return OpenVEXDocument(path: path, statements: parsed)
    }

    /// The `not_affected` statement covering `finding`, if any.
    public func notAffected(_ finding: Finding) -> Statement? {
        statements.first { statement in
            guard statement.status == "not_affected" else { return false }
            let names = Set([statement.vulnerability] + statement.aliases)
            guard names.contains(finding.advisoryID) || !names.isDisjoint(with: finding.aliases) else { return false }
            return statement.products.isEmpty || statement.products.contains { Self.purl($0, covers: finding.package.purl) }
        }
    }

    /// Whether the product PURL covers the package's: same type, namespace and name, and the
    /// same version when the product gives one (qualifiers ignored).
    static func purl(_ product: String, covers package: String) -> Bool {
        guard let a = try? PURL(parsing: product), let b = try? PURL(parsing: package) else { return product == package }
        return a.type == b.type && a.namespace == b.namespace && a.name == b.name && (a.version == nil || a.version == b.version)
    }
}

/// A VEX document that cannot be used.
public struct VEXError: Error, Sendable, Equatable, CustomStringConvertible {
    public var path: String
    public var message: String

    public var description: String { "\(path): \(message)" }
}
