"""The allow-list: which elements and attributes may appear in published content, per namespace.

Anything not listed is refused, so a new trick (an SVG animation, a MathML integration point, a
tag the browser re-parents) fails the build until someone decides it is safe and lists it here.
The lists are what the site's Markdown, KaTeX, the emoji extension and notebook outputs produce.
"""
from __future__ import annotations

from kb.safety.dom import HTML, MATHML, SVG

GLOBAL = frozenset({"id", "class", "title", "lang", "dir", "hidden", "tabindex", "role", "style", "translate"})

HTML_ELEMENTS: dict[str, frozenset[str]] = {
    name: frozenset(extra.split())
    for name, extra in {
        "a": "href name rel target hreflang", "abbr": "", "aside": "", "b": "", "bdi": "", "bdo": "",
        "blockquote": "cite", "br": "", "caption": "", "cite": "", "code": "", "col": "span", "colgroup": "span",
        "dd": "", "del": "cite datetime", "details": "open", "dfn": "", "div": "", "dl": "", "dt": "", "em": "",
        "figcaption": "", "figure": "", "h1": "", "h2": "", "h3": "", "h4": "", "h5": "", "h6": "", "hr": "",
        "i": "", "img": "src alt width height loading decoding srcset", "ins": "cite datetime", "kbd": "",
        "label": "for", "li": "value", "mark": "", "ol": "start reversed type", "p": "", "pre": "", "q": "cite",
        "rp": "", "rt": "", "ruby": "", "s": "", "samp": "", "section": "", "small": "", "span": "", "strong": "",
        "sub": "", "summary": "", "sup": "", "table": "", "tbody": "", "td": "colspan rowspan align",
        "tfoot": "", "th": "colspan rowspan align scope", "thead": "", "time": "datetime", "tr": "", "u": "",
        "ul": "", "var": "", "wbr": "",
        # tabs (pymdownx.tabbed) and task lists: radio buttons and check boxes, no other input
        "input": "type name checked disabled",
        # mkdocs-jupyter's copy button (a custom element; its "," attribute is a quirk of its template)
        "clipboard-copy": "for aria-label ,",
    }.items()
}
INPUT_TYPES = frozenset({"radio", "checkbox"})



def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


SVG_ATTRIBUTES = _words(
    "viewBox width height preserveAspectRatio version xmlns:xmlns xmlns:xlink x y x1 y1 x2 y2 cx cy r rx ry d points "
    "transform fill fill-rule fill-opacity clip-rule stroke stroke-width stroke-linecap stroke-linejoin "
    "stroke-miterlimit stroke-dasharray stroke-opacity opacity focusable aria-hidden aria-label "
    "offset stop-color stop-opacity gradientUnits gradientTransform font-size font-family text-anchor "
    "dominant-baseline dx dy"
)
SVG_ELEMENTS = _words(
    "svg g path line rect circle ellipse polygon polyline title desc defs symbol clipPath linearGradient "
    "radialGradient stop text tspan use"
)
MATHML_ATTRIBUTES = _words(
    "xmlns:xmlns display mathvariant stretchy fence separator lspace rspace minsize maxsize accent accentunder "
    "linethickness width height depth voffset rowspacing columnspacing columnalign rowalign columnlines "
    "rowlines scriptlevel displaystyle encoding movablelimits symmetric largeop notation frame framespacing "
    "equalrows equalcolumns side mathcolor mathbackground"
)
# No <annotation-xml>: it can hold HTML, the door of the <math><style> tricks.
MATHML_ELEMENTS = _words(
    "math semantics annotation mrow mi mn mo ms mtext mspace msqrt mroot mfrac msub msup msubsup munder mover "
    "munderover mtable mtr mtd mlabeledtr mstyle mpadded mphantom menclose merror"
)

# Attributes that hold a URL, wherever they appear; data: is allowed only for images.
URL_ATTRIBUTES = frozenset({"href", "src", "cite", "xlink:href", "action", "formaction", "poster", "background", "ping"})
IMAGE_ATTRIBUTES = frozenset({"img.src"})


def attribute_allowed(namespace: str, element: str, attribute: str) -> bool:
    """True when ``attribute`` may appear on ``element`` of ``namespace`` in content."""
    if attribute.startswith(("on", "xmlns:")) and attribute not in ("xmlns:xmlns", "xmlns:xlink"):
        return False
    if namespace == HTML:
        if attribute in GLOBAL or attribute.startswith("aria-"):
            return True
        if attribute.startswith("data-"):
            return not attribute.startswith("data-md-")  # the theme's scripts act on data-md-*
        return attribute in HTML_ELEMENTS.get(element, frozenset())
    if namespace == SVG:
        if element == "use" and attribute in ("href", "xlink:href"):
            return True  # checked to be a #fragment of the same page
        return attribute in SVG_ATTRIBUTES or attribute in ("class", "style", "id", "role") or attribute.startswith("data-")
    if namespace == MATHML:
        return attribute in MATHML_ATTRIBUTES or attribute in ("class", "style", "id")
    return False


def element_allowed(namespace: str, element: str) -> bool:
    if namespace == HTML:
        return element in HTML_ELEMENTS
    if namespace == SVG:
        return element in SVG_ELEMENTS
    if namespace == MATHML:
        return element in MATHML_ELEMENTS
    return False
