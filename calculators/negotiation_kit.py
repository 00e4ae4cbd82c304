"""Run name ``negotiation_kit``: the negotiation kit lives in :mod:`calculators.kit`.

``calculators.get(name)`` imports ``calculators.<name>``; this module points it there, and gives
the renderer the kit's own result HTML (letters, scripts, checklist).
"""
from .kit import CALCULATOR, render_result_html

__all__ = ["CALCULATOR", "render_result_html"]
