"""The Arabic and French translations: complete, faithful to the English, in sync with the code.

Each check names the English source text of every message it rejects, so a failure says which
sentence to fix in translations/fieldapp_ar.ts or translations/fieldapp_fr.ts (Qt Linguist, or
any text editor). After changing a string in the code, run ``python -m fieldapp.i18n update``,
translate the new messages, and run these tests again.
"""

from __future__ import annotations

import ast
import re
import shutil
import subprocess
import sys
import unicodedata
import xml.etree.ElementTree as ET
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import pytest
from PySide6.QtCore import QCoreApplication, QLocale

from fieldapp import i18n

ROOT = Path(__file__).resolve().parents[1]
TRANSLATIONS = ROOT / "translations"
LANGUAGES = ("ar", "fr")
# Qt's plural rules: French has singular and plural; Arabic has zero, one, two, few (3-10),
# many (11-99) and other (100, 101, ...). A sample number for each form, in Qt's order.
PLURAL_SAMPLES = {"ar": (0, 1, 2, 3, 11, 100), "fr": (1, 2)}
# Sources that may legitimately stay as they are (product names, codes): none for now.
KEEP_AS_IS: frozenset[str] = frozenset()

PLACEHOLDER = re.compile(r"%n|%[1-9]|\{\w*\}")


@dataclass(frozen=True)
class Message:
    context: str
    source: str
    comment: str  # the disambiguation, if any
    numerus: bool
    kind: str  # the translation's type attribute: "", "unfinished", "vanished", "obsolete"
    texts: tuple[str, ...]  # the translation, or one text per numerus form

    def __str__(self) -> str:
        comment = f" ({self.comment!r})" if self.comment else ""
        return f"{self.context}: {self.source!r}{comment}"


def ts_path(lang: str) -> Path:
    return TRANSLATIONS / f"fieldapp_{lang}.ts"


def read_ts(path: Path) -> list[Message]:
    messages = []
    for context in ET.parse(path).getroot().iter("context"):
        name = context.findtext("name", "")
        for message in context.iter("message"):
            translation = message.find("translation")
            numerus = message.get("numerus") == "yes"
            if translation is None:
                kind, texts = "unfinished", ()
            elif numerus:
                kind = translation.get("type", "")
                texts = tuple(f.text or "" for f in translation.iter("numerusform"))
            else:
                kind, texts = translation.get("type", ""), (translation.text or "",)
            messages.append(Message(name, message.findtext("source", ""),
                                    message.findtext("comment", ""), numerus, kind, texts))
    return messages


def current(lang: str) -> list[Message]:
    """The messages of the committed file that the app uses (not obsolete ones)."""
    return [m for m in read_ts(ts_path(lang)) if m.kind not in ("vanished", "obsolete")]


def placeholders(text: str) -> Counter[str]:
    return Counter(PLACEHOLDER.findall(text))


def accelerators(text: str) -> int:
    return text.replace("&&", "").count("&")


def has_letters(text: str) -> bool:
    return any(ch.isalpha() for ch in text)


def has_arabic_letters(text: str) -> bool:
    return any(ch.isalpha() and "ARABIC" in unicodedata.name(ch, "") for ch in text)


def report(lang: str, problems: list[str]) -> str:
    return f"{len(problems)} problem(s) in {ts_path(lang).name}:\n  " + "\n  ".join(problems)


@pytest.fixture(scope="session")
def built_translations():
    i18n.build()
    for lang in LANGUAGES:
        assert ts_path(lang).with_suffix(".qm").exists(), f"lrelease made no .qm for {lang}"


