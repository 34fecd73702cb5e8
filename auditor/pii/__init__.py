"""Children's personal-data scan: Presidio recognizers plus Kazakh identifiers, column-aware."""

import os

# Presidio's email/URL recognizers call tldextract, which otherwise tries to download the
# public-suffix list; an empty URL list makes it use the snapshot it ships.
os.environ.setdefault("TLDEXTRACT_PUBLIC_SUFFIX_LIST_URLS", "")
