"""The Values of each quantity in value order, kept by the embedded store's writer.

The embedded store has no index on (quantity, value), so finding a Value's neighbours there means
reading every Value of its quantity: a batch would cost time in proportion to how many distinct
values its quantities already have. A process that opens the file for writing locks it against
every other (LadybugDB), and a command opens one store, so the writer keeps each quantity it has
touched in value order in memory, read once from the store, and updates it with the Values each
batch adds and takes away; a neighbourhood is then a bisection.

What a write transaction changes is staged and becomes the known order only when the transaction
commits; a rollback drops it (``EmbeddedStore.write`` does both). compare_writes.py is the only
code that writes Values, so it is the only one that stages.
"""
from __future__ import annotations

import bisect
from collections import OrderedDict
from typing import Callable, Iterable

from .compare import Value, order

MAX_VALUES = 250_000  # quantities least recently touched are forgotten (read again when needed) past this


class QuantityOrder:
    """The Values of one quantity sorted by ``compare.order``; never changed in place."""

    def __init__(self, values: Iterable[Value]):
        self.values = sorted(values, key=order)
        self.orders = [order(value) for value in self.values]

    def __len__(self) -> int:
        return len(self.values)

    def around(self, point: tuple[float, str], reach: int) -> list[Value]:
        """The Values up to ``reach`` places below and above ``point`` (an ``order``), and the one at
        it: a contiguous run of the quantity's value order."""
        place = bisect.bisect_left(self.orders, point)
        return self.values[max(place - reach, 0):place + reach + 1]

    def changed(self, added: Iterable[Value], removed: Iterable[Value]) -> QuantityOrder:
        """A new order with ``removed`` taken out and ``added`` put in."""
        copy = QuantityOrder(())
        copy.values, copy.orders = list(self.values), list(self.orders)
        for value in removed:
            place = bisect.bisect_left(copy.orders, order(value))
            if place < len(copy.values) and copy.values[place].key == value.key:
                del copy.values[place], copy.orders[place]
        for value in added:
            place = bisect.bisect_left(copy.orders, order(value))
            if place < len(copy.values) and copy.values[place].key == value.key:
                continue
            copy.values.insert(place, value)
            copy.orders.insert(place, order(value))
        return copy


class ValueOrders:
    """Known value orders by quantity key, with the changes of the open transaction staged apart."""

    def __init__(self, max_values: int = MAX_VALUES):
        self.max_values = max_values
        self._known: OrderedDict[str, QuantityOrder] = OrderedDict()
        self._staged: dict[str, QuantityOrder] = {}
        self._total = 0  # Values in self._known

    def get(self, quantity: str, read: Callable[[str], Iterable[Value]]) -> QuantityOrder:
        """The quantity's order as the open transaction sees it; ``read`` fetches it from the store
        when it is not known."""
        if quantity in self._staged:
            return self._staged[quantity]
        if quantity not in self._known:
            self._known[quantity] = QuantityOrder(read(quantity))
            self._total += len(self._known[quantity])
        self._known.move_to_end(quantity)
        return self._known[quantity]

    def stage(self, quantity: str, values: QuantityOrder) -> None:
        self._staged[quantity] = values

    def commit(self) -> None:
        for quantity, values in self._staged.items():
            self._total += len(values) - len(self._known.get(quantity, ()))
            self._known[quantity] = values
            self._known.move_to_end(quantity)
        self._staged.clear()
        self._forget_beyond_limit()

    def rollback(self) -> None:
        self._staged.clear()

    def _forget_beyond_limit(self) -> None:
        while self._total > self.max_values and len(self._known) > 1:
            _, values = self._known.popitem(last=False)
            self._total -= len(values)
