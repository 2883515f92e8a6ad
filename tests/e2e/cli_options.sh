#!/bin/sh
# Every program's options, three ways (curl's test1139): the options the
# source parses (getopt letters, long options), those --help lists, and
# those its manual gives in SYNOPSIS and describes in an .It entry must be
# the same.  And the conventions: --help and -h on standard output, exit 0;
# --version "PROG (gk) VERSION", exit 0; a wrong option: the usage on
# standard error, exit 2.
set -u
bin=${GK_BIN:-bin}
command -v python3 >/dev/null || { echo "python3 is not installed"; exit 77; }
exec python3 - "$bin" <<'PY'
import re, subprocess, sys
bin = sys.argv[1]
version = open("VERSION").read().strip()
progs = {
    "gk-fetch": ("fetch/main.c", "fetch/gk-fetch.1"),
    "gk-extract": ("extract/main.c", "extract/gk-extract.1"),
    "gk-transform": ("transform/main.c", "transform/gk-transform.1"),
    "gk-load": ("load/main.c", "load/gk-load.1"),
    "gk-harvest": ("load/gk-harvest.sh", "load/gk-harvest.1"),
}
fail = 0
def bad(msg):
    global fail
    fail = 1
    print("FAIL:", msg)

def source_opts(path):
    src = open(path, encoding="utf-8").read()
    short, long = set(), set()
    if path.endswith(".sh"):
        m = re.search(r"getopts ([a-z:]+)", src)
        short = set(m.group(1).replace(":", ""))
        long = set(re.findall(r"^--([a-z][a-z-]*)\)", src, re.M))
    else:
        m = re.search(r'getopt(?:_long)?\(argc, argv, "([^"]*)"', src)
        short = set(m.group(1).replace(":", ""))
        opts = re.findall(r"\{ \"([a-z][a-z-]*)\", (?:no|required|optional)_argument, NULL, '(.)' \}", src)
        long = set(n for n, v in opts)
        alias = set(n for n, v in opts if v in short)
        return short, long, alias
    return short, long, set(["help"])

def help_opts(text):
    short, long = set(), set()
    for line in text.splitlines():
        m = re.match(r"\s+(?:-([a-zA-Z]))?(?:, )?(?:--([a-z][a-z-]*))?(?:\s|$)", line)
        if m and (m.group(1) or m.group(2)):
            if m.group(1): short.add(m.group(1))
            if m.group(2): long.add(m.group(2))
    return short, long

def fl_words(line):
    """The options an mdoc line flags with Fl: letters and long names."""
    short, long = set(), set()
    words = [w.lstrip(".") if i == 0 else w for i, w in enumerate(line.split())]
    on = False
    for w in words:
        if w == "Fl":
            on = True
            continue
        if not on:
            continue
        if w in ("|", ",", "Ns"):
            continue
        if re.match(r"^[A-Z][a-z]$", w):   # the next macro ends it
            on = False
            continue
        if w.startswith("-") and len(w) > 1:
            long.add(w[1:])
        elif re.match(r"^[a-zA-Z]+$", w):
            short.update(w)
            on = w in ("h",)  # "Fl h | -help | -version"
        else:
            on = False
    return short, long

def man_opts(path):
    text = open(path, encoding="utf-8").read()
    syn = text[text.index(".Sh SYNOPSIS"):]
    syn = syn[:syn.index(".Sh ", 4)]
    s_short, s_long = set(), set()
    for line in syn.splitlines():
        a, b = fl_words(line)
        s_short |= a; s_long |= b
    i_short, i_long = set(), set()
    for line in text.splitlines():
        if line.startswith(".It Fl"):
            a, b = fl_words(line[3:])
            i_short |= a; i_long |= b
    return (s_short, s_long), (i_short, i_long)

for prog, (src, man) in progs.items():
    exe = "%s/%s" % (bin, prog)
    s_short, s_long, s_alias = source_opts(src)
    bad0 = fail
    # --help, -h
    for arg in ("--help", "-h"):
        r = subprocess.run([exe, arg], capture_output=True, text=True)
        if r.returncode != 0 or r.stderr or not r.stdout.startswith("usage: " + prog):
            bad("%s %s: exit %d, stderr %r, stdout %r" % (prog, arg, r.returncode, r.stderr[:80], r.stdout[:80]))
    h_short, h_long = help_opts(subprocess.run([exe, "--help"], capture_output=True, text=True).stdout)
    # --version
    r = subprocess.run([exe, "--version"], capture_output=True, text=True)
    if r.returncode != 0 or r.stdout != "%s (gk) %s\n" % (prog, version):
        bad("%s --version: exit %d, %r (want %r)" % (prog, r.returncode, r.stdout, "%s (gk) %s" % (prog, version)))
    # a wrong option
    r = subprocess.run([exe, "--no-such-option"], capture_output=True, text=True)
    if r.returncode != 2 or r.stdout or "usage: " + prog not in r.stderr:
        bad("%s --no-such-option: exit %d, stdout %r, stderr %r" % (prog, r.returncode, r.stdout[:80], r.stderr[:200]))
    (m_short, m_long), (i_short, i_long) = man_opts(man)
    for what, got_s, got_l in (("--help", h_short, h_long),
                                ("%s SYNOPSIS" % man, m_short, m_long),
                                ("%s option list" % man, i_short, i_long)):
        if got_s != s_short:
            bad("%s: short options of %s %s, of the source %s" % (prog, what, sorted(got_s), sorted(s_short)))
        # SYNOPSIS may leave out a long name that has a letter (--quiet: -q)
        need = s_long - s_alias if "SYNOPSIS" in what else s_long
        if not (need <= got_l <= s_long):
            bad("%s: long options of %s %s, of the source %s" % (prog, what, sorted(got_l), sorted(s_long)))
    if fail == bad0:
            print("%s: -%s --%s: source, --help, manual agree" % (prog, "".join(sorted(s_short)), " --".join(sorted(s_long))))
sys.exit(fail)
PY
