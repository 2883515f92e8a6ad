# gk-extract: libxml2 for HTML and OOXML, libarchive for the zip of a .docx.
# Helpers adding a format append their pkg-config names here.
extract_PKGS := libxml-2.0:libxml2-dev libarchive:libarchive-dev libgsf-1:libgsf-1-dev
