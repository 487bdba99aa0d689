import Foundation
import OCIModel

/// Builds the exact payload bytes of a statement whose predicate is already JSON
/// text (an SBOM document of many megabytes), splicing it in unchanged instead of
/// decoding and re-encoding it: the signed bytes then hold the predicate exactly as
/// it was written.
public enum StatementPayload {
    /// `{"_type":…,"subject":[…],"predicateType":…,"predicate":<predicateJSON>}`.
    /// `predicateJSON` must be one JSON object; the caller has validated it.
    public static func encode(subject: [ResourceDescriptor], predicateType: String, predicateJSON: Data) throws -> Data {
        var payload = Data("{\"_type\":".utf8)
        payload.append(try JSONValue.string(Statement.typeV1).jsonData())
        payload.append(Data(",\"subject\":".utf8))
        payload.append(try JSONValue.array(subject.map(\.jsonValue)).jsonData())
        payload.append(Data(",\"predicateType\":".utf8))
        payload.append(try JSONValue.string(predicateType).jsonData())
        payload.append(Data(",\"predicate\":".utf8))
        payload.append(predicateJSON)
        payload.append(UInt8(ascii: "}"))
        return payload
    }

    /// The payload of `statement`, keys sorted.
    public static func encode(_ statement: Statement) throws -> Data {
        try encode(subject: statement.subject, predicateType: statement.predicateType, predicateJSON: try statement.predicate.jsonData())
    }
}
