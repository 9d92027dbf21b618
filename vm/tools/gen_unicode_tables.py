"""Generates vm/src/runtime/unicode_{props,case}_tables.rs from CPython 3.11's own Unicode database.

Typhon must classify and case-map characters exactly as CPython 3.11 does, which uses
Unicode 14.0.0; Rust's `char` methods and the Unicode crates follow newer versions and
different definitions (Python's isdigit/isnumeric use Numeric_Type, isspace uses the
bidirectional class). So the tables are taken from the oracle itself.

Run with CPython 3.11: python3.11 vm/tools/gen_unicode_tables.py
"""
import sys
import unicodedata

assert sys.version_info[:2] == (3, 11), "generate with CPython 3.11"
RUNTIME = __file__.rsplit("/tools/", 1)[0] + "/src/runtime/"

CHARS = [chr(c) for c in range(0x110000) if not 0xD800 <= c <= 0xDFFF]


def ranges(pred):
    out = []
    for ch in CHARS:
        c = ord(ch)
        if pred(ch):
            if out and out[-1][1] == c - 1:
                out[-1][1] = c
            else:
                out.append([c, c])
    return out


def cased(ch):
    # title() lower-cases a letter that follows a cased character.
    return (ch + "a").title()[-1] == "a"


def case_ignorable(ch):
    # The Final_Sigma rule skips case-ignorable characters on both sides of a sigma.
    if cased(ch):
        return ("A\u03a3" + ch + " ").lower()[1] == "\u03c2"
    return ("A\u03a3" + ch + "A").lower()[1] == "\u03c3"


PROPS = [
    ("SPACE", lambda ch: ch.isspace()),
    ("ALPHA", lambda ch: ch.isalpha()),
    ("DECIMAL", lambda ch: ch.isdecimal()),
    ("DIGIT", lambda ch: ch.isdigit()),
    ("NUMERIC", lambda ch: ch.isnumeric()),
    ("PRINTABLE", lambda ch: ch.isprintable()),
    ("UPPER", lambda ch: ch.isupper()),
    ("LOWER", lambda ch: ch.islower()),
    ("TITLE", lambda ch: unicodedata.category(ch) == "Lt"),
    ("CASED", cased),
    ("CASE_IGNORABLE", case_ignorable),
]


def emit_ranges(name, rs, out):
    out.append(f"pub(crate) static {name}: &[(u32, u32)] = &[")
    line = " "
    for a, b in rs:
        item = f" (0x{a:x}, 0x{b:x}),"
        if len(line) + len(item) > 99:
            out.append(line)
            line = " "
        line += item
    if line.strip():
        out.append(line)
    out.append("];")
    out.append("")


def emit_mapping(name, method, out, unless=None):
    single, multi = [], []
    for ch in CHARS:
        mapped = getattr(ch, method)()
        if mapped == (getattr(ch, unless)() if unless else ch):
            continue
        if len(mapped) == 1:
            single.append((ord(ch), ord(mapped)))
        else:
            multi.append((ord(ch), mapped))
    emit_ranges(name + "_SINGLE", single, out)
    out.append(f"pub(crate) static {name}_MULTI: &[(u32, &str)] = &[")
    for c, mapped in multi:
        text = "".join(f"\\u{{{ord(m):x}}}" for m in mapped)
        out.append(f'    (0x{c:x}, "{text}"),')
    out.append("];")
    out.append("")


def header(what):
    return [
        f"//! Unicode {what} generated from CPython 3.11's database (Unicode "
        + unicodedata.unidata_version + ") by `vm/tools/gen_unicode_tables.py`.",
        "//!",
        "//! Do not edit by hand: rerun the generator. Property tables are sorted inclusive",
        "//! ranges; mapping tables are sorted (from, to) pairs (reused `(u32, u32)` shape).",
        "",
    ]


def write(name, out):
    with open(RUNTIME + name, "w") as f:
        f.write("\n".join(out).rstrip() + "\n")


def main():
    out = header("properties")
    for name, pred in PROPS:
        emit_ranges(name, ranges(pred), out)
    # Decimal digits come in runs of ten; the value is the offset from the run's zero.
    zeros = [ord(ch) for ch in CHARS if ch.isdecimal() and unicodedata.decimal(ch) == 0]
    for z in zeros:
        assert all(unicodedata.decimal(chr(z + k), -1) == k for k in range(10))
    assert sum(1 for ch in CHARS if ch.isdecimal()) == 10 * len(zeros)
    out.append("pub(crate) static DECIMAL_ZEROS: &[u32] = &[")
    for k in range(0, len(zeros), 8):
        out.append("    " + " ".join(f"0x{z:x}," for z in zeros[k:k + 8]))
    out.append("];")
    out.append("")
    write("unicode_props_tables.rs", out)
    out = header("case mappings")
    emit_mapping("UPPER_MAP", "upper", out)
    emit_mapping("LOWER_MAP", "lower", out)
    # Title case equals upper case but for a few dozen characters (digraphs, ligatures).
    emit_mapping("TITLE_DIFF", "title", out, unless="upper")
    write("unicode_case_tables.rs", out)


main()
