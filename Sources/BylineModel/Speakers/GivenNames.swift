/// Common given names, to recognise a person in running text ("Angelina Jolie told …") and to
/// know which pronoun can refer back to them.
///
/// The lists are the 1990 United States Census given names (public-domain government data:
/// every male name, and the female names of frequency 0.003% or more), less words that are
/// more often months, days or titles (May, August, King, Prince …), plus given names common in
/// international news that the census lists lack (Boris, Nicola, Emmanuel, Beyoncé …). A name
/// used by both sexes in similar numbers is in `unisex`. The text is split into one table on first
/// use, so the binary needs no resource files.
enum GivenNames {
    /// The sex a given name, title or role suggests.
    enum Gender: Sendable, Equatable { case male, female, unknown }

    /// The gender a lower-case given name suggests, or nil when it is not a known given name.
    static func gender(of lowercased: String) -> Gender? { genders.value(normalising: lowercased) }

    /// ``gender(of:)`` for a lower-case name given as its bytes, which must be ASCII.
    static func gender(ofASCII lowercased: UnsafeBufferPointer<UInt8>) -> Gender? { genders.value(asciiBytes: lowercased) }

    /// ``gender(of:)`` for a name given as the bytes a ``WordTable`` files it under (see
    /// `WordTable.byteKey`) and their hash.
    static func gender(ofBytes key: UnsafeBufferPointer<UInt8>, hash: UInt32) -> Gender? { genders.value(asciiBytes: key, hash: hash) }

    /// Every name with its gender, in one table (one lookup): a name on the male list is male,
    /// else on the female list female, else (unisex) unknown.
    /// The table is made from the lists' bytes, with no string made per name.
    private static let genders = WordTable(lists: [(unisexText, Gender.unknown), (femaleText, .female), (maleText, .male)])

    /// The names of a list, split at spaces and line feeds (as the table reads them).
    static func words(_ text: String) -> [String] { WordTable<Gender>.words(of: text) }

    /// The three lists' text, for a test that splitting them as bytes is splitting them as characters.
    static var listTexts: [String] { [maleText, femaleText, unisexText] }

