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

    func testADroppedConnectionKeepsThePlaceForTheNextLogin() throws {
        let server = try SSHServer()
        let folder = try ReaderFixtures.threeArticleFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let tag = SSHServer.newTag()
        let first = try server.login([PTYSession.binary, folder.path], environment: server.environment(tag: tag))
        first.waitFor(text: "Ten o'clock news")
        first.waitForQuiet(0.2)
        // Into the harbour article, to its first crosshead.
        first.send(.down)
        first.send("\r")
        first.send("}")
        first.waitFor(text: "THE COST OF DELAY")
        first.waitForQuiet(0.3)
        let byline = try XCTUnwrap(server.waitForProcess(tag: tag), "byline never started on the far side")
        let killed = Date()
        first.signal(SIGKILL)
        let gone = try XCTUnwrap(SSHServer.waitForEnd(of: byline, since: killed), "byline still runs after the client was killed")
        print("ssh client killed: byline gone, state saved, after \(String(format: "%.3f s", gone))")
        XCTAssertLessThan(gone, 1.0)

        // A new login opens the same article at the same place.
        let second = try server.login([PTYSession.binary, folder.path], environment: server.environment(tag: SSHServer.newTag()))
        second.waitFor(text: "THE COST OF DELAY")
        second.waitForQuiet(0.3)
        let screen = PTYSession.visible(second.output)
        XCTAssertTrue(screen.contains("2/3"), "the harbour article is selected again")
        XCTAssertFalse(screen.contains("Engineers and residents gathered"), "at the crosshead, not at the top")
        second.send("q")
    }
}
