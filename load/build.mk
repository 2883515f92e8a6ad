# gk-load: no library beyond libc (flock, rename, fsync).
load_PKGS :=
