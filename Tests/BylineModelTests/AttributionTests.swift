import Foundation
import Testing
@testable import BylineModel

/// Who said what: the attribution rules of issue 10, each on realistic copy.
@Suite struct AttributionTests {
    /// The speakers of an article's body quotes, in order.
    private func speakers(_ body: String, headline: String = "Headline", standfirst: String = "A standfirst of a few words.") -> [String?] {
        parse("\(headline)\n\(standfirst)\n\(body)").quotes.filter { $0.place == .body }.map(\.speaker)
    }

    @Test func subjectAndVerbEitherWay() {
        #expect(speakers("""
        "The market is drowning in oil," said Phil Flynn, senior market analyst at Price Futures Group in Chicago.
        "We had trees down on cars," Kirkland said at a news conference.
        "It's a disaster," said Paulo Henrique Costa, a 38-year-old lawyer.
        """) == ["Phil Flynn", "Kirkland", "Paulo Henrique Costa"])
    }

    @Test func speechVerbsOfEveryKind() {
        #expect(speakers("""
        Chris Christie fired back within minutes. "Maybe slow down a little, my friend," the governor wrote.
        "Drove down the Turnpike tonight," Pusha Jones tweeted to his followers.
        "When the rain is blowing in your face," Adele Adkins sang, as fans held up their phones.
        "I have bruises in places I didn't know I had," Alicia Vikander recalled.
        """) == ["Chris Christie", "Pusha Jones", "Adele Adkins", "Alicia Vikander"])
    }

    @Test func outletsAreListenersNotSpeakers() {
        #expect(speakers("""
        "I never saw it coming," Becca Kufrin told Us Weekly exclusively on Thursday.
        Tyler Grant admitted to E! News last year that he had been planning it. "I kept chickening out," he said.
        """) == ["Becca Kufrin", "Tyler Grant"])
    }

    @Test func agesRolesAndTitlesAreStripped() {
        #expect(speakers("""
        Corbett, 65, said he was not worried. "The only poll that matters is on Nov. 4," he told The Associated Press.
        House Speaker John A. Boehner said: "We are going to do our job."
        "It is dead on arrival," Democratic Sen. Charles E. Schumer of New York said.
        Speaking in Harrogate, Mr Kennedy said: "I've never seen anything like it."
        """) == ["Corbett", "John A. Boehner", "Charles E. Schumer", "Kennedy"])
    }

    @Test func accordingToAPersonOnly() {
        let a = parse("""
        Headline
        Standfirst here.
        Revenue rose, "by a record margin," according to Chief Financial Officer Luca Maestri.
        The pair met last week, "and it was emotional," according to the Daily Mail.
        """)
        #expect(a.quotes.map(\.speaker) == ["Luca Maestri", nil])
    }

    @Test func anonymousSourcesGetNoName() {
        #expect(speakers("""
        A spokesman for Governor Rick Perry said the governor was "disappointed but not surprised."
        "They hugged it out," a source close to the couple told People. "They both wanted to move on."
        Asked whether the speaker had the votes, a senior Republican aide said: "We'll find out on Thursday."
        """) == [nil, nil, nil, nil])
    }

    @Test func pronounsGoBackToTheLastPersonAsSubjectNotTheObject() {
        #expect(speakers("""
        Serena Williams beat Maria Sharapova in the final on Saturday.
        "I'm just so honored to be here," she said.
        Jeremy Hunt criticised Ed Miliband over the strike. "It puts patients at risk," he said.
        """) == ["Serena Williams", "Jeremy Hunt"])
    }

    @Test func pronounAfterAnUnnamedSourceStaysUnnamed() {
        #expect(speakers("""
        Sources close to Michel Barnier said he was frustrated.
        One industry figure, who asked not to be named, said fishermen felt betrayed. "We were promised everything," he said.
        """) == [nil])
    }

    @Test func organisationsOnlyAsTheSubject() {
        let a = parse("""
        Headline
        Standfirst here.
        Kensington Palace said the Duchess was "resting at home" before the birth.
        She arrived at the Royal Albert Hall, "feeling wonderful," she told reporters there.
        """)
        #expect(a.quotes.map(\.speaker) == ["Kensington Palace", nil])
    }

    @Test func neverADayAPlaceAnEventOrAWork() {
        #expect(speakers("""
        For Jolie, the last three years have been hard. "We are a family," the actress explained.
        On Late Friday in Trafalgar Square, a crowd gathered. "Go home," shouted one man.
        """, headline: "Angelina Jolie opens up") == ["Angelina Jolie", nil])
    }

    @Test func quotesContinuedAcrossParagraphs() {
        let a = parse("""
        Headline
        Standfirst here.
        In an interview, Mr Blair said: "I can apologise for the fact that the intelligence was wrong.
        "The world is better and safer without him."
        The inquiry will report next month.
        "Nobody should read anything into the timing," a spokeswoman said.
        """)
        #expect(a.quotes.map(\.speaker) == ["Blair", "Blair", nil])
    }

    @Test func continuationParagraphAndDialogue() {
        #expect(speakers("""
        Head teacher Sarah Whitfield defended the policy. "The rules were sent to every family," she said.
        "Nobody can say they didn't know."
        "They weren't black trainers, Mr Cole, they were grey," Mrs Whitfield replied.
        "They were black. I bought them," Danny Cole said.
        """) == ["Sarah Whitfield", "Sarah Whitfield", "Sarah Whitfield", "Danny Cole"])
    }

    @Test func singleQuotesNestedQuotesDashesAndBrackets() {
        let a = parse("""
        Headline
        Standfirst here.
        ‘This is just one small area,’ said Prof Roberto Orosei.
        “My husband said, ‘You don’t know the first thing about it,’” says Margaret Hollis.
        "I'm not going to be lectured by—" Marvin Rees began.
        Carla Denyer later spoke. (She added: "If he can't take questions, he shouldn't be mayor.")
        The players’ union said nothing.
        """)
        #expect(a.quotes.map(\.text) == [
            "This is just one small area",
            "My husband said, ‘You don’t know the first thing about it,’",
            "I'm not going to be lectured by—",
            "If he can't take questions, he shouldn't be mayor.",
        ])
        #expect(a.quotes.map(\.speaker) == ["Roberto Orosei", "Margaret Hollis", "Marvin Rees", "Carla Denyer"])
    }

    @Test func fragmentsAndTitles() {
        let a = parse("""
        Headline
        Standfirst here.
        Sen. Jeff Flake called the bill "a trillion-dollar monstrosity" and voted no.
        Former intelligence chief James Clapper denied the claim on NBC's "Meet the Press."
        """)
        #expect(a.quotes.map(\.text) == ["a trillion-dollar monstrosity"])
        #expect(a.quotes.first?.speaker == "Jeff Flake")
    }

    @Test func standfirstAndHeadlineQuotes() {
        let a = parse("""
        Blair 'sorry' for Iraq intelligence failures
        “I couldn’t accept it,” the former prime minister Tony Blair says, “and I still can’t.”
        Tony Blair has said he regrets the failures but not the war.
        """)
        #expect(a.quotes.map(\.place) == [.headline, .standfirst, .standfirst])
        #expect(a.quotes.map(\.speaker) == ["Tony Blair", "Tony Blair", "Tony Blair"])
        #expect(a.quotes.allSatisfy { $0.block == -1 })
    }

    @Test func evidenceSaysWhatDecided() {
        let a = parse("""
        Headline
        Standfirst here.
        Serena Williams laughed. "I'm just trying to get to 20," she said.
        """)
        #expect(a.quotes.first?.speakerEvidence == "said, she → Serena Williams")
    }
}
