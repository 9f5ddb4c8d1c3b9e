#!/usr/bin/env python3
"""Writes corpus/redos/patterns.json: PyGuard's labelled set of regular expressions for the ReDoS analysis.

The entries below are typed here, once: each a pattern, its flags, the `re` function it is used with, where
it comes from (the CVE or advisory for real-world regexes, written out from the public advisory or fix) and an
attack the author expects to hurt it (prefix + pump * n + suffix). The label is *not* typed: it is measured
by scripts/redos/label_patterns.py, which times the attack (and, for patterns expected to be safe, a battery of
generic attacks) in CPython 3.13 at growing n and writes `label`, `degree` and the timings back into the file.

    python3 scripts/redos/make_corpus.py && ~/.pyenv/versions/3.13.*/bin/python3 scripts/redos/label_patterns.py
"""
import json
import pathlib

OUT = pathlib.Path(__file__).resolve().parents[2] / "corpus/redos/patterns.json"
I, X, A = 2, 64, 256


def e(pid, pattern, mode, source, prefix="", pump="a", suffix="!", flags=0, is_bytes=False, expect="vulnerable"):
    return {"id": pid, "pattern": pattern, "flags": flags, "mode": mode, "bytes": is_bytes, "source": source,
            "attack": {"prefix": prefix, "pump": pump, "suffix": suffix}, "expected": expect}


def safe(pid, pattern, mode, source, prefix="", pump="a", suffix="!", flags=0, is_bytes=False):
    return e(pid, pattern, mode, source, prefix, pump, suffix, flags, is_bytes, expect="safe")


COOKIEJAR = r"""^
    (\d\d?)            # day
       (?:\s+|[-\/])
    (\w+)              # month
        (?:\s+|[-\/])
    (\d+)              # year
    (?:
          (?:\s+|:)    # separator before clock
       (\d\d?):(\d\d)  # hour:min
       (?::(\d\d))?    # optional seconds
    )?                 # optional clock
       \s*
    ([-+]?\d{2,4}|(?![APap][Mm]\b)[A-Za-z]+)? # timezone
       \s*
    (?:\(\w+\))?       # ASCII representation of timezone in parens.
       \s*$"""

