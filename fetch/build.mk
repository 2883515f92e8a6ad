# gk-fetch: libcurl for HTTP, libxml2 for links in pages
fetch_PKGS := libcurl:libcurl4-openssl-dev libxml-2.0:libxml2-dev