@pytest.fixture
def translated_app(qapp, built_translations):
    """The application with translators installed by the test; removed again afterwards."""
    locale = QLocale()
    yield qapp
    for translator in getattr(i18n, "_installed", []):
        qapp.removeTranslator(translator)
    getattr(i18n, "_installed", []).clear()
    QLocale.setDefault(locale)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_file_header_names_the_languages(lang):
    root = ET.parse(ts_path(lang)).getroot()
    assert root.tag == "TS"
    assert root.get("language") == lang
    assert root.get("sourcelanguage") == "en"
    assert current(lang), f"{ts_path(lang).name} has no messages"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_message_is_translated(lang):
    problems = []
    for m in current(lang):
        if m.kind == "unfinished":
            problems.append(f"{m}: unfinished")
        elif not m.texts or any(not t.strip() for t in m.texts):
            problems.append(f"{m}: empty translation")
    assert not problems, report(lang, problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plural_messages_have_one_form_per_plural_category(lang):
    expected = len(PLURAL_SAMPLES[lang])
    problems = [f"{m}: {len(m.texts)} numerus form(s), expected {expected}"
                for m in current(lang) if m.numerus and len(m.texts) != expected]
    assert not problems, report(lang, problems)


def number_is_in_the_word(lang: str, m: Message, form: int) -> bool:
    """Whether a numerus form may leave %n out because its word says the number: Arabic's
    zero, one and two (يوم، يومان) never repeat it («منذ 2 يومين» reads "2 two days ago")."""
    return (m.numerus and lang == "ar" and form < len(PLURAL_SAMPLES["ar"])
            and PLURAL_SAMPLES["ar"][form] in (0, 1, 2))


@pytest.mark.parametrize("lang", LANGUAGES)
def test_placeholders_are_kept(lang):
    problems = []
    for m in current(lang):
        wanted = placeholders(m.source)
        for i, text in enumerate(m.texts):
            got = placeholders(text)
            if number_is_in_the_word(lang, m, i):
                got["%n"] = wanted["%n"]
                got = +got
            if got != wanted:
                form = f" (numerus form {i + 1})" if m.numerus else ""
                problems.append(f"{m}{form}: placeholders {sorted(got.elements())}, "
                                f"expected {sorted(wanted.elements())}")
    assert not problems, report(lang, problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_keyboard_accelerators_are_kept(lang):
    problems = []
    for m in current(lang):
        wanted = accelerators(m.source)
        for text in m.texts:
            if accelerators(text) != wanted:
                problems.append(f"{m}: {accelerators(text)} '&' accelerator(s) in {text!r}, "
                                f"expected {wanted}")
    assert not problems, report(lang, problems)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_translations_are_not_left_in_english(lang):
    problems = []
    for m in current(lang):
        if m.source in KEEP_AS_IS or not has_letters(m.source):
            continue
        for text in m.texts:
            if text.strip() == m.source.strip() and len(m.source.split()) > 1:
                problems.append(f"{m}: the translation is the English text")
            elif lang == "ar" and text.strip() and not has_arabic_letters(text):
                problems.append(f"{m}: no Arabic letters in {text!r}")
    assert not problems, report(lang, problems)


def translated_keys(lang: str) -> dict[tuple[str, str, str], Message]:
    """The finished messages of the committed file, by (context, source, disambiguation)."""
    return {(m.context, m.source, m.comment): m for m in current(lang)
            if m.kind == "" and m.texts and all(t.strip() for t in m.texts)}


def code_messages() -> list[tuple[str, int, str, str, str, bool]]:
    """Every literal QCoreApplication.translate(context, text[, comment[, n]]) call in fieldapp.

    As (file, line, context, text, comment, numerus): an independent reading of the code, for
    the calls lupdate misses (some PySide6 versions skip a call whose n is an expression).
    """
    found = []
    for path in sorted((ROOT / "fieldapp").rglob("*.py")):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)
                    and node.func.attr == "translate" and len(node.args) >= 2):
                continue
            texts = [a.value if isinstance(a, ast.Constant) and isinstance(a.value, str) else None
                     for a in node.args[:3]]
            if texts[0] is None or texts[1] is None:
                continue  # str.translate(table), or a call lupdate cannot read either
            numerus = len(node.args) > 3 or any(k.arg == "n" for k in node.keywords)
            found.append((str(path.relative_to(ROOT)), node.lineno, texts[0], texts[1],
                          (texts[2] if len(texts) > 2 else None) or "", numerus))
    return found


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_string_in_the_code_is_translated(lang, tmp_path):
    """lupdate on the current code finds no message that the committed file lacks."""
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    assert lupdate.exists(), f"{lupdate} not found: install PySide6 in this environment"
    copy = tmp_path / ts_path(lang).name
    shutil.copyfile(ts_path(lang), copy)
    sources = [str(p) for p in sorted((ROOT / "fieldapp").rglob("*.py"))]
    done = subprocess.run(
        [str(lupdate), "-no-obsolete", "-locations", "none", "-source-language", "en",
         "-target-language", lang, *sources, "-ts", str(copy)],
        capture_output=True, text=True, cwd=ROOT, timeout=300,
    )
    assert done.returncode == 0, done.stdout + done.stderr
    found = read_ts(copy)
    # lupdate reads only literal QCoreApplication.translate("Context", "text", ...) calls: through
    # an alias (tr = QCoreApplication.translate) or a wrapper (def tr(text)) it loses the context,
    # so the translation it files is never found when the sentence is shown.
    hidden = [m.comment or m.source for m in found if not m.context]
    assert not hidden, (
        f"lupdate found {len(hidden)} message(s) without a context, e.g. {hidden[:3]}: call "
        "QCoreApplication.translate(\"Context\", \"text\") literally, not through an alias "
        "or a wrapper function."
    )
    # Compared by key rather than by the copy's "unfinished" marks: PySide6 6.11's lupdate does
    # not see plural calls whose n is a variable and turns their translated numerus forms back
    # into one unfinished text, so the marks depend on the version, the keys do not.
    translated = translated_keys(lang)
    missing = [f"{m}: in the code but not translated" for m in found
               if (m.context, m.source, m.comment) not in translated]
    assert not missing, report(lang, missing) + (
        "\nRun `python -m fieldapp.i18n update`, then translate these messages."
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_translate_call_has_a_translation_of_the_right_kind(lang):
    """Read the code directly: each call is translated, with plural forms when it passes n."""
    translated = translated_keys(lang)
    problems = []
    for file, line, context, source, comment, numerus in code_messages():
        m = translated.get((context, source, comment))
        where = f"{file}:{line} {context}: {source!r}"
        if m is None:
            problems.append(f"{where}: not translated")
        elif m.numerus != numerus:
            problems.append(f"{where}: the call {'passes' if numerus else 'does not pass'} n, "
                            f"but the message is {'' if m.numerus else 'not '}a plural one")
    assert not problems, report(lang, problems) + (
        "\nA plural message needs <message numerus=\"yes\"> and one <numerusform> per form."
    )


@pytest.mark.parametrize("lang", LANGUAGES)
def test_install_translators_translates_messages(translated_app, lang):
    expected = {m.source: m.texts[0] for m in current(lang) if not m.numerus}["Required."]
    i18n.install_translators(translated_app, lang)
    got = QCoreApplication.translate("Messages", "Required.")
    assert got == expected
    assert got != "Required."
    if lang == "ar":
        assert has_arabic_letters(got), got


@pytest.mark.parametrize("lang", LANGUAGES)
def test_plural_forms_are_chosen_by_number(translated_app, lang):
    i18n.install_translators(translated_app, lang)
    problems = []
    for m in current(lang):
        if not m.numerus or len(m.texts) != len(PLURAL_SAMPLES[lang]):
            continue
        for n, form in zip(PLURAL_SAMPLES[lang], m.texts, strict=True):
            got = QCoreApplication.translate(m.context, m.source, "", n)
            if got != form.replace("%n", str(n)):
                problems.append(f"{m}: for n={n} got {got!r}, expected {form!r}")
    assert not problems, report(lang, problems)


# --- the words themselves ----------------------------------------------------------------------

ARABIC_WORD = "[\u0621-\u064A]"


def test_arabic_counts_of_one_and_two_do_not_repeat_the_number():
    """«منذ يوم», «منذ يومين», «سنتان»: the singular and the dual say the number; a count in
    parentheses after a title («... (2)») is not a repetition. From three on, %n is written."""
    problems = []
    for m in current("ar"):
        if not m.numerus or "%n" not in m.source or len(m.texts) != 6:
            continue
        for n, text in zip(PLURAL_SAMPLES["ar"], m.texts, strict=True):
            bare = text.replace("(%n)", "")
            if n in (1, 2) and "%n" in bare:
                problems.append(f"{m}: for {n}, {text!r} repeats the number beside its word")
            elif n >= 3 and "%n" not in text:
                problems.append(f"{m}: for {n}, {text!r} does not say the number")
    assert not problems, report("ar", problems)


@pytest.mark.parametrize("n, expected", [(1, "منذ يوم"), (2, "منذ يومين"), (3, "منذ 3 أيام"),
                                         (11, "منذ 11 يوماً"), (100, "منذ 100 يوم")])
def test_days_ago_reads_naturally_in_arabic(translated_app, n, expected):
    i18n.install_translators(translated_app, "ar")
    assert QCoreApplication.translate("Persons", "%n days ago", "", n) == expected


def _translations(lang: str) -> list[tuple[Message, str]]:
    return [(m, t) for m in current(lang) for t in m.texts]


# (language, a word that must not appear, why) — the glossary's choices, checked everywhere
FORBIDDEN = [
    ("ar", "رصد", "an encounter is «لقاء»: «رصد» is surveillance, people are not watched"),
    ("ar", "إخفاء الهوية", "a pseudonymised file is «بأسماء مستعارة», not anonymised"),
    ("ar", "الانفصال", "refusing to part from a companion is «مفارقة», not marital separation"),
    ("ar", "الزوج", "the next pair of records is «الاقتراح الموالي», not «the next husband»"),
    ("ar", "إخلاء", "an emergency evacuation is «نقل إلى المستعجلات»"),
    ("ar", "14.05", "the law on social-care institutions is Law 65.15 (2018)"),
    ("fr", "14.05", "the law on social-care institutions is Law 65.15 (2018)"),
    ("fr", "Shift", "the key is « Maj » on French keyboards"),
    ("fr", "anonymis", "a pseudonymised file is « pseudonymisé », not anonymised"),
]


@pytest.mark.parametrize("lang, word, why", FORBIDDEN,
                         ids=[f"{lang}-{i}" for i, (lang, _w, _y) in enumerate(FORBIDDEN)])
def test_glossary_words_are_used(lang, word, why):
    problems = [f"{m}: {t!r}" for m, t in _translations(lang) if word in t]
    assert not problems, report(lang, problems) + f"\n{why}"


def test_one_spelling_of_in_progress_in_arabic():
    """«جارٍ التصدير…», «جارٍ المزامنة…»: with its tanween, always; «جارية» only as an
    adjective («دوريات جارية»), never before the noun."""
    problems = [f"{m}: {t!r}" for m, t in _translations("ar")
                if re.search("جار(?!ٍ|ية|يت)", t) or re.search("جارية ال", t)]
    assert not problems, report("ar", problems)


def _words(source: str) -> str:
    return PLACEHOLDER.sub("", source).lower()


# (English word in the source, language, what its translation must contain or avoid)
ONE_TERM = [
    # the 75 divisions are prefectures and provinces
    ("province", "ar", r"عمال", True),
    ("province", "fr", r"[Pp]réfecture", True),
    # a case's or referral's status is not a person's situation
    ("status", "ar", r"وضعي", False),
    ("situation", "ar", r"الحالة", False),
    # a folder is a « répertoire »: « dossier » is a case
    ("folder", "fr", r"dossier", False),
    # a referral to an institution is not an encounter's orientation
    ("referral", "fr", r"orientation", False),
    # a shelter is a « centre d’hébergement », never « Hébergement » alone
    ("shelter", "fr", r"(?<!d’)(?<!d')[Hh]ébergement", False),
]


@pytest.mark.parametrize("word, lang, pattern, must", ONE_TERM,
                         ids=[f"{word}-{lang}" for word, lang, _p, _m in ONE_TERM])
def test_one_term_per_concept(word, lang, pattern, must):
    problems = []
    for m in current(lang):
        if not re.search(rf"\b{word}", _words(m.source)):
            continue
        for text in m.texts:
            if bool(re.search(pattern, text)) != must:
                problems.append(f"{m}: {text!r}")
    assert not problems, report(lang, problems) + (
        f"\nwhere the English says {word!r}, the translation "
        f"{'must' if must else 'must not'} match {pattern!r}")


LATIN_RUN = re.compile(r"[A-Za-z][A-Za-z0-9_.:/*@+\-→ ]*")
ISOLATED = re.compile("[\u2066\u2067\u2068][^\u2069]*\u2069")


def test_latin_codes_inside_arabic_are_isolated():
    """Ctrl+S, CSV, fieldapp, https://… inside an Arabic sentence sit in a left-to-right
    isolate (U+2066 … U+2069): otherwise a line that starts with one is laid out left to
    right, and «(Ctrl+S)» can come apart. An accelerator «(&S)» and a file dialog's filter
    are left as Qt reads them."""
    problems = []
    for m, text in _translations("ar"):
        if ";;" in m.source:
            continue
        outside = PLACEHOLDER.sub("", ISOLATED.sub("", text))
        outside = re.sub(r"&[A-Za-z]", "", outside)
        if LATIN_RUN.search(outside):
            problems.append(f"{m}: {text!r}")
    assert not problems, report("ar", problems)
