"""Do two figures of different articles report the same quantity alike? Pure, stdlib only.

A figure is compared only with figures of the same *quantity*: the same subject entity, the same
measure, the same period and the same unit (see ``quantity_key``). Within a quantity, each
figure stands for the interval of values its words allow (``interval``):

- the precision it was written with: 3659亿元 is 3658.5–3659.5亿, 3,659.0亿元 is 3658.95–3659.05亿,
  15.01% is 15.005–15.015%; a number in Chinese numerals (三成) is as precise as its last nonzero
  digit;
- its qualifier: 约 (about) rounds at its last nonzero digit (约500亿 is 450–550亿); 超过 / 逾 (over)
  is open upwards, and 3600多亿 is 3600–3700亿; 近 (nearly) is up to half a rounding step below
  (近500亿 is 450–500亿); 不足 (under) is open downwards, up to its value;
- a range (5亿至6亿元) is its two ends as written.

Two figures agree when their intervals overlap by more than a point (``agrees``): 3659亿 and
3658亿 touch at 3658.5亿 and disagree. A change is signed by its direction
(同比下降1% is -1%) and is compared only with changes of the same base measure, because the key
of a change names its base (营收/同比). A forecast (预计) is compared only with forecasts.

The graph compares *values*, not figures (``value_of``): figures of a quantity that say exactly
the same (value and interval) report one Value. Values are linked with their neighbours in value
order only (``neighbour_comparisons``): AGREES with the overlapping ones up to ``NEIGHBOURS``
places away, DISAGREES with the nearest disagreeing one below and above. So a Value has a bounded
number of edges however many values its quantity has, and a Value that comes or goes changes the
edges of its neighbourhood only (``changed_keys``). The per-figure view follows from the Values
(``figure_comparisons``).
"""
from __future__ import annotations

import bisect
import math
import re
import unicodedata
from dataclasses import dataclass
from typing import Iterable, Mapping, Sequence

CHANGE_KINDS = ("同比", "环比")  # a change measure starts with one of these (同比增长, 环比下降)
_ARABIC = re.compile(r"[0-9][0-9,]*(?:\.[0-9]+)?")
_ROUNDED_UP = re.compile(r"[多余]")  # 3600多亿: more than 3600亿 by less than the last digit's step


@dataclass(frozen=True, slots=True)
class Reading:
    """What a figure says, as the comparison needs it."""
    id: str
    article_id: str
    text: str
    value: float
    unit: str
    qualifier: str | None = None
    direction: str | None = None
    high: float | None = None


@dataclass(frozen=True, slots=True)
class Comparison:
    source: str  # the figure with the smaller id (the Value with the smaller key)
    target: str
    agrees: bool
    difference: float  # target value - source value (signed values for changes)
    ratio: float | None  # target value / source value; None when the source value is 0


def measure_key(measure: str | None) -> str | None:
    """The measure as the comparison sees it: one spelling per measure. The extractor already
    names measures canonically (营业收入 -> 营收, 经调整净利润 apart from 净利润); this only folds
    width and spacing, so a richer canonical vocabulary can be plugged in here."""
    if not measure:
        return None
    folded = "".join(unicodedata.normalize("NFKC", measure).split())
    return folded or None


def change_kind(measure: str | None) -> str | None:
    """同比 / 环比 for a change measure (同比增长, 同比下降), else None."""
    folded = measure_key(measure)
    return next((kind for kind in CHANGE_KINDS if folded and folded.startswith(kind)), None)


def quantity_key(*, owner: str | None, measure: str | None, period: str | None, unit: str | None,
                 qualifier: str | None = None, vague: bool = False, value=None,
                 base_measure: str | None = None) -> str | None:
    """The key of what a figure measures, or None when it is not comparable.

    ``owner`` is the subject entity as "Label:key" (only figures with a subject entity compare);
    ``base_measure`` is the measure of the figure a change is a change of. A change without a
    known base is not comparable (同比增长12% of what?), nor is a vague figure (数十万)."""
    measure_name = measure_key(measure)
    if not (owner and measure_name and period and unit) or vague or value is None:
        return None
    kind = change_kind(measure_name)
    if kind:
        base = measure_key(base_measure)
        if not base or change_kind(base):
            return None
        measure_name = f"{base}/{kind}"
    forecast = "|预计" if qualifier == "forecast" else ""
    return f"{owner}|{measure_name}|{period}|{unit}{forecast}"


