"""Make hooks/ importable the way MkDocs loads it (hook files import `katex_math`)."""
import sys
from pathlib import Path

HOOKS = Path(__file__).resolve().parents[3] / "hooks"
if str(HOOKS) not in sys.path:
    sys.path.insert(0, str(HOOKS))
