# newsboat beside Byline on the same articles: sourced by measure.sh and search-measure.sh.

# newsboat_binary MODE: newsboat's path on stdout, nothing when it is missing or MODE is skip
# (MODE install: apt-get it first when missing).
newsboat_binary() {
    [ "$1" = skip ] && return 0
    local nb; nb=$(command -v newsboat || true)
    if [ -z "$nb" ] && [ "$1" = install ]; then
        (apt-get install -y newsboat || { apt-get update && apt-get install -y newsboat; }) >&2 || true
        nb=$(command -v newsboat || true)
    fi
    printf '%s' "$nb"
}

# newsboat_folder NEWSBOAT ARTICLES NBDIR TO_RSS: NBDIR holds the articles as one RSS file
# (feed.xml, made by to_rss.py), a urls file naming it, an empty config and newsboat's cache,
# filled once (cache.db.warm: a warm cache is how newsboat is normally started) and copied to
# cache.db for each measurement. Run newsboat with -u NBDIR/urls -c NBDIR/cache.db -C NBDIR/config.
newsboat_folder() {
    local nb=$1 articles=$2 nbdir=$3 to_rss=$4
    mkdir -p "$nbdir"
    [ -f "$nbdir/feed.xml" ] || python3 "$to_rss" "$articles" "$nbdir/feed.xml" >&2
    echo "file://$nbdir/feed.xml" >"$nbdir/urls"
    : >"$nbdir/config"
    if [ ! -f "$nbdir/cache.db.warm" ]; then
        rm -f "$nbdir/cache.db"
        "$nb" -u "$nbdir/urls" -c "$nbdir/cache.db" -C "$nbdir/config" -x reload >&2
        cp "$nbdir/cache.db" "$nbdir/cache.db.warm"
    fi
    cp "$nbdir/cache.db.warm" "$nbdir/cache.db"
}
