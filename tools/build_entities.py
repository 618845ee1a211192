"""Build rules/entities.yaml from the public list of 2025 provinces (run by hand).

Usage: python tools/build_entities.py ../shared/reference/provinces-2025.csv > rules/entities.yaml
"""

import csv
import sys

sys.path.insert(0, ".")
from checker.text import slug, strip_marks  # noqa: E402


def aliases(name: str, kind: str) -> list[str]:
    out = [name, f"{kind} {name}"]
    if kind == "thành phố":
        out.append(f"TP {name}")
        out.append(f"TP. {name}")
    plain = strip_marks(name)
    if plain != name:
        out.append(plain)
    return out


def main(path: str) -> None:
    rows = list(csv.DictReader(open(path, encoding="utf-8")))
    print("# Provinces and cities of Viet Nam: the 34 after 1 July 2025 (Resolution 202/2025/QH15)")
    print("# and the 63 before it.  Built by tools/build_entities.py from shared/reference/provinces-2025.csv;")
    print("# aliases may be added by hand.  A former province whose name the merged one kept gets the")
    print("# id suffix `_cu`; cues in cues.yaml tell the two apart in text.")
    print("provinces:")
    formers = []
    for row in rows:
        name, kind = row["province_2025"], row["type"]
        pid = slug(name)
        former_names = row["former_provinces"].split(";")
        print(f"  - id: {pid}")
        print(f"    name: {name}")
        print(f"    type: {kind}")
        print(f"    aliases: [{', '.join(aliases(name, kind))}]")
        if len(former_names) > 1:
            ids = []
            for fn in former_names:
                fid = slug(fn) + ("_cu" if slug(fn) == pid else "")
                ids.append(fid)
                fkind = "thành phố" if fn in ("Hà Nội", "Hồ Chí Minh", "Hải Phòng", "Đà Nẵng", "Cần Thơ", "Huế") else "tỉnh"
                formers.append((fid, fn, fkind, pid))
            print(f"    formers: [{', '.join(ids)}]")
    print("formers:")
    for fid, fn, fkind, pid in formers:
        print(f"  - id: {fid}")
        print(f"    name: {fn}")
        print(f"    type: {fkind}")
        print(f"    merged_into: {pid}")
        print(f"    aliases: [{', '.join(aliases(fn, fkind))}]")


if __name__ == "__main__":
    main(sys.argv[1])
