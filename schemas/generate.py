#!/usr/bin/env python3
r"""Generate sagelint's CreateTrainingJob schema and Rust model from botocore.

Reads botocore's SageMaker service model (the version pinned in
schemas/requirements.txt) and writes two committed files:

  schemas/create-training-job.schema.json   JSON Schema (draft-07) of the
                                            CreateTrainingJob request
  src/model/generated.rs                    serde structs for every structure
                                            reachable from CreateTrainingJobRequest

Usage:
  python3 schemas/generate.py              write both files
  python3 schemas/generate.py --check      exit 1 if the committed files are stale
  python3 schemas/generate.py --self-test  check the pattern translator

Exit codes: 0 ok, 1 stale files (--check) or failed self-test, 2 the model
holds something this generator does not understand, 3 wrong or missing botocore.

Overrides (applied to the schema after generation; each must still apply, or
generation fails so that a model change is looked at by a person):

  | shape               | keyword       | reason                                        |
  |---------------------|---------------|-----------------------------------------------|
  | HyperParameters     | maxProperties | SL201 enforces the documented 100-entry limit |
  | HyperParameterKey   | maxLength     | SL202 enforces the documented 256 characters  |
  | HyperParameterValue | maxLength     | SL202 enforces the documented 256 characters  |
  |                     |               | (the model says 2500)                         |

Pattern translation (AWS validates patterns with Java's java.util.regex as
whole-value matches; the schema is evaluated with fancy-regex through the
`jsonschema` crate). Every pattern becomes `^(?:<translated>)$`, and:

  | Java                                      | outside a class               | inside a class           |
  |-------------------------------------------|-------------------------------|--------------------------|
  | `.`                                       | `[^\n\r\u0085\u2028\u2029]`   | `.` (a literal dot)      |
  | `\p{Alnum}`                               | `[a-zA-Z0-9]`                 | `a-zA-Z0-9`              |
  | `\p{Alpha}` `\p{Upper}` `\p{Lower}`       | `[a-zA-Z]` `[A-Z]` `[a-z]`    | the same, unbracketed    |
  | `\p{Digit}` `\d`                          | `[0-9]`                       | `0-9`                    |
  | `\p{Punct}`                               | the 32 ASCII punctuation marks| the same, unbracketed    |
  | `\p{Space}` `\s`                          | `[ \t\n\x0B\f\r]`             | ` \t\n\x0B\f\r`          |
  | `\w`                                      | `[a-zA-Z_0-9]`                | `a-zA-Z_0-9`             |
  | `\S` `\D` `\W` `\P{<ASCII class>}`        | `[^...]`                      | the class becomes        |
  |                                           |                               | `(?:[^...]|[rest])`      |
  | `\p{L}` `\p{N}` `\p{Z}` (and `\P{..}`)    | unchanged (Unicode)           | unchanged                |
  | `(?<!x)` `(?<=x)` `(?=x)` `(?!x)` `(?:x)` | unchanged                     |                          |
  | `\/` and other escaped punctuation        | the bare character where it is not special, else unchanged |

Anything else (`\p{...}` names not listed, `\b`, back-references, `^`/`$`
inside a pattern, possessive quantifiers, class intersection, inline flags,
...) stops generation with an error.
"""

from __future__ import annotations

import argparse
import difflib
import gzip
import html
import html.parser
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
REQUIREMENTS = ROOT / "schemas" / "requirements.txt"
SCHEMA_PATH = ROOT / "schemas" / "create-training-job.schema.json"
RUST_PATH = ROOT / "src" / "model" / "generated.rs"

SERVICE = "sagemaker"
API_VERSION = "2017-07-24"
OPERATION = "CreateTrainingJob"
ROOT_SHAPE = "CreateTrainingJobRequest"
DESCRIBE_OPERATION = "DescribeTrainingJob"
# The second shape sagelint checks: a tuning job, and the training job definitions in it.
TUNING_OPERATION = "CreateHyperParameterTuningJob"
TUNING_ROOT = "CreateHyperParameterTuningJobRequest"

EXIT_STALE = 1
EXIT_MODEL = 2
EXIT_ENV = 3

# (shape, keyword, reason). Applied after generation; an override that no
# longer applies (shape unreachable or keyword absent) is an error.
OVERRIDES: list[tuple[str, str, str]] = [
    ("HyperParameters", "maxProperties", "SL201 enforces the documented 100-entry limit"),
    ("HyperParameterKey", "maxLength", "SL202 enforces the documented 256-character limit"),
    (
        "HyperParameterValue",
        "maxLength",
        "SL202 enforces the documented 256-character limit (the model says 2500)",
    ),
]


class ModelError(Exception):
    """The model holds something this generator does not know how to translate."""


class EnvError(Exception):
    """botocore is missing or is not the pinned version."""


# --------------------------------------------------------------------------
# botocore


def pinned_botocore_version() -> str:
    try:
        text = REQUIREMENTS.read_text(encoding="utf-8")
    except OSError as err:
        raise EnvError(f"cannot read {REQUIREMENTS}: {err}") from err
    for line in text.splitlines():
        line = line.split("#", 1)[0].strip()
        m = re.fullmatch(r"botocore\s*==\s*([0-9][0-9A-Za-z.\-+]*)", line)
        if m:
            return m.group(1)
    raise EnvError(f"{REQUIREMENTS.relative_to(ROOT)} has no `botocore==<version>` line")


def load_model() -> tuple[dict, str]:
    pinned = pinned_botocore_version()
    hint = "run: pip install -r schemas/requirements.txt"
    try:
        import botocore  # noqa: PLC0415
    except ImportError as err:
        raise EnvError(f"botocore is not installed (need {pinned}); {hint}") from err
    installed = getattr(botocore, "__version__", "unknown")
    if installed != pinned:
        raise EnvError(
            f"botocore {installed} is installed but schemas/requirements.txt pins {pinned}; "
            f"{hint} (or, to bump, see schemas/README.md)"
        )
    path = os.path.join(
        os.path.dirname(botocore.__file__), "data", SERVICE, API_VERSION, "service-2.json.gz"
    )
    try:
        with gzip.open(path, "rt", encoding="utf-8") as fh:
            model = json.load(fh)
    except OSError as err:
        raise EnvError(f"cannot read the SageMaker model at {path}: {err}") from err
    return model, installed


def reachable_shapes(shapes: dict, root: str) -> dict[str, dict]:
    seen: dict[str, dict] = {}
    stack = [root]
    while stack:
        name = stack.pop()
        if name in seen:
            continue
        if name not in shapes:
            raise ModelError(f"shape {name} is referenced but not defined")
        shape = shapes[name]
        seen[name] = shape
        kind = shape.get("type")
        if kind == "structure":
            stack.extend(m["shape"] for m in shape.get("members", {}).values())
        elif kind == "list":
            stack.append(shape["member"]["shape"])
        elif kind == "map":
            stack.append(shape["key"]["shape"])
            stack.append(shape["value"]["shape"])
    return seen


