import Foundation

/// PEM text (RFC 7468): `-----BEGIN LABEL-----`, base64 lines, `-----END LABEL-----`.
enum PEM {
    /// The label and DER bytes of the first PEM block in `text`.
    static func decode(_ text: String) throws(KeyError) -> (label: String, der: [UInt8]) {
        let lines = text.split(whereSeparator: \.isNewline).map { $0.trimmingCharacters(in: .whitespaces) }
        guard let begin = lines.firstIndex(where: { $0.hasPrefix("-----BEGIN ") && $0.hasSuffix("-----") }) else {
            throw KeyError("no PEM block found (a '-----BEGIN …-----' line); expected a PEM key")
        }
        let label = String(lines[begin].dropFirst("-----BEGIN ".count).dropLast(5))
        guard let end = lines[begin...].firstIndex(of: "-----END \(label)-----") else {
            throw KeyError("PEM block '\(label)' has no '-----END \(label)-----' line (truncated?)")
        }
        let body = lines[(begin + 1)..<end].filter { !$0.contains(":") }.joined()
        guard let der = Data(base64Encoded: body), !der.isEmpty else {
            throw KeyError("PEM block '\(label)' is not valid base64")
        }
        return (label, Array(der))
    }

    /// `der` as a PEM block labelled `label`, 64 characters a line.
    static func encode(_ der: [UInt8], label: String) -> String {
        let body = Data(der).base64EncodedString()
        var lines = ["-----BEGIN \(label)-----"]
        var index = body.startIndex
        while index < body.endIndex {
            let next = body.index(index, offsetBy: 64, limitedBy: body.endIndex) ?? body.endIndex
            lines.append(String(body[index..<next]))
            index = next
        }
        lines.append("-----END \(label)-----")
        return lines.joined(separator: "\n") + "\n"
    }
}
