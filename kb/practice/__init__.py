"""Practice mode at build time: the question catalogue, answers marked for hiding, card data, the 复习 page.

Everything here is pure functions on strings and the question index; hooks/practice.py only wires
them into MkDocs. The browser code lives in overrides/assets/javascripts/practice/.
"""
