import BylineTestSupport
import Foundation
import Glibc
import XCTest

/// Byline over real SSH: a private sshd on 127.0.0.1 (``SSHServer``), an `ssh -tt` client in a
/// pseudo-terminal, and Byline on the far side of it.
final class SSHEndToEndTests: XCTestCase {
    func testKillingTheSSHClientEndsBylineWithinOneSecond() throws {
        let server = try SSHServer()
        let tag = SSHServer.newTag()
        let login = try server.login([PTYSession.binary, Fixtures.samples.path], environment: server.environment(tag: tag))
        login.waitFor(text: "Carrick Sound")
        login.send("j")
        login.waitForQuiet(0.2)
        let byline = try XCTUnwrap(server.waitForProcess(tag: tag), "byline never started on the far side")
        XCTAssertTrue(SSHServer.isAlive(byline))

        // The connection drops: sshd closes the far pseudo-terminal and Byline gets a hangup.
        let killed = Date()
        login.signal(SIGKILL)
        let elapsed = SSHServer.waitForEnd(of: byline, since: killed)
        print("ssh client killed: byline (pid \(byline)) gone after \(elapsed.map { String(format: "%.3f s", $0) } ?? "more than 5 s")")
        let gone = try XCTUnwrap(elapsed, "byline still runs 5 s after the ssh client was killed")
        XCTAssertLessThan(gone, 1.0)
        XCTAssertEqual(SSHServer.processes(tag: tag), [])
    }
}
