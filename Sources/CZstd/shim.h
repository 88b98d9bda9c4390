// zstd (Debian's libzstd-dev), for the search index's compressed copy of article text.
#include <zstd.h>