# Keys the generator knows. Keys that do not change what a request may
# contain are ignored; anything else is an error so that a model change that
# matters is noticed.
IGNORED_SHAPE_KEYS = {
    "type", "documentation", "box", "sensitive", "deprecated", "deprecatedMessage",
    "locationName", "xmlNamespace", "wrapper", "flattened", "synthetic",
}
SHAPE_KEYS = {
    "structure": {"members", "required"},
    "list": {"member", "min", "max"},
    "map": {"key", "value", "min", "max"},
    "string": {"min", "max", "pattern", "enum"},
    "integer": {"min", "max"},
    "long": {"min", "max"},
    "float": {"min", "max"},
    "double": {"min", "max"},
    "boolean": set(),
    "timestamp": {"timestampFormat"},
    "blob": {"min", "max"},
}
MEMBER_KEYS = {"shape", "documentation", "box", "deprecated", "deprecatedMessage", "locationName"}


def check_keys(name: str, shape: dict) -> None:
    kind = shape.get("type")
    if kind not in SHAPE_KEYS:
        raise ModelError(f"shape {name} has unsupported type {kind!r}")
    unknown = set(shape) - IGNORED_SHAPE_KEYS - SHAPE_KEYS[kind]
    if unknown:
        raise ModelError(f"shape {name} ({kind}) has unsupported keys {sorted(unknown)}")
    if kind == "structure":
        for member, ref in shape["members"].items():
            extra = set(ref) - MEMBER_KEYS
            if extra:
                raise ModelError(f"member {name}.{member} has unsupported keys {sorted(extra)}")
        missing = [r for r in shape.get("required", []) if r not in shape["members"]]
        if missing:
            raise ModelError(f"shape {name} requires undefined members {missing}")


# --------------------------------------------------------------------------
# documentation


_BLOCK_TAGS = {
    "p", "li", "ul", "ol", "br", "div", "dd", "dt", "dl", "note", "important",
    "h1", "h2", "h3", "h4", "h5", "h6", "table", "tr", "td", "th", "pre",
}


