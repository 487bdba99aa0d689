import Foundation
import Testing
@testable import InToto

@Suite struct PAETests {
    @Test func encodesTheSpecExample() {
        let pae = DSSEEnvelope.preAuthenticationEncoding(payloadType: "http://example.com/HelloWorld", payload: Data("hello world".utf8))
        #expect(String(decoding: pae, as: UTF8.self) == "DSSEv1 29 http://example.com/HelloWorld 11 hello world")
    }

    @Test func countsBytesNotCharacters() {
        let pae = DSSEEnvelope.preAuthenticationEncoding(payloadType: "t", payload: Data("é".utf8))
        #expect(pae == Data("DSSEv1 1 t 2 é".utf8))
    }
}
