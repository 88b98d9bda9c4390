import Foundation
import Testing
@testable import BylineModel

/// Articles made by `/work/shared/tools/gen_corpus.py` (seed 1, `--min-words 150 --max-words 260`,
/// articles 57, 23 and 11), embedded so the test never needs Python.
@Suite struct GeneratedCorpusTests {
    static let article57 = #"""
District on what five how service Ōsaka review but least
Then later crisis our than rates despite into county services annual Søren Kierkegård since paid.
"Minister against once district here past Tromsø, support port same students only." said Siobhán O'Connor.
Prices although decade annual can chair new Zürich million major case services company funding Renée, Zellweger community mayor made already use though transport until more.
Minister against once district here past Tromsø, support port same students only
Siobhán O'Connor, nurse
"Law set engineer council have bill power later policy enough transport against funding decade cuts because authority also order final what." said François Dvořák. Million roughly be energy, inquiry company work at roughly only news less.
Spokesman far last since Carrick Sound own too budget use morning homes within another air well strike few up site green under.
Came area who party historic evidence what support question six may Düsseldorf authority. Vote winter committee end most jobs what major investigation later street minister morning schools under month several labour Łódź had. Would users transport school area new high have still morning 12 former few department she still many law 北京 rail country coast west its weeks her.
Public within an off major president delay, in into six change line back evidence told deal. Final minister region transport he night roughly order other later. About expected inquiry department use little decision her cuts change behind against bridge season years country secretary have the march secretary his staff 👩‍💻.
Although 北京市政府 in march Bogotá cuts change open agency students spring data month. These 120 who said river transport 上海 news village an 🏳️‍🌈. Growth Łódź five public just this first farmers question, party told season street. Found health deal was open record prices time Zoë Müller figures 서울 at their number before third set rates our what.
"""#

    static let article23 = #"""
Schools energy major south vote below use school capital care centre
Almost march officials wall network ground their as today roughly budget across miles four.
Maria Núñez said: "Court forecast Córdoba housing million school too power early farmers project. Funding cuts committee tonnes year annual centre committee."
Court forecast Córdoba housing million school too power early farmers project
Maria Núñez
Building 12 leader to São Paulo roughly march ground must budget high during Maria Núñez most our most announced those port. Authority an Nîmes him will paid how might days long 120 make planning. Been users within record old be residents 東京駅 then crisis the 3.5 could chief often these into industry support part many first more first rail wall. Region than growth hospital city young into on industry capital month them too been claims deal reached she them.
Winter should sea value next about almost another park over morning value air department second network much our families water harbour without bank did department district an station. District data march could should 부산 little decade so up until at young all south week might behind then first experts only deal already least own. Election way workers there court students spring years same low, she winter chief these here station inside never work sector days year secretary.
"""#

    static let article11 = #"""
부산 some had early their market business
Who delay reached another 東京 community river year announced data policy might as leader chief been while first experts plans homes
South last set behind season funding review harbour always march. Another question case very after, his most third secretary work month today without within. South transport council might least council new 3.5 spokesman secretary time officials much.
Public trade one residents while park, park after project ground vote late it night six make a south deal off county house now president although often never very. Services harbour months Keiko Tanaka crisis mayor bank west. Between because over some president at harbour season minister mayor under union 40 per 大阪万博 spring tonnes.
Łukasz Wójcik said: "Mayor inside increase half young party could community network news. Own less river found up when had miles through centre spokesman past staff trade."
Amélie Poulain, shop owner, said: “Any began budget sea road although called on did line wall well always year news at news park value government country.”
Mayor inside increase half young party could community network news
Łukasz Wójcik, driver
"""#

    @Test func article57PullQuoteWithRole() {
        let a = parse(Self.article57, id: "00057")
        let pulls = a.blocks.filter { $0.kind == .pullquote }
        #expect(pulls.count == 1)
        #expect(pulls.first?.text == "Minister against once district here past Tromsø, support port same students only")
        #expect(pulls.first?.attribution == "Siobhán O'Connor, nurse")
        #expect(a.quotes.map(\.speaker) == ["Siobhán O'Connor", "Siobhán O'Connor", "François Dvořák"])
        #expect(a.quotes[1].pull && a.quotes[1].repeats == 0)
        #expect(!a.blocks.contains { $0.kind == .paragraph && $0.text == "Siobhán O'Connor, nurse" })
    }

    @Test func article23PullQuoteNameOnly() {
        let a = parse(Self.article23, id: "00023")
        #expect(a.standfirst == "Almost march officials wall network ground their as today roughly budget across miles four.")
        let pulls = a.blocks.filter { $0.kind == .pullquote }
        #expect(pulls.map(\.attribution) == ["Maria Núñez"])
        #expect(a.quotes.filter(\.pull).map(\.speaker) == ["Maria Núñez"])
    }

    @Test func article11PullQuoteRepeatsFirstSentence() {
        let a = parse(Self.article11, id: "00011")
        let pulls = a.blocks.filter { $0.kind == .pullquote }
        #expect(pulls.count == 1)
        #expect(pulls.first?.attribution == "Łukasz Wójcik, driver")
        let pull = a.quotes.first { $0.pull }
        #expect(pull?.speaker == "Łukasz Wójcik")
        #expect(pull?.repeats.map { a.quotes[$0].speaker } == "Łukasz Wójcik")
        for s in allText(a) { #expect(!hasForbidden(s)) }
    }
}