class _TextExtractor(html.parser.HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_starttag(self, tag, attrs):  # noqa: ARG002
        if tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_endtag(self, tag):
        if tag in _BLOCK_TAGS:
            self.parts.append(" ")

    def handle_data(self, data):
        self.parts.append(data)


def doc_text(doc: str | None) -> str:
    """botocore HTML documentation as plain text on one line."""
    if not doc:
        return ""
    parser = _TextExtractor()
    parser.feed(doc)
    parser.close()
    text = html.unescape("".join(parser.parts))
    return re.sub(r"\s+", " ", text).strip()


_ABBREVIATIONS = ("e.g.", "i.e.", "etc.", "vs.", "Inc.", "approx.", "No.")


def first_sentence(text: str) -> str:
    """The first sentence of `text` (two if the first is a single word, like "Optional.")."""
    ends = []
    for m in re.finditer(r"[.!?](?=\s+[A-Z0-9\"'(\[])", text):
        before = text[: m.end()]
        if before.endswith(_ABBREVIATIONS):
            continue
        ends.append(m.end())
    for end in ends:
        if len(text[:end].split()) >= 2:
            return text[:end].strip()
    return text.strip()


def rust_doc(text: str) -> str:
    """Escape text for a `///` comment so rustdoc neither links nor parses HTML."""
    text = text.replace("\\", "\\\\")
    text = re.sub(r"([\[\]<>`*])", r"\\\1", text)

    def url(m: re.Match) -> str:
        body = m.group(0)
        tail = ""
        while body and body[-1] in ".,;:)":
            tail = body[-1] + tail
            body = body[:-1]
        return f"<{body}>{tail}"

    return re.sub(r"https?://[^\s\\]+", url, text)


# --------------------------------------------------------------------------
# pattern translation (Java java.util.regex -> fancy-regex)

LINE_TERMINATORS = r"\n\r\u0085\u2028\u2029"
JAVA_SPACE = r" \t\n\x0B\f\r"
ASCII_PUNCT = r"!" + '"' + r"#$%&'()*+,\-./:;<=>?@\[\\\]\^_`{|}\~"

# Java POSIX classes (ASCII unless UNICODE_CHARACTER_CLASS, which AWS does not use).
ASCII_PROPERTIES = {
    "Alnum": "a-zA-Z0-9",
    "Alpha": "a-zA-Z",
    "Digit": "0-9",
    "Upper": "A-Z",
    "Lower": "a-z",
    "Punct": ASCII_PUNCT,
    "Space": JAVA_SPACE,
}
# Unicode general categories that Java and fancy-regex both understand.
UNICODE_PROPERTIES = {"L", "N", "Z"}
# Java's predefined classes (ASCII).
PERL_CLASSES = {"d": "0-9", "w": "a-zA-Z_0-9", "s": JAVA_SPACE}

# Escaped characters that are literal punctuation in Java. Outside a class the
# escape is kept only where the character is a metacharacter; inside a class
# only where the character is special to fancy-regex or to `jsonschema`'s
# ECMA-262 rewrite.
# Java: a backslash before any non-alphabetic character is that character.
_ESCAPABLE = {chr(c) for c in range(0x20, 0x7F) if not chr(c).isalnum()}
_META_OUTSIDE = set("\\.^$|?*+()[]{}")
_META_INSIDE = set("\\[]^-&~")
_SIMPLE_ESCAPES = {"n": r"\n", "r": r"\r", "t": r"\t", "f": r"\f"}


class Flavor:
    """How Unicode properties are written in the output."""

    def unicode_property(self, name: str, negated: bool, in_class: bool) -> str:
        raise NotImplementedError


class RustFlavor(Flavor):
    def unicode_property(self, name, negated, in_class):
        return ("\\P" if negated else "\\p") + "{" + name + "}"


class PythonFlavor(Flavor):
    """Python's `re` has no \\p{..}: spell categories out as ranges (check only)."""

    _cache: dict[str, str] = {}

    @classmethod
    def ranges(cls, name: str) -> str:
        if name not in cls._cache:
            import unicodedata  # noqa: PLC0415

            out = []
            start = None
            for cp in range(0x110001):
                inside = cp <= 0x10FFFF and unicodedata.category(chr(cp)).startswith(name)
                if inside and start is None:
                    start = cp
                elif not inside and start is not None:
                    out.append(f"\\U{start:08x}-\\U{cp - 1:08x}")
                    start = None
            cls._cache[name] = "".join(out)
        return cls._cache[name]

    def unicode_property(self, name, negated, in_class):
        if negated:
            if in_class:
                raise ModelError("negated Unicode property inside a class")
            return "[^" + self.ranges(name) + "]"
        body = self.ranges(name)
        return body if in_class else "[" + body + "]"


def _parse_property(pattern: str, i: int) -> tuple[str, int]:
    """pattern[i] is the `{` after \\p; returns (name, index after `}`)."""
    if i >= len(pattern) or pattern[i] != "{":
        raise ModelError(f"single-letter \\p class at {i} in {pattern!r}")
    end = pattern.find("}", i)
    if end < 0:
        raise ModelError(f"unclosed \\p{{ at {i} in {pattern!r}")
    return pattern[i + 1 : end], end + 1


def translate_pattern(pattern: str, flavor: Flavor | None = None) -> str:
    """Translate a Java regex into a whole-value fancy-regex pattern."""
    flavor = flavor or RustFlavor()
    out: list[str] = []
    i = 0
    n = len(pattern)
    depth = 0
    prev_atom = False  # whether a quantifier may follow

    def fail(what: str) -> ModelError:
        return ModelError(f"unsupported {what} at offset {i} in pattern {pattern!r}")

    while i < n:
        c = pattern[i]
        if c == "\\":
            if i + 1 >= n:
                raise fail("trailing backslash")
            e = pattern[i + 1]
            if e in "pP":
                name, j = _parse_property(pattern, i + 2)
                negated = e == "P"
                if name in ASCII_PROPERTIES:
                    out.append(("[^" if negated else "[") + ASCII_PROPERTIES[name] + "]")
                elif name in UNICODE_PROPERTIES:
                    out.append(flavor.unicode_property(name, negated, in_class=False))
                else:
                    raise fail(f"property \\{e}{{{name}}}")
                i = j
            elif e.lower() in PERL_CLASSES:
                body = PERL_CLASSES[e.lower()]
                out.append(("[^" if e.isupper() else "[") + body + "]")
                i += 2
            elif e in _SIMPLE_ESCAPES:
                out.append(_SIMPLE_ESCAPES[e])
                i += 2
            elif e in _ESCAPABLE:
                out.append("\\" + e if e in _META_OUTSIDE else e)
                i += 2
            else:
                raise fail(f"escape \\{e}")
            prev_atom = True
        elif c == "[":
            text, i = _translate_class(pattern, i, flavor)
            out.append(text)
            prev_atom = True
        elif c == "(":
            if pattern.startswith("(?:", i):
                out.append("(?:")
                i += 3
            elif pattern.startswith(("(?<!", "(?<="), i):
                out.append(pattern[i : i + 4])
                i += 4
            elif pattern.startswith(("(?=", "(?!"), i):
                out.append(pattern[i : i + 3])
                i += 3
            elif pattern.startswith("(?", i):
                raise fail("group syntax")
            else:
                out.append("(")
                i += 1
            depth += 1
            prev_atom = False
        elif c == ")":
            if depth == 0:
                raise fail("unbalanced `)`")
            depth -= 1
            out.append(")")
            i += 1
            prev_atom = True
        elif c == "|":
            out.append("|")
            i += 1
            prev_atom = False
        elif c in "*+?{":
            if not prev_atom:
                raise fail(f"quantifier {c!r} without an atom")
            if c == "{":
                m = re.compile(r"\{(\d+)(,(\d*))?\}").match(pattern, i)
                if not m:
                    raise fail("`{` that is not a quantifier")
                lo, hi = int(m.group(1)), m.group(3)
                if hi and int(hi) < lo:
                    raise fail("quantifier with max < min")
                out.append(m.group(0))
                i = m.end()
            else:
                out.append(c)
                i += 1
            if i < n and pattern[i] == "?":
                out.append("?")  # reluctant: same meaning in fancy-regex
                i += 1
            elif i < n and pattern[i] == "+":
                raise fail("possessive quantifier")
            prev_atom = False
        elif c == ".":
            out.append("[^" + LINE_TERMINATORS + "]")
            i += 1
            prev_atom = True
        elif c in "^$":
            raise fail(f"anchor {c!r} inside a pattern")
        elif c in "]}":
            raise fail(f"bare {c!r}")
        elif c.isspace() and c != " ":
            raise fail("control character")
        else:
            out.append(c)
            i += 1
            prev_atom = True
    if depth:
        raise ModelError(f"unbalanced `(` in pattern {pattern!r}")
    return "^(?:" + "".join(out) + ")$"


def _translate_class(pattern: str, start: int, flavor: Flavor) -> tuple[str, int]:
    """Translate the class starting at pattern[start] == '['."""
    i = start + 1
    n = len(pattern)
    negated = False
    if i < n and pattern[i] == "^":
        negated = True
        i += 1
    items: list[str] = []  # positive items, already in output syntax
    negatives: list[str] = []  # bodies of negated sets (\S, \D, \W, \P{Alnum}, ...)
    first = True

    def fail(what: str, at: int) -> ModelError:
        return ModelError(f"unsupported {what} at offset {at} in pattern {pattern!r}")

    while True:
        if i >= n:
            raise fail("unclosed character class", start)
        c = pattern[i]
        if c == "]" and not first:
            i += 1
            break
        first = False
        if c == "[":
            raise fail("nested character class (Java union)", i)
        if c == "&" and pattern.startswith("&&", i):
            raise fail("class intersection `&&`", i)
        if c in "-~" and pattern.startswith(c * 2, i):
            raise fail(f"`{c * 2}` inside a class", i)
        if c == "\\":
            if i + 1 >= n:
                raise fail("trailing backslash", i)
            e = pattern[i + 1]
            if e in "pP":
                name, j = _parse_property(pattern, i + 2)
                neg = e == "P"
                if name in ASCII_PROPERTIES:
                    (negatives if neg else items).append(ASCII_PROPERTIES[name])
                elif name in UNICODE_PROPERTIES:
                    if neg and isinstance(flavor, PythonFlavor):
                        negatives.append(flavor.ranges(name))
                    else:
                        items.append(flavor.unicode_property(name, neg, in_class=True))
                else:
                    raise fail(f"property \\{e}{{{name}}}", i)
                i = j
            elif e.lower() in PERL_CLASSES:
                body = PERL_CLASSES[e.lower()]
                (negatives if e.isupper() else items).append(body)
                i += 2
            elif e in _SIMPLE_ESCAPES:
                items.append(_SIMPLE_ESCAPES[e])
                i += 2
            elif e in _ESCAPABLE:
                items.append("\\" + e if e in _META_INSIDE else e)
                i += 2
            else:
                raise fail(f"escape \\{e}", i)
            continue
        if c in "[]^&~\\":
            items.append("\\" + c)
        elif c.isspace() and c != " ":
            raise fail("control character", i)
        else:
            items.append(c)
        i += 1

    body = "".join(items)
    if not negatives:
        return ("[^" if negated else "[") + body + "]", i
    if negated:
        raise fail("negated class holding a negated escape", start)
    if len(negatives) == 1 and not body:
        return "[^" + negatives[0] + "]", i  # [\S] is just \S
    # [\S\s] and friends: a class cannot hold a negated set, so spell the
    # union as an alternation of classes.
    alts = ["[^" + neg + "]" for neg in negatives]
    if body:
        alts.append("[" + body + "]")
    return "(?:" + "|".join(alts) + ")", i


def python_pattern(pattern: str) -> str:
    """The translated pattern in Python `re` syntax (for self-checks only)."""
    translated = translate_pattern(pattern, PythonFlavor())
    assert translated.endswith(")$")
    # Python's `$` also matches before a final newline; `\Z` does not.
    return translated[:-1] + r"\Z"


# --------------------------------------------------------------------------
# JSON Schema


# The range of each integer type (Smithy: integer is 32-bit, long 64-bit, both signed).
INTEGER_RANGE = {"integer": (-(2**31), 2**31 - 1), "long": (-(2**63), 2**63 - 1)}


def ref(name: str) -> dict:
    return {"$ref": f"#/definitions/{name}"}


def shape_schema(name: str, shape: dict, shape_doc: str) -> dict:
    kind = shape["type"]
    out: dict = {}

    def put_bounds(lo_key: str, hi_key: str) -> None:
        if "min" in shape:
            out[lo_key] = shape["min"]
        if "max" in shape:
            out[hi_key] = shape["max"]

    if kind == "structure":
        out["type"] = "object"
        if shape_doc:
            out["description"] = shape_doc
        props = {}
        for member, mref in shape["members"].items():
            prop = ref(mref["shape"])
            mdoc = doc_text(mref.get("documentation"))
            if mdoc:
                prop["description"] = mdoc
            props[member] = prop
        out["properties"] = props
        if shape.get("required"):
            out["required"] = list(shape["required"])
        out["additionalProperties"] = False
    elif kind == "string":
        out["type"] = "string"
        if shape_doc:
            out["description"] = shape_doc
        put_bounds("minLength", "maxLength")
        if "enum" in shape:
            out["enum"] = list(shape["enum"])
        if "pattern" in shape:
            out["pattern"] = translate_pattern(shape["pattern"])
            out["x-aws-pattern"] = shape["pattern"]
    elif kind in ("integer", "long", "float", "double"):
        out["type"] = "integer" if kind in ("integer", "long") else "number"
        if shape_doc:
            out["description"] = shape_doc
        put_bounds("minimum", "maximum")
        # Smithy's integer and long are 32- and 64-bit: the service cannot read a value outside
        # them (2**64 in a field without a stated maximum), whatever the AWS CLI sends.
        if kind in INTEGER_RANGE:
            lo, hi = INTEGER_RANGE[kind]
            out.setdefault("minimum", lo)
            out.setdefault("maximum", hi)
    elif kind == "boolean":
        out["type"] = "boolean"
        if shape_doc:
            out["description"] = shape_doc
    elif kind in ("timestamp", "blob"):
        # Lengths of a blob count decoded bytes, not characters: not mapped.
        out["type"] = "string"
        if shape_doc:
            out["description"] = shape_doc
    elif kind == "list":
        out["type"] = "array"
        if shape_doc:
            out["description"] = shape_doc
        out["items"] = ref(shape["member"]["shape"])
        put_bounds("minItems", "maxItems")
    elif kind == "map":
        out["type"] = "object"
        if shape_doc:
            out["description"] = shape_doc
        out["additionalProperties"] = ref(shape["value"]["shape"])
        out["propertyNames"] = ref(shape["key"]["shape"])
        put_bounds("minProperties", "maxProperties")
    else:  # pragma: no cover - check_keys rejects it first
        raise ModelError(f"shape {name} has unsupported type {kind!r}")
    out["x-aws-shape"] = name
    return out


def apply_overrides(defs: dict) -> None:
    for shape, keyword, reason in OVERRIDES:
        if shape not in defs:
            raise ModelError(f"override ({shape}, {keyword}: {reason}) no longer applies: "
                             f"{shape} is not reachable")
        if keyword not in defs[shape]:
            raise ModelError(f"override ({shape}, {keyword}: {reason}) no longer applies: "
                             f"{shape} has no {keyword}")
        del defs[shape][keyword]


def build_schema(model: dict, shapes: dict[str, dict], version: str) -> dict:
    op_doc = doc_text(model["operations"][OPERATION].get("documentation"))
    defs = {}
    for name in sorted(shapes):
        shape_doc = doc_text(shapes[name].get("documentation"))
        if name == ROOT_SHAPE and not shape_doc:
            shape_doc = op_doc
        defs[name] = shape_schema(name, shapes[name], shape_doc)
    apply_overrides(defs)
    return {
        # Draft-07: every keyword used here exists in it, editors' YAML/JSON servers all
        # support it, and the validator's check of a draft-07 schema against its meta-schema
        # costs a third of the 2020-12 one (about 5M instructions of a 17M single-file run).
        "$schema": "http://json-schema.org/draft-07/schema#",
        "title": "SageMaker CreateTrainingJob request",
        "description": f"Generated by schemas/generate.py from botocore {version} "
        f"({SERVICE} {API_VERSION}). Do not edit.",
        "$ref": f"#/definitions/{ROOT_SHAPE}",
        # What a saved DescribeTrainingJob response holds beyond the request it describes
        # (sagelint checks such a file as that request, without these members).
        "x-describe-response-only": describe_response_only(model),
        "definitions": defs,
    }


def describe_response_only(model: dict) -> list[str]:
    """The members of the DescribeTrainingJob response that the request does not have."""
    shapes = model["shapes"]
    output = model["operations"][DESCRIBE_OPERATION]["output"]["shape"]
    response = set(shapes[output]["members"])
    request = set(shapes[ROOT_SHAPE]["members"])
    return sorted(response - request)


def render_schema(schema: dict) -> str:
    return json.dumps(schema, indent=2, ensure_ascii=False) + "\n"


# --------------------------------------------------------------------------
# Rust

RUST_KEYWORDS = {
    "as", "break", "const", "continue", "else", "enum", "extern", "false", "fn", "for",
    "if", "impl", "in", "let", "loop", "match", "mod", "move", "mut", "pub", "ref",
    "return", "static", "struct", "trait", "true", "type", "unsafe", "use", "where",
    "while", "async", "await", "dyn", "abstract", "become", "box", "do", "final",
    "macro", "override", "priv", "typeof", "unsized", "virtual", "yield", "try", "gen",
}
# Not allowed as raw identifiers.
RUST_RESERVED = {"self", "Self", "super", "crate", "_"}
RESERVED_TYPE_NAMES = {
    "String", "Vec", "Option", "Some", "None", "Box", "Result", "Ok", "Err",
    "StringMap", "Deserialize", "Default", "Clone", "Debug", "PartialEq",
    "i64", "f64", "bool", "BOTOCORE_VERSION",
}
# Brand spellings that the generic rule would split badly.
WORD_FIXES = {"MLflow": "Mlflow", "SageMaker": "Sagemaker"}


def snake_case(name: str) -> str:
    for wrong, right in WORD_FIXES.items():
        name = name.replace(wrong, right)
    s = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name)
    s = re.sub(r"(?<=[A-Z])(?=[A-Z][a-z])", "_", s)
    s = s.lower()
    if not re.fullmatch(r"[a-z_][a-z0-9_]*", s):
        raise ModelError(f"member name {name!r} does not make a Rust identifier")
    if s in RUST_RESERVED:
        return s + "_"
    if s in RUST_KEYWORDS:
        return "r#" + s
    return s


