"""Units: our definitions build a pint registry, and the quick dimension test agrees with pint."""

import pytest

from checker.i18n import language

from checker.catalog import load_catalog
from checker.records import InputError


def test_every_indicator_unit_parses_in_pint_with_the_same_dimension():
    catalog = load_catalog()
    units = catalog.units
    seen = set()
    for ind in catalog.indicators.values():
        for unit in (ind.unit, *ind.accepts):
            if unit is None or unit in seen:
                continue
            seen.add(unit)
            pint_dims = units.registry.parse_units(unit).dimensionality
            ours = dict(units.signature(unit))
            assert {k.strip("[]"): v for k, v in pint_dims.items()} == ours, unit


@pytest.mark.parametrize("a, b, factor", [("hectare", "km2", 0.01), ("km", "meter", 1000), ("percent", "dimensionless_one", 0.01)])
def test_conversions_go_through_pint(a, b, factor):
    assert load_catalog().units.factor(a, b) == pytest.approx(factor)


def test_count_nouns_do_not_mix():
    units = load_catalog().units
    assert not units.compatible("hoi_nghi", "xa")
    assert units.compatible("dong / nguoi", "dong / nguoi")


def test_unknown_unit_is_an_input_error():
    with pytest.raises(InputError):
        load_catalog().units.signature("parsec")


def test_duplicate_definition_is_refused(tmp_path):
    from checker.units import UnitCatalog
    rules = tmp_path
    (rules / "units.txt").write_text("dong = [currency]\ndong = [other]\n", encoding="utf-8")
    (rules / "units.yaml").write_text("scales: {}\nunits: {}\nper: {}\nper_10k: []\ncount_nouns: {}\n", encoding="utf-8")
    with language("en"), pytest.raises(InputError, match=r"units.txt:2:1: unit 'dong' is defined twice"):
        UnitCatalog(rules)


def _catalog_units(catalog):
    units = {u for ind in catalog.indicators.values() for u in (ind.unit, *ind.accepts) if u}
    return sorted(units | {f"{u} / {per}" for u in ("dong", "ty_dong", "usd", "tonne") for per in ("year", "month", "nguoi")
                           if per in catalog.units._bases and u in catalog.units._bases})


def test_every_conversion_agrees_with_pint():
    """`factor` reads the definitions pint is built from; pint is the reference."""
    catalog = load_catalog()
    units = catalog.units
    names = _catalog_units(catalog)
    checked = 0
    for a in names:
        for b in names:
            if units.signature(a) != units.signature(b):
                with pytest.raises(ValueError):
                    units.factor(a, b)
                continue
            expected = float(units.registry.Quantity(1, a).to(b).magnitude)
            assert units.factor(a, b) == pytest.approx(expected, rel=1e-12), (a, b)
            checked += 1
    assert checked > len(names)  # more than each unit with itself
