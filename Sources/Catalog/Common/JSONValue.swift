import Foundation
import OCIModel

extension JSONValue {
    /// Parses `file` as JSON; a syntax error names what the decoder reported.
    static func parse(_ file: ResolvedFile) throws(FileFormatError) -> JSONValue {
        do {
            return try JSONDecoder().decode(JSONValue.self, from: Data(file.content))
        } catch let DecodingError.dataCorrupted(context) {
            throw FileFormatError("invalid JSON: \(context.underlyingError.map { "\($0)" } ?? context.debugDescription)")
        } catch {
            throw FileFormatError("invalid JSON: \(error)")
        }
    }
}