SCALAR_RUST = {
    "string": "String", "timestamp": "String", "blob": "String",
    "integer": "i64", "long": "i64",
    "float": "f64", "double": "f64",
    "boolean": "bool",
}


def rust_field_type(owner: str, member: str, target: str, shapes: dict) -> tuple[str, str]:
    """(type inside Option, lenient deserializer) for a member."""
    shape = shapes[target]
    kind = shape["type"]
    if kind in SCALAR_RUST:
        return SCALAR_RUST[kind], "value"
    if kind == "structure":
        return target, "value"
    if kind == "list":
        item = shape["member"]["shape"]
        ikind = shapes[item]["type"]
        if ikind in SCALAR_RUST:
            return f"Vec<{SCALAR_RUST[ikind]}>", "list"
        if ikind == "structure":
            return f"Vec<{item}>", "list"
        raise ModelError(f"{owner}.{member}: list {target} of {ikind} {item} is not supported")
    if kind == "map":
        key, value = shape["key"]["shape"], shape["value"]["shape"]
        if shapes[key]["type"] != "string" or shapes[value]["type"] != "string":
            raise ModelError(
                f"{owner}.{member}: map {target} is {shapes[key]['type']} -> "
                f"{shapes[value]['type']}; only string -> string maps are supported"
            )
        return "StringMap", "map"
    raise ModelError(f"{owner}.{member}: unsupported shape type {kind}")