def quantity_name(key: str) -> str:
    """A caption for a quantity key: 腾讯控股 营收 2023 CNY."""
    owner, *rest = key.split("|")
    return " ".join([owner.split(":", 1)[-1], *rest])


def signed(value: float, direction: str | None) -> float:
    return -value if direction == "down" else value


def _written_numbers(text: str) -> list[str]:
    return _ARABIC.findall(unicodedata.normalize("NFKC", text))


def _last_digit_step(written: str) -> float:
    """The place of the last written digit: 3659 -> 1, 3,659.0 -> 0.1."""
    return 10.0 ** -len(written.split(".")[1]) if "." in written else 1.0


def _nonzero_step(number: float) -> float:
    """The place of the last nonzero digit of a number: 3600 -> 100, 48 -> 1, 2.5 -> 0.1."""
    if number == 0:
        return 1.0
    step = 10.0 ** math.floor(math.log10(abs(number)))
    while step > 1e-9 and abs(number / step - round(number / step)) > 1e-6:
        step /= 10
    return step


def steps(reading: Reading, end: str = "low") -> tuple[float, float]:
    """(written step, rounding step) of one end of a figure, in base units: the place of the
    last digit as written, and the place of its last nonzero digit (what 约 or 多 round at)."""
    value = reading.high if end == "high" and reading.high is not None else reading.value
    numbers = _written_numbers(reading.text)
    written = (numbers[-1] if end == "high" else numbers[0]) if numbers else None
    number = float(written.replace(",", "")) if written else None
    if not number:  # Chinese numerals (三成, 百分之十五): as precise as the last nonzero digit
        step = _nonzero_step(value)
        return step, step
    scale = abs(value / number)  # 亿, 万 … as written: 3659亿 -> 1e8 (a negative value: -5% -> 1)
    return _last_digit_step(written) * scale, _nonzero_step(number) * scale


def interval(reading: Reading) -> tuple[float, float]:
    """The values a figure allows (signed for a change going down)."""
    low_step, low_round = steps(reading, "low")
    high_step, high_round = steps(reading, "high")
    low, high = reading.value, reading.high if reading.high is not None else reading.value
    qualifier = reading.qualifier
    if reading.high is not None and qualifier not in ("over", "under"):
        span = (low, high)  # a range states its own uncertainty: its ends are taken as written
    elif qualifier == "about":
        span = (low - low_round / 2, high + high_round / 2)
    elif qualifier == "over":
        span = (low, high + high_round if _ROUNDED_UP.search(reading.text) else math.inf)
    elif qualifier == "nearly":
        span = (low - low_round / 2, high)
    elif qualifier == "under":
        span = (-math.inf, high)
    else:
        span = (low - low_step / 2, high + high_step / 2)
    if reading.direction == "down":
        return -span[1], -span[0]
    return span


def _overlap(a: tuple[float, float], b: tuple[float, float], scale: float) -> bool:
    """Whether two intervals overlap by more than a point (a tiny tolerance absorbs float noise)."""
    slack = 1e-9 * max(abs(scale), 1.0)
    return a[0] < b[1] - slack and b[0] < a[1] - slack


def agrees(a: Reading, b: Reading) -> bool:
    """Whether the values two figures allow overlap by more than a point: 3659亿 and 3658亿 only
    touch at 3658.5亿, and are two different reports."""
    return _overlap(interval(a), interval(b), max(abs(a.value), abs(b.value)))


def _difference(source: float, target: float) -> tuple[float, float | None]:
    return target - source, (target / source if source else None)


def compare(a: Reading, b: Reading) -> Comparison:
    """``a`` and ``b`` ordered by id (the edge goes from the smaller id), then compared."""
    source, target = sorted((a, b), key=lambda r: r.id)
    difference, ratio = _difference(signed(source.value, source.direction), signed(target.value, target.direction))
    return Comparison(source.id, target.id, agrees(source, target), difference, ratio)