    private static let maleText = """
        aaron abdul abe abel abraham abram abu adalberto adam adan adolfo adolph adrian aecio agustin
        ahmad ahmed ake akinwumi al alan albert alberto alden aldo alec alejandro alex alexander alexei
        alexey alfonso alfonzo alfred alfredo ali allan allen alonso alonzo alphonse alphonso alton
        alvaro alvin amado ambrose amit amos anders anderson andre andreas andres andrew andrzej andré
        andy angelo angelos anibal anthony antione antoine anton antone antonio antony antwan archie
        arden arjun arlen arlie armand armando arnold arnoldo arnulfo aron arron arsene arsène art
        arthur arturo asa augustus aurelio austin avery avigdor axel ayman aécio ban barney barrett
        barry bart barton bashar basil beau ben benedict benito benjamin bennett bennie benny benton
        bernard bernardo bernie berry bert bertram bill billy bjorn björn blaine blake bo bob bobby
        booker boris boyce boyd brad bradford bradley bradly brady brain branden brandon brant brendan
        brendon brent brenton bret brett brian brice brock broderick brooks bruce bruno bryan bryant
        bryce bryon buck bud buddy buford burl burt burton buster byron caleb calvin cameron carl carlo
        carlos carlton carmelo carmine carroll carson carter cary cecil cedric cedrick cesar chad
        chadwick chang charles charley charlie chas chase chauncey chester chet chi chris christian
        christoper christopher chuck chung clarence clark claud claude claudio clay clayton clement
        clemente cletus cleveland cliff clifford clifton clint clinton clyde cody colby cole coleman
        colin collin colton conrad cordell corey cornelius cornell cortez cory costas coy craig
        cristiano cristobal cristopher curt curtis cyril cyrus dale dallas dalton damian damien damion
        damon dan dane danial daniel danilo dannie danny dante darell daren darin dario darius darnell
        daron darrel darrell darren darrick darrin darron darryl darwin daryl dave david davis dean
        deandre deangelo delbert delmar delmer demarcus demetrius denis dennis denny denver denzel deon
        derek derick derrick deshawn desmond devin dewayne dewey dewitt dexter dick diego dillon dino
        dion dirk dmitry domenic domingo dominic dominick don donald dong donn donnell donnie donny
        donovan donte dorian dorsey doug douglas douglass doyle drake drew duane dudley duncan dustin
        dwain dwayne dwight dylan earle earnest ed eddie eddy edgar edgardo edison edmond edmund edmundo
        eduardo edward edwardo edwin efrain efren ehud elbert elden eldon eldridge eli elias elijah
        eliseo elliot elliott ellis ellsworth elmer elmo eloy elroy elton elvin elvis elwood emanuel
        emerson emery emil emile emilio eminem emmanuel emmett emmitt emory enoch enrique erasmo eric
        erich erick erik ernest ernesto ernie errol ervin erwin esteban ethan eugene eugenio eusebio
        evan everett everette ewan ezekiel ezequiel ezra fabian faustino fausto federico felipe felix
        felton ferdinand fermin fernando fidel filiberto fletcher florencio florentino floyd forest
        forrest foster francesco francis francisco francois frank frank-walter franklin franklyn
        françois fred freddie freddy frederic frederick fredric fredrick freeman fritz fumio gabriel
        galen garfield garland garret garrett garry garth gary gaston gavin gaylord genaro gene geoffrey
        george gerald geraldo gerard gerardo gerhard gil gilbert gilberto gino giorgio giorgos giovanni
        giuseppe glen glenn gonzalo goodluck gordon grady graham graig grant granville greg gregg
        gregorio gregory grover guillermo gus gustavo guy hai hal hamid hank hans harlan harland harley
        harold harris harrison harry harvey hassan hayden haywood heath hector heiko heinz helmut henry
        herb herbert heriberto herman herschel hershel hilario hilton hipolito hiram hobert hollis homer
        horace horacio horst hosea houston howard hoyt hubert huey hugh hugo humberto hung hunter
        hussein hyman ian idris ignacio igor ike imran ira irvin irving irwin isaac isaiah isaias isiah
        isidro ismael israel isreal issac ivan jacinto jack jackson jacob jacques jae jair jake jamaal
        jamal jamar jame jamel james jamey jamison jared jarod jaroslaw jarosław jarred jarrett jarrod
        jarvis jason jasper javier jay jayson jc jean-claude jean-luc jed jeff jefferey jefferson
        jeffery jeffrey jeffry jens jerald jeramy jere jeremiah jeremy jermaine jeroen jerold jerome
        jeromy jerrell jerrod jerrold jerry jess jesse jim jimmie jimmy joaquin joe joel joesph joey
        john johnathan johnathon johnny johnson jon jonah jonas jonathan jonathon jordan jordon jorge
        jose josef joseph josh joshua josiah jospeh josue josé juan jude judson jules julian julio
        julius jurgen justin jürgen kanye kareem karl karl-heinz keanu keenan keir keith kelvin ken
        kendrick keneth kenneth kennith kenny kent kenton kermit keven kevin khalid kieth kip kirby kirk
        klaus kofi korey kory kostas kraig kristofer kristopher kurt kurtis kyle kylian lamar lamont
        lance landon lanny larry lars laurence lawerence lawrence lazaro leandro lech lee leif leland
        lemuel len lenard lenny leo leon leonard leonardo leonel leopoldo leroy les lester levi lewis
        liam lincoln lino linwood lionel lloyd logan lon lonnie lonny loren lorenzo louie louis lowell
        loyd luc lucas luciano lucien lucio lucius luigi luis luiz luke luther lyle lyman lyndon lynwood
        mac mack magnus mahmoud malcolm malcom malik man manual manuel marc marcel marcelino marcellus
        marcelo marco marcos marcus margarito mariano mario mark markus marlin marlon marquis marshall
        martin marty marvin mason mateusz mathew matt matteo matthew maurice mauricio mauro maurício max
        maximo maxwell maynard mckinley mel melvin merlin merrill mervin mesut micah michael michal
        michale micheal michel mickey miguel mike mikel mikhail milan miles milford millard milo milton
        minh miquel mitch mitchel mitchell modesto mohamed mohammad mohammed moises monroe monte monty
        morris morton mose moses moshe muhammad muhammadu murray myles myron naftali napoleon narendra
        nathan nathanael nathanial nathaniel nawaz neal ned neil nelson nestor neville newton neymar
        niall nicholas nick nickolas nicky nicolas nigel nikolai nikolaos nikos nils noah noble noe noel
        nolan norbert norberto norman normand norris novak octavio odell odis olaf ole olen olin oliver
        olof olusegun omar omer oren orlando orval orville oscar osvaldo oswaldo otha otis otto owen
        pablo palmer paolo parker pasquale patrick paul pedro pep percy perry pete peter pharrell phil
        philip phillip pierre piotr porfirio porter preston quentin quincy quinn quintin quinton rafael
        rahul raila raj rajesh raleigh ralph ramiro ramon randal randall randell randolph randy raphael
        rashad raul ray rayford raymon raymond raymundo recep reed refugio reggie reginald reid reinaldo
        renaldo renato rene reuben reuven rex rey reyes reynaldo rhett ricardo rich richard richie rick
        rickey rickie ricky rico rigoberto riley rishi rob robby robert roberto robt rocco rocky rod
        roderick rodger rodney rodolfo rodrick rodrigo rogelio roger roland rolando rolf rolland roman
        romeo ron ronald ronnie ronny roosevelt rory roscoe rosendo ross roy royce ruben rubin rudolf
        rudolph rudy rueben rufus rupert russ russel russell rusty ryan sadiq sal salvador salvatore sam
        sammy samual samuel sanford sanjay santiago santo santos saul scot scott scottie scotty sean
        sebastian sergei sergey sergio seth seun seymour shad shane shaun shawn shayne sheldon shelton
        sherman sherwood shimon shinzo shon sid sidney silas silvio simon snoop sol solomon sonny
        spencer stan stanford stanley stanton stefan stephan stephen steve steven stevie stewart stuart
        sung sven sylvester tad tanner tariq ted teddy teodoro terence terrance terrell terrence terry
        thabo thad thaddeus thanh theo theodore theron thiago thomas thurman tim timmy timothy titus
        tobias toby tod todd tom tomas tommy toney tony travis trent trenton trevor trey tristan troy
        truman tuan ty tyler tyree tyrell tyron tyrone tyson uhuru ulysses usher val valentin valentine
        vance vaughn vern vernon vicente victor vijay viktor vin vince vincent vincenzo virgil virgilio
        vitali vitaly vito vladimir volodymyr von wade waldo walker wallace wally walter walton ward
        warner warren waylon wayne weldon wendell werner wes wesley weston wilber wilbert wilbur wilburn
        wiley wilford wilfred wilfredo will willard william williams willian willie willis willy wilmer
        wilson wilton winford winfred winston wm wole wolfgang woodrow wyatt xavier xi yair yannis
        yasser yitzhak yoshihide yoweri yuri zachariah zachary zachery zack zackary zane zayn zlatan
        """