def check_no_inline_cycles(shapes: dict) -> None:
    """A structure that holds itself through Option (not Vec) would have infinite size."""
    def direct(name: str) -> list[str]:
        return [m["shape"] for m in shapes[name]["members"].values()
                if shapes[m["shape"]]["type"] == "structure"]

    state: dict[str, int] = {}

    def visit(name: str, path: list[str]) -> None:
        if state.get(name) == 2:
            return
        if state.get(name) == 1:
            raise ModelError("recursive structures need Box: " + " -> ".join(path + [name]))
        state[name] = 1
        for nxt in direct(name):
            visit(nxt, path + [name])
        state[name] = 2

    for name, shape in shapes.items():
        if shape["type"] == "structure":
            visit(name, [])


def attr_line(rename: str, helper: str) -> list[str]:
    """The field's serde attribute, laid out the way rustfmt lays it out."""
    args = f'rename = "{rename}", deserialize_with = "super::lenient::{helper}"'
    one = f"    #[serde({args})]"
    # rustfmt's defaults: attr_fn_like_width = 70, max_width = 100.
    if len(args) <= 70 and len(one) <= 100:
        return [one]
    return [
        "    #[serde(",
        f'        rename = "{rename}",',
        f'        deserialize_with = "super::lenient::{helper}"',
        "    )]",
    ]


def render_rust(model: dict, shapes: dict[str, dict], version: str) -> tuple[str, int, int]:
    structs = sorted(n for n, s in shapes.items() if s["type"] == "structure")
    check_no_inline_cycles(shapes)
    op_doc = doc_text(model["operations"][OPERATION].get("documentation"))
    uses_map = False
    body: list[str] = []
    fields_total = 0
    for name in structs:
        if name in RESERVED_TYPE_NAMES or not re.fullmatch(r"[A-Z][A-Za-z0-9]*", name):
            raise ModelError(f"structure name {name!r} cannot be used as a Rust type name")
        shape = shapes[name]
        doc = doc_text(shape.get("documentation")) or (op_doc if name == ROOT_SHAPE else "")
        body.append("")
        if doc:
            body.append(f"/// {rust_doc(first_sentence(doc))}")
        body.append("#[derive(Debug, Clone, Default, PartialEq, Deserialize)]")
        body.append("#[serde(default)]")
        body.append(f"pub struct {name} {{")
        seen_fields: dict[str, str] = {}
        for member, mref in shape["members"].items():
            field = snake_case(member)
            if field in seen_fields:
                raise ModelError(f"{name}: members {seen_fields[field]} and {member} "
                                 f"both become field {field}")
            seen_fields[field] = member
            rtype, helper = rust_field_type(name, member, mref["shape"], shapes)
            uses_map |= helper == "map"
            mdoc = doc_text(mref.get("documentation"))
            if not mdoc:
                # Fall back on the documentation of the member's shape.
                mdoc = doc_text(shapes[mref["shape"]].get("documentation"))
            if mdoc:
                body.append(f"    /// {rust_doc(first_sentence(mdoc))}")
            body.extend(attr_line(member, helper))
            body.append(f"    pub {field}: Option<{rtype}>,")
            fields_total += 1
        body.append("}")

    header = [
        f"//! @generated by schemas/generate.py from botocore {version} "
        f"({SERVICE} {API_VERSION}). Do not edit.",
        "//! Regenerate with `python3 schemas/generate.py`.",
    ]
    if uses_map:
        header.append("use super::StringMap;")
    header.append("use serde::Deserialize;")
    footer = [
        "",
        "/// The botocore release the model above was generated from.",
        f'pub const BOTOCORE_VERSION: &str = "{version}";',
    ]
    return "\n".join(header + body + footer) + "\n", len(structs), fields_total


# --------------------------------------------------------------------------
# self-test