# --- values: the figures of a quantity that say exactly the same ----------------------------------


@dataclass(frozen=True, slots=True)
class Value:
    """One value of a quantity as written: every figure with the same quantity, the same signed
    value (and range end) and the same interval reports it (3659亿元 and 0.3659万亿元 do; 3,659.0亿元,
    more precise, is another Value that agrees with it)."""
    key: str
    quantity: str
    value: float  # signed (a decline is negative); a range's low end
    lower: float  # the interval the words allow; -inf / inf when open
    upper: float


def _number(x: float) -> str:
    """A float as a key part: 12 significant digits, so that float noise does not split a Value."""
    return "inf" if x == math.inf else "-inf" if x == -math.inf else format(x, ".12g")


def value_of(quantity: str, reading: Reading) -> Value:
    """The Value a figure of ``quantity`` reports. Its key is the quantity key, the signed value
    (and range end) and the interval: deterministic, whatever the article or the order."""
    lower, upper = interval(reading)
    value = signed(reading.value, reading.direction)
    high = "" if reading.high is None else "~" + _number(signed(reading.high, reading.direction))
    key = f"{quantity}|{_number(value)}{high}|{_number(lower)}..{_number(upper)}"
    return Value(key, quantity, value, lower, upper)


def compare_values(a: Value, b: Value) -> Comparison:
    """Two Values of one quantity, ordered by key (the edge goes from the smaller key)."""
    source, target = sorted((a, b), key=lambda v: v.key)
    agree = _overlap((source.lower, source.upper), (target.lower, target.upper),
                     max(abs(source.value), abs(target.value)))
    difference, ratio = _difference(source.value, target.value)
    return Comparison(source.key, target.key, agree, difference, ratio)


NEIGHBOURS = 4  # how far, in value order, a Value looks for agreement and for its nearest disagreement


def order(value: Value) -> tuple[float, str]:
    """Where a Value stands among the Values of its quantity: by value, then by key."""
    return value.value, value.key


def neighbour_comparisons(run: Sequence[Value], neighbours: int = NEIGHBOURS,
                          touching: set[str] | None = None) -> dict[frozenset, Comparison]:
    """The comparisons a run of Values of one quantity (contiguous in value order) holds, by pair of
    keys. Each Value agrees with the Values up to ``neighbours`` places away whose intervals overlap
    its own, and disagrees only with the nearest Value below and the nearest above (within
    ``neighbours`` places) that it does not agree with. A function of the set of Values, whatever
    the order they came in; at most 2 x ``neighbours`` edges a Value, however many the quantity has.
    With ``touching``, only the comparisons with one of those Values at an end are given."""
    run = sorted(run, key=order)
    found: dict[frozenset, Comparison] = {}
    places = range(len(run))
    if touching is not None:
        places = sorted({place for number, value in enumerate(run) if value.key in touching
                         for place in range(max(number - neighbours, 0), min(number + neighbours + 1, len(run)))})
    for number in places:
        value = run[number]
        above, below = run[number + 1:number + 1 + neighbours], run[max(number - neighbours, 0):number][::-1]
        for side in (above, below):
            compared = [compare_values(value, other) for other in side]
            for other, comparison in zip(side, compared):
                if comparison.agrees:
                    found[frozenset((value.key, other.key))] = comparison
            nearest = next((c for c in compared if not c.agrees), None)
            if nearest is not None:
                found[frozenset((nearest.source, nearest.target))] = nearest
    if touching is not None:
        return {pair: comparison for pair, comparison in found.items() if pair & touching}
    return found


def compare_new_values(new: Iterable[Value], stored: Iterable[Value]) -> list[Comparison]:
    """The comparisons that touch the ``new`` Values once ``stored`` (which may include them) is
    the whole of their quantities (see ``neighbour_comparisons``); a pair is given once."""
    new = list(new)
    by_quantity: dict[str, dict[str, Value]] = {}
    for value in [*stored, *new]:
        by_quantity.setdefault(value.quantity, {})[value.key] = value
    new_keys = {value.key for value in new}
    out = {}
    for quantity in sorted({value.quantity for value in new}):
        for pair, comparison in neighbour_comparisons(list(by_quantity[quantity].values())).items():
            if pair & new_keys:
                out[pair] = comparison
    return [out[pair] for pair in sorted(out, key=sorted)]


