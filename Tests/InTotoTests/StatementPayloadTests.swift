import Foundation
import Testing
import OCIModel
@testable import InToto

@Suite struct StatementPayloadTests {
    @Test func splicesThePredicateBytesUnchangedIntoAValidStatement() throws {
        let predicate = Data(#"{"spdxVersion": "SPDX-2.3",  "packages": [ {"name":"a/b"} ]}"#.utf8)
        let subject = [ResourceDescriptor(name: "registry.example/app", digest: ["sha256": String(repeating: "ab", count: 32)])]
        let payload = try StatementPayload.encode(subject: subject, predicateType: "https://spdx.dev/Document", predicateJSON: predicate)
        #expect(payload.range(of: predicate) != nil, "predicate bytes appear verbatim")
        let statement = try JSONDecoder().decode(Statement.self, from: payload)
        #expect(statement.type == Statement.typeV1)
        #expect(statement.subject == subject)
        #expect(statement.predicateType == "https://spdx.dev/Document")
        #expect(statement.predicate["packages"]?.array?.first?["name"]?.string == "a/b")
        let reencoded = try StatementPayload.encode(statement)
        #expect(try JSONDecoder().decode(Statement.self, from: reencoded) == statement)
    }
}