# The expected translation of every distinct pattern reachable from
# CreateTrainingJobRequest. A botocore bump that adds a pattern fails the
# self-test until a person has read the new translation and added it here.
L = r"\n\r\u0085\u2028\u2029"
SP = r" \t\n\x0B\f\r"
EXPECTED_TRANSLATIONS: dict[str, str] = {
    r".*": "^(?:[^" + L + "]*)$",
    r".+": "^(?:[^" + L + "]+)$",
    r"[\S\s]*": "^(?:(?:[^" + SP + "]|[" + SP + "])*)$",
    r"[-0-9a-zA-Z]+": r"^(?:[-0-9a-zA-Z]+)$",
    r"[A-Za-z0-9\.\-_]+": r"^(?:[A-Za-z0-9.\-_]+)$",
    r"[a-zA-Z0-9:/_-]*": r"^(?:[a-zA-Z0-9:/_-]*)$",
    r"[a-zA-Z0-9](-*[a-zA-Z0-9]){0,119}": r"^(?:[a-zA-Z0-9](-*[a-zA-Z0-9]){0,119})$",
    r"[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}": r"^(?:[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62})$",
    # Tuning job and definition names (CreateHyperParameterTuningJob).
    r"[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}": r"^(?:[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31})$",
    r"[a-zA-Z0-9](-*[a-zA-Z0-9]){0,63}": r"^(?:[a-zA-Z0-9](-*[a-zA-Z0-9]){0,63})$",
    r"[a-zA-Z_][a-zA-Z0-9_]*": r"^(?:[a-zA-Z_][a-zA-Z0-9_]*)$",
    r"\d+K": r"^(?:[0-9]+K)$",
    r"(fs-[0-9a-f]{8,})": r"^(?:(fs-[0-9a-f]{8,}))$",
    r"(https|s3)://([^/]+)/?(.*)": r"^(?:(https|s3)://([^/]+)/?([^" + L + "]*))$",
    r"([\p{L}\p{Z}\p{N}_.:/=+\-@]*)": r"^(?:([\p{L}\p{Z}\p{N}_.:/=+\-@]*))$",
    r"arn:[\p{Alnum}\-]+:lambda:[\p{Alnum}\-]+:[0-9]{12}:function:.*":
        r"^(?:arn:[a-zA-Z0-9\-]+:lambda:[a-zA-Z0-9\-]+:[0-9]{12}:function:[^" + L + "]*)$",
    r"arn:aws[a-z\-]*:iam::\d{12}:role/?[a-zA-Z_0-9+=,.@\-_/]+":
        r"^(?:arn:aws[a-z\-]*:iam::[0-9]{12}:role/?[a-zA-Z_0-9+=,.@\-_/]+)$",
    r"arn:aws[a-z\-]*:sagemaker:[a-z0-9\-]*:[0-9]{12}:mlflow-[a-zA-Z-]*/.*":
        r"^(?:arn:aws[a-z\-]*:sagemaker:[a-z0-9\-]*:[0-9]{12}:mlflow-[a-zA-Z-]*/[^" + L + "]*)$",
    r"arn:aws[a-z\-]*:sagemaker:[a-z0-9\-]*:[0-9]{12}:training-plan/.*":
        r"^(?:arn:aws[a-z\-]*:sagemaker:[a-z0-9\-]*:[0-9]{12}:training-plan/[^" + L + "]*)$",
    r"arn:aws[a-z\-]*:sagemaker:[a-z0-9\-]{9,16}:[0-9]{12}:model-package-group/[\S]{1,2048}":
        r"^(?:arn:aws[a-z\-]*:sagemaker:[a-z0-9\-]{9,16}:[0-9]{12}:model-package-group/"
        r"[^" + SP + "]{1,2048})$",
    r"arn:aws[a-z\-]*:sagemaker:[a-z0-9\-]{9,16}:[0-9]{12}:model-package/[\S]{1,2048}":
        r"^(?:arn:aws[a-z\-]*:sagemaker:[a-z0-9\-]{9,16}:[0-9]{12}:model-package/"
        r"[^" + SP + "]{1,2048})$",
    r"(arn:aws[a-z\-]*:sagemaker:[a-z0-9\-]*:[0-9]{12}:[a-z\-]*\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)":
        r"^(?:(arn:aws[a-z\-]*:sagemaker:[a-z0-9\-]*:[0-9]{12}:[a-z\-]*/)?"
        r"([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-))$",
    r"(arn:[a-z0-9-\.]{1,63}:sagemaker:\w+(?:-\w+)+:(\d{12}|aws):hub-content\/)[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}\/DataSet\/[a-zA-Z0-9](-*[a-zA-Z0-9]){0,63}(\/\d{1,4}.\d{1,4}.\d{1,4})?":
        r"^(?:(arn:[a-z0-9-.]{1,63}:sagemaker:[a-zA-Z_0-9]+(?:-[a-zA-Z_0-9]+)+:([0-9]{12}|aws):"
        r"hub-content/)[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}/DataSet/[a-zA-Z0-9](-*[a-zA-Z0-9]){0,63}"
        r"(/[0-9]{1,4}[^" + L + "][0-9]{1,4}[^" + L + "][0-9]{1,4})?)$",
    r"(arn:[a-z0-9-\.]{1,63}:sagemaker:\w+(?:-\w+)+:(\d{12}|aws):hub-content\/)[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}\/Model\/[a-zA-Z0-9](-*[a-zA-Z0-9]){0,63}(\/\d{1,4}.\d{1,4}.\d{1,4})?":
        r"^(?:(arn:[a-z0-9-.]{1,63}:sagemaker:[a-zA-Z_0-9]+(?:-[a-zA-Z_0-9]+)+:([0-9]{12}|aws):"
        r"hub-content/)[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}/Model/[a-zA-Z0-9](-*[a-zA-Z0-9]){0,63}"
        r"(/[0-9]{1,4}[^" + L + "][0-9]{1,4}[^" + L + "][0-9]{1,4})?)$",
}

