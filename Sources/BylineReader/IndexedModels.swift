import BylineModel
import BylineStore

/// The search index as the library's ``ParsedArticleSource``: the articles it parsed when it
/// indexed them, for the reader to show without parsing them again (the neighbours it loads
/// ahead at each move of the list, above all). See DECISIONS.md, "Per-key cost (issue 17)".
struct IndexedModels: ParsedArticleSource {
    let index: SearchIndex
    let keys: SearchKeys

    func parsedArticle(_ id: ArticleID, stamp: FileStamp, parser: Int) -> KeptArticle? {
        index.model(of: keys.key(of: id), signature: FileSignature(size: stamp.size, modified: stamp.modified), parser: parser)
            .map { KeptArticle(model: $0.model, body: $0.body) }
    }
}
