"""Reading-level formulas for plain-language checks.

English: Flesch–Kincaid grade level. Spanish: Fernández-Huerta reading ease
(0–100, higher is easier), shown with the school grade it corresponds to.
Text is Markdown; links, markup and list bullets are stripped first, and every
list item or heading counts as a sentence of its own.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

WORD = re.compile(r"[A-Za-zÀ-ÿ]+(?:['’][A-Za-z]+)?")
SENTENCE_END = re.compile(r"[.!?¿¡:;]+|\n")


@dataclass(frozen=True)
class Reading:
    words: int
    sentences: int
    syllables: int
    grade: float
    """School grade needed to read the text (for Spanish, estimated from reading ease)."""
    ease: float | None = None
    """Fernández-Huerta reading ease, for Spanish."""


def plain_text(markdown: str) -> str:
    text = re.sub(r"<[^>]+>", " ", markdown)
    text = re.sub(r"!?\[([^\]]*)\]\([^)]*\)", r"\1", text)
    text = re.sub(r"https?://\S+", " ", text)
    text = re.sub(r"^\s*([-*+]|\d+\.|#+|>|\|)\s*", "", text, flags=re.MULTILINE)
    text = re.sub(r"[*_`|]", "", text)
    return text


def english_syllables(word: str) -> int:
    word = word.lower().replace("’", "'")
    if len(word) <= 3:
        return 1
    word = re.sub(r"(?:[^laeiouy]es|[^laeiouy]ed|[^laeiouy]e)$", "", word)
    word = re.sub(r"^y", "", word)
    return max(1, len(re.findall(r"[aeiouy]{1,2}", word)))


def spanish_syllables(word: str) -> int:
    word = word.lower()
    nuclei = re.findall(r"[aeiouáéíóúü]+", word)
    count = 0
    for group in nuclei:
        count += 1 + len(re.findall(r"(?<=[aeoáéó])[aeoáéó]|(?<=[aeo])[íú]|[íú](?=[aeo])", group))
    return max(1, count)


def _counts(markdown: str, syllables_of) -> tuple[int, int, int]:
    text = plain_text(markdown)
    sentences = [part for part in SENTENCE_END.split(text) if WORD.search(part)]
    words = WORD.findall(text)
    return len(words), max(1, len(sentences)), sum(syllables_of(word) for word in words)


def english_reading(markdown: str) -> Reading:
    words, sentences, syllables = _counts(markdown, english_syllables)
    if not words:
        return Reading(0, 0, 0, 0.0)
    grade = 0.39 * words / sentences + 11.8 * syllables / words - 15.59
    return Reading(words, sentences, syllables, round(max(grade, 0.0), 1))


def spanish_reading(markdown: str) -> Reading:
    words, sentences, syllables = _counts(markdown, spanish_syllables)
    if not words:
        return Reading(0, 0, 0, 0.0, 100.0)
    ease = 206.84 - 0.60 * (100 * syllables / words) - 1.02 * (100 * sentences / words)
    return Reading(words, sentences, syllables, ease_to_grade(ease), round(ease, 1))


def ease_to_grade(ease: float) -> float:
    """Approximate school grade for a Flesch-style reading ease (Flesch's own table)."""
    bands = [(90, 5.0), (80, 6.0), (70, 7.0), (60, 8.5), (50, 11.0), (30, 14.0)]
    for floor, grade in bands:
        if ease >= floor:
            return grade
    return 16.0


def reading(markdown: str, language: str) -> Reading:
    return spanish_reading(markdown) if language == "es" else english_reading(markdown)