# Values checked against each translated pattern with Java's meaning:
# (value, whether Java's Pattern.matches accepts it).
HUB_DS = "arn:aws:sagemaker:us-east-1:aws:hub-content/SageMakerPublicHub/DataSet/ds-1"
HUB_MODEL = "arn:aws:sagemaker:us-east-1:123456789012:hub-content/my-hub/Model/llama-3"
PATTERN_EXAMPLES: dict[str, list[tuple[str, bool]]] = {
    r".*": [("", True), ("any thing: é", True), ("a\nb", False), ("a\r", False),
            ("x\u2028", False), ("x\u0085", False), ("tab\tok", True)],
    r".+": [("", False), ("x", True), ("\n", False)],
    r"[\S\s]*": [("", True), ("a\nb\r\u2028 \u00a0", True)],
    r"[-0-9a-zA-Z]+": [("ml-m5", True), ("a_b", False), ("", False), ("é", False)],
    r"[A-Za-z0-9\.\-_]+": [("a.b-c_d", True), ("a/b", False), ("a b", False)],
    r"[a-zA-Z0-9:/_-]*": [("", True), ("ab:/c_-", True), ("a.b", False)],
    r"[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}": [
        ("job-1", True), ("my_job", False), ("-job", False), ("job-", False),
        ("a--b", True), ("a" * 63, True), ("a" * 64, False), ("١", False)],
    r"[a-zA-Z0-9](-*[a-zA-Z0-9]){0,119}": [("a" * 120, True), ("a" * 121, False)],
    r"[a-zA-Z0-9](-*[a-zA-Z0-9]){0,31}": [
        ("tune-1", True), ("a" * 32, True), ("a" * 33, False), ("tune_1", False)],
    r"[a-zA-Z0-9](-*[a-zA-Z0-9]){0,63}": [
        ("def-a", True), ("a" * 64, True), ("a" * 65, False), ("-def", False)],
    r"[a-zA-Z_][a-zA-Z0-9_]*": [("_x1", True), ("1x", False), ("PATH", True)],
    r"\d+K": [("64K", True), ("K", False), ("64k", False), ("٦٤K", False)],
    r"(fs-[0-9a-f]{8,})": [("fs-0123abcd", True), ("fs-0123abc", False), ("fs-0123ABCD", False)],
    r"(https|s3)://([^/]+)/?(.*)": [
        ("s3://bucket/out", True), ("https://h/p", True), ("s3://bucket", True),
        ("http://h/p", False), ("s3://b/a\nb", False), ("s3:///x", False)],
    r"([\p{L}\p{Z}\p{N}_.:/=+\-@]*)": [
        ("Key 1:é/ü=+-@_.", True), ("", True), ("a\u00a0b", True), ("a\tb", False),
        ("a,b", False), ("٣", True)],
    r"arn:[\p{Alnum}\-]+:lambda:[\p{Alnum}\-]+:[0-9]{12}:function:.*": [
        ("arn:aws:lambda:us-east-1:123456789012:function:f", True),
        ("arn:aws:lambda:us-éast-1:123456789012:function:f", False),
        ("arn:aws:lambda:us-east-1:123456789012:function:f\n", False)],
    r"arn:aws[a-z\-]*:iam::\d{12}:role/?[a-zA-Z_0-9+=,.@\-_/]+": [
        ("arn:aws:iam::123456789012:role/SageMakerRole", True),
        ("arn:aws-cn:iam::123456789012:role/path/R", True),
        ("arn:aws:iam::12345678901:role/R", False),
        ("arn:aws:iam::123456789012:role/R x", False),
        ("arn:aws:iam::123456789012:role/R\n", False)],
    r"arn:aws[a-z\-]*:sagemaker:[a-z0-9\-]*:[0-9]{12}:mlflow-[a-zA-Z-]*/.*": [
        ("arn:aws:sagemaker:us-east-1:123456789012:mlflow-tracking-server/s", True),
        ("arn:aws:sagemaker:us-east-1:123456789012:mlflow-app/s\n", False)],
    r"arn:aws[a-z\-]*:sagemaker:[a-z0-9\-]*:[0-9]{12}:training-plan/.*": [
        ("arn:aws:sagemaker:us-east-1:123456789012:training-plan/p", True),
        ("arn:aws:sagemaker:us-east-1:123456789012:training-plans/p", False)],
    r"arn:aws[a-z\-]*:sagemaker:[a-z0-9\-]{9,16}:[0-9]{12}:model-package-group/[\S]{1,2048}": [
        ("arn:aws:sagemaker:us-east-1:123456789012:model-package-group/g", True),
        ("arn:aws:sagemaker:us-east-1:123456789012:model-package-group/g h", False),
        ("arn:aws:sagemaker:us-east-1:123456789012:model-package-group/g\u00a0h", True),
        ("arn:aws:sagemaker:us-east-1:123456789012:model-package-group/", False)],
    r"arn:aws[a-z\-]*:sagemaker:[a-z0-9\-]{9,16}:[0-9]{12}:model-package/[\S]{1,2048}": [
        ("arn:aws:sagemaker:us-east-1:123456789012:model-package/p/1", True),
        ("arn:aws:sagemaker:us-1:123456789012:model-package/p/1", False)],
    r"(arn:aws[a-z\-]*:sagemaker:[a-z0-9\-]*:[0-9]{12}:[a-z\-]*\/)?([a-zA-Z0-9]([a-zA-Z0-9-]){0,62})(?<!-)": [
        ("my-group", True), ("my-group-", False),
        ("arn:aws:sagemaker:us-east-1:123456789012:model-package-group/g1", True),
        ("a" * 63, True), ("a" * 64, False)],
    r"(arn:[a-z0-9-\.]{1,63}:sagemaker:\w+(?:-\w+)+:(\d{12}|aws):hub-content\/)[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}\/DataSet\/[a-zA-Z0-9](-*[a-zA-Z0-9]){0,63}(\/\d{1,4}.\d{1,4}.\d{1,4})?": [
        (HUB_DS, True), (HUB_DS + "/1.0.0", True), (HUB_DS + "/1x0y0", True),
        (HUB_DS + "/1\n0\n0", False), (HUB_DS.replace("us-east-1", "useast1"), False)],
    r"(arn:[a-z0-9-\.]{1,63}:sagemaker:\w+(?:-\w+)+:(\d{12}|aws):hub-content\/)[a-zA-Z0-9](-*[a-zA-Z0-9]){0,62}\/Model\/[a-zA-Z0-9](-*[a-zA-Z0-9]){0,63}(\/\d{1,4}.\d{1,4}.\d{1,4})?": [
        (HUB_MODEL, True), (HUB_MODEL + "/2.10.3", True),
        (HUB_MODEL.replace("/Model/", "/DataSet/"), False)],
}

# Constructs the translator must handle or refuse, independent of the model.
SYNTHETIC_TRANSLATIONS: list[tuple[str, str | None]] = [
    (r"\p{Alnum}+", r"^(?:[a-zA-Z0-9]+)$"),
    (r"[\p{Alpha}\p{Digit}]", r"^(?:[a-zA-Z0-9])$"),
    (r"\p{Upper}\p{Lower}", r"^(?:[A-Z][a-z])$"),
    (r"\p{Space}", "^(?:[" + SP + "])$"),
    (r"\P{Alnum}", r"^(?:[^a-zA-Z0-9])$"),
    (r"[\p{L}\p{N}]", r"^(?:[\p{L}\p{N}])$"),
    (r"\p{L}+", r"^(?:\p{L}+)$"),
    (r"[\w.]+", r"^(?:[a-zA-Z_0-9.]+)$"),
    (r"[\Sx]", "^(?:(?:[^" + SP + "]|[x]))$"),
    (r"a|b", r"^(?:a|b)$"),
    (r"a*?", r"^(?:a*?)$"),
    (r"\/\.\-", r"^(?:/\.-)$"),
    (r"[\/\.]", r"^(?:[/.])$"),
    (r"(?=a)a", r"^(?:(?=a)a)$"),
    (r"\p{IsLatin}", None),
    (r"\p{Graph}", None),
    (r"\pL", None),
    (r"\bword", None),
    (r"(a)\1", None),
    (r"a++", None),
    (r"(?i)a", None),
    (r"(?<name>a)", None),
    (r"a$", None),
    (r"^a", None),
    (r"[a-z&&[^b]]", None),
    (r"[a[b]]", None),
    (r"[^\S]", None),
    (r"(a", None),
    (r"a)", None),
    (r"a{x}", None),
    (r"\Qa\E", None),
    ("\\", None),
]


