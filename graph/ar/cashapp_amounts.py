"""Which open items add up to a payment: bounded subset-sum in integer minor units.

Meet in the middle: the items are split in two halves, every subset of each half with at most
``max_size`` items and a sum not above the target is listed, and the halves are joined through a
dict of sums. With 30 items and ``max_size`` 5 that is under 5,000 subsets a half.
"""

from __future__ import annotations

import bisect
import math
from collections import defaultdict
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation


def to_minor(amount: Decimal, places: int = 2) -> int:
    return int(amount.scaleb(places).to_integral_value())


def plain_decimal(text: str) -> Decimal | None:
    """An amount as a remittance writes it plainly ("1,234.50", " 90.00"); None when it is no
    finite number."""
    text = text.strip().replace(",", "")
    if not text:
        return None
    try:
        value = Decimal(text)
    except InvalidOperation:
        return None
    return value if value.is_finite() else None


def _subsets(
    items: Sequence[tuple[int, int]], max_size: int, target: int
) -> list[tuple[int, tuple[int, ...]]]:
    found: list[tuple[int, tuple[int, ...]]] = [(0, ())]
    for value, index in items:
        found += [
            (total + value, (*chosen, index))
            for total, chosen in found
            if len(chosen) < max_size and total + value <= target
        ]
    return found


def fitting_subsets(
    values: Sequence[int],
    target: int,
    *,
    max_size: int,
    limit: int = 3,
    min_size: int = 1,
    tolerance: int = 0,
) -> list[tuple[int, ...]]:
    """Up to ``limit`` sets of indexes into ``values`` (positive integers) with
    ``min_size``..``max_size`` members whose values add up to ``target`` .. ``target +
    tolerance`` (a payment short of them by at most ``tolerance``); closest and smallest first."""
    ceiling = target + tolerance
    items = [(v, i) for i, v in enumerate(values) if 0 < v <= ceiling]
    if not items or target <= 0:
        return []
    if tolerance == 0 and max_size <= 3 and (max_size < 3 or len(items) <= 120):
        return _by_hashing(items, target, max_size, min_size, limit)
    half = len(items) // 2
    left = _subsets(items[:half], max_size, ceiling)
    right_sets = _subsets(items[half:], max_size, ceiling)
    found: list[tuple[int, tuple[int, ...]]] = []
    if tolerance == 0:
        right: dict[int, list[tuple[int, ...]]] = defaultdict(list)
        for total, chosen in right_sets:
            right[total].append(chosen)
        for total, chosen in left:
            for other in right.get(target - total, ()):
                found.append((0, chosen + other))
    else:
        right_sets.sort()
        sums = [total for total, _ in right_sets]
        for total, chosen in left:
            low = bisect.bisect_left(sums, target - total)
            high = bisect.bisect_right(sums, ceiling - total)
            for k in range(low, high):
                found.append((total + sums[k] - target, chosen + right_sets[k][1]))
    fits = {
        (gap, tuple(sorted(chosen))) for gap, chosen in found if min_size <= len(chosen) <= max_size
    }
    return [chosen for _, chosen in sorted(fits, key=lambda f: (f[0], len(f[1]), f[1]))][:limit]


def _by_hashing(
    items: Sequence[tuple[int, int]], target: int, max_size: int, min_size: int, limit: int
) -> list[tuple[int, ...]]:
    """Exact sets of one to three items by looking the missing value up: linear for pairs,
    quadratic for triples, where listing every subset of each half would be quadratic and
    cubic."""
    where: dict[int, list[int]] = defaultdict(list)
    for value, index in items:
        where[value].append(index)
    fits: set[tuple[int, ...]] = set()
    if min_size <= 1:
        fits.update((index,) for index in where.get(target, ()))
    if max_size >= 2 and min_size <= 2:
        for value, index in items:
            for other in where.get(target - value, ()):
                if other > index:
                    fits.add((index, other))
    if max_size >= 3:
        for a, (first, i) in enumerate(items):
            for second, j in items[a + 1 :]:
                for k in where.get(target - first - second, ()):
                    if k > max(i, j):
                        fits.add(tuple(sorted((i, j, k))))
    ordered = sorted((tuple(sorted(f)) for f in fits), key=lambda f: (len(f), f))
    return ordered[:limit]


def coincidence(values: Sequence[int], target: int, *, max_size: int, min_size: int = 1) -> float:
    """The expected number of sets of ``min_size``..``max_size`` values that add up to ``target``
    by chance (sums in minor units, so the density of sums at the target is that expectation).

    Sums of ``k`` values drawn from the pool are taken as normal around ``k`` times the mean:
    an exact fit found where few sets could land is evidence; one found where hundreds of
    thousands of sums crowd around the target is not."""
    pool = [v for v in values if 0 < v <= target]
    n = len(pool)
    if n == 0:
        return 0.0
    mean = sum(pool) / n
    variance = sum((v - mean) ** 2 for v in pool) / n
    expected = 0.0
    for k in range(min_size, min(max_size, n) + 1):
        correction = (n - k) / (n - 1) if n > 1 else 0.0
        spread = max(math.sqrt(k * variance * correction), 0.05 * mean * math.sqrt(k), 1.0)
        z = (target - k * mean) / spread
        expected += math.comb(n, k) * math.exp(-z * z / 2) / (spread * math.sqrt(2 * math.pi))
    return expected