    private static let femaleText = """
        abbey abbie abby abigail ada addie adela adelaida adelaide adele adelia adelina adeline adell
        adella adelle adina adria adriana adriane adrianna adrianne adrienne afton agatha agnes agustina
        aida aileen aimee aisha aja alaina alana alanna alba alberta albertha albertine albina alda
        alecia alejandra alena alene alesha alesia aleta aletha alethea alexa alexandra alexandria
        alexia alfreda alice alicia alida alina aline alisa alisha alison alissa allene allie allison
        allyson alma almeda alpha alta altagracia althea alvina alyce alycia alysia alyson alyssa amada
        amalia amanda amber amelia america ami amie amparo amy ana anabel anastacia anastasia andra
        andrea andria angela angelia angelica angelina angeline angelique angelita angella angie anglea
        anh anika anissa anita anitra ann anna annabel annabelle annalena annamarie anne anne-marie
        anneliese annemarie annetta annette annie annmarie antionette antoinette antonette antonia
        antonina araceli aracely arcelia ardis ardith aretha ariana arielle arleen arlene arlette arline
        armida artie asha ashely ashlee ashleigh ashley ashlie ashly ashton asia astrid athena audra
        audrey audry augusta aung aura aurea aurelia aurora ava avis awilda ayesha bailey bambi barb
        barbara barbie barbra bea beatrice beatriz becca becky belen belinda bella belle belva benazir
        benita berenice bernadette bernadine bernice berniece bernita berta bertha bertie beryl bess
        bessie beth bethany betsy bette bettie bettina betty bettye beulah beverley beverly beyonce
        beyoncé bianca billie birdie blanca blanch blanche bobbi bobbie bobbye bonita bonnie bonny
        brandee brandi brandie brandy breanna breanne bree brenda brenna briana brianna brianne bridget
        bridgett bridgette brigette brigitte britney brittani brittany brittney brook brooke buffy
        caitlin caitlyn callie cami camilla camille candace candance candelaria candi candice candida
        candis candy cara cardi caren cari caridad carin carina carissa carla carleen carlene carlota
        carlotta carly carlyn carma carman carmel carmela carmelita carmella carmen carol carolann
        carole carolee carolina caroline carolyn carolynn caron carri carrie caryl caryn casandra
        cassandra cassidy cassie catalina cate catharine catherine cathi cathie cathleen cathrine
        cathryn cathy catina catrina cecelia cecile cecilia cecily celeste celestine celia celina celine
        chana chanda chandra chanel chantal chantel chantelle charissa charisse charity charla charleen
        charlene charlette charline charlize charlotte charmaine charolette chasity chastity chelsea
        chelsey chelsie cher cheri cherie cherise cherly cherri cherrie cherry cheryl cheryle cheyenne
        chimamanda chiquita chloe chrissy christa christal christel christen christene christi
        christiana christiane christie christin christina christine christy chrystal chun ciara cierra
        cinda cindi cindy cinthia claire clara clare claribel clarice clarissa claudette claudia
        claudine clementine cleta coleen colette colleen collette concepcion concetta connie constance
        consuelo cora coral corazon cordelia corene cori corina corine corinna corinne cornelia corrie
        corrina corrine cortney courtney cristal cristi cristin cristina cristine cristy crystal cyndi
        cynthia cythia céline daisy dalia damaris danelle danette dani danica daniela daniele daniella
        danielle danita danna dannielle danyelle daphne dara darci darcie darcy daria darla darleen
        darlene darline davida davina dawn dawna dayna deana deann deanna deanne deb debbie debbra debby
        debi debora deborah debra debrah dedra dee deena deidra deidre deirdre delfina delia delilah
        della delma delois delora delores deloris delphia delphine demetra demetria demi dena deneen
        denice denise denna desirae desiree dessie destiny dian diana diane diann dianna dianne dina
        dinah dionne dixie doja dollie dolly dolores domenica dominga dona donita donna dora dorcas
        doreen dorene doretha dori dorinda doris dorotha dorothea dorothy dorris dortha dorthea dorthy
        dottie dovie dua dulce earlene earline earnestine eartha eboni ebony eda edelmira eden edie
        edith edna edwina edythe effie eileen elaina elaine elana elba elda eldora eleanor eleanora
        eleanore elena elenor eleri elfriede elia elida elinor elisa elisabeth elise elissa eliza
        elizabeth elizebeth ella ellen ellie elma elmira elna elnora eloisa eloise elouise elsa elsie
        elva elvera elvia elvira elyse emelia emilia emilie emily emma emogene ena enedina enid
        enriqueta era erica ericka erika erin erlinda erma erna ernestina ernestine esmeralda esperanza
        essie estela estella estelle ester esther estrella ethel ethelyn etta eugenia eugenie eula
        eulalia eun eunice eva evalyn evangelina evangeline eve evelia evelyn evette evie evon evonne
        fabiola faith fallon fannie fanny farah farhana farrah fatima fawn fay faye felecia felica
        felice felicia felicita felicitas felipa felisa felisha fern ferne filomena fiona flor flora
        florence florene florida florine flossie floy fonda fran frances francesca francine francisca
        francoise françoise freda freida frieda gabriela gabriella gabrielle gaga gail garnet gaye gayla
        gayle gaynell gemma gena geneva genevieve genoveva georgetta georgette georgia georgiana
        georgianna georgie georgina geraldine geralyn gerda geri germaine gerri gertie gertrude gilda
        gillian gina ginger ginny giorgia giovanna gisela gisele giselle gladis gladys glenda glenna
        gloria glory golda goldie grace gracie graciela gregoria greta gretchen gretta griselda
        guillermina gussie gwen gwendolyn gwyneth hailey haley hallie hanna hannah harriet harriett
        harriette hasina hattie haydee hayley hazel heather hedwig heidi helen helena helene helga
        hellen henrietta herlinda hermelinda herminia hester hettie hilary hilda hildegard hillary hoa
        holli hollie holly hope hortencia hortense hortensia hui hulda huong ida idalia idella iggy ila
        ileana ilene ilhan iliana ilona ilse ima imelda imogene ina india indira ines inez inga inge
        ingeborg ingrid iola iona ione irena irene iris irma isabel isabell isabella isabelle isela iva
        ivanka ivette ivonne ivy jacalyn jacinda jacinta jackeline jacklyn jaclyn jacque jacquelin
        jacqueline jacquelyn jacquline jada jade jaimie jami jamila jammie jana janae jane janeen janel
        janell janelle janene janet janette janey janice janie janina janine janis janna jannette jannie
        jaqueline jasmin jasmine jaunita jayme jayne jazmin jeana jeane jeanetta jeanette jeanie jeanine
        jeanna jeanne jeannette jeannie jeannine jena jenelle jenifer jeniffer jenna jennette jenni
        jennie jennifer jenniffer jenny jeraldine jeri jerilyn jerri jerrie jesica jessica jettie jewel
        jewell jill jillian jo joan joana joanie joann joanna joanne jocelyn jodi jodie joelle joellen
        joetta johanna johnetta johnna joi joleen jolene jolynn joni jonna jonnie josefa josefina
        josephina josephine josette josie jovita joy joyce joycelyn juana juanita judi judie judith judy
        juli julia juliana juliann julianna julianne julie juliet julieta juliette julissa jung justina
        justine kacey kaci kacie kaitlin kaitlyn kala kamala kami kandace kandi kandice kandy kara karan
        karen kari karie karin karina karissa karla karlene karol karolyn karon karri karrie karyn
        kasandra kassandra kate katelyn katharine katherine katheryn kathi kathie kathleen kathlene
        kathlyn kathrine kathryn kathryne kathy kathyrn katie katina katrina katy kay kaye kayla kaylee
        kecia keely keiko keira keisha keli kelley kelli kellie kelly kelsey kelsie kendra kenna kenya
        kenyatta keri kerri kerrie kesha keshia khloe khloé kia kiara kiera kim kimberely kimberlee
        kimberley kimberly kira kirsten kirstin kisha kitty kizzy kori kourtney krista kristal kristan
        kristen kristi kristian kristie kristin kristina kristine kristy kristyn krystal krystle
        krystyna kum kyla kylee kylie kyong kyra kyung lacey laci lacie ladonna lai lakeisha lakesha
        lakeshia lakisha lan lana lanette lani lanita laquita lara larissa larue lashanda lashawn
        lashonda latanya latasha latisha latonia latonya latosha latoya latrice latricia laura laureen
        laurel lauren laurene lauretta laurette lauri laurie lavada laverne lavina lavinia lavon lavonda
        lavonne lawanda lea leah leandra leann leanna leanne leatha leatrice leda leeann leesa leigh
        leila leilani leisa lela lelia lena lennie lenora lenore leola leona leone leonor leonora leora
        leota lesa leslee lesley lesli lessie leta letha leticia letitia lettie li lia liana liane libby
        lida lidia lila lilia lilian liliana lillian lillie lilly lily lin lina linda lindsay lindsey
        lindy linette linh linnea linnie linsey lisa lise lisette lissa lissette lita liz liza lizabeth
        lizbeth lizette lizzie lizzo lois lola lolita lona lora loraine loreen lorelei lorena lorene
        lorenza loretta lori lorie lorinda lorine lorna lorraine lorretta lorri lorrie lottie lou louann
        louella louisa louise lourdes lovie lu luana luann luanne lucia luciana lucie lucienne lucila
        lucile lucille lucinda lucretia lucy lue luella luisa lula lulu lupe lupita lura luz lyda lydia
        lyla lyn lynda lyndsay lyndsey lynette lynn lynne lynnette mabel mable machelle mackenzie
        madeleine madeline madelyn madge madison madonna mae maegan magda magdalena magdalene maggie
        magnolia mai maira majorie malala malia malinda malissa mallory mamie mandi mandy manuela mara
        maranda marcela marcelina marcella marcelle marci marcia marcie marcy margaret margarete
        margarette margarita marge margery margie margo margot margret marguerite mari maria mariah
        mariam marian mariana mariann marianna marianne maribel maribeth maricela marie mariela marietta
        marilee marilou marilyn marilynn marina marine marisa marisela marisol marissa marita maritza
        marjorie marjory marla marlena marlene marlo marlyn marlys marnie marquerite marquita marry
        marsha marta martha marti martina martine marva marvel mary maryann maryanne marybeth maryellen
        maryjane maryjo marylee marylin marylou marylyn mathilda matilda matilde mattie maud maude
        maudie maura maureen maurine mavis maxie maxine maya maybelle mayme mayra mazie meagan meaghan
        mechelle mee meena meg megan meghan mei melania melanie melba melina melinda melisa melissa
        mellisa mellissa melodie melody melonie melony melva melvina mercedes mercy meredith merry meryl
        meta mi mia micaela michaela michele michell michelle mickie migdalia milagros mildred miley
        milissa millicent millie mimi mina mindi mindy minerva minnie mira miranda mireya miriam mirian
        mirna mirta missy misti misty mittie mitzi modesta moira mollie molly mona monica monika monique
        mozell mozelle muriel myong myra myriam myrna myrtice myrtis myrtle nada nadia nadine nakia
        nakisha nan nanci nancy nanette nannette nannie naomi natalia natalie natasha nathalie natividad
        nedra nelda nelida nell nella nelle nellie nelly nena nereida nettie neva ngozi nia nichelle
        nichol nichole nicki nicola nicolasa nicole nicolette nidia niki nikita nikki nila nilda nilsa
        nina ninfa nita nneka noelia noelle noemi nola nona nora noreen norene norine norma nova novella
        nydia ocie octavia odessa odette ofelia ola oleta olga oliva olive olivia oma ona opal ophelia
        oprah ora oralia orpha otilia ouida paige palma pam pamala pamela pansy paola patrica patrice
        patricia patsy patti pattie patty paula paulette paulina pauline pearl pearlie pearline peggie
        peggy peigi penelope pennie penny perla petra phillis philomena phoebe phuong phylis phyliss
        phyllis pilar pinkie polly portia precious pricilla priscilla priti priya prudence rachael
        racheal rachel rachelle racquel rae rafaela ramona randa randi raquel rashida raven reba rebeca
        rebecca rebekah reese regan regina reina rena renae renata renate renea renee renita reta retha
        reva reyna rhea rhiannon rhoda rhonda richelle rihanna rina rita robbin roberta robin robyn
        rochelle rocio rolanda roma romana romona rona ronda ronna rosa rosalba rosalee rosalia rosalie
        rosalina rosalind rosalinda rosaline rosalva rosalyn rosanna rosanne rosaria rosario rosaura
        rose roseann roseanna roseanne rosella roselyn rosemarie rosemary rosetta rosie rosina rosita
        roslyn rowena roxana roxane roxann roxanna roxanne roxie ruby rubye rufina ruth ruthann ruthie
        sabina sabine sabra sabrina sade sadie salina sallie sally samantha samatha sandi sandra sandy
        sanjuana sanjuanita santa sara sarah sarita sasha saundra savannah scarlett segolene selena
        selina selma serena shaina shakira shalonda shameka shamika shana shanda shandra shanell shani
        shanika shanita shanna shannan shannon shanon shanta shante shantel shantell shara sharee sharen
        shari sharla sharlene sharon sharonda sharron sharyn shasta shauna shawanda shawna shay shayla
        shayna sheena sheila shelia shelley shelli shellie shelly shena sheree sheri sherie sherilyn
        sherita sheron sherri sherrie sherrill sherron sherry sherryl sheryl shiela shirlee shirlene
        shirley shirly shonda sibyl sierra sigrid silvia simona simone siobhan socorro sofia soledad
        sondra sonia sonja sonya soon sophia sophie stacey staci stacia stacie stacy starla starr
        stefani stefanie stella stephaine stephani stephanie stephany stephenie stephine stormy su sue
        suella sun sunita sunshine susan susana susann susanna susannah susanne susie suzan suzanna
        suzanne suzette suzie suzy svenja sybil syble sylvia ségolène tabatha tabitha talia tamar tamara
        tamatha tameka tamela tamera tami tamie tamika tamiko tammi tammie tammy tamra tana tanesha
        tangela tania tanika tanisha tanya tara tarsha taryn tasha tatiana tawana tawanda tawanna tawnya
        teena tena tenisha teodora tera teresa terese teresita teressa teri terra terri terrie tess
        tessa tessie thea theda thelma theodora theresa therese thersa thomasina thuy tia tiana tiara
        tierra tiffani tiffanie tiffany tiffiny tillie tina tisha tomasa tomeka toni tonia tonja tonya
        tori tosha toya tracee tracey traci tracie tracy trena tresa tressa tressie treva tricia trina
        trish trisha trista trudy twila twyla tyra una ursula vada valarie valencia valentina valeria
        valerie valorie vanessa veda velda velia velma velva venessa venita venus vera verda vergie
        verla verna vernell vernice vernie vernita verona veronica vesta vicenta vickey vicki vickie
        vicky victoria vida vikki vilma vina viola violet violeta virgie virgina virginia vita viva
        vivian viviana vonda vonnie wanda wangari wanita wendi wendy whitney wilda wilhelmina willa
        willene wilma windy winifred winnie winnifred winona wynona xiomara yadira yasmin yesenia yetta
        yoko yolanda yolonda yoshiko yu yvette yvonne zaida zandra zara zelda zella zelma zena zenaida
        zenobia zina zoe zoila zola zona zora zoraida zula zulma
        """

    private static let unisexText = """
        alexis alva angel ariel aubrey augustine blair britt carey carrol casey chong clair cleo cruz
        dana devon dominique elisha frankie gale gerry guadalupe hong ivory jackie jaime jamie jan jean
        jessie jody johnie johnnie kasey kendall kerry kris lacy lavern leslie marion merle morgan
        numbers ollie paris pat robbie sammie shelby sydney taylor tommie trinidad yong
        """
}