def self_test(shapes: dict[str, dict] | None) -> int:
    failures: list[str] = []

    def check_examples(original: str) -> None:
        try:
            compiled = re.compile(python_pattern(original))
        except re.error as err:
            failures.append(f"{original!r}: translated pattern does not compile: {err}")
            return
        for value, expected in PATTERN_EXAMPLES.get(original, []):
            got = compiled.match(value) is not None
            if got != expected:
                failures.append(f"{original!r} on {value!r}: expected {expected}, got {got}")

    for original, expected in EXPECTED_TRANSLATIONS.items():
        try:
            got = translate_pattern(original)
        except ModelError as err:
            failures.append(str(err))
            continue
        if got != expected:
            failures.append(f"{original!r}: translated to {got!r}, expected {expected!r}")
        if original not in PATTERN_EXAMPLES:
            failures.append(f"{original!r}: no examples in PATTERN_EXAMPLES")
        check_examples(original)

    for original, expected in SYNTHETIC_TRANSLATIONS:
        try:
            got = translate_pattern(original)
        except ModelError:
            got = None
        if got != expected:
            failures.append(f"synthetic {original!r}: translated to {got!r}, expected {expected!r}")
        if expected is not None:
            try:
                re.compile(python_pattern(original))
            except re.error as err:
                failures.append(f"synthetic {original!r}: does not compile in Python: {err}")

    count = 0
    if shapes is not None:
        patterns = sorted({s["pattern"] for s in shapes.values() if "pattern" in s})
        count = len(patterns)
        for original in patterns:
            if original not in EXPECTED_TRANSLATIONS:
                try:
                    got = translate_pattern(original)
                except ModelError as err:
                    got = f"<error: {err}>"
                failures.append(
                    f"model pattern {original!r} has no entry in EXPECTED_TRANSLATIONS "
                    f"(translates to {got!r}); review it and add it with examples"
                )
                check_examples(original)

    for text, want in [
        ("VolumeSizeInGB", "volume_size_in_gb"), ("S3Uri", "s3_uri"),
        ("KmsKeyId", "kms_key_id"), ("S3DataType", "s3_data_type"),
        ("EnableInterContainerTrafficEncryption", "enable_inter_container_traffic_encryption"),
        ("VpcConfig", "vpc_config"), ("MLflowConfig", "mlflow_config"),
        ("MlflowResourceArn", "mlflow_resource_arn"), ("Type", "r#type"),
        ("HTTPSProxy", "https_proxy"), ("EC2Instance", "ec2_instance"),
    ]:
        if snake_case(text) != want:
            failures.append(f"snake_case({text!r}) = {snake_case(text)!r}, expected {want!r}")

    for doc, want in [
        ("<p>The name. More.</p>", "The name."),
        ("<p>Optional. Customer requested period.</p>", "Optional. Customer requested period."),
        ("<p>Use <code>a</code>, e.g. Amazon S3. Next.</p>", "Use a, e.g. Amazon S3."),
        ("<p>a &gt; b</p><p>c</p>", "a > b c"),
    ]:
        got = first_sentence(doc_text(doc))
        if got != want:
            failures.append(f"first_sentence({doc!r}) = {got!r}, expected {want!r}")

    for failure in failures:
        print(f"FAIL {failure}", file=sys.stderr)
    total = len(EXPECTED_TRANSLATIONS) + len(SYNTHETIC_TRANSLATIONS)
    print(f"self-test: {len(failures)} failure(s); {len(EXPECTED_TRANSLATIONS)} golden and "
          f"{len(SYNTHETIC_TRANSLATIONS)} synthetic translations ({total}), "
          f"{sum(len(v) for v in PATTERN_EXAMPLES.values())} examples, "
          f"{count} distinct patterns in the model")
    return 1 if failures else 0


# --------------------------------------------------------------------------
# main


def generate() -> tuple[dict[Path, str], dict]:
    model, version = load_model()
    shapes_all = model["shapes"]
    op = model["operations"].get(OPERATION)
    if not op or op.get("input", {}).get("shape") != ROOT_SHAPE:
        raise ModelError(f"{OPERATION} no longer takes {ROOT_SHAPE}")
    tuning = model["operations"].get(TUNING_OPERATION)
    if not tuning or tuning.get("input", {}).get("shape") != TUNING_ROOT:
        raise ModelError(f"{TUNING_OPERATION} no longer takes {TUNING_ROOT}")
    shapes = reachable_shapes(shapes_all, ROOT_SHAPE) | reachable_shapes(shapes_all, TUNING_ROOT)
    for name, shape in shapes.items():
        check_keys(name, shape)
    schema = build_schema(model, shapes, version)
    rust, n_structs, n_fields = render_rust(model, shapes, version)
    stats = {"defs": len(schema["definitions"]), "structures": n_structs, "fields": n_fields,
             "shapes": shapes}
    return {SCHEMA_PATH: render_schema(schema), RUST_PATH: rust}, stats


def check(outputs: dict[Path, str]) -> int:
    stale = 0
    for path, want in outputs.items():
        rel = path.relative_to(ROOT)
        try:
            have = path.read_text(encoding="utf-8")
        except FileNotFoundError:
            print(f"stale: {rel} is missing")
            stale += 1
            continue
        if have == want:
            continue
        stale += 1
        diff = list(difflib.unified_diff(
            have.splitlines(), want.splitlines(),
            f"{rel} (committed)", f"{rel} (generated)", lineterm="", n=0))
        plus = sum(1 for d in diff if d.startswith("+") and not d.startswith("+++"))
        minus = sum(1 for d in diff if d.startswith("-") and not d.startswith("---"))
        print(f"stale: {rel} (+{plus} -{minus} lines)")
        for line in diff[:20]:
            print(f"    {line[:160]}")
        if len(diff) > 20:
            print(f"    ... {len(diff) - 20} more diff lines")
    if stale:
        print("run `python3 schemas/generate.py` and commit the result")
        return EXIT_STALE
    print("generated files are up to date")
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--check", action="store_true",
                      help="exit 1 if the committed files differ from a fresh generation")
    mode.add_argument("--self-test", action="store_true",
                      help="check the pattern translator against the model's patterns")
    args = parser.parse_args(argv)
    try:
        outputs, stats = generate()
        if args.self_test:
            return self_test(stats["shapes"])
        if args.check:
            return check(outputs)
        for path, text in outputs.items():
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8", newline="\n")
            print(f"wrote {path.relative_to(ROOT)}")
        print(f"{stats['defs']} definitions, {stats['structures']} structures, "
              f"{stats['fields']} fields")
        return 0
    except EnvError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_ENV
    except ModelError as err:
        print(f"error: {err}", file=sys.stderr)
        return EXIT_MODEL


if __name__ == "__main__":
    sys.exit(main())
