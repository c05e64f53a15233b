"""An .svg file copied from docs/: browsers open it as an XML document, so it is read with an XML parser.

No DOCTYPE (entities can expand into markup), no processing instructions (xml-stylesheet runs
XSLT), and every element and attribute in the SVG allow-list; <style> is checked as CSS.
"""
from __future__ import annotations

from xml.parsers import expat

from kb.safety.allowlist import SVG_ELEMENTS, attribute_allowed
from kb.safety.css import stylesheet_problems
from kb.safety.dom import SVG

XLINK = "http://www.w3.org/1999/xlink"


def check_svg_file(data: bytes) -> list[tuple[int, str]]:
    """``(line, what)`` for everything an SVG file must not hold."""
    problems: list[tuple[int, str]] = []
    lines = data.decode("utf-8", errors="replace").split("\n")

    def line_of(attribute: str) -> int:
        """The line of an attribute of the element that starts at the parser's line."""
        start = parser.CurrentLineNumber
        return next((n for n in range(start, len(lines) + 1) if f"{attribute}=" in lines[n - 1]), start)
    parser = expat.ParserCreate(namespace_separator=" ")
    style_text: list[tuple[int, list[str]]] = []

    def where() -> int:
        return parser.CurrentLineNumber

    def start(name: str, attrs: dict[str, str]) -> None:
        namespace, _, local = name.rpartition(" ")
        if namespace != SVG or (local not in SVG_ELEMENTS and local != "style"):
            problems.append((where(), f"不允许的元素 `<{local}>`（命名空间 {namespace or '无'}）"))
        if local == "style":
            style_text.append((where(), []))
        for key, value in attrs.items():
            attr_ns, _, attr = key.rpartition(" ")
            shown = f"xlink:{attr}" if attr_ns == XLINK else attr
            if attr.lower().startswith("on"):
                problems.append((line_of(attr), f"内联事件处理属性 `{shown}=`"))
            elif attr_ns not in ("", XLINK) or not attribute_allowed(SVG, local, shown):
                problems.append((line_of(attr), f"`<{local}>` 上不允许的属性 `{shown}`"))
            elif attr == "href" and not value.startswith("#"):
                problems.append((line_of(attr), f"`{shown}` 只能引用本文件的 `#id`，不能引用 `{value[:60]}`"))
            elif attr == "style":
                problems.extend((line_of(attr), p) for p in stylesheet_problems(f"x{{{value}}}"))

    def text(data: str) -> None:
        if style_text:
            style_text[-1][1].append(data)

    def end(name: str) -> None:
        if name.endswith(" style") and style_text:
            line, parts = style_text.pop()
            problems.extend((line, p) for p in stylesheet_problems("".join(parts)))

    def doctype(*_args) -> None:
        problems.append((where(), "DOCTYPE（其中的实体可以展开成任意标记）"))

    def instruction(target: str, _data: str) -> None:
        problems.append((where(), f"处理指令 `<?{target} …?>`"))

    parser.StartElementHandler = start
    parser.EndElementHandler = end
    parser.CharacterDataHandler = text
    parser.StartDoctypeDeclHandler = doctype
    parser.ProcessingInstructionHandler = instruction
    try:
        parser.Parse(data, True)
    except expat.ExpatError as err:
        problems.append((err.lineno, f"不是格式正确的 XML：{expat.ErrorString(err.code)}"))
    return problems
