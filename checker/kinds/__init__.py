"""The closed set of rule kinds; rule files in rules/checks configure them.

The contract of a kind (its docstring says What it does / Why it matters / Example):
- `Params`: a frozen dataclass of its parameters (an enum for a mode, `IndicatorId` and
  `EntityId` for catalog ids), which a rule's `params:` decode into when the file loads;
- `fields`: the names a rule's message template may use;
- `run(rule, ctx)`: yields one `Result` per item checked (`PASS`, `fail(finding, ...)` or
  `NOT_APPLICABLE`); the engine counts them.  A finding's words are data: the rule's
  template and the arguments the kind fills it with (`checker.kinds.base.finding`, values
  made by `checker.messages`), worded in the reader's language when it is shown.
"""

from checker.kinds.between import Between
from checker.kinds.growth import Growth
from checker.kinds.identity import Identity
from checker.kinds.part_whole import PartWhole
from checker.kinds.plausibility import Plausibility
from checker.kinds.product import Product
from checker.kinds.same_value import SameValue
from checker.kinds.shares import Shares
from checker.kinds.stated_ratio import StatedRatio
from checker.kinds.structure import Structure
from checker.kinds.verdict import Verdict
from checker.kinds.weighted_mean import WeightedMean

KINDS = {
    "same_value": SameValue(),
    "part_whole": PartWhole(),
    "between": Between(),
    "stated_ratio": StatedRatio(),
    "shares": Shares(),
    "verdict": Verdict(),
    "structure": Structure(),
    "plausibility": Plausibility(),
    "identity": Identity(),
    "weighted_mean": WeightedMean(),
    "growth": Growth(),
    "product": Product(),
}
