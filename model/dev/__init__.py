"""For developers: the sample county's generator and the benchmark."""

from typing import TYPE_CHECKING

from model._lazy import attach

__getattr__, __dir__, __all__ = attach(
    __name__, {"sample": ["SAMPLE_COUNTY", "SAMPLE_PATH", "generate", "write_workbook"]}
)

if TYPE_CHECKING:
    from model.dev.sample import SAMPLE_COUNTY, SAMPLE_PATH, generate, write_workbook