def changed_keys(run: Sequence[Value], points: Iterable[tuple[float, str]],
                 neighbours: int = NEIGHBOURS) -> set[str]:
    """The Values of a run (sorted by ``order``) whose comparisons can change when Values are added
    at or taken from ``points`` (their ``order``): those up to ``neighbours`` places from a point.
    A pair's comparison depends only on the two Values and those between them, so a pair none of
    these Values is in keeps its comparison."""
    orders = [order(value) for value in run]
    keys: set[str] = set()
    for point in points:
        place = bisect.bisect_left(orders, point)
        present = place < len(run) and orders[place] == point
        last = place + neighbours if present else place + neighbours - 1
        keys.update(value.key for value in run[max(place - neighbours, 0):last + 1])
    return keys


def contiguous_runs(segments: Iterable[Sequence[Value]]) -> list[list[Value]]:
    """Segments of one quantity, each every Value between its ends, merged where they share a
    Value (or run into one another); segments with a possible gap between them stay apart."""
    runs: list[list[Value]] = []
    for segment in sorted((sorted(s, key=order) for s in segments if s), key=lambda s: order(s[0])):
        if runs and order(segment[0]) <= order(runs[-1][-1]):
            merged = {value.key: value for value in [*runs[-1], *segment]}
            runs[-1] = sorted(merged.values(), key=order)
        else:
            runs.append(list(segment))
    return runs


def value_caption(value: Value, unit: str | None) -> str:
    """A Value as the Browser shows it: its interval, e.g. 3658.5亿–3659.5亿 CNY, ≥1000亿 HKD."""
    def amount(x: float) -> str:
        for scale, word in ((1e8, "亿"), (1e4, "万")):
            if abs(x) >= scale:
                return f"{x / scale:.6g}{word}"
        return f"{x:.6g}"
    if value.upper == math.inf:
        text = f"≥{amount(value.lower)}"
    elif value.lower == -math.inf:
        text = f"≤{amount(value.upper)}"
    else:
        text = f"{amount(value.lower)}–{amount(value.upper)}"
    return f"{text} {unit or ''}".rstrip()


def figure_comparisons(figures: Iterable[tuple[str, str, str]],
                       relation: Mapping[frozenset, Comparison]) -> list[Comparison]:
    """The per-figure view of one quantity, from its Values: ``figures`` are (figure id, article
    id, Value key); ``relation`` maps a pair of Value keys to their comparison. Figures of one
    Value agree. Figures of one article are not compared. When two articles agree on any value of
    the quantity (a10 writes 193亿 to 272亿, a02 writes 272亿), their other pairs are not flagged:
    one of the two wrote several values and the pair that agrees is the one they share."""
    by_article: dict[str, list[tuple[str, str]]] = {}
    for figure, article, key in sorted(figures):
        by_article.setdefault(article, []).append((figure, key))
    articles = sorted(by_article)
    out: list[Comparison] = []
    for number, first in enumerate(articles):
        for second in articles[number + 1:]:
            pairs = [_figure_pair(a, b, relation) for a in by_article[first] for b in by_article[second]]
            pairs = [pair for pair in pairs if pair is not None]
            agreeing = [pair for pair in pairs if pair.agrees]
            out.extend(agreeing or pairs)
    return out


def _figure_pair(a: tuple[str, str], b: tuple[str, str], relation: Mapping[frozenset, Comparison]):
    (source, source_value), (target, target_value) = sorted((a, b))
    if source_value == target_value:
        return Comparison(source, target, True, 0.0, 1.0)
    found = relation.get(frozenset((source_value, target_value)))
    if found is None:
        return None
    flip = found.source != source_value  # the Value edge runs the other way
    difference = -found.difference if flip else found.difference
    ratio = (1 / found.ratio if found.ratio else None) if flip else found.ratio
    return Comparison(source, target, found.agrees, difference, ratio)
