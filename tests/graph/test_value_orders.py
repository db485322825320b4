"""The embedded writer's value orders (graph/value_orders.py): neighbourhoods by bisection, changes
staged until the transaction commits, dropped when it rolls back, old quantities forgotten."""
from __future__ import annotations

import math

import pytest

from newsgraph.graph.compare import Value, order
from newsgraph.graph.value_orders import QuantityOrder, ValueOrders


def value(number: float, quantity: str = "q", key: str | None = None) -> Value:
    return Value(key or f"{quantity}|{number:g}", quantity, number, number - 0.5, number + 0.5)


def keys(values) -> list[str]:
    return [v.key for v in values]


@pytest.mark.parametrize("point, reach, expected", [
    (order(value(5)), 1, ["q|4", "q|5", "q|6"]),       # a Value present: it and its neighbours
    ((5.5, ""), 1, ["q|5", "q|6", "q|7"]),             # a point between two Values: the place it would take
    (order(value(1)), 2, ["q|1", "q|2", "q|3"]),        # cut at the low end
    (order(value(9)), 2, ["q|7", "q|8", "q|9"]),        # cut at the high end
    ((100.0, ""), 1, ["q|9"]),                         # beyond every Value
])
def test_around_is_the_contiguous_run_of_values_near_a_point(point, reach, expected):
    quantity = QuantityOrder(value(n) for n in (9, 1, 5, 3, 7, 2, 8, 4, 6))
    assert keys(quantity.around(point, reach)) == expected


def test_values_of_equal_value_are_ordered_by_key():
    quantity = QuantityOrder([value(5, key="q|b"), value(5, key="q|a"), value(4)])
    assert keys(quantity.values) == ["q|4", "q|a", "q|b"]


def test_changed_gives_a_new_order_and_leaves_the_old_one_as_it_was():
    before = QuantityOrder(value(n) for n in (1, 2, 3))
    after = before.changed(added=[value(2.5), value(0), value(3)], removed=[value(2), value(7)])
    assert keys(after.values) == ["q|0", "q|1", "q|2.5", "q|3"]  # 3 not twice, 7 was never there
    assert after.orders == sorted(after.orders)
    assert keys(before.values) == ["q|1", "q|2", "q|3"]


def test_a_quantity_is_read_once_then_known():
    reads = []

    def read(quantity):
        reads.append(quantity)
        return [value(1, quantity), value(2, quantity)]

    orders = ValueOrders()
    assert keys(orders.get("q", read).values) == ["q|1", "q|2"]
    orders.get("q", read)
    assert reads == ["q"]


def test_staged_changes_count_only_once_committed():
    orders = ValueOrders()
    known = orders.get("q", lambda q: [value(1)])
    orders.stage("q", known.changed([value(2)], []))
    assert keys(orders.get("q", lambda q: []).values) == ["q|1", "q|2"]  # the open transaction sees them
    orders.rollback()
    assert keys(orders.get("q", lambda q: []).values) == ["q|1"]
    orders.stage("q", known.changed([value(3)], []))
    orders.commit()
    assert keys(orders.get("q", lambda q: []).values) == ["q|1", "q|3"]


def test_the_least_recently_touched_quantities_are_forgotten_past_the_limit():
    orders = ValueOrders(max_values=4)
    reads = []

    def read(quantity):
        reads.append(quantity)
        return [value(n, quantity) for n in (1, 2)]

    for quantity in ("a", "b", "a", "c"):  # c makes 6 Values: b, touched least recently, goes
        orders.get(quantity, read)
        orders.commit()
    orders.get("a", read)
    orders.get("b", read)
    assert reads == ["a", "b", "c", "b"]


def test_open_intervals_order_like_closed_ones():
    quantity = QuantityOrder([Value("q|x", "q", 10, 10, math.inf), value(20), value(5)])
    assert keys(quantity.values) == ["q|5", "q|x", "q|20"]