ENTRIES = [
    # ---------------------------------------------------------------- exponential
    e("exp-nested-plus", r"^(a+)+$", "match", "textbook nested quantifier (OWASP ReDoS page)"),
    e("exp-alt-same", r"^(a|a)*$", "match", "textbook: sre factors a|a into a(?:|), two empty branches"),
    e("exp-alt-prefix", r"^(a|aa)+$", "match", "textbook overlapping alternatives (OWASP ReDoS page)"),
    e("exp-star-star", r"^(a*)*$", "match", "textbook nested star"),
    e("exp-words-space", r"^(\w+\s?)*$", "match", "textbook: words separated by optional spaces"),
    e("exp-alnum-space", r"^([a-zA-Z0-9]+\s?)*$", "match", "OWASP ReDoS page (alphanumeric words)"),
    e("exp-digits", r"^(\d+)*$", "match", "textbook nested quantifier over digits", pump="1", suffix="x"),
    e("exp-xx", r"(x+x+)+y", "search", "textbook (OWASP ReDoS page)", pump="x", suffix=""),
    e("exp-owasp-java-class", r"^(([a-z])+.)+[A-Z]([a-z])+$", "match", "OWASP ReDoS page (Java class name)"),
    e("exp-owasp-email",
      r"^([a-zA-Z0-9])(([\-.]|[_]+)?([a-zA-Z0-9]+))*(@){1}[a-z0-9]+[.]{1}(([a-z]{2,3})|([a-z]{2,3}[.]{1}[a-z]{2,3}))$",
      "match", "OWASP ReDoS page (email validation)"),
    e("exp-email-parts", r"^([a-z0-9]+[-._]?)+@example\.com$", "match", "email local part with optional separators"),
    e("exp-cve-2020-8492", r"""(?:.*,)*[ \t]*([^ \t]+)[ \t]+realm=(["']?)([^"']*)\2""", "search",
      "CVE-2020-8492 / bpo-39503: urllib.request.AbstractBasicAuthHandler before the fix", pump=",", suffix="", flags=I),
    e("exp-cve-2017-18077", r"^(.*,)+(.+)?$", "match", "CVE-2017-18077: brace-expansion isOptions (before 1.1.7)",
      pump=",", suffix="\n!"),
    e("exp-plus-b", r"^(a+)+b", "match", "textbook nested quantifier, failing on a missing b", suffix=""),
    e("exp-numbers-dots", r"^(\d+\.?)+$", "match", "dotted numbers", pump="1", suffix="x"),
    e("exp-alt-classes", r"^(?:[a-z]+|[a-z0-9]+)+$", "match", "overlapping alternatives of classes"),
    e("exp-word-or-digit", r"^(\w+|\d+)*$", "match", "overlapping alternatives \\w+ and \\d+", pump="1"),
    e("exp-optional-a", r"^(a?a)+$", "match", "textbook: a?a under a star"),
    e("exp-a-b-ab", r"^(a|b|ab)*c$", "match", "overlapping alternatives a, b, ab", pump="ab", suffix=""),
    e("exp-tag-words", r"<(\w+\s*)*>", "search", "words inside angle brackets", prefix="<", suffix=""),
    e("exp-runs", r"^(a+|b+)*c$", "match", "runs of a or b", suffix=""),
    e("exp-dotted-email", r"^(\w+\.?)+@[a-z]+\.com$", "match", "email local part with optional dots"),
    e("exp-bytes", r"^(\d+)+$", "match", "nested quantifier in a bytes pattern", pump="1", suffix="x", is_bytes=True),
    e("exp-ignorecase", r"^(ab|AB)*c$", "match", "branches equal only under IGNORECASE", pump="ab", suffix="", flags=I),
    e("exp-fullmatch", r"(\w+\s?)*", "fullmatch", "words with optional spaces under re.fullmatch"),
    e("exp-trim-off-newlines", r"^(?:\r\n|\n|\r)+|(?:\r\n|\n|\r)+$", "search",
      "CVE-2021-23425: trim-off-newlines (before 1.0.2)", prefix="a", pump="\r\n", suffix="a"),
    # ---------------------------------------------------------------- polynomial
    e("poly-trailing-space", r"\s+$", "search", "CVE-2020-28500: lodash trimEnd (/\\s+$/)", pump=" ", suffix="a"),
    e("poly-cve-2018-1061", r"\s*#?\s*$", "match", "CVE-2018-1061: difflib.IS_LINE_JUNK before the fix",
      pump=" ", suffix="x"),
    e("poly-cve-2018-1060", r"\+OK.*(<[^>]+>)", "search", "CVE-2018-1060: poplib apop timestamp before the fix",
      prefix="+OK", pump="<", suffix="", is_bytes=True),
    e("poly-bpo-38804", COOKIEJAR, "match", "bpo-38804: http.cookiejar LOOSE_HTTP_DATE_RE before the fix",
      prefix="1-c-1", pump=" ", suffix="!", flags=X | A),
    e("poly-cve-2021-3733", r"""(?:^|,)[ \t]*([^ \t]+)[ \t]+realm=(["']?)([^"']*)\2""", "search",
      "CVE-2021-3733 / bpo-43075: urllib.request.AbstractBasicAuthHandler after the first fix", pump=",", suffix="",
      flags=I),
    e("poly-two-stars", r"a*a*b", "search", "textbook adjacent overlapping loops", suffix=""),
    e("poly-backref-words", r"(\w+)\s+\1", "search", "repeated word finder", suffix=""),
    e("poly-email-search", r"[\w.+-]+@[\w-]+\.[\w.-]+", "search", "email finder without anchors", suffix=""),
    e("poly-trailing-space-star", r"\s*$", "search", "CVE-2021-3749: axios trim (/\\s*$/)", pump=" ", suffix="a"),
    e("poly-trim-newlines", r"[\r\n]+$", "search", "CVE-2021-33623: trim-newlines end() before 3.0.1",
      pump="\n", suffix="a"),
    e("poly-lazy-then-space", r"=\s*(.*?)\s*$", "search", "key = value parser", prefix="=x", pump=" ", suffix="\n!"),
    e("poly-cve-2015-8315",
      r"^((?:\d+)?\.?\d+) *(milliseconds?|msecs?|ms|seconds?|secs?|s|minutes?|mins?|m|hours?|hrs?|h|days?|d|years?|yrs?|y)?$",
      "match", "CVE-2015-8315: ms (before 0.7.1)", pump="1", suffix="x", flags=I),
    e("poly-cve-2021-3803", r"^([+-]?\d*n)?\s*(?:([+-]?)\s*(\d+))?$", "match",
      "CVE-2021-3803: nth-check (before 2.0.1)", pump=" ", suffix="x"),
    e("poly-cve-2017-18214",
      "[0-9]*['a-z\u00a0-\u05ff\u0700-\ud7ff\uf900-\ufdcf\ufdf0-\uffef]+|[\u0600-\u06ff\\/]+(\\s*?[\u0600-\u06ff]+){1,2}",
      "search", "CVE-2017-18214: moment matchWord (before 2.19.3)", pump="1", suffix="", flags=I),
    e("poly-cve-2022-40897", r"""<([^>]*\srel\s*=\s*['"]?([^'">]+)[^>]*)>""", "search",
      "CVE-2022-40897: setuptools package_index REL (before 65.5.1)", prefix="<a rel=", pump="a", suffix="", flags=I),
    e("poly-cve-2021-23437", r"hsl\(\s*(\d+\.?\d*)\s*,\s*(\d+\.?\d*)%\s*,\s*(\d+\.?\d*)%\s*\)$", "match",
      "CVE-2021-23437: Pillow ImageColor.getrgb (before 8.3.2)", prefix="hsl(", pump="1", suffix="x"),
    e("poly-dot-space", r"^.*\s+$", "match", "anything then trailing spaces", pump=" ", suffix="x"),
    e("poly-digits-digits", r"^\d+\d+$", "match", "adjacent overlapping digit runs", pump="1", suffix="x"),
    e("poly-split-comma", r"\s*,\s*", "search", "comma splitter (re.split)", pump=" ", suffix="x"),
    e("poly-number-unit", r"(\d+)\s*(?:px|em)", "search", "CSS length finder", pump="1", suffix=""),
    e("poly-field", r"[^,]*,", "search", "CSV field finder", suffix=""),
    e("poly-a-ab", r"(a|ab)*c", "search", "unanchored loop retried at every position", pump="ab", suffix=""),
    e("poly-simple-email", r"^[^\s@]+@[^\s@]+\.[^\s@]+$", "match", "common email check (dots on both sides)",
      prefix="a@a", pump=".", suffix=" "),
    e("poly-fullmatch", r"[a-z ]*\s*", "fullmatch", "letters and spaces then spaces, under re.fullmatch",
      pump=" ", suffix="!"),
    # ---------------------------------------------------------------- safe
    safe("safe-date", r"^\d{4}-\d{2}-\d{2}$", "match", "ISO date", pump="1"),
    safe("safe-snake", r"^[a-z]+(?:_[a-z]+)*$", "match", "snake_case identifier"),
    safe("safe-hostname", r"^(?=.{1,253}$)(?:[a-zA-Z0-9](?:[a-zA-Z0-9-]{0,61}[a-zA-Z0-9])?\.)+[a-zA-Z]{2,63}$",
         "match", "hostname (RFC 1123 labels)"),
    safe("safe-ipv4", r"^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$", "match",
         "IPv4 address", pump="1"),
    safe("safe-email-bounded", r"^[A-Za-z0-9._%+-]{1,64}@[A-Za-z0-9.-]{1,255}\.[A-Za-z]{2,24}$", "match",
         "email with bounded parts", prefix="a@", pump="a."),
    safe("safe-e164", r"^\+?[1-9]\d{1,14}$", "match", "E.164 phone number", pump="1"),
    safe("safe-uuid", r"^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$", "match", "UUID"),
    safe("safe-hex-colour", r"^#?([a-f0-9]{6}|[a-f0-9]{3})$", "match", "hex colour"),
    safe("safe-clock", r"^(?:[01]\d|2[0-3]):[0-5]\d$", "match", "24-hour time", pump="1"),
    safe("safe-iban", r"^[A-Z]{2}\d{2}[A-Z0-9]{1,30}$", "match", "IBAN shape", pump="A"),
    safe("safe-word", r"^\w+$", "match", "one word"),
    safe("safe-phone", r"^(?:\d{3}-){2}\d{4}$", "match", "US phone number", pump="1"),
    safe("safe-url", r"^https?://[^\s/$.?#].[^\s]*$", "match", "URL check", prefix="http://a", pump="a", suffix=" "),
    safe("safe-names", r"^[A-Z][a-z]+(?: [A-Z][a-z]+)*$", "match", "capitalised names", prefix="A", pump="a"),
    safe("safe-blank-line", r"^\s*$", "match", "blank line", pump=" ", suffix="x"),
    safe("safe-number", r"^[-+]?\d+(?:\.\d+)?$", "match", "decimal number", pump="1"),
    safe("safe-dotted-name", r"^(?:\w+\.)*\w+$", "match", "dotted identifier", pump="a."),
    safe("safe-path", r"^/(?:[\w-]+/)*[\w-]*$", "match", "slash-separated path", prefix="/", pump="a/"),
    safe("safe-alt-set", r"^(?:a|b)*c$", "match", "look-alike: single-character branches become one class"),
    safe("safe-ignorecase-set", r"^(a|A)+$", "match", "look-alike: a|A under IGNORECASE is one class", flags=I),
    safe("safe-atomic", r"^(?>a+)+$", "match", "look-alike: atomic group (3.11+) cannot be re-entered"),
    safe("safe-possessive", r"^(a++)+$", "match", "look-alike: possessive repeat (3.11+)"),
    safe("safe-thousands", r"^\d+(?:,\d{3})*$", "match", "number with thousands separators", pump="1"),
    safe("safe-domain", r"^[a-z0-9-]+(?:\.[a-z0-9-]+)*$", "match", "dotted domain", pump="a."),
    safe("safe-simple-email", r"^\w+@\w+\.com$", "match", "simple email"),
    e("poly-html-tag", r"^<([a-z]+)[^>]*>(.*?)</\1>$", "match", "matching HTML tag: the tag name and the attributes "
      "overlap when '>' never comes", prefix="<", pump="a", suffix=""),
    safe("safe-french-phone", r"^(?:(?:\+|00)33|0)\s*[1-9](?:[\s.-]*\d{2}){4}$", "match", "French phone number",
         prefix="01", pump=" "),
    safe("safe-letters", r"^[A-Za-z]{3,10}$", "match", "bounded letters"),
    safe("safe-no-angle", r"^[^<>]*$", "match", "no angle brackets", suffix="<"),
    safe("safe-zip", r"^\d{5}(?:-\d{4})?$", "match", "US ZIP code", pump="1"),
    safe("safe-kebab", r"^(?:[a-z]+-)*[a-z]+$", "match", "kebab-case", pump="a-"),
    safe("safe-word-boundary", r"\bfoo\b", "search", "word search", pump="fo"),
    safe("safe-letters-digits", r"^([a-z]+)\d+$", "match", "letters then digits"),
    safe("safe-mac", r"^(?:[A-Fa-f0-9]{2}:){5}[A-Fa-f0-9]{2}$", "match", "MAC address", pump="a"),
    safe("safe-semver", r"^v?\d+\.\d+\.\d+(?:-[\w.]+)?$", "match", "semantic version", prefix="1.1.1-", pump="a."),
    safe("safe-non-space", r"^\S+$", "match", "no whitespace", suffix=" "),
    safe("safe-capitals", r"[A-Z]{2,}", "search", "acronym finder"),
    safe("safe-integer", r"^(?:0|[1-9]\d*)$", "match", "integer without leading zeros", prefix="1", pump="1"),
    safe("safe-word-dots", r"^[\w.-]+$", "match", "word characters, dots and dashes", suffix=" "),
    safe("safe-difflib-fixed", r"\s*(?:#\s*)?$", "match", "difflib.IS_LINE_JUNK after the CVE-2018-1061 fix",
         pump=" ", suffix="x"),
    e("poly-poplib-fixed", r"\+OK.[^<]*(<.*>)", "search", "poplib apop after the CVE-2018-1060 fix: still "
      "quadratic under search when +OK repeats and no '<' follows", pump="+OKa", suffix="", is_bytes=True),
    safe("safe-url-scheme", r"^(?:https?|ftp)://[^\s/?#]+(?:[/?#][^\s]*)?$", "match", "URL with scheme",
         prefix="http://", suffix=" ", flags=I),
    safe("safe-quoted", r'"[^"]*"', "search", "double-quoted string finder", pump='"'),
    safe("safe-fullmatch", r"[a-z]+\d*", "fullmatch", "letters then digits under re.fullmatch"),
    safe("safe-lazy-dot", r"^(.*?),(.*)$", "match", "split at the first comma", pump="a"),
    safe("safe-key-value", r"^(\w+)=([^&]*)$", "match", "key=value", prefix="a=", suffix="&"),
    safe("safe-poplib-anchored", r"\+OK.[^<]*(<.*>)", "match", "poplib apop after the CVE-2018-1060 fix, under re.match",
         prefix="+OK", pump="<", suffix="", is_bytes=True),
    safe("safe-html-tag-closed", r"^<([a-z]+)>(.*?)</\1>$", "match", "matching HTML tag without attributes",
         prefix="<a>", pump="a"),
    safe("safe-base64", r"^(?:[A-Za-z0-9+/]{4})*(?:[A-Za-z0-9+/]{2}==|[A-Za-z0-9+/]{3}=)?$", "match", "base64 text",
         pump="aaaa"),
    safe("safe-camel", r"^[a-z]+(?:[A-Z][a-z]+)*$", "match", "camelCase identifier"),
    safe("safe-hex-number", r"^0[xX][0-9a-fA-F]+$", "match", "hexadecimal literal", prefix="0x", pump="a"),
    safe("safe-ini-section", r"^\[([^\]]+)\]$", "match", "INI section header", prefix="["),
    safe("safe-slug", r"^[a-z0-9]+(?:-[a-z0-9]+)*$", "match", "URL slug", pump="a-"),
    safe("safe-quoted-escapes", r'^"(?:[^"\\]|\\.)*"$', "match", "double-quoted string with escapes", prefix='"'),
    safe("safe-version-pep440", r"^\d+(?:\.\d+)*(?:(?:a|b|rc)\d+)?$", "match", "PEP 440 version (subset)", pump="1."),
    safe("safe-search-literal", r"password", "search", "plain word search", pump="passwor"),
]


def main():
    header = ("PyGuard's labelled ReDoS set. Built by scripts/redos/make_corpus.py (patterns, flags, mode, source and "
              "an attack typed once) and labelled by scripts/redos/label_patterns.py, which times the attack and, for "
              "patterns expected safe, generic attacks in CPython 3.13 at growing n in a subprocess with a timeout, and "
              "writes `label` (exponential, polynomial or safe), `degree` and the timings. Flags are Python's re flag "
              "values; bytes patterns and attacks are given as their latin-1 text.")
    previous = {}
    if OUT.exists():
        previous = {p["id"]: p for p in json.loads(OUT.read_text(encoding="utf-8"))["patterns"]}
    patterns = []
    for entry in ENTRIES:
        old = previous.get(entry["id"], {})
        for key in ("label", "degree", "timings"):
            if key in old:
                entry[key] = old[key]
        patterns.append(entry)
    OUT.write_text(json.dumps({"about": header, "patterns": patterns}, indent=1, ensure_ascii=False) + "\n",
                   encoding="utf-8")


if __name__ == "__main__":
    main()
