"""Name normalisation for search: folding, tokens and cross-script skeletons.

Moroccan names are written in Arabic script and in French-style Latin spellings with many
variants (محمد, Mohamed, Mohammed, Mhamed). This module turns a name into:

* folded text and tokens (`fold`, `tokens`): case, accents, Arabic diacritics, hamza and
  letter variants removed, so that spellings of one script compare equal;
* skeletons (`skeleton`, `name_skeletons`): lowercase ASCII consonant strings shared by the
  Arabic and the Latin spelling of a name ("mhmd" for all the spellings above), used for
  search-as-you-type prefix matching across scripts;
* full-text index and query terms (`search_terms`, `query_terms`).

Skeleton rules, in short:

* Arabic letters map to one Latin consonant each (ش → c, خ and ق → k, غ → g, ث → t, ذ ض ظ → d,
  ص → s, ط → t, ح and ه → h); ا ع ء are dropped, و and ي are dropped except word-initially
  (w, y). A word-final ه (ta marbuta after folding) is dropped, or read as t after ا
  (نجاة → Najat); it is kept in short words (طه), in الله and in إله.
* Latin: digraphs first (ch sh → c, kh → k, gh → g, dj → j, ph → f, th → t, dh → d), c → s
  before e/i/y (Youcef) and k otherwise, g → j before e/i/y (Gilali), q → k, x → ks, p → b,
  v → f; vowels a e i o u, and y and w, are dropped except a word-initial y or w, or a
  word-initial "ou" followed by a vowel (Ouafae), which give y / w.
* The article is removed: Arabic ال at the start of a word, Latin "el"/"al" alone, "el" glued
  to a word of 5+ letters (Elidrissi) and "al" glued to one when a consonant follows
  (Alfassi, but not Alami or Alaoui, whose "a" is the vowel after ع).
* "abd"/"عبد" and "ben"/"bin"/"ibn"/"بن"/"ابن" are glued to the next name (Abdelkader,
  Benali); "الدين"/"eddine" and "الله"/"allah" are glued to the previous one (Noureddine).
* Doubled consonants collapse, also across dropped letters (Mohammed, عزيز → "z").
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache
from itertools import pairwise

__all__ = [
    "fold",
    "fold_arabic",
    "fold_latin",
    "name_skeletons",
    "plain_word",
    "query_terms",
    "search_terms",
    "skeleton",
    "tokens",
]

# --- folding tables ----------------------------------------------------------------------

_ARABIC_BLOCKS = "\u0600-\u06ff\u0750-\u077f\u08a0-\u08ff"

_APOSTROPHES = "'\u2019\u2018\u02bc\u02bb`\u00b4\u2032"
_SEPARATORS = "-\u2010\u2011\u2012\u2013\u2014\u2015\u2212.\u00b7"
# Apostrophes inside a name join its parts (M'hamed → mhamed); hyphens and dots separate.
_PUNCT_TABLE: dict[int, str | None] = {ord(c): None for c in _APOSTROPHES}
_PUNCT_TABLE.update({ord(c): " " for c in _SEPARATORS})

# Invisible format characters that would otherwise split or glue words.
_FORMAT_CHARS = "\u061c\u180e\u200b\u200c\u200d\u200e\u200f\u2060\ufeff"


def _arabic_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for start, end in ((0x064B, 0x065F), (0x0670, 0x0670), (0x06D6, 0x06ED)):
        for cp in range(start, end + 1):
            table[cp] = None
    for ch in "\u0640\u0621" + _FORMAT_CHARS:  # tatweel, standalone hamza
        table[ord(ch)] = None
    letters = {
        "أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ٲ": "ا", "ٳ": "ا",
        "ؤ": "و", "ئ": "ي", "ى": "ي", "ی": "ي", "ې": "ي",
        "ة": "ه", "ۀ": "ه", "ہ": "ه", "ۂ": "ه", "ۃ": "ه", "ە": "ه", "ھ": "ه",
        "ک": "ك", "گ": "ك", "ڭ": "ك", "ڤ": "ف",
    }  # fmt: skip
    for src, dst in letters.items():
        table[ord(src)] = dst
    for i in range(10):
        table[0x0660 + i] = str(i)  # Arabic-Indic digits
        table[0x06F0 + i] = str(i)  # Extended (Persian/Urdu) digits
    return table


def _latin_table() -> dict[int, str | None]:
    table: dict[int, str | None] = {}
    for start, end in (
        (0x0300, 0x036F),
        (0x0483, 0x0489),
        (0x0591, 0x05BD),
        (0x064B, 0x065F),
        (0x0670, 0x0670),
        (0x06D6, 0x06ED),
        (0x1AB0, 0x1AFF),
        (0x1DC0, 0x1DFF),
        (0x20D0, 0x20FF),
        (0xFE20, 0xFE2F),
    ):
        for cp in range(start, end + 1):
            table[cp] = None  # combining marks
    for ch in _FORMAT_CHARS:
        table[ord(ch)] = None
    table.update(_PUNCT_TABLE)  # again: normalisation may have produced some
    # Letters that NFKD does not decompose.
    extras = {"ø": "o", "æ": "ae", "œ": "oe", "đ": "d", "ł": "l", "ı": "i", "þ": "th", "ð": "d",
              "ħ": "h"}  # fmt: skip
    for src, dst in extras.items():
        table[ord(src)] = dst
    return table


_ARABIC_TABLE = _arabic_table()
_LATIN_TABLE = _latin_table()
_FOLD_TABLE = {**_LATIN_TABLE, **_ARABIC_TABLE}

_ASCII_TOKEN_RE = re.compile(r"[a-z0-9]+")
# A run of Arabic letters, or a run of other letters and digits: scripts never share a token.
_TOKEN_RE = re.compile(rf"(?:(?=[^\W_])[{_ARABIC_BLOCKS}])+|(?:(?![{_ARABIC_BLOCKS}])[^\W_])+")


def fold_arabic(text: str) -> str:
    """Fold Arabic-script variants: diacritics, tatweel, hamza forms, ى, ة, digits.

    Latin characters are left as they are (apart from NFKC); whitespace is collapsed.
    """
    return " ".join(unicodedata.normalize("NFKC", text).translate(_ARABIC_TABLE).split())


def fold_latin(text: str) -> str:
    """Casefold and strip accents; drop apostrophes, turn hyphens and dots into spaces."""
    text = text.translate(_PUNCT_TABLE)
    if not text.isascii():
        text = unicodedata.normalize("NFKD", text).casefold().translate(_LATIN_TABLE)
    return " ".join(text.lower().split())


def fold(text: str) -> str:
    """Fold text in either or both scripts: lowercase, single spaces, stripped."""
    if text.isascii():
        return " ".join(text.lower().translate(_PUNCT_TABLE).split())
    # NFKD rather than NFKC: hamza and madda become combining marks, which the table drops.
    text = unicodedata.normalize("NFKD", text.translate(_PUNCT_TABLE)).casefold()
    return " ".join(text.translate(_FOLD_TABLE).split())


def tokens(text: str) -> list[str]:
    """Fold `text` and split it into word tokens (letters and digits; one script each)."""
    folded = fold(text)
    if folded.isascii():
        return _ASCII_TOKEN_RE.findall(folded)
    return _TOKEN_RE.findall(folded)


# --- skeletons ---------------------------------------------------------------------------

_DOUBLE_RE = re.compile(r"(.)\1+")
_NON_AZ_RE = re.compile(r"[^a-z]+")
_SOFT_C_RE = re.compile(r"c(?=[eiy])")
_SOFT_G_RE = re.compile(r"g(?=[eiy])")
_LATIN_VOWELS = frozenset("aeiouy")
# Digraphs become upper-case placeholders so later single-letter rules leave them alone.
_LATIN_DIGRAPHS = (
    ("ch", "C"),
    ("sh", "C"),
    ("kh", "K"),
    ("gh", "G"),
    ("dj", "J"),
    ("ph", "F"),
    ("th", "T"),
    ("dh", "D"),
)
_LATIN_SKELETON_TABLE: dict[int, str | None] = {ord(c): None for c in "aeiouyw"}
_LATIN_SKELETON_TABLE.update(
    {ord(k): v for k, v in {"c": "k", "q": "k", "x": "ks", "p": "b", "v": "f"}.items()}
)
_LATIN_SKELETON_TABLE.update({ord(c): c.lower() for c in "CKGJFTDSWY"})

_ARABIC_SKELETON_TABLE: dict[int, str | None] = {
    cp: None
    for start, end in ((0x0600, 0x06FF), (0x0750, 0x077F), (0x08A0, 0x08FF))
    for cp in range(start, end + 1)
}
_ARABIC_SKELETON_TABLE.update({ord(k): v for k, v in {
    "ب": "b", "پ": "b", "ت": "t", "ث": "t", "ج": "j", "چ": "c", "ح": "h", "خ": "k", "د": "d",
    "ذ": "d", "ر": "r", "ز": "z", "ژ": "z", "س": "s", "ش": "c", "ص": "s", "ض": "d", "ط": "t",
    "ظ": "d", "غ": "g", "ف": "f", "ق": "k", "ك": "k", "ل": "l", "م": "m", "ن": "n", "ه": "h",
}.items()})  # fmt: skip

_LATIN_ARTICLES = frozenset({"el", "al"})
_ARABIC_ARTICLE = "ال"
# Tokens glued to the next name, and tokens glued to the previous one.
_PREFIX_TOKENS = frozenset(
    {"abd", "abdel", "abdal", "abdul", "abdoul", "ben", "bin", "ibn", "عبد", "بن", "ابن"}
)
_SUFFIX_TOKENS = frozenset(
    {"الدين", "eddine", "eddin", "edine", "addin", "uddin", "الله", "allah", "ellah", "llah"}
)
_ABD_REST_ARTICLES = ("oul", "el", "al", "ul")

_ARTICLE, _PREFIX, _SUFFIX, _PLAIN = range(4)


def _collapse(s: str) -> str:
    return _DOUBLE_RE.sub(r"\1", s)


def _latin_core(s: str) -> str:
    """Skeleton of a Latin word with no article or glued prefix."""
    if not s:
        return s
    if s.startswith("ou") and len(s) > 2 and s[2] in _LATIN_VOWELS:
        s = "W" + s[2:]
    elif s[0] in "wy":
        s = s[0].upper() + s[1:]
    for digraph, placeholder in _LATIN_DIGRAPHS:
        if digraph in s:
            s = s.replace(digraph, placeholder)
    if "c" in s:
        s = _SOFT_C_RE.sub("S", s)
    if "g" in s:
        s = _SOFT_G_RE.sub("J", s)
    return _collapse(s.translate(_LATIN_SKELETON_TABLE))


def _latin_analyse(s: str) -> tuple[str, tuple[str, ...]]:
    """Skeleton of a folded Latin token, and extra skeletons worth indexing."""
    if not (s.isascii() and s.isalpha()):
        s = _NON_AZ_RE.sub("", s)
    if s in _LATIN_ARTICLES:
        return "", ()
    if len(s) > 3 and s.startswith("abd"):
        rest = s[3:]
        for article in _ABD_REST_ARTICLES:
            if rest.startswith(article):
                rest = rest[len(article) :]
                break
        tail = _latin_core(rest)
        return _collapse("bd" + tail), ("bd", tail)
    if len(s) >= 5 and s.startswith("ben"):
        tail = _latin_analyse(s[3:])[0]
        return _collapse("bn" + tail), ("bn", tail)
    if len(s) >= 5 and (s.startswith("el") or (s.startswith("al") and s[2] not in _LATIN_VOWELS)):
        return _latin_core(s[2:]), (_latin_core(s),)
    return _latin_core(s), ()


def _arabic_core(w: str) -> str:
    """Skeleton of a folded Arabic word, article already handled."""
    if len(w) > 2 and w[-1] == "ه" and not w.endswith("لله") and w not in ("اله", "الاله"):
        # Word-final ه is nearly always a folded ta marbuta: silent, or "t" after alef.
        w = w[:-1] + ("ت" if w[-2] == "ا" else "")
    if not w:
        return w
    head = ""
    if w[0] == "و":
        head, w = "w", w[1:]
    elif w[0] == "ي":
        head, w = "y", w[1:]
    return _collapse(head + w.translate(_ARABIC_SKELETON_TABLE))


def _arabic_analyse(w: str) -> tuple[str, tuple[str, ...]]:
    """Skeleton of a folded Arabic token, and extra skeletons worth indexing."""
    if w == _ARABIC_ARTICLE:
        return "", ()
    if len(w) > 5 and w.startswith("عبدال"):
        tail = _arabic_analyse(w[3:])[0]
        return _collapse("bd" + tail), ("bd", tail)
    if len(w) > 5 and w.endswith("الدين"):
        head = _arabic_analyse(w[:-5])[0]
        return _collapse(head + "dn"), (head, "dn")
    if len(w) >= 4 and w.startswith(_ARABIC_ARTICLE):
        return _arabic_core(w[2:]), (_arabic_core(w),)
    return _arabic_core(w), ()


def _is_arabic(token: str) -> bool:
    c = token[0]
    return "\u0600" <= c <= "\u06ff" or "\u0750" <= c <= "\u077f" or "\u08a0" <= c <= "\u08ff"


@lru_cache(maxsize=65536)
def _analyse(token: str) -> tuple[str, tuple[str, ...], int]:
    """(skeleton, extra skeletons, role) of one folded token."""
    if not token:
        return "", (), _PLAIN
    main, extras = _arabic_analyse(token) if _is_arabic(token) else _latin_analyse(token)
    if token in _LATIN_ARTICLES or token == _ARABIC_ARTICLE:
        role = _ARTICLE
    elif token in _PREFIX_TOKENS:
        role = _PREFIX
    elif token in _SUFFIX_TOKENS:
        role = _SUFFIX
    else:
        role = _PLAIN
    return main, extras, role


@lru_cache(maxsize=65536)
def plain_word(token: str) -> bool:
    """Whether a folded token is a name part by itself: not an article, not a word glued to
    the next (Abd, Ben) or the previous one (Eddine), and with a skeleton."""
    main, _, role = _analyse(token)
    return role == _PLAIN and bool(main)


def _join_skeletons(toks: list[str]) -> list[str]:
    """Skeletons of a tokenised name, with prefixes and suffixes glued to their neighbour."""
    out: list[str] = []
    pending = ""
    for token in toks:
        main, _, role = _analyse(token)
        if role == _ARTICLE:
            continue
        if role == _PREFIX:
            pending += main
        elif pending:
            out.append(_collapse(pending + main))
            pending = ""
        elif role == _SUFFIX and out:
            out[-1] = _collapse(out[-1] + main)
        elif main:
            out.append(main)
    if pending:
        out.append(_collapse(pending))
    return out


def name_skeletons(text: str) -> list[str]:
    """Skeletons of a whole name, one per name part.

    "عبد القادر", "Abd El Kader", "Abdel Kader" and "Abdelkader" all give ["bdkdr"];
    "بن علي", "Ben Ali" and "Benali" give ["bnl"]. Empty skeletons are left out.
    """
    return _join_skeletons(tokens(text))


def skeleton(token: str) -> str:
    """Cross-script consonant skeleton of one name token, in lowercase ASCII.

    skeleton("محمد") == skeleton("Mohammed") == "mhmd"; articles give "". Given several
    tokens, returns the concatenation of `name_skeletons`.
    """
    toks = tokens(token)
    if len(toks) == 1:
        return _analyse(toks[0])[0]
    return "".join(_join_skeletons(toks))


@lru_cache(maxsize=32768)
def _name_terms(name: str) -> tuple[str, ...]:
    toks = tokens(name)
    terms: dict[str, None] = {}
    for token in toks:
        terms[token] = None
        main, extras, _ = _analyse(token)
        if len(main) >= 2:
            terms[main] = None
        for extra in extras:
            if len(extra) >= 2:
                terms[extra] = None
    joined = _join_skeletons(toks)
    for part in joined:
        if len(part) >= 2:
            terms[part] = None
    # Adjacent parts glued, for names also written as one word (Fatimazahra).
    for first, second in pairwise(joined):
        terms[_collapse(first + second)] = None
    return tuple(terms)


def search_terms(*names: str | None) -> str:
    """Full-text index text for a person: folded tokens and skeletons of every name.

    Space-separated, unique, in order of first appearance. Skeletons shorter than two
    letters are left out; skeletons of glued parts and of adjacent parts are added.
    """
    terms: dict[str, None] = {}
    for name in names:
        if name:
            terms.update(dict.fromkeys(_name_terms(name)))
    return " ".join(terms)


def query_terms(text: str) -> list[tuple[str, str]]:
    """(folded token, skeleton) for each token typed in a search box.

    The skeleton is "" for articles ("el", "ال"), digits, and skeletons shorter than two
    letters (which would match too much); callers then match the folded token alone.
    """
    result: list[tuple[str, str]] = []
    for token in tokens(text):
        main = _analyse(token)[0]
        result.append((token, main if len(main) >= 2 else ""))
    return result
